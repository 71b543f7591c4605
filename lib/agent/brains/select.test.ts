import { afterEach, describe, expect, it } from "vitest";
import { startScriptedServer, type ScriptedServer } from "../testing/scripted-server";
import { configVariables } from "@/lib/platform/config";
import { DEFAULT_AGENT_MODEL } from "./llm-brain";
import { plansOffline, selectBrain } from "./select";
import type { BrainRequest } from "./types";

let server: ScriptedServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const request = (): BrainRequest => ({
  phase: "step",
  messages: [{ role: "user", content: "hi" }],
  stop: ["</code>"],
  signal: new AbortController().signal,
  context: { goal: "g", step: 1, maxSteps: 3, toolNames: [], placed: [] },
});

async function collect(it: AsyncIterable<string>): Promise<string> {
  let out = "";
  for await (const d of it) out += d;
  return out;
}

describe("selectBrain", () => {
  it("is offline with no token and no endpoint", () => {
    expect(selectBrain({}).id).toBe("offline");
  });
  it("is the LLM with a token (default model) or an endpoint", () => {
    expect(selectBrain({ HF_TOKEN: "hf_x" }).id).toBe("llm:Qwen/Qwen2.5-Coder-32B-Instruct");
    expect(selectBrain({ HF_TOKEN: "hf_x", AGENT_MODEL: "org/model" }).id).toBe("llm:org/model");
    expect(selectBrain({ AGENT_ENDPOINT_URL: "http://127.0.0.1:8080/" }).id).toBe("llm:default@http://127.0.0.1:8080");
  });
  it("honours AGENT_PLANNER", () => {
    expect(selectBrain({ HF_TOKEN: "hf_x", AGENT_PLANNER: "offline" }).id).toBe("offline");
    expect(() => selectBrain({ AGENT_PLANNER: "llm" })).toThrow(/needs HF_TOKEN or AGENT_ENDPOINT_URL/);
    expect(() => selectBrain({ AGENT_PLANNER: "gpt" })).toThrow(/must be "offline" or "llm"/);
    expect(selectBrain({ AGENT_PLANNER: " Offline ", AGENT_ENDPOINT_URL: "http://127.0.0.1:8080" }).id).toBe("offline");
  });

  it("uses the model the README names as the default", () => {
    expect(configVariables.AGENT_MODEL.default).toBe(`\`${DEFAULT_AGENT_MODEL}\``);
  });

  it("never sends the HF token to an arbitrary endpoint, and enforces stop sequences client-side", async () => {
    server = await startScriptedServer(["Thought: x\n<code>\na()\n</code>\nObservation: made up"], { honourStop: false });
    const brain = selectBrain({ HF_TOKEN: "hf_secret", AGENT_ENDPOINT_URL: server.url });
    const text = await collect(brain.next(request()));
    expect(text).toBe("Thought: x\n<code>\na()\n");
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
    expect(server.requests[0]?.body.provider).toBeUndefined();
  });

  it("sends AGENT_ENDPOINT_TOKEN when given", async () => {
    server = await startScriptedServer(["ok"]);
    const brain = selectBrain({ AGENT_ENDPOINT_URL: server.url, AGENT_ENDPOINT_TOKEN: "local-key" });
    expect(await collect(brain.next(request()))).toBe("ok");
    expect(server.requests[0]?.headers.authorization).toBe("Bearer local-key");
  });
});

describe("plansOffline", () => {
  it("is true with no token and no endpoint, or when AGENT_PLANNER=offline", () => {
    expect(plansOffline({})).toBe(true);
    expect(plansOffline({ HF_TOKEN: "hf_x" })).toBe(false);
    expect(plansOffline({ HF_TOKEN: "hf_x", AGENT_PLANNER: "offline" })).toBe(true);
    expect(plansOffline({ AGENT_PLANNER: "llm", AGENT_ENDPOINT_URL: "http://127.0.0.1:8080" })).toBe(false);
  });
});
