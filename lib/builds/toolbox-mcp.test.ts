// A gallery's toolbox speaks MCP to a Space that offers it: a built-in Space added by URL is discovered with its
// MCP tool, the agent's function calls it over MCP (progress and "Called over MCP" in the build log), and when
// the Space's MCP endpoint fails (the mcp_down fault) the same call goes through the Gradio API, logged.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BuildEvent, EmittedEvent } from "@/lib/contracts/build-events";
import { createGallery } from "@/lib/db/galleries";
import { putGalleryTool } from "@/lib/db/tools";
import { applyBuildEvent, emptyLog, type CallEntry } from "@/lib/live/build-log";
import { discoveredAgentTools } from "./gallery-tools";
import { getSpaceClient } from "./space-client";
import { startBuildHarness, type BuildHarness } from "./testing/harness";

let h: BuildHarness;
beforeAll(async () => {
  h = await startBuildHarness();
  h.configure({});
});
afterAll(async () => {
  await h?.close();
});

/** Adds the Space to a new gallery's toolbox (as "Add Space" does), then calls the agent's function once. */
async function callThroughToolbox(spaceUrl: string, args: Record<string, unknown>) {
  const { id } = await createGallery({ title: "Toolbox", goal: "toolbox over MCP" });
  const tool = await getSpaceClient().discover(spaceUrl, { signal: AbortSignal.timeout(30_000) });
  await putGalleryTool(id, tool.space, tool as unknown as Record<string, unknown>);
  const [agentTool] = await discoveredAgentTools(id, getSpaceClient(), new Map(), new Set());
  const events: EmittedEvent[] = [];
  const result = await agentTool!.run(args, { signal: AbortSignal.timeout(60_000), emit: (e) => events.push(e), callId: "call-1" });
  let seq = 0;
  const log = events.reduce((l, e) => applyBuildEvent(l, { ...e, buildId: "b", seq: ++seq, at: new Date().toISOString() } as BuildEvent), emptyLog);
  const entry = log.entries.find((e): e is CallEntry => e.kind === "call")!;
  return { tool, agentTool: agentTool!, result, events, entry };
}

describe("the toolbox over MCP", () => {
  it("calls a built-in Space added by URL over MCP, with its MCP schema, progress and the log saying so", async () => {
    const { tool, agentTool, result, events, entry } = await callThroughToolbox(`${h.spacesBase}/sketch-image`, { prompt: "a red lantern", width: 128, height: 128 });
    expect(tool.mcp).toMatchObject({ url: `${h.spacesBase}/sketch-image/gradio_api/mcp/`, name: "sketch_image_generate" });
    expect(agentTool.description).toMatch(/Draws the subject of the prompt.*over MCP/);
    expect(agentTool.signature).toMatch(/prompt: string;/);
    expect(result).toEqual([expect.objectContaining({ kind: "image", width: 128, height: 128 }), 0]);
    const progress = events.filter((e) => e.type === "tool.progress").map((e) => e.payload as { message?: string; fraction?: number });
    expect(progress.some((p) => p.message === "over MCP")).toBe(true);
    expect(progress.some((p) => typeof p.fraction === "number" && /^Progress: /.test(p.message ?? ""))).toBe(true);
    expect(events.find((e) => e.type === "tool.done")!.payload).toMatchObject({ via: "mcp" });
    expect(entry).toMatchObject({ status: "done", notes: ["Called over MCP"] });
    // Called over MCP: the Gradio queue never saw it.
    expect(h.spaceJoins.filter((s) => s === "sketch-image")).toEqual([]);
  });

  it("falls back to the Gradio API when the Space's MCP endpoint fails, and says so in the log", async () => {
    const { tool, result, events, entry } = await callThroughToolbox(`${h.spacesBase}/sketch-image~mcp_down=1`, { prompt: "a blue lantern", width: 128, height: 128 });
    expect(tool.mcp).toBeDefined(); // the schema answered; the MCP endpoint itself is down
    expect(result).toEqual([expect.objectContaining({ kind: "image", width: 128 }), 0]);
    const done = events.find((e) => e.type === "tool.done")!.payload as { via?: string; mcpError?: string };
    expect(done.via).toBe("gradio");
    expect(done.mcpError).toMatch(/MCP connect .* failed/);
    expect(events.some((e) => e.type === "tool.progress" && /calling the Gradio API instead/.test((e.payload as { message?: string }).message ?? ""))).toBe(true);
    expect(entry.notes.join()).toMatch(/MCP failed \(.*\); called the Gradio API/);
    expect(h.spaceJoins).toContain("sketch-image~mcp_down=1");
  });

  it("hands a picture a built-in Space drew to another one over MCP by its URL, and uploads other bytes through the Gradio API", async () => {
    const drawn = await getSpaceClient().textToImage({ prompt: "a lighthouse", seed: 4, width: 128, height: 128 });
    const byUrl = await callThroughToolbox(`${h.spacesBase}/relief-3d`, { image: { sha256: drawn.asset.sha256 } });
    expect(byUrl.events.find((e) => e.type === "tool.done")!.payload).toMatchObject({ via: "mcp" });
    expect(byUrl.result).toMatchObject({ kind: "model" });
    const joinsBefore = h.spaceJoins.filter((s) => s === "shape-3d").length;
    // Bytes no built-in Space serves (a picture made here) have no URL: they go up through the Gradio API.
    const inner = await sharp({ create: { width: 40, height: 70, channels: 3, background: "#d94" } }).png().toBuffer();
    const bytes = new Uint8Array(await sharp({ create: { width: 128, height: 128, channels: 3, background: "#000" } }).composite([{ input: inner, left: 44, top: 29 }]).png().toBuffer());
    const uploaded = await callThroughToolbox(`${h.spacesBase}/shape-3d`, { image: bytes });
    expect(uploaded.events.find((e) => e.type === "tool.done")!.payload).toMatchObject({ via: "gradio" });
    expect(uploaded.events.find((e) => e.type === "tool.done")!.payload).not.toHaveProperty("mcpError");
    expect(h.spaceJoins.filter((s) => s === "shape-3d").length).toBe(joinsBefore + 1);
  });
});
