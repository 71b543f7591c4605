import "server-only";
import { raceAbort } from "@/lib/platform/abort";
import { toolEvent, type SpaceProgress, type ToolEventBody, type ToolEventType, type ToolResultSummary } from "@/lib/contracts/tool-events";
import type { SpaceCallRecord } from "@/lib/contracts/gallery-view";
import type { CachedCall, CallCache } from "@/lib/contracts/call-cache";
import type { CircuitBreaker } from "./resilience/breaker";
import type { Clock, Random } from "./clock";
import { abortedError, classifyError, countsAgainstSpace, SpaceError, type FailureKind } from "./errors";
import type { SlotRelease, SpaceSlots } from "@/lib/contracts/space-slots";
import type { Limiter, Release } from "./resilience/limiter";
import { backoffDelay } from "@/lib/platform/backoff";
import { shouldRetry, type RetryPolicy } from "./resilience/retry";
import type { CallOptions, Capability, SpaceEntry } from "./types";

// One logical call ("draw this", "model that") across the Spaces of a capability. For each Space in order:
// cache → breaker → limiter (FIFO) → attempt under a time limit → validate; transient failures retry the same
// Space with jittered backoff, permanent ones (quota, API changed, 401/404, bad inputs) fall back to the next
// Space at once. Every Space tried becomes a SpaceCallRecord; every step becomes a tool.* event.

export interface Plan {
  /** Endpoint label for the record and the cache key. */
  endpoint: string;
  /** Inputs as recorded (files by sha256). */
  inputs: Record<string, unknown>;
  /** Cache key, or null for calls that must not be cached. */
  cacheKey: string | null;
}

export interface AttemptContext {
  signal: AbortSignal;
  progress(p: SpaceProgress): void;
  /**
   * Waits (FIFO) for the Space's concurrency slot; call before starting a job on the Space. Idempotent: a
   * multi-step chain (TRELLIS.2) holds one slot for all its steps.
   */
  acquireSlot(): Promise<void>;
  /** Frees the slot as soon as the Space's part is done (before downloads and local validation). */
  releaseSlot(): void;
  /**
   * Restarts the running time limit: a Space that reports progress is alive (the MCP path calls it on every
   * progress notification, as the Hub's own MCP client does). No effect while waiting for the slot.
   */
  keepAlive(): void;
}

export interface AttemptResult<T> {
  value: T;
  /** Outputs to cache: files as { kind: "asset", sha256, mediaType, … }. */
  outputs: unknown[];
  /** The endpoint really called, if the adapter chose it at connect. */
  endpoint?: string;
}

export interface RunSpec<T> {
  capability: Capability | "custom";
  candidates: SpaceEntry[];
  plan(entry: SpaceEntry): Plan;
  /** Rebuilds the value from a cache entry; null when it no longer can (an asset went missing). */
  fromCache(entry: SpaceEntry, cached: CachedCall): Promise<T | null>;
  attempt(entry: SpaceEntry, plan: Plan, ctx: AttemptContext): Promise<AttemptResult<T>>;
  /** Small JSON describing the value, for tool.done. */
  summary(value: T): ToolResultSummary;
}

export interface RunOutcome<T> {
  value: T;
  entry: SpaceEntry;
  endpoint: string;
  cached: boolean;
  calls: SpaceCallRecord[];
}

export interface RunnerDeps {
  cache: CallCache;
  clock: Clock;
  random: Random;
  retry: RetryPolicy;
  breaker(entry: SpaceEntry): CircuitBreaker;
  limiter(entry: SpaceEntry): Limiter;
  /** Slots shared with the deployment's other processes (PostgreSQL), taken after this process's own limiter's. */
  slots?: SpaceSlots;
  timeoutMs(entry: SpaceEntry): number;
  /** Called when an attempt fails with an API change or a refused input, so the pooled connection (and schema) is dropped. */
  onApiChanged?(entry: SpaceEntry): void;
}

/** All Spaces failed (or the call was aborted). `calls` holds every Space tried. */
export class SpaceClientError extends Error {
  readonly kind: FailureKind;
  readonly calls: SpaceCallRecord[];
  constructor(message: string, kind: FailureKind, calls: SpaceCallRecord[]) {
    super(message);
    this.name = "SpaceClientError";
    this.kind = kind;
    this.calls = calls;
  }
}

const PROGRESS_INTERVAL_MS = 250;

export async function runWithFallback<T>(spec: RunSpec<T>, opts: CallOptions, deps: RunnerDeps): Promise<RunOutcome<T>> {
  const signal = opts.signal ?? new AbortController().signal;
  const context = { capability: spec.capability, ...(opts.callId ? { callId: opts.callId } : {}), ...(opts.exhibit ? { exhibit: opts.exhibit } : {}) };
  const emit: EmitTool = (type, body) => {
    if (!opts.emit) return;
    try {
      opts.emit(toolEvent(type, context, body));
    } catch {
      // A broken event sink must not break the call.
    }
  };
  const calls: SpaceCallRecord[] = [];
  const plans = spec.candidates.map((entry) => ({ entry, plan: spec.plan(entry) }));
  if (plans.length === 0) {
    const err = new SpaceClientError(`No Space is configured for ${spec.capability}`, "unavailable", calls);
    emit("tool.failed", { error: err.message, kind: err.kind, calls: [] });
    throw err;
  }

  // 1. The cache, across every candidate, before any network call: a result any of them produced before is
  //    reused (re-running would spend quota and give a different picture).
  if (!opts.bypassCache) {
    for (const { entry, plan } of plans) {
      if (!plan.cacheKey) continue;
      const t0 = deps.clock.now();
      let hit: CachedCall | null = null;
      try {
        hit = await deps.cache.get(plan.cacheKey);
      } catch {
        hit = null; // an unreadable cache is a miss, never a failure
      }
      if (!hit) continue;
      const value = await spec.fromCache(entry, hit).catch(() => null);
      if (value === null) continue;
      const record: SpaceCallRecord = {
        capability: spec.capability,
        space: entry.key,
        endpoint: hit.endpoint || plan.endpoint,
        inputs: plan.inputs,
        durationMs: deps.clock.now() - t0,
        cached: true,
        attempts: 0,
        ok: true,
      };
      calls.push(record);
      emit("tool.done", { space: entry.key, endpoint: record.endpoint, cached: true, attempts: 0, durationMs: record.durationMs, ...spec.summary(value) });
      return { value, entry, endpoint: record.endpoint, cached: true, calls };
    }
  }

  // 2. The Spaces, in order.
  let lastError: SpaceError | null = null;
  for (let i = 0; i < plans.length; i++) {
    const { entry, plan } = plans[i]!;
    const next = plans[i + 1]?.entry;
    const breaker = deps.breaker(entry);
    const started = deps.clock.now();
    let attempts = 0;
    let failure: SpaceError | null = null;

    if (!breaker.wouldAllow()) {
      failure = new SpaceError("unavailable", `Skipped: ${entry.key} is failing (${breaker.reason() || "circuit open"}); next try in ${Math.ceil(breaker.retryInMs() / 1000)} s`);
    }

    while (!failure || (failure.kind !== "aborted" && attempts > 0 && shouldRetry(failure.kind, attempts, deps.retry))) {
      if (failure) {
        // Retry this Space after a jittered, growing delay.
        const delayMs = backoffDelay(attempts, deps.retry, deps.random);
        emit("tool.retried", { space: entry.key, endpoint: plan.endpoint, attempt: attempts + 1, delayMs, kind: failure.kind, reason: failure.message });
        try {
          await deps.clock.sleep(delayMs, signal);
        } catch {
          failure = abortedError(signal);
          break;
        }
      }
      attempts += 1;
      const outcome = await attemptOnce(spec, entry, plan, signal, deps, emit);
      if (outcome.ok) {
        const endpoint = outcome.result.endpoint ?? plan.endpoint;
        const record: SpaceCallRecord = {
          capability: spec.capability,
          space: entry.key,
          endpoint,
          inputs: plan.inputs,
          durationMs: deps.clock.now() - started,
          cached: false,
          attempts,
          ok: true,
        };
        calls.push(record);
        if (plan.cacheKey) {
          const entryToCache: CachedCall = {
            space: entry.key,
            endpoint,
            outputs: outcome.result.outputs,
            durationMs: record.durationMs,
            createdAt: new Date(deps.clock.now()).toISOString(),
          };
          await deps.cache.put(plan.cacheKey, entryToCache).catch(() => undefined);
        }
        emit("tool.done", { space: entry.key, endpoint, cached: false, attempts, durationMs: record.durationMs, ...spec.summary(outcome.result.value) });
        return { value: outcome.result.value, entry, endpoint, cached: false, calls };
      }
      failure = outcome.error;
      if (failure.kind === "aborted" || failure.kind === "quota" || failure.kind === "api") break;
      if (!breaker.wouldAllow()) break; // this failure opened the circuit: stop hammering it
    }

    const f = failure!;
    lastError = f;
    calls.push({
      capability: spec.capability,
      space: entry.key,
      endpoint: plan.endpoint,
      inputs: plan.inputs,
      durationMs: deps.clock.now() - started,
      cached: false,
      attempts,
      ok: false,
      error: f.message,
    });
    if (f.kind === "aborted") {
      const err = new SpaceClientError(f.message, "aborted", calls);
      emit("tool.failed", { space: entry.key, error: err.message, kind: "aborted", calls: calls.map(brief) });
      throw err;
    }
    if (next) emit("tool.fellback", { from: entry.key, to: next.key, kind: f.kind, reason: f.message, attempts });
  }

  const summary = calls.map((c) => `${c.space}: ${c.error ?? "failed"}`).join(" | ");
  const err = new SpaceClientError(
    plans.length === 1 ? `${calls[0]?.space ?? "The Space"} failed: ${lastError?.message ?? "unknown error"}` : `Every ${spec.capability} Space failed — ${summary}`,
    lastError?.kind ?? "unavailable",
    calls,
  );
  emit("tool.failed", { error: err.message, kind: err.kind, calls: calls.map(brief) });
  throw err;
}

/** Emits one tool.* event of this call (the call's context is added). */
type EmitTool = <E extends ToolEventType>(type: E, body: ToolEventBody<E>) => void;

function brief(c: SpaceCallRecord): ToolEventBody<"tool.failed">["calls"][number] {
  return { space: c.space, attempts: c.attempts, ok: c.ok, ...(c.error ? { error: c.error } : {}) };
}

type AttemptOutcome<T> = { ok: true; result: AttemptResult<T> } | { ok: false; error: SpaceError };

/**
 * One attempt: breaker permit, time limit, then the spec's attempt, which takes the Space's concurrency slot
 * (FIFO) only when it starts a job there (ctx.acquireSlot) and gives it back as soon as the Space's part is
 * done. Connecting and uploading happen before the slot, so the next exhibit is ready to go the moment the
 * previous one finishes: that is what lets two Spaces pipeline without idle gaps. Never throws.
 */
async function attemptOnce<T>(
  spec: RunSpec<T>,
  entry: SpaceEntry,
  plan: Plan,
  signal: AbortSignal,
  deps: RunnerDeps,
  emit: EmitTool,
): Promise<AttemptOutcome<T>> {
  const breaker = deps.breaker(entry);
  const limiter = deps.limiter(entry);
  if (signal.aborted) return { ok: false, error: abortedError(signal) };
  if (!breaker.tryAcquire()) {
    return { ok: false, error: new SpaceError("unavailable", `Skipped: ${entry.key} is failing (${breaker.reason() || "circuit open"})`) };
  }

  const timeoutMs = deps.timeoutMs(entry);
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(signal.reason);
  signal.addEventListener("abort", onParentAbort, { once: true });
  // The time limit runs while we work with the Space, and pauses while we wait in our own line for its slot
  // (six exhibits queued for one ZeroGPU Space must not time out for waiting their turn).
  let timedOut = false;
  let timerStop: AbortController | null = null;
  const startTimer = () => {
    const stop = new AbortController();
    timerStop = stop;
    deps.clock.sleep(timeoutMs, stop.signal).then(
      () => {
        if (timerStop !== stop) return;
        timedOut = true;
        controller.abort(new Error(`No answer from ${entry.key} within ${formatMs(timeoutMs)}`));
      },
      () => undefined,
    );
  };
  const stopTimer = () => {
    timerStop?.abort();
    timerStop = null;
  };
  startTimer();

  let release: Release | null = null;
  let acquiring: Promise<void> | null = null;
  // Our place in the Space's line is when this attempt began, not when its upload finished (limiter.ts).
  const ticket = limiter.ticket();
  const acquireSlot = () =>
    (acquiring ??= (async () => {
      stopTimer();
      const local = await limiter.acquire(
        controller.signal,
        (position, running) => emit("tool.queued", { space: entry.key, endpoint: plan.endpoint, position, running, limit: limiter.limit }),
        ticket,
      );
      release = local;
      if (deps.slots) {
        // The deployment-wide slot, held by this process once it holds its own: other workers may be using it.
        let shared: SlotRelease;
        try {
          shared = await deps.slots.acquire(entry.key, limiter.limit, controller.signal);
        } catch (err) {
          local();
          throw err;
        }
        release = () => {
          shared();
          local();
        };
      }
      if (breaker.current() === "open") {
        // The circuit opened while we waited (other exhibits failed on this Space): do not add to the pile.
        throw new SpaceError("unavailable", `Skipped: ${entry.key} is failing (${breaker.reason() || "circuit open"})`);
      }
      startTimer();
    })());
  const releaseSlot = () => {
    release?.();
  };
  const keepAlive = () => {
    if (!timerStop || timedOut) return;
    stopTimer();
    startTimer();
  };

  // Progress is throttled, but never loses news: a new stage, queue position, step description or tenth of
  // progress always goes out; only repeats of the same state within PROGRESS_INTERVAL_MS are dropped.
  let lastKey = "";
  let lastAt = -Infinity;
  const progress = (p: SpaceProgress) => {
    const now = deps.clock.now();
    const key = `${p.stage}|${p.position ?? ""}|${p.desc ?? ""}|${p.fraction === undefined ? "" : Math.floor(p.fraction * 10)}|${p.message ?? ""}`;
    if (key === lastKey && now - lastAt < PROGRESS_INTERVAL_MS) return;
    lastKey = key;
    lastAt = now;
    emit("tool.progress", { space: entry.key, endpoint: plan.endpoint, ...p });
  };

  try {
    const result = await raceAbort(spec.attempt(entry, plan, { signal: controller.signal, progress, acquireSlot, releaseSlot, keepAlive }), controller.signal, abortedError);
    breaker.onSuccess();
    return { ok: true, result };
  } catch (e) {
    let error: SpaceError;
    if (timedOut) error = new SpaceError("timeout", `No answer from ${entry.key} within ${formatMs(timeoutMs)} (job cancelled)`);
    else if (signal.aborted) error = abortedError(signal);
    else error = classifyError(e, controller.signal);
    const skipped = error.kind === "unavailable" && error.message.startsWith("Skipped:");
    if (error.kind === "quota") breaker.trip(error.message, error.retryAfterMs);
    else if (error.kind === "api") breaker.trip(error.message);
    else if (countsAgainstSpace(error.kind) && !skipped) breaker.onFailure(error.message);
    else breaker.onNeutral();
    // An API change, or a value the Space refused: our copy of its schema may be stale, so it is read again.
    if (error.kind === "api" || error.kind === "input") deps.onApiChanged?.(entry);
    return { ok: false, error };
  } finally {
    releaseSlot();
    stopTimer();
    signal.removeEventListener("abort", onParentAbort);
  }
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

