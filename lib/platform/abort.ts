// Cancellation, in one place: the error that says "stopped on purpose", and the two ways code waits while a
// signal may fire (racing a promise, sleeping). Everything that can be cancelled — a build, a Space call, a
// queued job of a built-in Space — uses these, so a cancel is recognised the same way at every layer.

/** Work stopped on purpose (the owner cancelled, a budget ran out, the server is stopping): not a failure. */
export class CancelledError extends Error {
  constructor(message = "Cancelled.") {
    super(message);
    this.name = "CancelledError";
  }
}

/** Why a signal fired, in words: its reason's message, or a plain default. */
export function abortReason(signal: AbortSignal, fallback = "The call was cancelled"): string {
  const r: unknown = signal.reason;
  if (r instanceof Error && r.message) return r.message;
  if (typeof r === "string" && r) return r;
  return fallback;
}

type ErrorFor = (signal: AbortSignal) => Error;
const cancelled: ErrorFor = (signal) => new CancelledError(abortReason(signal));

/**
 * Settles like `p`, or rejects with `errorFor(signal)` as soon as `signal` fires, even when `p` ignores the
 * signal (it keeps running; its own later rejection is swallowed so it is never reported as unhandled).
 */
export function raceAbort<T>(p: Promise<T>, signal: AbortSignal, errorFor: ErrorFor = cancelled): Promise<T> {
  if (signal.aborted) {
    p.catch(() => undefined);
    return Promise.reject(errorFor(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      p.catch(() => undefined);
      reject(errorFor(signal));
    };
    signal.addEventListener("abort", onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** Resolves after `ms`, or rejects with `errorFor(signal)` as soon as `signal` fires. */
export function sleep(ms: number, signal?: AbortSignal, errorFor: ErrorFor = cancelled): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(errorFor(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(errorFor(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
