import "server-only";
// The process-wide engine pool, shared by every built-in Space and variant (one per process, so all route
// bundles share one bounded set of threads), with typed wrappers for the engine tasks.
import os from "node:os";
import { defaultPoolSize, WorkerPool } from "../../platform/worker-pool/pool";
import { transferableBytes } from "../../platform/worker-pool/protocol";
import { configValue } from "../../platform/config";
import { processSingleton } from "../../platform/singleton";
import { spawnEngineWorker } from "../../platform/worker-pool/spawn";
import type {
  ReliefTaskInput,
  ReliefTaskOutput,
  ShapeTaskInput,
  ShapeTaskOutput,
  SketchTaskInput,
  SketchTaskOutput,
} from "./tasks";

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

export async function reconstructInWorker(
  image: Uint8Array,
  seed: number,
  signal?: AbortSignal,
): Promise<{ glb: Buffer; stats: ShapeTaskOutput["stats"] }> {
  const bytes = transferableBytes(image);
  const input: ShapeTaskInput = { image: bytes, seed };
  const out = await enginePool().run<ShapeTaskOutput>("shape", input, { signal, transfer: [bytes] });
  return { glb: Buffer.from(out.glb), stats: out.stats };
}

export async function reconstructReliefInWorker(
  image: Uint8Array,
  seed: number,
  signal?: AbortSignal,
): Promise<{ glb: Buffer; stats: ReliefTaskOutput["stats"] }> {
  const bytes = transferableBytes(image);
  const input: ReliefTaskInput = { image: bytes, seed };
  const out = await enginePool().run<ReliefTaskOutput>("relief", input, { signal, transfer: [bytes] });
  return { glb: Buffer.from(out.glb), stats: out.stats };
}
