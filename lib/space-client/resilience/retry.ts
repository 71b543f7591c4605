import "server-only";
import type { Random } from "../clock";
import { retriesFor, type FailureKind } from "../errors";

// Retries with jittered exponential backoff. Jitter matters here: when a Space answers 503 to several exhibits
// at once, identical delays would make them all come back at the same instant and collide again.

export interface RetryPolicy {
  /** Retries on the same Space for transient faults and timeouts (attempts = 1 + this). */
  transientRetries: number;
  /** First delay before jitter. */
  baseDelayMs: number;
  /** Ceiling of the exponential growth, before jitter. */
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { transientRetries: 2, baseDelayMs: 1_000, maxDelayMs: 20_000 };

/**
 * Delay before retry number `retry` (1-based): "equal jitter", half fixed and half random, so a retry never
 * fires immediately yet concurrent callers spread out. `retry=1` → [base/2, base), `retry=2` → [base, 2·base)…
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: Random): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  const r = Math.min(Math.max(random(), 0), 0.999999);
  return Math.round(exp / 2 + (exp / 2) * r);
}

/** Whether to retry the same Space after `attemptsSoFar` attempts that ended with `kind`. */
export function shouldRetry(kind: FailureKind, attemptsSoFar: number, policy: RetryPolicy): boolean {
  return attemptsSoFar <= retriesFor(kind, policy.transientRetries);
}
