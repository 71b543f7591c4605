// Transient failures of a model server (5xx, 429, dropped connections) must not end a long build:
// retry with jittered exponential backoff (lib/platform/backoff.ts), so builds hitting one provider do not retry in step.

export interface RetryOptions {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** For tests: a deterministic 0..1 source. */
  random?: () => number;
}

export const DEFAULT_RETRY: RetryOptions = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 20_000 };

const RETRYABLE_STATUS = new Set([408, 409, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524, 529]);
const RETRYABLE_CODES = new Set([
  "ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "EAI_AGAIN", "ENOTFOUND", "ENETUNREACH", "EHOSTUNREACH",
  "UND_ERR_SOCKET", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT",
]);

function statusOf(error: unknown): number | undefined {
  const e = error as { httpResponse?: { status?: unknown }; status?: unknown; statusCode?: unknown } | null;
  const status = e?.httpResponse?.status ?? e?.status ?? e?.statusCode;
  return typeof status === "number" ? status : undefined;
}

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
    e = (e as { cause?: unknown }).cause;
  }
  return codes;
}

/** Whether an error from a model request is worth another attempt. */
export function isTransient(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== undefined && status >= 400) return RETRYABLE_STATUS.has(status);
  if (codesOf(error).some((c) => RETRYABLE_CODES.has(c))) return true;
  const message = error instanceof Error ? error.message : String(error);
  // fetch() reports network failures as a bare TypeError("fetch failed"); streams cut mid-way surface as
  // "terminated" or a provider's in-stream error event.
  return /fetch failed|terminated|socket hang up|network|ECONNRESET|other side closed|error occurred while streaming|an occurred while streaming|overloaded|timed? ?out|premature close/i.test(
    message,
  );
}


