import "server-only";
import type { Document } from "@gltf-transform/core";
import { dedup, join, meshopt, prune, simplify, textureCompress, weld } from "@gltf-transform/functions";
import { MeshoptEncoder, MeshoptSimplifier } from "meshoptimizer";
import sharp from "sharp";

/**
 * Longest texture side served. A 1.6 m exhibit seen from the walking path (≥ 1.5 m away) covers under 400 px of
 * a 720p view, so 512 px shows no difference at gallery distance while taking a quarter of 1024²'s bytes and
 * VRAM; the original (full-resolution texture) stays downloadable from the info panel.
 */
export const MAX_TEXTURE_SIZE = 512;

/**
 * Simplification error bound, relative to the model's extent (meshoptimizer's default metric): 0.1% of
 * 1.6 m is 1.6 mm, under a pixel at viewing distance, so silhouettes keep their shape while the dense flat
 * regions of a reconstruction collapse.
 */
export const SIMPLIFY_ERROR = 0.001;

/**
 * WebP encoder effort on gltf-transform's 0–100 scale (33 → libwebp method 2; the default is 4). Measured on
 * the built-in models: texture encoding 28–30 → 20 ms a model for 4 % more texture bytes (53.8 → 55.8 KiB
 * over eight), served/original 0.244 → 0.247. The pixels are the same quality either way.
 */
export const WEBP_EFFORT = 33;

/** Smaller without visible loss: shared data merged, unused dropped, draw calls joined, mesh simplified, textures WebP. */
export async function optimizeDocument(doc: Document): Promise<void> {
  // keepSolidTextures: finding a one-colour texture means decoding every texture in full, twice (once per
  // prune), which was a third of the whole preparation; a generated model's texture is never one colour in
  // practice, and one that is costs a few hundred bytes as WebP anyway.
  await doc.transform(
    dedup(),
    prune({ keepSolidTextures: true }),
    join(),
    weld(),
    simplify({ simplifier: MeshoptSimplifier, ratio: 0, error: SIMPLIFY_ERROR }),
    prune({ keepSolidTextures: true }),
    textureCompress({ encoder: sharp, targetFormat: "webp", resize: [MAX_TEXTURE_SIZE, MAX_TEXTURE_SIZE], effort: WEBP_EFFORT }),
  );
}

/**
 * Quantises and meshopt-compresses the geometry (EXT_meshopt_compression + KHR_mesh_quantization), which
 * three's GLTFLoader (drei's useGLTF) decodes with its embedded decoder: no CDN. One quantisation volume
 * for the whole model, so its parts line up exactly.
 */
export async function compressDocument(doc: Document): Promise<void> {
  await doc.transform(meshopt({ encoder: MeshoptEncoder, level: "high", quantizationVolume: "scene" }));
}
