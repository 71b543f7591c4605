import "server-only";
import { decodeImage } from "./decode";
import { ReconstructInputError } from "./errors";
import { MeshBuilder, positionBounds, type FrontProjection } from "./mesh";
import { buildExtrusion } from "./mesh-extrude";
import { buildRevolve, buildSweep } from "./mesh-loft";
import { shadeMesh } from "./normals";
import { analyseSilhouette, type ShapeKind } from "./silhouette";
import { findSubject, type Subject } from "./subject";
import { buildTexture, textureRegion, type TextureRegion } from "./texture";
import { writeGlb, type ModelStats } from "./write-glb";

export { ReconstructInputError };

/** The model's larger side (height, or width for wide subjects), in metres. */
export const MODEL_SIZE = 2;

export interface ReconstructStats extends ModelStats {
  kind: ShapeKind;
}

/**
 * Single-image 3D reconstruction by classical means: segment the subject, read its silhouette, and sweep,
 * revolve or extrude it into a closed, front-textured mesh standing on y = 0, centred in x and z, facing +Z.
 * Deterministic: nothing random is involved, so `seed` (part of the Space's contract) cannot change the result.
 * Throws ReconstructInputError for input the caller should fix.
 */
export async function reconstructModel(
  image: Uint8Array,
  opts: { seed: number },
): Promise<{ glb: Buffer; stats: ReconstructStats }> {
  if (!Number.isFinite(opts.seed)) throw new ReconstructInputError("seed must be a finite number");
  const { image: pixels } = await decodeImage(image);
  const subject = findSubject(pixels);
  const silhouette = analyseSilhouette(subject.mask);
  // Without a separable backdrop the whole picture is the subject: a panel, whatever its outline suggests.
  const kind = subject.mode === "frame" ? "extrude" : silhouette.kind;

  const region = textureRegion(pixels, subject);
  const texture = await buildTexture(pixels, region, subject);
  const mesh = new MeshBuilder(frontProjection(subject, region));
  const { width, height } = subject.mask;
  if (kind === "sweep") buildSweep(silhouette.rows, width, mesh);
  else if (kind === "revolve") buildRevolve(silhouette.rows, width, mesh);
  else buildExtrusion(subject.mask, mesh);

  const geometry = shadeMesh(mesh, MODEL_SIZE / Math.max(width, height));
  const glb = await writeGlb(geometry, texture);
  const [w, h, d] = extent(geometry.positions);
  return {
    glb,
    stats: {
      kind,
      vertices: geometry.positions.length / 3,
      triangles: geometry.indices.length / 3,
      width: w,
      height: h,
      depth: d,
      textureBytes: texture.length,
    },
  };
}

/** From the model's XY plane (mask pixels, centred, y up) back to the texture crop of the source image. */
function frontProjection(subject: Subject, region: TextureRegion): FrontProjection {
  const { mask, box, scale } = subject;
  return (x, y) => [
    ((x + mask.width / 2 + box.x0) * scale - region.x0) / region.width,
    ((mask.height - y + box.y0) * scale - region.y0) / region.height,
  ];
}

function extent(positions: Float32Array): [number, number, number] {
  const { min, max } = positionBounds(positions);
  return [max[0] - min[0], max[1] - min[1], max[2] - min[2]];
}
