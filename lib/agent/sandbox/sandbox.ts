import "server-only";
import { setMaxListeners } from "node:events";
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from "quickjs-emscripten-core";
import type { LimitHit } from "@/lib/contracts/build-events";
import { compactStack, truncateMiddle } from "../truncate";
import { rewriteTopLevelDeclarations } from "./declarations";
import { resolveLimits, type SandboxLimits } from "./limits";
import { PRELUDE_SOURCE } from "./prelude";
import { newIsolatedModule } from "./wasm";

// One QuickJS instance that runs model-written steps. It owns its wasm instance outright, so "drop it" is
// always a safe answer to anything that went wrong inside: the next step gets a fresh one.

/** A host capability exposed to the guest as `async function name(args)`. Takes and returns plain JSON. */
export type HostTool = (args: unknown, signal: AbortSignal) => Promise<unknown>;

export interface RunResult {
  /** True when the code finished without an uncaught error. */
  ok: boolean;
  /** console output, truncated. */
  logs: string;
  /** The last expression's value (or a top-level `return`), rendered and truncated; undefined when none. */
  value: string | undefined;
  /** "Name: message" plus a compact stack, when the step failed. */
  error: string | undefined;
  limit: LimitHit | undefined;
  /** The instance must not be used again. */
  poisoned: boolean;
  durationMs: number;
  /** Time spent executing guest code (not awaiting tools). */
  cpuMs: number;
  /** Tool calls still running when the code itself had finished; they were awaited before returning. */
  lateToolCalls: number;
}

export interface RunOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface SandboxSnapshot {
  /** name → { j: json } | { f: function source } | { u: 1 } (undefined) */
  vars: Record<string, { j?: string; f?: string; u?: 1 }>;
  /** Globals that could not be carried over (not JSON, too large, accessors). */
  lost: string[];
}

// JS_EVAL_FLAG_ASYNC (quickjs.h, 1 << 7): a global script that may use top-level await. It returns a promise
// of `{ value }` (the completion value), and its top-level `var`/`function` bindings stay on globalThis.
// quickjs-emscripten passes a numeric flags argument through untouched.
const EVAL_ASYNC_GLOBAL = 1 << 7;
const STEP_FILE = "step.js";
const MAX_TOOL_ARGS_CHARS = 256 * 1024;

/** A guest error as plain data. */
interface GuestError {
  name: string;
  message: string;
  stack: string;
}

/** The step that is running: its abort signal, its tool calls in flight, and how it wakes the driver loop. */
interface StepState {
  abort: AbortController;
  inflight: number;
  /** Bumped on every event that may change what the driver loop should do next. */
  wakes: number;
  wake: () => void;
  /** Resolves the driver loop's current wait, if it is waiting. */
  wakeUp: () => void;
  /** The step's wall-clock limit, and whether it ran out. */
  timeoutMs: number;
  timedOut: boolean;
  /** Stops listening to the caller's signal and the clock. */
  release: () => void;
}

/** How a step's code ended, as the driver loop saw it. */
interface StepOutcome {
  error: GuestError | null;
  value: string | undefined;
  limit: LimitHit | undefined;
  lateToolCalls: number;
}

type PromiseState = ReturnType<QuickJSContext["getPromiseState"]>;

const DEADLOCK: GuestError = {
  name: "Error",
  message: "Your code is awaiting a promise that can never settle (no tool call is running). Await tool calls or plain values only.",
  stack: "",
};

interface Helpers {
  renderResult: QuickJSHandle;
  describeError: QuickJSHandle;
  snapshot: QuickJSHandle;
  restore: QuickJSHandle;
}

export class Sandbox {
  readonly limits: SandboxLimits;
  private deadline = Number.POSITIVE_INFINITY;
  private cpuMs = 0;
  private logs: string[] = [];
  private logChars = 0;
  private droppedLogChars = 0;
  private step: StepState | null = null;
  private dead = false;
  private interrupted = false;
  private helpers: Helpers | null = null;
  private sliceStart = 0;
  /** An error that escaped a job (an interrupt, out of memory): it ends the step. */
  private pendingJobError: GuestError | null = null;

  private constructor(
    private readonly runtime: QuickJSRuntime,
    private readonly context: QuickJSContext,
    private readonly memory: WebAssembly.Memory,
    private readonly maxBytes: number,
    private readonly tools: Record<string, HostTool>,
    limits: SandboxLimits,
  ) {
    this.limits = limits;
  }

  static async create(tools: Record<string, HostTool>, partialLimits?: Partial<SandboxLimits>): Promise<Sandbox> {
    const limits = resolveLimits(partialLimits);
    for (const name of Object.keys(tools)) {
      if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`Tool name ${JSON.stringify(name)} is not a JavaScript identifier`);
    }
    const { module, memory, maxBytes } = await newIsolatedModule(limits.memoryMiB);
    const runtime = module.newRuntime();
    // QuickJS's own accounting fires first (a clean, catchable "out of memory"); the wasm Memory cap is the
    // hard wall behind it. Keep headroom for the stack and QuickJS's internal structures.
    runtime.setMemoryLimit(Math.floor(maxBytes * 0.75));
    runtime.setMaxStackSize(limits.stackKiB * 1024);
    const context = runtime.newContext();
    const sandbox = new Sandbox(runtime, context, memory, maxBytes, tools, limits);
    runtime.setInterruptHandler(() => {
      if (Date.now() <= sandbox.deadline) return false;
      // Remembered host-side: QuickJS may turn the interrupt into a promise rejection that guest code, or a
      // broken promise chain, never surfaces.
      sandbox.interrupted = true;
      return true;
    });
    sandbox.install();
    return sandbox;
  }

  get poisoned(): boolean {
    return this.dead;
  }

  /** True when the heap has grown close to its cap: better to persist state and start fresh. */
  get underMemoryPressure(): boolean {
    return this.memory.buffer.byteLength >= this.maxBytes * 0.85;
  }

  private install(): void {
    const ctx = this.context;
    const hostLog = ctx.newFunction("log", (line) => {
      this.appendLog(ctx.getString(line));
    });
    const hostCall = ctx.newFunction("call", (nameHandle, jsonHandle) => this.callTool(ctx.getString(nameHandle), ctx.getString(jsonHandle)));
    const names = ctx.newArray();
    Object.keys(this.tools).forEach((name, index) => {
      const handle = ctx.newString(name);
      ctx.setProp(names, index, handle);
      handle.dispose();
    });
    const maxLine = ctx.newNumber(this.limits.maxLogLineChars);
    const factory = ctx.unwrapResult(ctx.evalCode(PRELUDE_SOURCE, "prelude.js", { type: "global" }));
    this.arm();
    const exported = ctx.unwrapResult(ctx.callFunction(factory, ctx.undefined, hostLog, hostCall, names, maxLine));
    this.disarm();
    this.helpers = {
      renderResult: ctx.getProp(exported, "renderResult"),
      describeError: ctx.getProp(exported, "describeError"),
      snapshot: ctx.getProp(exported, "snapshot"),
      restore: ctx.getProp(exported, "restore"),
    };
    for (const h of [exported, factory, maxLine, names, hostCall, hostLog]) h.dispose();
  }

  private arm(): void {
    this.deadline = Date.now() + this.limits.cpuSliceMs;
    this.sliceStart = performance.now();
  }
  private disarm(): void {
    this.cpuMs += performance.now() - this.sliceStart;
    this.deadline = Number.POSITIVE_INFINITY;
  }

  private appendLog(line: string): void {
    const room = this.limits.maxLogChars - this.logChars;
    if (room <= 0) {
      this.droppedLogChars += line.length + 1;
      return;
    }
    const kept = line.length > room ? line.slice(0, room) : line;
    this.droppedLogChars += line.length - kept.length;
    this.logs.push(kept);
    this.logChars += kept.length + 1;
  }

  /** The guest called a tool: start it on the host and hand back a guest promise for its JSON result. */
  private callTool(name: string, json: string): QuickJSHandle {
    const ctx = this.context;
    const deferred = ctx.newPromise();
    const step = this.step;
    const tool = this.tools[name];
    if (!step || !tool) {
      const error = ctx.newError({ name: "Error", message: step ? `Unknown tool ${name}` : "Tools can only be called while a step runs" });
      // reject() releases the resolvers; the promise handle itself is released by the caller after return.
      deferred.reject(error);
      error.dispose();
      return deferred.handle;
    }
    if (json.length > MAX_TOOL_ARGS_CHARS) {
      const error = ctx.newError({ name: "RangeError", message: `${name}: arguments too large (${json.length} characters; tools take small JSON and handles)` });
      deferred.reject(error);
      error.dispose();
      return deferred.handle;
    }
    step.inflight++;
    let args: unknown;
    try {
      args = JSON.parse(json);
    } catch {
      args = null;
    }
    const settle = (kind: "resolve" | "reject", payload: string) => {
      if (this.dead || !deferred.alive) return;
      try {
        if (kind === "resolve") {
          const handle = ctx.newString(payload);
          deferred.resolve(handle);
          handle.dispose();
        } else {
          const { name: errorName, message } = JSON.parse(payload) as { name: string; message: string };
          const handle = ctx.newError({ name: errorName, message });
          deferred.reject(handle);
          handle.dispose();
        }
        deferred.dispose();
        this.pumpJobs();
      } catch {
        this.dead = true;
      }
    };
    // Start the tool outside this host callback: nothing host-side runs while the guest is on the stack.
    void Promise.resolve()
      .then(() => tool(args, step.abort.signal))
      .then(
        (out) => {
          let payload: string | undefined;
          try {
            payload = out === undefined ? "null" : JSON.stringify(out);
          } catch {
            payload = undefined;
          }
          if (payload === undefined) settle("reject", JSON.stringify({ name: "Error", message: `${name} returned a value that is not JSON` }));
          else settle("resolve", payload);
        },
        (error: unknown) => {
          const e = error instanceof Error ? error : new Error(String(error));
          settle("reject", JSON.stringify({ name: e.name || "Error", message: truncateMiddle(e.message, 1500) }));
        },
      )
      .finally(() => {
        step.inflight--;
        step.wake();
      });
    return deferred.handle;
  }

  /** Runs queued guest jobs (promise continuations) under a fresh CPU slice. */
  private pumpJobs(): void {
    if (this.dead) return;
    this.arm();
    try {
      const result = this.runtime.executePendingJobs();
      if (result.error) {
        // An error escaping a job is the runtime's own (interrupt, OOM): the guest's errors become rejections.
        const described = this.describe(result.error);
        result.error.dispose();
        this.pendingJobError ??= described;
      } else {
        result.dispose();
      }
    } catch (error) {
      this.dead = true;
      this.pendingJobError ??= { name: "InternalError", message: `sandbox crashed: ${String(error)}`, stack: "" };
    } finally {
      this.disarm();
    }
  }

  /** Turns a guest error value into plain data, without trusting the guest to cooperate. */
  private describe(handle: QuickJSHandle): GuestError {
    const ctx = this.context;
    if (!this.dead && this.helpers) {
      this.arm();
      try {
        const r = ctx.callFunction(this.helpers.describeError, ctx.undefined, handle);
        if (!r.error) {
          const text = ctx.getString(r.value);
          r.value.dispose();
          return JSON.parse(text) as GuestError;
        }
        r.error.dispose();
      } catch {
        // fall through to the host-side dump
      } finally {
        this.disarm();
      }
    }
    try {
      const dumped = ctx.dump(handle) as unknown;
      if (dumped && typeof dumped === "object") {
        const d = dumped as { name?: unknown; message?: unknown; stack?: unknown };
        return { name: String(d.name ?? "Error"), message: String(d.message ?? ""), stack: String(d.stack ?? "") };
      }
      return { name: "Thrown", message: String(dumped), stack: "" };
    } catch {
      return { name: "InternalError", message: "the sandbox could not describe the error", stack: "" };
    }
  }

  private renderValue(resultObject: QuickJSHandle): string | undefined {
    if (!this.helpers) return undefined;
    const ctx = this.context;
    this.arm();
    try {
      const r = ctx.callFunction(this.helpers.renderResult, ctx.undefined, resultObject);
      if (r.error) {
        r.error.dispose();
        return "[value could not be rendered]";
      }
      const text = ctx.typeof(r.value) === "string" ? ctx.getString(r.value) : undefined;
      r.value.dispose();
      return text;
    } finally {
      this.disarm();
    }
  }

  async run(code: string, options: RunOptions = {}): Promise<RunResult> {
    if (this.dead) throw new Error("This sandbox is poisoned; create a new one");
    if (this.step) throw new Error("A step is already running in this sandbox");
    const started = performance.now();
    this.clearStepRecords();
    const step = this.startStep(options);
    const outcome = await this.execute(code, step);
    this.judgeLimit(outcome);
    this.endStep(step, outcome.limit);
    return this.resultOf(outcome, started);
  }

  private clearStepRecords(): void {
    this.cpuMs = 0;
    this.logs = [];
    this.logChars = 0;
    this.droppedLogChars = 0;
    this.pendingJobError = null;
    this.interrupted = false;
  }

  /** Makes `this.step`, aborted by the caller's signal or the step's wall clock, whichever comes first. */
  private startStep(options: RunOptions): StepState {
    const abort = new AbortController();
    // Each tool call in flight listens to the step's signal; Promise.all over a dozen exhibits is the point.
    setMaxListeners(0, abort.signal);
    const timeoutMs = Math.max(1, Math.min(options.timeoutMs ?? this.limits.stepTimeoutMs, this.limits.stepTimeoutMs));
    const outer = options.signal;
    const step: StepState = {
      abort,
      inflight: 0,
      wakes: 0,
      wake: () => {
        step.wakes++;
        step.wakeUp();
      },
      wakeUp: () => {},
      timeoutMs,
      timedOut: false,
      release: () => {
        clearTimeout(timer);
        outer?.removeEventListener("abort", onOuterAbort);
      },
    };
    const onOuterAbort = () => {
      abort.abort(outer?.reason ?? new Error("aborted"));
      step.wake();
    };
    if (outer?.aborted) onOuterAbort();
    else outer?.addEventListener("abort", onOuterAbort, { once: true });
    const timer = setTimeout(() => {
      step.timedOut = true;
      abort.abort(new Error(`step timed out after ${timeoutMs} ms`));
      step.wake();
    }, timeoutMs);
    this.step = step;
    return step;
  }

  /** Evaluates the step and drives it until its code and its tool calls have settled, or a limit ends it. */
  private async execute(code: string, step: StepState): Promise<StepOutcome> {
    const outcome: StepOutcome = { error: null, value: undefined, limit: undefined, lateToolCalls: 0 };
    let promise: QuickJSHandle | null = null;
    try {
      promise = this.evaluate(code, (e) => (outcome.error = e));
      if (promise) {
        this.pumpJobs();
        await this.driveUntilSettled(promise, step, outcome);
      }
      if (this.pendingJobError && !outcome.error) outcome.error = this.pendingJobError;
      if (step.abort.signal.aborted && !outcome.error) this.recordStopped(step, outcome);
    } catch (e) {
      // A host-side exception while driving the guest (a wasm trap, an abort): the instance is finished.
      this.dead = true;
      outcome.error = { name: "InternalError", message: `sandbox crashed: ${e instanceof Error ? e.message : String(e)}`, stack: "" };
      outcome.limit = "crash";
    } finally {
      step.release();
      if (promise?.alive) {
        try {
          promise.dispose();
        } catch {
          this.dead = true;
        }
      }
    }
    return outcome;
  }

  /** The driver loop: checks the step's promise, then sleeps until a tool call or the clock wakes it. */
  private async driveUntilSettled(promise: QuickJSHandle, step: StepState, outcome: StepOutcome): Promise<void> {
    let codeFinished = false;
    while (!this.dead && !this.pendingJobError) {
      const seenWakes = step.wakes;
      const state = this.context.getPromiseState(promise);
      if (state.type !== "pending" && !codeFinished) {
        codeFinished = true;
        outcome.lateToolCalls = step.inflight;
      }
      if (this.recordSettled(state, step, outcome)) return;
      if (step.abort.signal.aborted) return;
      await this.waitForWake(step, seenWakes);
      this.pumpJobs();
    }
  }

  /**
   * Whether the step is over, recording its value or error: its code has settled and no tool call is still
   * running, or it awaits something nothing can settle. Releases the state's handles either way.
   */
  private recordSettled(state: PromiseState, step: StepState, outcome: StepOutcome): boolean {
    const toolsIdle = step.inflight === 0;
    if (state.type === "fulfilled") {
      if (toolsIdle && !state.notAPromise) outcome.value = this.renderValue(state.value);
      if (!state.notAPromise) state.value.dispose();
      return toolsIdle;
    }
    if (state.type === "rejected") {
      if (toolsIdle) outcome.error = this.describe(state.error);
      state.error.dispose();
      return toolsIdle;
    }
    if (toolsIdle && !this.runtime.hasPendingJob()) {
      outcome.limit = "deadlock";
      outcome.error = DEADLOCK;
      return true;
    }
    return false;
  }

  private async waitForWake(step: StepState, seenWakes: number): Promise<void> {
    await new Promise<void>((resolve) => {
      step.wakeUp = resolve;
      // A wake that happened between the driver's checks and now must not be lost.
      if (step.wakes !== seenWakes || step.abort.signal.aborted || step.inflight === 0) resolve();
    });
    step.wakeUp = () => {};
  }

  /** A step its caller or its clock stopped. */
  private recordStopped(step: StepState, outcome: StepOutcome): void {
    outcome.limit = step.timedOut ? "timeout" : "aborted";
    outcome.error = step.timedOut
      ? { name: "TimeoutError", message: `The step ran for more than ${Math.round(step.timeoutMs / 1000)} s and was stopped.`, stack: "" }
      : { name: "AbortError", message: "The build was stopped.", stack: "" };
  }

  /** Which limit ended the step, from its error and from an interrupt the guest may have swallowed. */
  private judgeLimit(outcome: StepOutcome): void {
    outcome.limit ??= outcome.error ? classifyLimit(outcome.error) : undefined;
    if (this.interrupted && outcome.limit !== "timeout" && outcome.limit !== "aborted") {
      outcome.limit = "cpu";
      if (!outcome.error || !/interrupted/.test(outcome.error.message)) {
        outcome.error = { name: "InternalError", message: `interrupted: more than ${this.limits.cpuSliceMs} ms of CPU time without a pause`, stack: "" };
      }
    }
  }

  private endStep(step: StepState, limit: LimitHit | undefined): void {
    // Interrupted, out-of-memory and overflowing instances are never trusted again; a step abandoned
    // mid-flight (timeout, abort) leaves guest promises wired to host calls that will never come back.
    if (limit && limit !== "deadlock") this.dead = true;
    if (step.inflight > 0) step.abort.abort(new Error("the step ended"));
    this.step = null;
  }

  private resultOf(outcome: StepOutcome, started: number): RunResult {
    const { error, value } = outcome;
    let logs = this.logs.join("\n");
    if (this.droppedLogChars > 0) logs += `\n… [${this.droppedLogChars} more characters of output not shown]`;
    return {
      ok: !error,
      logs: truncateMiddle(logs, this.limits.maxLogChars + 200),
      value: value === undefined ? undefined : truncateMiddle(value, this.limits.maxValueChars),
      error: error ? formatError(error) : undefined,
      limit: outcome.limit,
      poisoned: this.dead,
      durationMs: Math.round(performance.now() - started),
      cpuMs: Math.round(this.cpuMs),
      lateToolCalls: outcome.lateToolCalls,
    };
  }

  /** Evaluates a step; returns the completion promise, or null when it failed before running. */
  private evaluate(code: string, onError: (e: GuestError) => void): QuickJSHandle | null {
    const ctx = this.context;
    const attempt = (source: string) => {
      this.arm();
      try {
        return ctx.evalCode(source, STEP_FILE, EVAL_ASYNC_GLOBAL);
      } finally {
        this.disarm();
      }
    };
    let result = attempt(rewriteTopLevelDeclarations(code));
    if (result.error) {
      const first = this.describe(result.error);
      result.error.dispose();
      if (!/return not in a function/.test(first.message)) {
        onError(first);
        return null;
      }
      // A top-level `return` (common in model code) is fine: run the step as an async function body.
      // Its declarations are then local to this step, which is the price of the shortcut.
      result = attempt(`await (async () => {\n${code}\n})();`);
      if (result.error) {
        onError(this.describe(result.error));
        result.error.dispose();
        return null;
      }
    }
    return result.value;
  }

  /** Model-defined globals, for carrying over to a fresh instance. Null when the instance cannot say. */
  snapshot(): SandboxSnapshot | null {
    if (this.dead || !this.helpers || this.step) return null;
    const ctx = this.context;
    const maxEach = ctx.newNumber(this.limits.maxPersistedVarChars);
    const maxTotal = ctx.newNumber(this.limits.maxPersistedTotalChars);
    this.arm();
    try {
      const r = ctx.callFunction(this.helpers.snapshot, ctx.undefined, maxEach, maxTotal);
      if (r.error) {
        r.error.dispose();
        // A toJSON or getter that spun until interrupted leaves the instance untrustworthy.
        if (this.interrupted) this.dead = true;
        return null;
      }
      const text = ctx.getString(r.value);
      r.value.dispose();
      return JSON.parse(text) as SandboxSnapshot;
    } catch {
      this.dead = true;
      return null;
    } finally {
      this.disarm();
      maxEach.dispose();
      maxTotal.dispose();
    }
  }

  /** Re-creates snapshot variables as globals; returns which names came back. */
  restore(snapshot: SandboxSnapshot): { restored: string[]; failed: string[] } {
    if (this.dead || !this.helpers) return { restored: [], failed: Object.keys(snapshot.vars) };
    const ctx = this.context;
    const json = ctx.newString(JSON.stringify(snapshot.vars));
    this.arm();
    try {
      const r = ctx.callFunction(this.helpers.restore, ctx.undefined, json);
      if (r.error) {
        r.error.dispose();
        if (this.interrupted) this.dead = true;
        return { restored: [], failed: Object.keys(snapshot.vars) };
      }
      const text = ctx.getString(r.value);
      r.value.dispose();
      return JSON.parse(text) as { restored: string[]; failed: string[] };
    } catch {
      this.dead = true;
      return { restored: [], failed: Object.keys(snapshot.vars) };
    } finally {
      this.disarm();
      json.dispose();
    }
  }

  dispose(): void {
    const wasDead = this.dead;
    this.dead = true;
    this.step?.abort.abort(new Error("sandbox disposed"));
    // A poisoned instance may hold guest objects referenced from abandoned host calls; freeing the runtime
    // then trips QuickJS's leak assertion. Its whole wasm instance is unreachable once we let go of it, so
    // letting the garbage collector take it is both safe and complete.
    if (wasDead) return;
    try {
      if (this.helpers) for (const h of Object.values(this.helpers)) h.dispose();
      this.helpers = null;
      this.context.dispose();
      this.runtime.dispose();
    } catch {
      // Same reasoning: the instance is dropped either way.
    }
  }
}

function classifyLimit(error: { name: string; message: string }): LimitHit | undefined {
  if (error.name !== "InternalError" && error.name !== "RangeError") return undefined;
  if (/out of memory/i.test(error.message)) return "memory";
  if (/stack overflow|call stack/i.test(error.message)) return "stack";
  if (/interrupted/i.test(error.message)) return "cpu";
  if (/sandbox crashed/.test(error.message)) return "crash";
  return undefined;
}

function formatError(error: GuestError): string {
  const head = `${error.name}: ${truncateMiddle(error.message, 1500)}`;
  const stack = error.stack ? compactStack(error.stack) : "";
  return stack ? `${head}\n${stack}` : head;
}
