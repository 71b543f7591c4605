import "server-only";
// A bounded pool of worker threads for CPU-heavy work (the built-in Spaces' engines, the app's model
// preparation), so it never blocks the request event loop (SSE streams, uploads, pages keep flowing). Tasks
// wait in FIFO order for a free worker; workers start lazily and are unref'd (they never keep a process
// alive). A worker that dies (uncaught error, OOM, exit) fails its task with a WorkerTaskError and is
// replaced on demand; a task whose AbortSignal fires is dropped from the queue, or its worker is terminated
// mid-task. With `maxQueued`, a task that would wait behind that many others is refused at once
// (WorkerQueueFullError), so a burst fails fast and visibly instead of queueing minutes of work in memory.
//
// Why our own and not piscina or tinypool: both build their Worker from a filename inside the library
// (`new Worker(theirOwnWorker.js)`, which then imports the task module by path at run time). Turbopack bundles
// a worker only where it sees `new Worker(new URL("./x.ts", import.meta.url), {…})` in our code, so with
// either library the engines would ship as unbundled .ts files that production Node cannot load.
import type { Worker } from "node:worker_threads";
import type { SerializedError, TaskRequest, TaskResponse } from "./protocol";

export type WorkerFailure = "input" | "engine" | "crashed" | "aborted";

export class WorkerTaskError extends Error {
  constructor(
    message: string,
    readonly failure: WorkerFailure,
    readonly remoteName?: string,
  ) {
    super(message);
    this.name = failure === "aborted" ? "AbortError" : "WorkerTaskError";
  }
}

/** A task was refused because `maxQueued` tasks already wait for a worker. */
export class WorkerQueueFullError extends Error {
  constructor(
    readonly waiting: number,
    busyWith: string,
  ) {
    super(`The server is busy ${busyWith} (${waiting} waiting); try again in a moment`);
    this.name = "WorkerQueueFullError";
  }
}

export interface WorkerPoolOptions {
  size: number;
  /** Must contain the literal `new Worker(new URL("./x.ts", import.meta.url), {…})` for bundlers to see the worker. */
  createWorker: () => Worker;
  /** Tasks allowed to wait for a worker; past this, run() refuses at once. Unbounded when absent. */
  maxQueued?: number;
  /** What the pool's work is, for WorkerQueueFullError's message ("preparing models"). */
  busyWith?: string;
}

export interface RunOptions {
  transfer?: ArrayBuffer[];
  signal?: AbortSignal;
}

interface Job {
  id: number;
  task: string;
  input: unknown;
  transfer: ArrayBuffer[];
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  lastError: Error | null;
}

export class WorkerPool {
  readonly size: number;
  readonly maxQueued: number;
  private readonly busyWith: string;
  private readonly createWorker: () => Worker;
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: WorkerPoolOptions) {
    this.size = Math.max(1, Math.floor(options.size));
    this.maxQueued = options.maxQueued ?? Infinity;
    this.busyWith = options.busyWith ?? "with other work";
    this.createWorker = options.createWorker;
  }

  stats(): { workers: number; busy: number; queued: number } {
    let busy = 0;
    for (const s of this.slots) if (s.job) busy++;
    return { workers: this.slots.size, busy, queued: this.queue.length };
  }

  run<T>(task: string, input: unknown, options: RunOptions = {}): Promise<T> {
    if (this.closed) return Promise.reject(new WorkerTaskError("The worker pool is closed", "aborted"));
    if (options.signal?.aborted) return Promise.reject(new WorkerTaskError("The task was cancelled", "aborted"));
    if (this.queue.length >= this.maxQueued) return Promise.reject(new WorkerQueueFullError(this.queue.length, this.busyWith));
    return new Promise<T>((resolve, reject) => {
      const job: Job = {
        id: this.nextId++,
        task,
        input,
        transfer: options.transfer ?? [],
        resolve: resolve as (v: unknown) => void,
        reject,
        signal: options.signal,
      };
      if (job.signal) {
        job.onAbort = () => this.abort(job);
        job.signal.addEventListener("abort", job.onAbort, { once: true });
      }
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** Terminates every worker and fails whatever is queued or running. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) this.settle(job, new WorkerTaskError("The worker pool is closed", "aborted"));
    const slots = [...this.slots];
    this.slots.clear();
    for (const s of slots) if (s.job) this.settle(s.job, new WorkerTaskError("The worker pool is closed", "aborted"));
    await Promise.all(slots.map((s) => s.worker.terminate().catch(() => 0)));
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.closed) {
      let slot = [...this.slots].find((s) => !s.job);
      if (!slot) {
        if (this.slots.size >= this.size) return;
        try {
          slot = this.spawn();
        } catch (err) {
          const job = this.queue.shift()!;
          this.settle(job, new WorkerTaskError(`Could not start a worker: ${(err as Error).message}`, "crashed"));
          continue;
        }
      }
      const job = this.queue.shift()!;
      slot.job = job;
      const request: TaskRequest = { id: job.id, task: job.task, input: job.input };
      try {
        slot.worker.postMessage(request, job.transfer);
      } catch (err) {
        slot.job = null;
        this.settle(job, new WorkerTaskError(`Could not send the task: ${(err as Error).message}`, "engine"));
      }
    }
  }

  private spawn(): Slot {
    const worker = this.createWorker();
    worker.unref();
    const slot: Slot = { worker, job: null, lastError: null };
    this.slots.add(slot);
    worker.on("message", (response: TaskResponse) => {
      const job = slot.job;
      if (!job || job.id !== response.id) return;
      slot.job = null;
      if (response.ok) this.settle(job, null, response.output);
      else this.settle(job, remoteError(response.error));
      this.dispatch();
    });
    worker.on("error", (err) => {
      slot.lastError = err;
    });
    worker.on("exit", (code) => {
      this.slots.delete(slot);
      const job = slot.job;
      slot.job = null;
      if (job) {
        const why = slot.lastError ? `: ${slot.lastError.message}` : ` (exit code ${code})`;
        this.settle(job, new WorkerTaskError(`The worker running this task crashed${why}`, "crashed"));
      }
      this.dispatch(); // a replacement starts if work is waiting
    });
    return slot;
  }

  private abort(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
    } else {
      const slot = [...this.slots].find((s) => s.job === job);
      if (!slot) return; // already settled
      // A synchronous engine cannot be interrupted: the worker goes, a fresh one replaces it when needed.
      slot.job = null;
      this.slots.delete(slot);
      void slot.worker.terminate().catch(() => 0);
      queueMicrotask(() => this.dispatch());
    }
    this.settle(job, new WorkerTaskError("The task was cancelled", "aborted"));
  }

  private settle(job: Job, err: Error | null, output?: unknown): void {
    if (job.onAbort) job.signal?.removeEventListener("abort", job.onAbort);
    job.onAbort = undefined;
    if (err) job.reject(err);
    else job.resolve(output);
  }
}

function remoteError(e: SerializedError): WorkerTaskError {
  return new WorkerTaskError(e.message, e.inputError ? "input" : "engine", e.name);
}

/** Workers by default: one core stays free for the request loop; sharp/libvips threads use the rest too. */
export function defaultPoolSize(cores: number, env: string | undefined): number {
  const fromEnv = Number(env);
  if (env && Number.isInteger(fromEnv) && fromEnv >= 1 && fromEnv <= 32) return fromEnv;
  return Math.max(1, Math.min(4, cores - 1));
}
