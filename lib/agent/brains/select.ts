import "server-only";
import { config, readConfig, type RawEnv } from "@/lib/platform/config";
import { createLlmBrain, type LlmBrainOptions } from "./llm-brain";
import { createOfflineBrain } from "./offline-brain";
import type { Brain } from "./types";

// Which brain a build gets: an LLM when a token or an endpoint is configured, the offline planner otherwise;
// AGENT_PLANNER=offline|llm overrides the rule (lib/platform/config.ts parses it and refuses any other value).

/** The HF token goes only to Hugging Face hosts: an arbitrary endpoint must not receive it. */
function isHuggingFaceHost(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === "huggingface.co" || host.endsWith(".huggingface.co") || host.endsWith(".huggingface.cloud") || host.endsWith(".hf.space");
  } catch {
    return false;
  }
}

/** Whether builds are planned by the offline brain under the configuration in `env` (default the process's). */
export function plansOffline(env?: RawEnv): boolean {
  const c = env ? readConfig(env) : config();
  return c.AGENT_PLANNER ? c.AGENT_PLANNER === "offline" : !(c.HF_TOKEN || c.AGENT_ENDPOINT_URL);
}

/** The brain for the configuration in `env` (tests pass their own), by default the process's. */
export function selectBrain(env?: RawEnv, extra: Pick<LlmBrainOptions, "retry" | "requestTimeoutMs"> = {}): Brain {
  const c = env ? readConfig(env) : config();
  const token = c.HF_TOKEN;
  const endpointUrl = c.AGENT_ENDPOINT_URL;
  if (plansOffline(env)) return createOfflineBrain();
  if (!token && !endpointUrl) throw new Error("AGENT_PLANNER=llm needs HF_TOKEN or AGENT_ENDPOINT_URL");
  return createLlmBrain({
    model: c.AGENT_MODEL,
    token,
    endpointUrl,
    endpointToken: endpointUrl ? (c.AGENT_ENDPOINT_TOKEN ?? (token && isHuggingFaceHost(endpointUrl) ? token : undefined)) : undefined,
    ...extra,
  });
}
