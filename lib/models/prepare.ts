import "server-only";
import { Logger } from "@gltf-transform/core";
import { countVertices, listTextureSizes } from "./inspect";
import { getIO, readGlb } from "./io";
import { normalizeDocument, type UpAxis } from "./normalize";
import { compressDocument, optimizeDocument } from "./optimize";

export const DEFAULT_TARGET_HEIGHT = 1.6;

const quietLogger = new Logger(Logger.Verbosity.WARN);

export interface PrepareOptions {
  /** Height of the served model in metres (default 1.6). */
  targetHeight?: number;
  /** Up axis of the input: "y" (the glTF convention, default), "z", or "auto" (detect a Z-up model lying down). */
  upAxis?: UpAxis | "auto";
}

export interface PrepareStats {
  originalBytes: number;
  servedBytes: number;
  originalVertices: number;
  servedVertices: number;
  textures: { width: number; height: number }[];
  /** The up axis the input was treated as (what "auto" decided). */
  upAxis: UpAxis;
  durationMs: number;
}

export interface PreparedModel {
  glb: Buffer;
  /** Height in metres of the served model (targetHeight, measured). */
  height: number;
  stats: PrepareStats;
}

/** The height asked for, or RangeError: a caller's mistake, told apart from a model that cannot be prepared. */
export function targetHeightOf(opts: PrepareOptions): number {
  const targetHeight = opts.targetHeight ?? DEFAULT_TARGET_HEIGHT;
  if (!(targetHeight > 0 && Number.isFinite(targetHeight))) throw new RangeError(`targetHeight must be a positive number, got ${targetHeight}`);
  return targetHeight;
}

/**
 * The web version of a model: upright, normalised, centred on its plinth, optimised and compressed.
 * `glb` is not modified (the caller keeps the original for download).
 */
export async function prepareModel(glb: Uint8Array, opts: PrepareOptions = {}): Promise<PreparedModel> {
  const started = performance.now();
  const targetHeight = targetHeightOf(opts);

  const doc = await readGlb(glb);
  // gltf-transform logs every pass at INFO; keep the server log for what matters.
  doc.setLogger(quietLogger);
  const originalVertices = countVertices(doc);

  const { height, upAxis } = await normalizeDocument(doc, { targetHeight, upAxis: opts.upAxis ?? "y" });
  await optimizeDocument(doc);
  const servedVertices = countVertices(doc);
  await compressDocument(doc);
  const io = await getIO();
  const out = Buffer.from(await io.writeBinary(doc));

  return {
    glb: out,
    height,
    stats: {
      originalBytes: glb.byteLength,
      servedBytes: out.byteLength,
      originalVertices,
      servedVertices,
      textures: listTextureSizes(doc).map(({ width, height }) => ({ width, height })),
      upAxis,
      durationMs: Math.round(performance.now() - started),
    },
  };
}
