import { describe, expect, it } from "vitest";
import { backoffDelay, type BackoffPolicy } from "./backoff";

const policy: BackoffPolicy = { baseDelayMs: 1000, maxDelayMs: 8000 };

describe("backoffDelay", () => {
  it("grows exponentially with equal jitter, capped", () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(500);
    expect(backoffDelay(1, policy, () => 0.999999)).toBe(1000);
    expect(backoffDelay(2, policy, () => 0)).toBe(1000);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(3000);
    expect(backoffDelay(10, policy, () => 0)).toBe(4000);
    expect(backoffDelay(10, policy, () => 1)).toBeLessThanOrEqual(8000);
  });

  it("spreads concurrent retries (different random draws give different delays)", () => {
    const delays = [0.1, 0.4, 0.9].map((r) => backoffDelay(2, policy, () => r));
    expect(new Set(delays).size).toBe(3);
  });
});
