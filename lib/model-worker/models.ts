import "server-only";
// The model work as the app calls it: the same functions as lib/models/prepare.ts and the Khronos part of
// lib/space-client/validate/glb.ts, run in the model worker. Errors that are the input's fault come back as
// the classes callers already handle (ModelError, GltfValidatorReadError, RangeError); a crashed worker, an
// abort or a full queue come back as WorkerTaskError / WorkerQueueFullError.
import { WorkerTaskError } from "../platform/worker-pool/pool";
import { ModelError } from "../models/io";
import type { PrepareOptions, PreparedModel } from "../models/prepare";
import { GltfValidatorReadError, type KhronosValidator } from "../models/khronos-verdict";
import { modelPool } from "./pool";
import type { PrepareTaskInput, PrepareTaskOutput, ValidateGlbTaskInput, ValidateGlbTaskOutput } from "./tasks";

/** prepareModel (lib/models/prepare.ts) in the model worker. `glb` is not modified or detached. */
export async function prepareModelInWorker(glb: Uint8Array, opts: PrepareOptions = {}, signal?: AbortSignal): Promise<PreparedModel> {
  const bytes = ownCopy(glb);
  const input: PrepareTaskInput = { glb: bytes, options: opts };
  try {
    const out = await modelPool().run<PrepareTaskOutput>("prepare-model", input, { transfer: [bytes], signal });
    return { glb: Buffer.from(out.glb), height: out.height, stats: out.stats };
  } catch (err) {
    throw asLocalError(err);
  }
}

/** The Khronos validator in the model worker: pass as `khronos` to validateGlb (validate/glb.ts). */
export const khronosInWorker: KhronosValidator = async (glb) => {
  const bytes = ownCopy(glb);
  const input: ValidateGlbTaskInput = { glb: bytes };
  try {
    return await modelPool().run<ValidateGlbTaskOutput>("validate-glb", input, { transfer: [bytes] });
  } catch (err) {
    throw asLocalError(err);
  }
};

/**
 * A fresh ArrayBuffer holding the bytes, to transfer: the caller keeps its own (it stores the original; a
 * small Buffer may share its memory with others), and the copy (a few ms for 50 MB) is the only one made.
 */
function ownCopy(view: Uint8Array): ArrayBuffer {
  return new Uint8Array(view).buffer as ArrayBuffer;
}

function asLocalError(err: unknown): unknown {
  if (!(err instanceof WorkerTaskError) || err.failure !== "input") return err;
  switch (err.remoteName) {
    case "ModelError":
      return new ModelError(err.message);
    case "GltfValidatorReadError":
      return new GltfValidatorReadError(err.message);
    case "RangeError":
      return new RangeError(err.message);
    default:
      return err;
  }
}
