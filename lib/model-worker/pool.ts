import "server-only";
// The process-wide pool for the app's CPU-heavy model work (preparing a GLB for the web, the Khronos
// validator): without it those run on the request event loop and stall every page, server action and live
// stream for up to a second per model. Sized by modelWorkerCount below. The generic WorkerPool (lazy unref'd
// workers, FIFO, crash replacement, abort) is the engine pool's; this adds a bound on waiting tasks, so a
// burst of builds fails fast and visibly instead of queueing minutes of work in memory.
import os from "node:os";
import { WorkerPool, type RunOptions } from "../platform/worker-pool/pool";
import { configValue } from "../platform/config";
import { spawnModelWorker } from "./spawn";
import { dropProcessSingleton, processSingleton } from "../platform/singleton";

/** Tasks allowed to wait for a worker; past this, run() refuses at once. */
export const DEFAULT_MAX_QUEUED = 32;

export class WorkerQueueFullError extends Error {
  constructor(waiting: number) {
    super(`The server is busy preparing models (${waiting} waiting); try again in a moment`);
    this.name = "WorkerQueueFullError";
  }
}

/** The part of WorkerPool this module relies on (tests pass a pool over a test worker). */
export type TaskPool = Pick<WorkerPool, "run" | "stats" | "close" | "size">;

export class BoundedPool {
  constructor(
    readonly pool: TaskPool,
    readonly maxQueued = DEFAULT_MAX_QUEUED,
  ) {}

  run<T>(task: string, input: unknown, options?: RunOptions): Promise<T> {
    const { queued } = this.pool.stats();
    if (queued >= this.maxQueued) return Promise.reject(new WorkerQueueFullError(queued));
    return this.pool.run<T>(task, input, options);
  }

  stats(): { workers: number; busy: number; queued: number } {
    return this.pool.stats();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/**
 * Workers in the model pool: MODEL_WORKERS when it is a whole number 1–16, else one per core up to 4. Models
 * from parallel exhibit chains tend to arrive together (a build's 3D calls start within moments of each
 * other), and each waits for its preparation before it is shown: one worker per core clears that burst
 * fastest. Workers start on demand, so an idle server holds only those it has needed.
 */
export function modelWorkerCount(env: string | undefined, cores = os.availableParallelism()): number {
  const n = Number(env);
  if (env && Number.isInteger(n) && n >= 1 && n <= 16) return n;
  return Math.max(1, Math.min(4, cores));
}

// One per process: every route bundle shares one bounded set of threads.
export function modelPool(): BoundedPool {
  return processSingleton(
    "modelPool",
    () => new BoundedPool(new WorkerPool({ size: modelWorkerCount(configValue("MODEL_WORKERS")?.toString()), createWorker: spawnModelWorker })),
  );
}

/** Stops the model workers (shutdown, tests); the next modelPool() call starts a fresh pool. */
export async function closeModelPool(): Promise<void> {
  await dropProcessSingleton<BoundedPool>("modelPool")?.close();
}
