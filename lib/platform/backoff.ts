// Retry delays, in one place: exponential growth with "equal jitter" (half fixed, half random). Jitter
// matters: when a Space or a model server answers 503 to several callers at once, identical delays would
// bring them all back at the same instant to collide again; the fixed half means a retry never fires at once.

export interface BackoffPolicy {
  /** First delay, before jitter. */
  baseDelayMs: number;
  /** Ceiling of the exponential growth, before jitter. */
  maxDelayMs: number;
}

/** Delay before retry number `retry` (1-based): `retry=1` → [base/2, base), `retry=2` → [base, 2·base)… */
export function backoffDelay(retry: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  const r = Math.min(Math.max(random(), 0), 0.999999);
  return Math.round(exp / 2 + (exp / 2) * r);
}
