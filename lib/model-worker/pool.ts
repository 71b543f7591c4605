import "server-only";
// The process-wide pool for the app's CPU-heavy model work (preparing a GLB for the web, the Khronos
// validator): without it those run on the request event loop and stall every page, server action and live
// stream for up to a second per model. It is the generic WorkerPool (lib/platform/worker-pool: lazy unref'd
// workers, FIFO, crash replacement, abort) with a bound on waiting tasks, so a burst of builds fails fast and
// visibly (WorkerQueueFullError) instead of queueing minutes of work in memory.
import os from "node:os";
import { Worker } from "node:worker_threads";
import { WorkerPool } from "../platform/worker-pool/pool";
import { configValue } from "../platform/config";
import { workerExecArgv } from "../platform/worker-pool/spawn";
import { dropProcessSingleton, processSingleton } from "../platform/singleton";

/** Tasks allowed to wait for a worker; past this, run() refuses at once. */
export const DEFAULT_MAX_QUEUED = 32;

/**
 * Starts a model worker. The literal `new Worker(new URL("./worker.ts", import.meta.url), {…})` is what makes
 * Turbopack bundle worker.ts (with gltf-transform, meshoptimizer, the Khronos validator) as its own entry:
 * keep both arguments literal, here next to worker.ts (lib/platform/worker-pool/spawn.ts says why).
 */
function spawnModelWorker(): Worker {
  return new Worker(new URL("./worker.ts", import.meta.url), {
    name: "vernissage-models",
    execArgv: workerExecArgv(import.meta.url),
    // A model that blows up the optimiser kills only this worker (its task fails; a fresh one replaces it).
    resourceLimits: { maxOldGenerationSizeMb: 1536 },
  });
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
export function modelPool(): WorkerPool {
  return processSingleton(
    "modelPool",
    () =>
      new WorkerPool({
        size: modelWorkerCount(configValue("MODEL_WORKERS")?.toString()),
        createWorker: spawnModelWorker,
        maxQueued: DEFAULT_MAX_QUEUED,
        busyWith: "preparing models",
      }),
  );
}

/** Stops the model workers (shutdown, tests); the next modelPool() call starts a fresh pool. */
export async function closeModelPool(): Promise<void> {
  await dropProcessSingleton<WorkerPool>("modelPool")?.close();
}
