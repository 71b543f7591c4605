import "server-only";
import { validateAndPrepareInWorker, validateInWorker, type ValidatedModel } from "@/lib/model-worker/models";
import { InvalidGlbError, type GlbLimits } from "@/lib/models/glb-checks";
import type { ValidGlb } from "@/lib/models/validate";
import { OutputValidationError } from "../errors";

// A GLB from a Space is untrusted input that will be parsed by the optimiser and by every visitor's browser. It
// goes to the model worker once: validation there (lib/models/validate.ts: cheap structural checks, then the
// Khronos validator must report zero errors) and, for a model the gallery will show, its web version made from the
// same bytes. A refusal is an OutputValidationError (the Space's output is malformed: retried once, then the next
// Space), raised before anything is stored or cached.

export { defaultGlbLimits, type GlbLimits } from "@/lib/models/glb-checks";

/** A model to show (a Space's output): validated and prepared for the web, in one worker trip. */
export async function validateAndPrepareSpaceGlb(bytes: Uint8Array, limits: GlbLimits, signal?: AbortSignal): Promise<ValidatedModel> {
  return asOutputError(validateAndPrepareInWorker(bytes, { limits, ...(signal ? { signal } : {}) }));
}

/** A GLB to store but not show (an input sent to a Space): validated in the worker. */
export async function validateSpaceGlb(bytes: Uint8Array, limits: GlbLimits): Promise<ValidGlb> {
  return asOutputError(validateInWorker(bytes, limits));
}

async function asOutputError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    // Only the model's own refusal is the Space's fault; a crashed worker or a full queue is ours.
    if (e instanceof InvalidGlbError) throw new OutputValidationError(e.message);
    throw e;
  }
}
