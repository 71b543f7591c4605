import "server-only";
import { sleep } from "@/lib/platform/abort";
import { abortedError } from "./errors";

// Time is injected so that backoff, breaker cool-downs and timeouts can be tested without waiting.

export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects with an AbortedError as soon as `signal` fires. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep(Math.max(0, ms), signal, abortedError),
};

/** A random source in [0, 1): injectable for deterministic jitter in tests. */
export type Random = () => number;
