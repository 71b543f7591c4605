import "server-only";
// The model worker's tasks: the app's CPU-heavy model work, run off the request event loop. Bytes in and out
// are transferred, never cloned. Relative imports only: this runs inside the worker, bundled as its own entry
// by Turbopack or from source through tsx.
import { type TaskHandler, transferableBytes } from "../platform/worker-pool/protocol";
import { ModelError } from "../models/io";
import { prepareModel, type PrepareOptions, type PrepareStats } from "../models/prepare";
import { runKhronosValidator } from "../models/khronos";
import { GltfValidatorReadError, type KhronosVerdict } from "../models/khronos-verdict";

export interface PrepareTaskInput {
  glb: ArrayBuffer;
  options: PrepareOptions;
}
export interface PrepareTaskOutput {
  glb: ArrayBuffer;
  height: number;
  stats: PrepareStats;
}

export interface ValidateGlbTaskInput {
  glb: ArrayBuffer;
}
export type ValidateGlbTaskOutput = KhronosVerdict;

export const modelTasks: Record<string, TaskHandler> = {
  async "prepare-model"(input) {
    const { glb, options } = input as PrepareTaskInput;
    const prepared = await prepareModel(new Uint8Array(glb), options);
    const bytes = transferableBytes(prepared.glb);
    const output: PrepareTaskOutput = { glb: bytes, height: prepared.height, stats: prepared.stats };
    return { output, transfer: [bytes] };
  },
  async "validate-glb"(input) {
    const { glb } = input as ValidateGlbTaskInput;
    const output: ValidateGlbTaskOutput = await runKhronosValidator(new Uint8Array(glb));
    return { output };
  },
};

/** Errors that are the input's fault, re-raised as such on the main thread (see models.ts). */
export const INPUT_ERROR_NAMES = ["ModelError", "GltfValidatorReadError", "RangeError"] as const;

export function isModelInputError(err: unknown): boolean {
  return (
    err instanceof ModelError ||
    err instanceof GltfValidatorReadError ||
    err instanceof RangeError ||
    (err instanceof Error && (INPUT_ERROR_NAMES as readonly string[]).includes(err.name))
  );
}
