import { describe, expect, it } from "vitest";
import { buildEventSchema, emittedEventSchema, type EmittedEvent } from "./build-events";
import { toolEvent } from "./tool-events";

const envelope = { buildId: "b1", seq: 3, at: "2026-01-01T00:00:00.000Z" };

describe("build events", () => {
  it("parses each type with its own payload", () => {
    const event: EmittedEvent = { type: "step.started", payload: { step: 2, maxSteps: 12 } };
    const parsed = buildEventSchema.parse({ ...envelope, ...event });
    expect(parsed).toEqual({ ...envelope, ...event });
    if (parsed.type === "step.started") expect(parsed.payload.maxSteps).toBe(12);
  });

  it("refuses a payload of another type, an unknown type and a missing envelope", () => {
    expect(emittedEventSchema.safeParse({ type: "code", payload: { step: 1 } }).success).toBe(false);
    expect(emittedEventSchema.safeParse({ type: "no.such", payload: {} }).success).toBe(false);
    expect(buildEventSchema.safeParse({ type: "code", payload: { step: 1, code: "x" } }).success).toBe(false);
  });

  it("drops fields that are not in the contract", () => {
    const parsed = emittedEventSchema.parse({ type: "error", payload: { message: "boom", stack: "…" } });
    expect(parsed.payload).toEqual({ message: "boom" });
  });

  it("joins a tool event's call context and its own fields", () => {
    const event = toolEvent("tool.failed", { capability: "text-to-image", callId: "c1" }, { error: "no", kind: "input", calls: [] });
    expect(event).toEqual({ type: "tool.failed", payload: { capability: "text-to-image", callId: "c1", error: "no", kind: "input", calls: [] } });
    expect(emittedEventSchema.parse(event)).toEqual(event);
  });
});
