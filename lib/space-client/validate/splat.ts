import "server-only";
import { validateAndPrepareSplatInWorker, type PreparedSplatResult } from "@/lib/model-worker/models";
import { InvalidSplatError } from "@/lib/splats/errors";
import { defaultSplatLimits } from "@/lib/splats/validate";
import { OutputValidationError } from "../errors";
import type { PlyLimits } from "./ply";

// A Gaussian splat from a Space is untrusted input every visitor's browser will decode. After the cheap header
// check (ply.ts) it goes to the model worker once: read and validated there (lib/splats/validate.ts: finite
// numbers, sane scales and positions, bounded count), and prepared for the web from the same bytes
// (lib/splats/prepare.ts → SPZ v3). A refusal is an OutputValidationError (the Space's output is malformed:
// retried once, then the next Space), raised before anything is stored or cached.

export async function validateAndPrepareSpaceSplat(bytes: Uint8Array, limits: PlyLimits, signal?: AbortSignal): Promise<PreparedSplatResult> {
  try {
    return await validateAndPrepareSplatInWorker(bytes, {
      limits: { ...defaultSplatLimits, maxBytes: limits.maxBytes, maxGaussians: limits.maxVertices },
      ...(signal ? { signal } : {}),
    });
  } catch (e) {
    // Only the splat's own refusal is the Space's fault; a crashed worker or a full queue is ours.
    if (e instanceof InvalidSplatError) throw new OutputValidationError(`The splat is not valid: ${e.message}`);
    throw e;
  }
}
