import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "./breaker";
import { FakeClock } from "../testing/memory";

/** A breaker on a fake clock that one failure ("down") has opened for `coolDownMs`. */
function openedBreaker(coolDownMs: number) {
  const clock = new FakeClock();
  const b = new CircuitBreaker(clock, { failureThreshold: 1, coolDownMs });
  b.onFailure("down");
  return { clock, b };
}

describe("CircuitBreaker", () => {
  it("opens after N consecutive failures and refuses calls during the cool-down", () => {
    const clock = new FakeClock();
    const b = new CircuitBreaker(clock, { failureThreshold: 3, coolDownMs: 1000 });
    expect(b.current()).toBe("closed");
    b.onFailure("503");
    b.onFailure("503");
    expect(b.tryAcquire()).toBe(true);
    b.onFailure("dropped");
    expect(b.current()).toBe("open");
    expect(b.tryAcquire()).toBe(false);
    expect(b.wouldAllow()).toBe(false);
    expect(b.reason()).toBe("dropped");
    expect(b.retryInMs()).toBe(1000);
  });

  it("a success resets the consecutive count", () => {
    const b = new CircuitBreaker(new FakeClock(), { failureThreshold: 2, coolDownMs: 1000 });
    b.onFailure("x");
    b.onSuccess();
    b.onFailure("x");
    expect(b.current()).toBe("closed");
  });

  it("half-open lets exactly one probe through; success closes, failure reopens", async () => {
    const { clock, b } = openedBreaker(1000);
    await clock.advance(999);
    expect(b.tryAcquire()).toBe(false);
    await clock.advance(1);
    expect(b.current()).toBe("half-open");
    expect(b.tryAcquire()).toBe(true); // the probe
    expect(b.tryAcquire()).toBe(false); // everyone else waits for it
    b.onFailure("still down");
    expect(b.current()).toBe("open");
    await clock.advance(1000);
    expect(b.tryAcquire()).toBe(true);
    b.onSuccess();
    expect(b.current()).toBe("closed");
    expect(b.tryAcquire()).toBe(true);
  });

  it("a neutral outcome (bad input, abort) frees the probe without judging the Space", async () => {
    const { clock, b } = openedBreaker(10);
    await clock.advance(10);
    expect(b.tryAcquire()).toBe(true);
    b.onNeutral();
    expect(b.tryAcquire()).toBe(true);
  });

  it("trip() opens at once for at least the given time (ZeroGPU quota)", async () => {
    const clock = new FakeClock();
    const b = new CircuitBreaker(clock, { failureThreshold: 3, coolDownMs: 100 });
    b.trip("quota", 60_000);
    expect(b.current()).toBe("open");
    await clock.advance(59_999);
    expect(b.current()).toBe("open");
    await clock.advance(1);
    expect(b.current()).toBe("half-open");
  });
});
