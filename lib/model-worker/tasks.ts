import "server-only";
// The model worker's tasks: the app's CPU-heavy model work, run off the request event loop. A GLB or a splat that
// arrives from outside crosses to the worker once, and everything that needs its bytes happens there: validation
// (a GLB's structural checks and the Khronos validator; a splat's reading and bounds) and, for a model to show,
// its web version (a prepared GLB; a splat's SPZ). Bytes in and out
// are transferred, never cloned. Relative imports only: this runs inside the worker, bundled as its own entry by
// Turbopack or from source through tsx.
import { type TaskHandler, transferableBytes } from "../platform/worker-pool/protocol";
import { InvalidGlbError, type GlbLimits } from "../models/glb-checks";
import { prepareModel, targetHeightOf, type PrepareOptions, type PrepareStats } from "../models/prepare";
import { validateGlb, type ValidGlb } from "../models/validate";
import { InvalidSplatError } from "../splats/errors";
import { prepareSplat, targetSplatHeightOf, type PrepareSplatOptions, type PrepareSplatStats } from "../splats/prepare";
import { readValidSplat, type SplatLimits, type ValidSplat } from "../splats/validate";
import { mergeHall, type HallPiece, type HallShape } from "../models/merge-hall";

export interface ValidateAndPrepareInput {
  glb: ArrayBuffer;
  limits: GlbLimits;
  /** Also make the web version (lib/models/prepare.ts), with these options; null: validate only. */
  prepare: PrepareOptions | null;
}

export interface ValidateAndPrepareOutput {
  valid: ValidGlb;
  /** The web version; `error` when the model is valid glTF but could not be prepared; null when not asked. */
  prepared: { glb: ArrayBuffer; height: number; stats: PrepareStats } | { error: string } | null;
}

export interface ValidateAndPrepareSplatInput {
  ply: ArrayBuffer;
  limits: SplatLimits;
  prepare: PrepareSplatOptions;
}

export interface ValidateAndPrepareSplatOutput {
  valid: ValidSplat;
  /** The served SPZ; `error` when the splat is valid but cannot be shown (nothing visible left, flat). */
  prepared: { spz: ArrayBuffer; height: number; stats: PrepareSplatStats } | { error: string };
}

export interface MergeHallInput {
  title: string;
  hall: HallShape;
  pieces: (Omit<HallPiece, "glb"> & { glb: ArrayBuffer })[];
}

export const modelTasks: Record<string, TaskHandler> = {
  /** The whole hall as one GLB (lib/models/merge-hall.ts): the served models decoded, merged and placed. */
  async "merge-hall"(input) {
    const { title, hall, pieces } = input as MergeHallInput;
    const glb = await mergeHall({ title, hall, pieces: pieces.map((p) => ({ ...p, glb: new Uint8Array(p.glb) })) });
    const out = transferableBytes(glb);
    return { output: out, transfer: [out] };
  },

  async "validate-and-prepare"(input) {
    const { glb, limits, prepare } = input as ValidateAndPrepareInput;
    if (prepare) targetHeightOf(prepare); // a caller's mistake fails the task before any work
    const bytes = new Uint8Array(glb);
    const valid = await validateGlb(bytes, limits);
    if (!prepare) return { output: { valid, prepared: null } satisfies ValidateAndPrepareOutput };
    let prepared;
    try {
      prepared = await prepareModel(bytes, prepare);
    } catch (err) {
      // A valid model that cannot be prepared (flat, no meshes, an encoder refusing it) is not a bad output of
      // the Space: the caller still stores the original, and the exhibit fails with this reason.
      const output: ValidateAndPrepareOutput = { valid, prepared: { error: err instanceof Error ? err.message : String(err) } };
      return { output };
    }
    const out = transferableBytes(prepared.glb);
    const output: ValidateAndPrepareOutput = { valid, prepared: { glb: out, height: prepared.height, stats: prepared.stats } };
    return { output, transfer: [out] };
  },
  /**
   * A Gaussian splat (a Space's `.ply`): read and validated (lib/splats/validate.ts), then prepared for the web
   * (lib/splats/prepare.ts: pruned, upright, on the plinth, to height, SPZ v3) in the same trip.
   */
  async "validate-and-prepare-splat"(input) {
    const { ply, limits, prepare } = input as ValidateAndPrepareSplatInput;
    targetSplatHeightOf(prepare); // a caller's mistake fails the task before any work
    const { cloud, valid } = readValidSplat(new Uint8Array(ply), limits);
    let prepared;
    try {
      prepared = prepareSplat(cloud, prepare);
    } catch (err) {
      if (!(err instanceof InvalidSplatError)) throw err;
      const output: ValidateAndPrepareSplatOutput = { valid, prepared: { error: err.message } };
      return { output };
    }
    const spz = transferableBytes(prepared.spz);
    const output: ValidateAndPrepareSplatOutput = { valid, prepared: { spz, height: prepared.height, stats: prepared.stats } };
    return { output, transfer: [spz] };
  },
};

/** Errors that are the input's fault, re-raised as such on the main thread (see models.ts). */
export const INPUT_ERROR_NAMES = ["InvalidGlbError", "InvalidSplatError", "RangeError"] as const;

export function isModelInputError(err: unknown): boolean {
  return (
    err instanceof InvalidGlbError ||
    err instanceof InvalidSplatError ||
    err instanceof RangeError ||
    (err instanceof Error && (INPUT_ERROR_NAMES as readonly string[]).includes(err.name))
  );
}
