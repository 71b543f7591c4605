import "server-only";
// The relief-3d engine. It shares shape-3d's front end — the same input checks, decoding and subject
// segmentation, so both Spaces refuse exactly the same pictures with the same messages — and its GLB writer,
// then models the subject its own way: carved in bas-relief on a plaque instead of swept, revolved or extruded.
import { decodeImage } from "../shape/decode";
import { ReconstructInputError } from "../shape/errors";
import { findSubject } from "../shape/subject";
import { writeGlb, type ModelStats } from "../shape/write-glb";
import { reliefField, sampleField } from "./height-field";
import { layoutPlaque, RELIEF_HEIGHT } from "./layout";
import { buildPlaqueMesh } from "./plaque-mesh";
import { buildPlaqueTexture } from "./texture";

export { ReconstructInputError, RELIEF_HEIGHT };

/** The GLB's size limit: the texture gets whatever the mesh leaves of it. */
export const MAX_GLB_BYTES = 1.5 * 1024 * 1024;
/** The GLB's JSON chunk, headers and padding, generously. */
const GLB_OVERHEAD_BYTES = 16 * 1024;

export interface ReliefStats extends ModelStats {
  /** Grid samples across and up the plaque's front. */
  grid: [number, number];
  textureSize: [number, number];
}

/**
 * Single-image bas-relief: segment the subject, size a rounded plaque round it, raise the subject from the
 * plate by a dome over its silhouette modulated by the picture's brightness, and write a closed, textured GLB
 * RELIEF_HEIGHT metres tall, standing on y = 0, centred in x and z, facing +Z. Deterministic: `seed` is part of
 * the Space's contract but nothing here is random. Throws ReconstructInputError for input the caller should fix.
 */
export async function reconstructRelief(image: Uint8Array, opts: { seed: number }): Promise<{ glb: Buffer; stats: ReliefStats }> {
  if (!Number.isFinite(opts.seed)) throw new ReconstructInputError("seed must be a finite number");
  const { image: pixels } = await decodeImage(image);
  const subject = findSubject(pixels);
  const layout = layoutPlaque(subject.box);

  // Brightness is blurred over about half a mesh cell, so the grid samples what it can show.
  const pixelsPerCell = layout.height / (layout.ny - 1);
  const field = reliefField(subject.mask, pixels, subject.scale, subject.box, pixelsPerCell / 2);
  const { box } = subject;
  const geometry = buildPlaqueMesh(layout, (x, y) => sampleField(field, x - box.x0, y - box.y0));
  const meshBytes = geometry.positions.byteLength + geometry.normals.byteLength + geometry.uvs.byteLength + geometry.indices.byteLength;
  const texture = await buildPlaqueTexture(pixels, subject, layout, MAX_GLB_BYTES - GLB_OVERHEAD_BYTES - meshBytes);
  const glb = await writeGlb(geometry, texture.jpeg);
  return {
    glb,
    stats: {
      grid: [layout.nx, layout.ny],
      vertices: geometry.positions.length / 3,
      triangles: geometry.indices.length / 3,
      width: layout.W,
      height: layout.H,
      depth: layout.depth,
      textureBytes: texture.jpeg.length,
      textureSize: [texture.width, texture.height],
    },
  };
}
