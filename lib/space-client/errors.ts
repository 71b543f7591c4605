import "server-only";
import type { failureKinds } from "@/lib/contracts/tool-events";
import { abortReason } from "@/lib/platform/abort";

// Every failure of a Space call is classified into one kind, because the kind alone decides what happens
// next: retry the same Space (transient), retry it once (flaky app error, malformed output), or give up on it
// at once and fall back to the next Space of the capability (everything permanent). Classification reads the
// messages @gradio/client 2.x really produces (see node_modules/@gradio/client/src/constants.ts).

// The kinds are the wire's vocabulary (lib/contracts/tool-events.ts: tool.retried, tool.fellback, tool.failed
// carry one), so the list has its home there; what each means, and what it makes the runner do, is here:
//   transient   queue full (503), dropped connection, 5xx, a Space still waking: the same call may well succeed soon
//   timeout     the attempt ran past its time limit (the job was cancelled); retried like a transient fault
//   quota       ZeroGPU quota exhausted: the same Space will refuse for hours, so never retry it within a build
//   input       our inputs were refused (422, missing/unknown parameter): retrying the same inputs cannot help
//   api         the Space's API no longer matches its adapter, or the endpoint is gone
//   unavailable 401/404, private or deleted Space, paused or broken Space, blocked URL
//   malformed   the Space answered but its output failed validation (not an image, broken GLB…)
//   app-error   the app raised an error (often the opaque "An error occurred"): retried once, then fallback
//   aborted     the caller's AbortSignal fired: stop everything, no fallback
export type FailureKind = (typeof failureKinds)[number];

export class SpaceError extends Error {
  readonly kind: FailureKind;
  /** For quota errors: how long the Space will refuse, when the message says so. */
  readonly retryAfterMs?: number;
  constructor(kind: FailureKind, message: string, opts: { cause?: unknown; retryAfterMs?: number } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "SpaceError";
    this.kind = kind;
    if (opts.retryAfterMs !== undefined) this.retryAfterMs = opts.retryAfterMs;
  }
}

/** A Space's /gradio_api/info no longer matches what its adapter sends. */
export class ApiChangedError extends SpaceError {
  constructor(space: string, detail: string) {
    super("api", `Space ${space} changed its API: ${detail}`);
    this.name = "ApiChangedError";
  }
}

/** An output failed validation; `reason` says why in words a person can act on. */
export class OutputValidationError extends SpaceError {
  constructor(reason: string) {
    super("malformed", reason);
    this.name = "OutputValidationError";
  }
}

export class AbortedError extends SpaceError {
  constructor(reason = "The call was cancelled") {
    super("aborted", reason);
    this.name = "AbortError";
  }
}

/** Retries allowed on the SAME Space after a failure of this kind (attempts = 1 + retries). */
export function retriesFor(kind: FailureKind, transientRetries: number): number {
  switch (kind) {
    case "transient":
    case "timeout":
      return transientRetries;
    case "malformed":
    case "app-error":
      return 1;
    default:
      return 0;
  }
}

/** Whether a failure of this kind says something about the Space's health (counts toward its breaker). */
export function countsAgainstSpace(kind: FailureKind): boolean {
  return kind !== "input" && kind !== "aborted";
}

// ZeroGPU's queue timeout ("No GPU was available after 60s…") can arrive under the "ZeroGPU quota exceeded"
// title; it is a moment's congestion, not hours of spent quota, so it is read before the quota rule.
const NO_GPU_RE = /no gpu (is |was )?(currently )?available/i;
const QUOTA_RE = /exceeded your (free )?(zerogpu |gpu )?quota|zerogpu quota exceeded|quota exceeded/i;
const TRANSIENT_RE = new RegExp(
  [
    "currently busy", // QUEUE_FULL_MSG (503 on queue/join)
    "connection errored out", // BROKEN_CONNECTION_MSG (dropped SSE stream, fetch failure)
    "could not parse server response", // an HTML 502/504 page from a proxy
    "space metadata could not be loaded", // huggingface.co unreachable for a moment
    "could not get api info",
    "could not resolve app config",
    "could not load this space",
    "an unexpected error occurred", // the client's own catch-all for a broken stream
    "fetch failed",
    "econnreset",
    "econnrefused",
    "etimedout",
    "socket hang up",
    "other side closed",
    "gpu task aborted", // ZeroGPU worker pre-empted
    "zerogpu worker error",
    "cuda out of memory",
    "too many requests",
    "http 5\\d\\d",
    "status 5\\d\\d",
    "received status 5\\d\\d",
    "space is (sleeping|building|starting)",
  ].join("|"),
  "i",
);
// Gradio's own refusals of a value: a slider out of range (≥ 5.39: "Value 2147483647 is greater than maximum
// value 10000000."), a choice not listed ("Value: 300 is not in the list of choices: [256, 384, 512]").
const INPUT_RE =
  /no value provided for required parameter|is not a valid keyword argument|validation error|invalid (input|value)|must be (between|less|greater)|value is not|is (greater|less) than (the )?(maximum|minimum)( value)?|not in the list of choices/i;
const API_RE = /no endpoint matching|no api information is available|legacy version of gradio/i;
const UNAVAILABLE_RE =
  /could not be accessed \(received a 40[134]|received a 401|not authorized|private hugging face space|paused|this space is experiencing an issue|space_error|received status 40[134]|http 40[134]/i;

interface ErrorLike {
  message?: unknown;
  title?: unknown;
  code?: unknown;
  broken?: unknown;
  stage?: unknown;
}

/** Turns anything thrown by @gradio/client, fetch or our own code into a classified SpaceError. */
export function classifyError(err: unknown, signal?: AbortSignal): SpaceError {
  if (err instanceof SpaceError) return err;
  if (signal?.aborted) return abortedError(signal);
  const e = (typeof err === "object" && err !== null ? err : {}) as ErrorLike;
  const message = messageOf(err);
  const title = typeof e.title === "string" ? e.title : "";
  const both = `${title} ${message}`;
  if (err instanceof Error && err.name === "AbortError") return new AbortedError(message);
  if (NO_GPU_RE.test(message)) return new SpaceError("transient", message, { cause: err });
  if (QUOTA_RE.test(both)) {
    const retryAfterMs = parseRetryAfter(message);
    return new SpaceError("quota", quotaInWords(message, retryAfterMs), { cause: err, retryAfterMs });
  }
  if (e.code === "validation_error") return new SpaceError("input", message, { cause: err });
  if (e.broken === true) return new SpaceError("transient", message, { cause: err });
  if (API_RE.test(message)) return new SpaceError("api", message, { cause: err });
  if (UNAVAILABLE_RE.test(message)) return new SpaceError("unavailable", message, { cause: err });
  if (TRANSIENT_RE.test(both)) return new SpaceError("transient", message, { cause: err });
  if (INPUT_RE.test(message)) return new SpaceError("input", message, { cause: err });
  // A gr.Error or an exception hidden behind "An error occurred": the app itself failed.
  return new SpaceError("app-error", message || "An error occurred", { cause: err });
}

export function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message.trim();
  if (typeof err === "string") return err.trim();
  if (typeof err === "object" && err !== null) {
    const m = (err as { message?: unknown }).message;
    if (typeof m === "string") return m.trim();
    if (m !== undefined) return JSON.stringify(m);
  }
  return String(err);
}

/** A cancelled Space call, as the call runner classifies it (see lib/platform/abort.ts for the mechanism). */
export const abortedError = (signal: AbortSignal): AbortedError => new AbortedError(abortReason(signal));

/**
 * A ZeroGPU quota refusal as people can act on it: how much was asked and left, how long until it comes back,
 * and that a PRO account has more. The Space's own numbers are kept; its wording ("exceeded your free ZeroGPU
 * quota (120s requested vs. 44s left). Try again in 23:14:07.") is not.
 */
export function quotaInWords(message: string, retryAfterMs: number | undefined): string {
  const m = /\((\d+)\s*s requested vs\.?\s*(\d+)\s*s left\)/i.exec(message);
  const asked = m ? ` (this call needs ${m[1]} s of GPU time, ${m[2]} s are left)` : "";
  const when = retryAfterMs !== undefined ? `it refills in ${duration(retryAfterMs)}` : "it refills over the day";
  return `Your ZeroGPU quota is used up${asked}; ${when}. A Hugging Face PRO token has several times more daily GPU time.`;
}

function duration(ms: number): string {
  const min = Math.max(1, Math.round(ms / 60_000));
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  const rest = min % 60;
  return rest ? `${h} h ${rest} min` : `${h} h`;
}

/** "Try again in 23:14:07" / "Try again in 5:07" → milliseconds. */
export function parseRetryAfter(message: string): number | undefined {
  const m = /try again in (\d+):(\d{2})(?::(\d{2}))?/i.exec(message);
  if (!m) return undefined;
  const parts = [m[1], m[2], m[3]].filter((p): p is string => p !== undefined).map(Number);
  const seconds = parts.length === 3 ? parts[0]! * 3600 + parts[1]! * 60 + parts[2]! : parts[0]! * 60 + parts[1]!;
  return seconds * 1000;
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortedError(signal);
}
