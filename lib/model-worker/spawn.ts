import "server-only";
// Starting the model worker, as lib/platform/worker-pool/spawn.ts starts the engine worker: in the Next
// build Turbopack sees the literal `new Worker(new URL("./worker.ts", import.meta.url))` and bundles worker.ts
// (with gltf-transform, meshoptimizer, the Khronos validator) as its own entry; run from source (vitest, tsx)
// the worker gets tsx's require hook and the react-server condition, so the same .ts code runs in a real thread.
import { Worker } from "node:worker_threads";
import { runningFromSource, TS_WORKER_EXEC_ARGV } from "../platform/worker-pool/spawn";

export function spawnModelWorker(): Worker {
  return new Worker(new URL("./worker.ts", import.meta.url), {
    name: "vernissage-models",
    execArgv: runningFromSource(import.meta.url) ? TS_WORKER_EXEC_ARGV : undefined,
    // A model that blows up the optimiser kills only this worker (its task fails; a fresh one replaces it).
    resourceLimits: { maxOldGenerationSizeMb: 1536 },
  });
}
