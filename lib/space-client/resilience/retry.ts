import "server-only";
import type { BackoffPolicy } from "@/lib/platform/backoff";
import { retriesFor, type FailureKind } from "../errors";

// When to retry the same Space; how long to wait is lib/platform/backoff.ts.

export interface RetryPolicy extends BackoffPolicy {
  /** Retries on the same Space for transient faults and timeouts (attempts = 1 + this). */
  transientRetries: number;
}

export const defaultRetryPolicy: RetryPolicy = { transientRetries: 2, baseDelayMs: 1_000, maxDelayMs: 20_000 };

/** Whether to retry the same Space after `attemptsSoFar` attempts that ended with `kind`. */
export function shouldRetry(kind: FailureKind, attemptsSoFar: number, policy: RetryPolicy): boolean {
  return attemptsSoFar <= retriesFor(kind, policy.transientRetries);
}
