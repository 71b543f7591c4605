import { describe, expect, it } from "vitest";
import type { BuildEvent, BuildEventType } from "@/lib/contracts/build-events";
import { applyBuildEvent, emptyLog, type CallEntry } from "./build-log";

let seq = 0;
const ev = (type: BuildEventType, payload: Record<string, unknown> = {}): BuildEvent => ({
  buildId: "b1",
  seq: seq++,
  type,
  payload,
  at: new Date(0).toISOString(),
});

describe("applyBuildEvent", () => {
  it("folds a Space call's lifecycle into one entry", () => {
    seq = 0;
    const events = [
      ev("tool.queued", { callId: "c1", tool: "image_to_3d", exhibit: "eiffel", space: "shape-3d", position: 2, queueSize: 3 }),
      ev("tool.progress", { callId: "c1", progress: 0.5, message: "meshing" }),
      ev("tool.retried", { callId: "c1", attempt: 2, reason: "503 busy" }),
      ev("tool.fellback", { callId: "c1", from: "microsoft/TRELLIS.2", to: "shape-3d", reason: "ZeroGPU quota exceeded" }),
      ev("tool.done", { callId: "c1", durationMs: 1234 }),
    ];
    const log = events.reduce(applyBuildEvent, emptyLog);
    const calls = log.entries.filter((e): e is CallEntry => e.kind === "call");
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ status: "done", progress: 1, durationMs: 1234, attempts: 2, space: "shape-3d" });
    expect(calls[0]!.notes.join(" ")).toContain("Fell back from microsoft/TRELLIS.2 to shape-3d");
  });

  it("concatenates streamed thought deltas and ignores replayed events", () => {
    seq = 0;
    const a = ev("thought.delta", { text: "I will " });
    const b = ev("thought.delta", { text: "draw six." });
    let log = [a, b].reduce(applyBuildEvent, emptyLog);
    log = applyBuildEvent(log, a);
    expect(log.entries).toEqual([{ kind: "thought", id: "b1:0", text: "I will draw six." }]);
  });

  it("marks the log finished with the build's status", () => {
    seq = 0;
    const log = [ev("build.started"), ev("build.finished", { status: "cancelled" })].reduce(applyBuildEvent, emptyLog);
    expect(log.finished).toBe(true);
    expect(log.status).toBe("cancelled");
  });
});

describe("applyBuildEvent across builds", () => {
  it("keeps a cursor per build, so a regeneration's events follow the first build's", () => {
    const first: BuildEvent = { buildId: "b1", seq: 5, type: "build.finished", payload: { status: "succeeded" }, at: "" };
    const second: BuildEvent = { buildId: "b2", seq: 0, type: "build.started", payload: {}, at: "" };
    const log = [first, second, first].reduce(applyBuildEvent, emptyLog);
    expect(log.buildId).toBe("b2");
    expect(log.finished).toBe(false);
    expect(log.lastSeq).toEqual({ b1: 5, b2: 0 });
    expect(log.entries).toHaveLength(2);
  });
});
