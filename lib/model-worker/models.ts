import "server-only";
// The model work as the app calls it: one trip to the model worker per GLB (tasks.ts). Errors that are the
// input's fault come back as the classes callers handle (InvalidGlbError, RangeError); a crashed worker, an abort
// or a full queue come back as WorkerTaskError / WorkerQueueFullError.
import { WorkerTaskError } from "../platform/worker-pool/pool";
import { defaultGlbLimits, InvalidGlbError, type GlbLimits } from "../models/glb-checks";
import type { PrepareOptions, PreparedModel } from "../models/prepare";
import type { ValidGlb } from "../models/validate";
import { modelPool } from "./pool";
import { InvalidSplatError } from "../splats/errors";
import type { PrepareSplatOptions, PrepareSplatStats } from "../splats/prepare";
import { defaultSplatLimits, type SplatLimits, type ValidSplat } from "../splats/validate";
import type { MergeHallInput, ValidateAndPrepareInput, ValidateAndPrepareOutput, ValidateAndPrepareSplatInput, ValidateAndPrepareSplatOutput } from "./tasks";
import type { HallPiece, HallShape } from "../models/merge-hall";

export interface ValidateAndPrepareOptions {
  limits?: GlbLimits;
  /** Options of the web version (default: prepareModel's). */
  prepare?: PrepareOptions;
  signal?: AbortSignal;
}

export interface ValidatedModel {
  valid: ValidGlb;
  /** The web version, or why a valid model could not be prepared (flat, no meshes, an encoder refusing it). */
  prepared: PreparedModel | { error: string };
}

/**
 * Validates a GLB (lib/models/validate.ts: structural checks, then Khronos) and prepares its web version
 * (lib/models/prepare.ts) in the model worker, in one trip: the bytes cross once. Throws InvalidGlbError for a
 * refused model. `glb` is not modified or detached.
 */
export async function validateAndPrepareInWorker(glb: Uint8Array, opts: ValidateAndPrepareOptions = {}): Promise<ValidatedModel> {
  const { valid, prepared } = await runModelTask(glb, opts.limits, opts.prepare ?? {}, opts.signal);
  if (!prepared) throw new Error("the model worker returned no web version");
  return { valid, prepared: "glb" in prepared ? { ...prepared, glb: Buffer.from(prepared.glb) } : prepared };
}

/** The same task without the web version: for a GLB that is stored but not shown (an input sent to a Space). */
export async function validateInWorker(glb: Uint8Array, limits?: GlbLimits, signal?: AbortSignal): Promise<ValidGlb> {
  return (await runModelTask(glb, limits, null, signal)).valid;
}

async function runModelTask(glb: Uint8Array, limits = defaultGlbLimits, prepare: PrepareOptions | null, signal?: AbortSignal): Promise<ValidateAndPrepareOutput> {
  const bytes = ownCopy(glb);
  const input: ValidateAndPrepareInput = { glb: bytes, limits, prepare };
  try {
    return await modelPool().run<ValidateAndPrepareOutput>("validate-and-prepare", input, { transfer: [bytes], signal });
  } catch (err) {
    throw asLocalError(err);
  }
}

/**
 * A fresh ArrayBuffer holding the bytes, to transfer: the caller keeps its own (it stores the original; a
 * small Buffer may share its memory with others), and the copy (a few ms for 50 MB) is the only one made.
 */
function ownCopy(view: Uint8Array): ArrayBuffer {
  return new Uint8Array(view).buffer as ArrayBuffer;
}

export interface PreparedSplatResult {
  valid: ValidSplat;
  /** The served SPZ, or why a valid splat could not be shown. */
  prepared: { spz: Buffer; height: number; stats: PrepareSplatStats } | { error: string };
}

/**
 * Validates a Gaussian-splat PLY (lib/splats/validate.ts) and prepares its served SPZ (lib/splats/prepare.ts) in
 * the model worker, in one trip. Throws InvalidSplatError for a refused splat. `ply` is not modified or detached.
 */
export async function validateAndPrepareSplatInWorker(
  ply: Uint8Array,
  opts: { limits?: SplatLimits; prepare?: PrepareSplatOptions; signal?: AbortSignal } = {},
): Promise<PreparedSplatResult> {
  const bytes = ownCopy(ply);
  const input: ValidateAndPrepareSplatInput = { ply: bytes, limits: opts.limits ?? defaultSplatLimits, prepare: opts.prepare ?? {} };
  let out: ValidateAndPrepareSplatOutput;
  try {
    out = await modelPool().run<ValidateAndPrepareSplatOutput>("validate-and-prepare-splat", input, { transfer: [bytes], signal: opts.signal });
  } catch (err) {
    throw asLocalError(err);
  }
  return { valid: out.valid, prepared: "spz" in out.prepared ? { ...out.prepared, spz: Buffer.from(out.prepared.spz) } : out.prepared };
}

function asLocalError(err: unknown): unknown {
  // By shape, not only by class: the pool is one per process (a singleton), but Next evaluates this module once
  // per route bundle, so the pool a route uses may have been made by another bundle's copy of WorkerTaskError.
  const remote = err instanceof WorkerTaskError || (err instanceof Error && err.name === "WorkerTaskError") ? (err as WorkerTaskError) : null;
  if (!remote || remote.failure !== "input") return err;
  switch (remote.remoteName) {
    case "InvalidGlbError":
      return new InvalidGlbError(remote.message);
    case "InvalidSplatError":
      return new InvalidSplatError(remote.message);
    case "RangeError":
      return new RangeError(remote.message);
    default:
      return err;
  }
}

/** The hall as one GLB (lib/models/merge-hall.ts), made in the model worker: the models' bytes are transferred there. */
export async function mergeHallInWorker(input: { title: string; hall: HallShape; pieces: HallPiece[] }, signal?: AbortSignal): Promise<Uint8Array> {
  const pieces = input.pieces.map((p) => ({ ...p, glb: ownCopy(p.glb) }));
  const task: MergeHallInput = { title: input.title, hall: input.hall, pieces };
  const out = await modelPool().run<ArrayBuffer>("merge-hall", task, { transfer: pieces.map((p) => p.glb), signal });
  return new Uint8Array(out);
}
