import "server-only";
// The process-wide engine pool, shared by every built-in Space and variant (one per process, so all route
// bundles share one bounded set of threads), with typed wrappers for the engine tasks.
import os from "node:os";
import { Worker } from "node:worker_threads";
import { defaultPoolSize, WorkerPool } from "../../platform/worker-pool/pool";
import { transferableBytes } from "../../platform/worker-pool/protocol";
import { configValue } from "../../platform/config";
import { processSingleton } from "../../platform/singleton";
import { workerExecArgv } from "../../platform/worker-pool/spawn";
import type { SplatRequest } from "../splat/reconstruct";
import type { ImageTo3dEngine, ImageTo3dTaskInput, ImageTo3dTaskOutput, SketchTaskInput, SketchTaskOutput, SplatTaskInput, SplatTaskOutput } from "./tasks";

/**
 * Starts an engine worker. The literal `new Worker(new URL("./worker.ts", import.meta.url), {…})` is what
 * makes Turbopack bundle worker.ts (with the engines) as its own entry: keep both arguments literal, here
 * next to worker.ts (lib/platform/worker-pool/spawn.ts says why).
 */
function spawnEngineWorker(): Worker {
  return new Worker(new URL("./worker.ts", import.meta.url), {
    name: "vernissage-engine",
    execArgv: workerExecArgv(import.meta.url),
    // A runaway reconstruction dies alone (and is replaced) instead of taking the server with it.
    resourceLimits: { maxOldGenerationSizeMb: 1536 },
  });
}

export function enginePool(): WorkerPool {
  return processSingleton(
    "builtin.enginePool",
    () => new WorkerPool({ size: defaultPoolSize(os.availableParallelism(), configValue("BUILTIN_SPACE_WORKERS")?.toString()), createWorker: spawnEngineWorker }),
  );
}

export async function renderSketchInWorker(input: SketchTaskInput, signal?: AbortSignal): Promise<Buffer> {
  const out = await enginePool().run<SketchTaskOutput>("sketch", input, { signal });
  return Buffer.from(out.png);
}

/** A picture to a GLB with one of the image-to-3D engines. `image`'s buffer may be transferred away. */
export async function imageTo3dInWorker<E extends ImageTo3dEngine>(
  engine: E,
  image: Uint8Array,
  seed: number,
  signal?: AbortSignal,
): Promise<{ glb: Buffer; stats: ImageTo3dTaskOutput<E>["stats"] }> {
  const bytes = transferableBytes(image);
  const input: ImageTo3dTaskInput = { image: bytes, seed };
  const out = await enginePool().run<ImageTo3dTaskOutput<E>>(engine, input, { signal, transfer: [bytes] });
  return { glb: Buffer.from(out.glb), stats: out.stats };
}

/** A picture to a Gaussian splat (.ply, or .splat) with the splat engine. `image`'s buffer may be transferred away. */
export async function splatInWorker(
  image: Uint8Array,
  request: SplatRequest & { format: "ply" | "splat" },
  signal?: AbortSignal,
): Promise<{ file: Buffer; preview: Buffer; stats: SplatTaskOutput["stats"] }> {
  const bytes = transferableBytes(image);
  const input: SplatTaskInput = { image: bytes, ...request };
  const out = await enginePool().run<SplatTaskOutput>("splat", input, { signal, transfer: [bytes] });
  return { file: Buffer.from(out.file), preview: Buffer.from(out.preview), stats: out.stats };
}
