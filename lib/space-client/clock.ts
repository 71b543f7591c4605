import "server-only";
import { AbortedError, abortReason } from "./errors";

// Time is injected so that backoff, breaker cool-downs and timeouts can be tested without waiting.

export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects with an AbortedError as soon as `signal` fires. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(new AbortedError(abortReason(signal)));
      const onAbort = () => {
        clearTimeout(timer);
        reject(new AbortedError(abortReason(signal!)));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, Math.max(0, ms));
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
};

/** A random source in [0, 1): injectable for deterministic jitter in tests. */
export type Random = () => number;
