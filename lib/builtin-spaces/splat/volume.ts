import "server-only";
import { distanceToBackground } from "../shape/distance";
import type { Mask } from "../shape/mask";
import type { ShapeKind, Silhouette } from "../shape/silhouette";

// The subject's body, read from its silhouette as the mesh built-ins read it (shape/silhouette.ts): how thick
// it is behind each pixel of the picture. A revolved form (a dome, a vase) is round in every row; a swept one
// (a tower, a pyramid) square; anything else a slab as thick as a fraction of its size, its rim rounded off.

/** A slab's half-thickness, as a share of the subject's larger side. */
const SLAB_HALF_DEPTH = 0.15;

export interface Volume {
  kind: ShapeKind;
  width: number;
  height: number;
  /** Half-depth behind each mask pixel (0 outside the subject), in pixels. */
  halfDepth: Float32Array;
  /** Chamfer distance of each subject pixel to the background, in pixels (≥ 1 inside). */
  distance: Float32Array;
}

/** `thickness` scales every half-depth (1 = as the silhouette suggests). */
export function buildVolume(mask: Mask, silhouette: Silhouette, kind: ShapeKind, thickness: number): Volume {
  const { width, height, data } = mask;
  const distance = distanceToBackground(mask);
  const halfDepth = new Float32Array(width * height);
  const slab = SLAB_HALF_DEPTH * Math.max(width, height);
  for (let y = 0; y < height; y++) {
    const { left, right } = silhouette.rows[y]!;
    const cx = (left + right) / 2;
    const r = (right - left) / 2;
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (!data[i]) continue;
      let d: number;
      if (kind === "revolve") d = Math.sqrt(Math.max(0.25, r * r - (x + 0.5 - cx) ** 2));
      else if (kind === "sweep") d = Math.max(0.5, r);
      else d = slab * Math.min(1, Math.sqrt(distance[i]! / (0.5 * slab)));
      halfDepth[i] = d * thickness;
    }
  }
  return { kind, width, height, halfDepth, distance };
}

/** The value of a per-pixel field at a point in pixel units (nearest pixel, clamped to the grid). */
export function sample(field: Float32Array, v: Pick<Volume, "width" | "height">, x: number, y: number): number {
  const px = Math.min(v.width - 1, Math.max(0, Math.floor(x)));
  const py = Math.min(v.height - 1, Math.max(0, Math.floor(y)));
  return field[py * v.width + px]!;
}

/**
 * Gradient of a field at a pixel by differences between subject pixels only: at the subject's edge the
 * difference is one-sided, so a wall (a tower's side) does not tip the front surface's last column sideways.
 */
export function gradient(field: Float32Array, v: Pick<Volume, "width" | "height">, x: number, y: number): [number, number] {
  const px = Math.min(v.width - 1, Math.max(0, Math.floor(x)));
  const py = Math.min(v.height - 1, Math.max(0, Math.floor(y)));
  const centre = field[py * v.width + px]!;
  const at = (cx: number, cy: number) => {
    const inside = cx >= 0 && cy >= 0 && cx < v.width && cy < v.height && field[cy * v.width + cx]! > 0;
    return inside ? field[cy * v.width + cx]! : centre;
  };
  return [(at(px + 1, py) - at(px - 1, py)) / 2, (at(px, py + 1) - at(px, py - 1)) / 2];
}
