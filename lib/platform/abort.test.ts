import { describe, expect, it } from "vitest";
import { abortReason, CancelledError, raceAbort, sleep } from "./abort";

describe("raceAbort", () => {
  it("settles like the promise when the signal never fires", async () => {
    await expect(raceAbort(Promise.resolve(7), new AbortController().signal)).resolves.toBe(7);
    await expect(raceAbort(Promise.reject(new Error("boom")), new AbortController().signal)).rejects.toThrow("boom");
  });

  it("rejects with a CancelledError carrying the reason as soon as the signal fires, even if the promise ignores it", async () => {
    const controller = new AbortController();
    const never = new Promise<never>(() => undefined);
    const raced = raceAbort(never, controller.signal);
    controller.abort(new Error("owner cancelled"));
    const err = await raced.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CancelledError);
    expect((err as Error).message).toBe("owner cancelled");
  });

  it("uses the caller's error for a signal already fired, and swallows the promise's later rejection", async () => {
    const controller = new AbortController();
    controller.abort();
    let rejectLater!: (e: Error) => void;
    const p = new Promise<never>((_, reject) => (rejectLater = reject));
    const err = await raceAbort(p, controller.signal, () => new RangeError("mine")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RangeError);
    rejectLater(new Error("late")); // would be an unhandled rejection without the swallow
    await new Promise((r) => setTimeout(r, 10));
  });
});

describe("sleep", () => {
  it("waits, or stops at once when the signal fires", async () => {
    const t0 = Date.now();
    await sleep(20);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(15);
    const controller = new AbortController();
    const slept = sleep(10_000, controller.signal);
    controller.abort("stop");
    await expect(slept).rejects.toThrow("stop");
  });
});

describe("abortReason", () => {
  it("reads an Error's message (a bare abort() gives the platform's own), a string, or falls back", () => {
    const c = new AbortController();
    c.abort(new Error("why"));
    expect(abortReason(c.signal)).toBe("why");
    const d = new AbortController();
    d.abort();
    expect(abortReason(d.signal)).toBe("This operation was aborted");
    const e = new AbortController();
    e.abort("owner left");
    expect(abortReason(e.signal)).toBe("owner left");
    const f = new AbortController();
    f.abort(42);
    expect(abortReason(f.signal, "cancelled")).toBe("cancelled");
  });
});
