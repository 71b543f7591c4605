import { describe, expect, it } from "vitest";
import type { BuildEvent, EmittedEvent } from "@/lib/contracts/build-events";
import { applyBuildEvent, emptyLog, type CallEntry } from "./build-log";

let seq = 0;
const ev = (event: EmittedEvent, buildId = "b1"): BuildEvent => ({ buildId, seq: seq++, at: new Date(0).toISOString(), ...event });
const call = { capability: "image-to-3d", callId: "c1", exhibit: "eiffel" } as const;
const started: EmittedEvent = { type: "build.started", payload: { kind: "gallery", resumed: false, message: "Build started." } };
const finished = (status: "succeeded" | "cancelled"): EmittedEvent => ({ type: "build.finished", payload: { status, message: `Build ${status}.`, ready: 0, failed: 0 } });

describe("applyBuildEvent", () => {
  it("folds a Space call's lifecycle into one entry", () => {
    seq = 0;
    const events = [
      ev({ type: "tool.queued", payload: { ...call, space: "shape-3d", endpoint: "/run", position: 2, running: 1, limit: 1 } }),
      ev({ type: "tool.progress", payload: { ...call, space: "shape-3d", endpoint: "/run", stage: "queue", position: 1, size: 3 } }),
      ev({ type: "tool.progress", payload: { ...call, space: "shape-3d", endpoint: "/run", stage: "running", fraction: 0.5, message: "meshing" } }),
      ev({ type: "tool.retried", payload: { ...call, space: "shape-3d", endpoint: "/run", attempt: 2, delayMs: 10, kind: "transient", reason: "503 busy" } }),
      ev({ type: "tool.fellback", payload: { ...call, from: "microsoft/TRELLIS.2", to: "shape-3d", kind: "quota", reason: "ZeroGPU quota exceeded", attempts: 1 } }),
    ];
    let log = events.reduce(applyBuildEvent, emptyLog);
    const running = log.entries.filter((e): e is CallEntry => e.kind === "call");
    expect(running).toHaveLength(1);
    expect(running[0]).toMatchObject({ tool: "Modelling", exhibit: "eiffel", progress: null, progressText: "meshing", queueSize: 3, attempts: 2 });

    log = applyBuildEvent(log, ev({ type: "tool.done", payload: { ...call, space: "shape-3d", endpoint: "/run", cached: false, attempts: 2, durationMs: 1234 } }));
    const calls = log.entries.filter((e): e is CallEntry => e.kind === "call");
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ status: "done", progress: 1, durationMs: 1234, attempts: 2, space: "shape-3d" });
    expect(calls[0]!.notes.join(" ")).toContain("Fell back from microsoft/TRELLIS.2 to shape-3d");
  });

  it("replaces a waiting call's place in line as it moves up, in our line and in the Space's queue", () => {
    seq = 0;
    const where = { ...call, space: "shape-3d", endpoint: "/run" };
    const entry = (log: ReturnType<typeof applyBuildEvent>) => log.entries.find((e): e is CallEntry => e.kind === "call")!;
    let log = applyBuildEvent(emptyLog, ev({ type: "tool.queued", payload: { ...where, position: 3, running: 1, limit: 1 } }));
    expect(entry(log)).toMatchObject({ status: "queued", queuePosition: 3 });
    log = applyBuildEvent(log, ev({ type: "tool.queued", payload: { ...where, position: 2, running: 1, limit: 1 } }));
    log = applyBuildEvent(log, ev({ type: "tool.queued", payload: { ...where, position: 1, running: 1, limit: 1 } }));
    expect(entry(log)).toMatchObject({ status: "queued", queuePosition: 1 });
    log = applyBuildEvent(log, ev({ type: "tool.progress", payload: { ...where, stage: "queue", position: 2, size: 3 } }));
    log = applyBuildEvent(log, ev({ type: "tool.progress", payload: { ...where, stage: "queue", position: 0, size: 1 } }));
    expect(entry(log)).toMatchObject({ queuePosition: 0, queueSize: 1 });
    log = applyBuildEvent(log, ev({ type: "tool.progress", payload: { ...where, stage: "running" } }));
    expect(entry(log)).toMatchObject({ status: "running", queuePosition: null });
  });

  it("shows the Space's own progress fraction while a call runs", () => {
    seq = 0;
    const log = applyBuildEvent(emptyLog, ev({ type: "tool.progress", payload: { ...call, space: "s", endpoint: "/run", stage: "running", fraction: 0.25 } }));
    expect(log.entries[0]).toMatchObject({ kind: "call", status: "running", progress: 0.25 });
  });

  it("concatenates streamed thought deltas, drops a restarted reply and ignores replayed events", () => {
    seq = 0;
    const a = ev({ type: "thought.delta", payload: { step: 1, phase: "step", delta: "I will " } });
    const b = ev({ type: "thought.delta", payload: { step: 1, phase: "step", delta: "draw six." } });
    let log = [a, b].reduce(applyBuildEvent, emptyLog);
    log = applyBuildEvent(log, a);
    expect(log.entries).toEqual([{ kind: "thought", id: "b1:0", text: "I will draw six." }]);
    log = applyBuildEvent(log, ev({ type: "thought.delta", payload: { step: 1, phase: "step", reset: true } }));
    expect(log.entries).toEqual([]);
  });

  it("says what the plan holds", () => {
    seq = 0;
    const exhibit = (key: string, title: string) => ({ key, title, prompt: title, description: "", seed: 1 });
    const plan = { title: "Paris", theme: "dusk", exhibits: [exhibit("eiffel", "Eiffel Tower"), exhibit("louvre", "Louvre")], layout: { arrangement: "hall" as const, notes: "" } };
    const log = applyBuildEvent(emptyLog, ev({ type: "plan", payload: { plan, brain: "offline" } }));
    expect(log.entries).toEqual([{ kind: "plan", id: "b1:0", text: "Plan: “Paris” — 2 exhibits: Eiffel Tower, Louvre." }]);
  });

  it("marks the log finished with the build's status", () => {
    seq = 0;
    const log = [ev(started), ev(finished("cancelled"))].reduce(applyBuildEvent, emptyLog);
    expect(log.finished).toBe(true);
    expect(log.status).toBe("cancelled");
  });
});

describe("applyBuildEvent across builds", () => {
  it("keeps a cursor per build, so a regeneration's events follow the first build's", () => {
    const first: BuildEvent = { buildId: "b1", seq: 5, at: "", ...finished("succeeded") };
    const second: BuildEvent = { buildId: "b2", seq: 0, at: "", ...started };
    const log = [first, second, first].reduce(applyBuildEvent, emptyLog);
    expect(log.buildId).toBe("b2");
    expect(log.finished).toBe(false);
    expect(log.lastSeq).toEqual({ b1: 5, b2: 0 });
    expect(log.entries).toHaveLength(2);
  });
});
