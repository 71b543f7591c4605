import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EmittedEvent } from "@/lib/contracts/build-events";
import { DELTA_FLUSH_MS, deltaEmitter } from "./deltas";

// Streamed text becomes few persisted events, and never waits long to be shown.
describe("deltaEmitter", () => {
  let events: EmittedEvent[];
  beforeEach(() => {
    vi.useFakeTimers();
    events = [];
  });
  afterEach(() => vi.useRealTimers());
  const deltas = () => events.filter((e) => e.type === "thought.delta").map((e) => e.payload.delta);

  it("coalesces a burst of tokens into one event, keeping every character", () => {
    const out = deltaEmitter((e) => events.push(e), { step: 1, phase: "step" });
    const tokens = Array.from({ length: 300 }, (_, i) => `tok${i}\n`);
    for (const t of tokens) out.push(t);
    expect(events).toHaveLength(0); // held for a moment…
    out.flush();
    expect(deltas()).toEqual([tokens.join("")]);
    expect(events[0]!.payload).toMatchObject({ step: 1, phase: "step" });
  });

  it("shows held text after DELTA_FLUSH_MS even when the stream stalls", () => {
    const out = deltaEmitter((e) => events.push(e), { step: 0, phase: "plan" });
    out.push("Thought: ");
    vi.advanceTimersByTime(DELTA_FLUSH_MS - 1);
    expect(events).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(deltas()).toEqual(["Thought: "]);
    out.push("two towers");
    vi.advanceTimersByTime(DELTA_FLUSH_MS);
    expect(deltas()).toEqual(["Thought: ", "two towers"]);
    out.flush(); // nothing left: no empty event
    expect(events).toHaveLength(2);
  });

  it("a reset drops held text and says so", () => {
    const out = deltaEmitter((e) => events.push(e), { step: 2, phase: "step" });
    out.push("half a thou");
    out.reset();
    vi.advanceTimersByTime(DELTA_FLUSH_MS * 2);
    expect(events.map((e) => e.payload)).toEqual([{ step: 2, phase: "step", reset: true }]);
  });

  it("a very long burst is split, not held whole", () => {
    const out = deltaEmitter((e) => events.push(e), { step: 1, phase: "step" });
    for (let i = 0; i < 1000; i++) out.push("0123456789");
    out.flush();
    expect(deltas().length).toBeGreaterThan(1);
    expect(deltas().join("")).toBe("0123456789".repeat(1000));
  });
});
