import { describe, expect, it } from "vitest";
import {
  corruptBytes,
  drawFaultPlan,
  FaultSpecError,
  formatFaultProfile,
  mergeFaults,
  parseFaultSpec,
  Prng,
  quotaMessage,
} from "./faults";

describe("fault spec", () => {
  it("parses both separators, ranges and aliases, and formats canonically", () => {
    const p = parseFaultSpec("latency=500-2000~error=0.3,queue-full=0.1, seed=7 ,concurrency=2,timeout=0,crash=1");
    expect(p).toEqual({
      latencyMs: { min: 500, max: 2000 },
      error: 0.3,
      queueFull: 0.1,
      seed: 7,
      concurrency: 2,
      timeout: 0,
      crash: 1,
    });
    expect(formatFaultProfile(p)).toBe("concurrency=2~crash=1~error=0.3~latency=500-2000~queue_full=0.1~seed=7~timeout=0");
    expect(parseFaultSpec(formatFaultProfile(p))).toEqual(p);
    expect(parseFaultSpec("")).toEqual({});
  });

  it("refuses typos and out-of-range values", () => {
    for (const bad of ["eror=0.3", "error=2", "error=", "error", "latency=abc", "latency=5-1", "concurrency=0", "seed=-1", "quota=x"]) {
      expect(() => parseFaultSpec(bad), bad).toThrow(FaultSpecError);
    }
  });

  it("merges key by key", () => {
    expect(mergeFaults({ error: 0.1, latencyMs: { min: 1, max: 1 } }, { error: 0.5 })).toEqual({
      error: 0.5,
      latencyMs: { min: 1, max: 1 },
    });
  });
});

describe("fault plans", () => {
  it("are reproducible from the seed and respect rates", () => {
    const draw = (seed: number) => Array.from({ length: 200 }, () => drawFaultPlan({ error: 0.3 }, new Prng(seed)));
    expect(draw(1)).toEqual(draw(1));
    const prng = new Prng(42);
    const plans = Array.from({ length: 2000 }, () => drawFaultPlan({ error: 0.3, latencyMs: { min: 10, max: 20 } }, prng));
    const rate = plans.filter((p) => p.error).length / plans.length;
    expect(rate).toBeGreaterThan(0.25);
    expect(rate).toBeLessThan(0.35);
    expect(plans.every((p) => p.latencyMs >= 10 && p.latencyMs <= 20 && !p.hang && !p.quota)).toBe(true);
  });

  it("writes the ZeroGPU quota message and breaks bytes", () => {
    expect(quotaMessage({ requestedS: 120, leftS: 44, retryIn: "23:14:07" })).toBe(
      "You have exceeded your free ZeroGPU quota (120s requested vs. 44s left). Try again in 23:14:07.",
    );
    const data = new Uint8Array(999).fill(7);
    expect(corruptBytes(data, "truncated", 1).byteLength).toBe(333);
    const noise = corruptBytes(data, "garbage", 1);
    expect(noise).not.toEqual(data);
    expect(corruptBytes(data, "garbage", 1)).toEqual(noise);
  });
});
