import "server-only";
import type { RgbaImage } from "../shape/decode";
import { distanceToBackground } from "../shape/distance";
import type { Box, Mask } from "../shape/mask";

/**
 * How far the subject rises above the plate, 0 (plate) to 1 (highest), on the subject's cropped analysis grid.
 * Two parts, as a carver would: a dome over the silhouette — a rounded edge rising from the plate, then a bulge
 * that makes thick parts stand further out than thin ones — modulated by the picture's brightness, so lit
 * faces come forward and shadowed details sink back. Zero outside the mask, so the relief meets the plate
 * exactly on the subject's outline.
 */
export interface HeightField {
  width: number;
  height: number;
  data: Float32Array;
}

/** Share of the relief driven by brightness (the rest by the dome). */
const LUMINANCE_SHARE = 0.3;
/** The rounded edge spans this share of the subject's thickest half-width… */
const EDGE_OF_THICKNESS = 0.3;
/** …but never more than this share of the subject's longer side (a broad subject keeps a crisp edge). */
const MAX_EDGE_OF_SIDE = 0.05;
/** A part this thin (relative to the thickest) still rises to this share of the full bulge. */
const MIN_BULGE = 0.55;

/**
 * @param mask the subject cropped to its bounding box on the analysis grid
 * @param image the full picture; each analysis-grid pixel is a `scale`×`scale` block of it
 * @param box where the crop lies on the analysis grid
 * @param smoothing radius (pixels) of the brightness blur: about half a mesh cell, so the coarser grid that
 *   samples this field does not alias fine picture detail into spikes
 */
export function reliefField(mask: Mask, image: RgbaImage, scale: number, box: Box, smoothing: number): HeightField {
  const { width, height } = mask;
  const distance = distanceToBackground(mask);
  let maxDistance = 0;
  for (let i = 0; i < distance.length; i++) if (distance[i]! > maxDistance) maxDistance = distance[i]!;
  const edge = Math.max(1, Math.min(EDGE_OF_THICKNESS * maxDistance, MAX_EDGE_OF_SIDE * Math.max(width, height)));
  const brightness = normalise(maskedBlur(cropLuminance(image, scale, box, mask), mask, Math.max(0, Math.round(smoothing))), mask);

  const data = new Float32Array(width * height);
  for (let i = 0; i < data.length; i++) {
    const d = distance[i]!;
    if (d <= 0) continue;
    const t = Math.min(1, d / edge);
    const rounded = Math.sqrt(1 - (1 - t) * (1 - t));
    const bulge = MIN_BULGE + (1 - MIN_BULGE) * Math.sqrt(d / maxDistance);
    data[i] = rounded * ((1 - LUMINANCE_SHARE) * bulge + LUMINANCE_SHARE * brightness[i]!);
  }
  return { width, height, data };
}

/** Bilinear sample at a point of the crop (pixel-edge coordinates); zero beyond the crop. */
export function sampleField(field: HeightField, x: number, y: number): number {
  const { width, height, data } = field;
  const fx = x - 0.5;
  const fy = y - 0.5;
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  if (x0 < -1 || y0 < -1 || x0 >= width || y0 >= height) return 0;
  const tx = fx - x0;
  const ty = fy - y0;
  const left = x0 >= 0, right = x0 + 1 < width, up = y0 >= 0, down = y0 + 1 < height;
  const a = left && up ? data[y0 * width + x0]! : 0;
  const b = right && up ? data[y0 * width + x0 + 1]! : 0;
  const c = left && down ? data[(y0 + 1) * width + x0]! : 0;
  const d = right && down ? data[(y0 + 1) * width + x0 + 1]! : 0;
  return (a * (1 - tx) + b * tx) * (1 - ty) + (c * (1 - tx) + d * tx) * ty;
}

/**
 * Rec. 709 luma (0–1) of each crop pixel, averaged over its `scale`×`scale` block of the full picture (the block
 * the analysis grid shrank it from), straight from the sRGB bytes: only its ordering matters here. Only the
 * crop is read, not the whole picture.
 */
function cropLuminance(image: RgbaImage, scale: number, box: Box, mask: Mask): Float32Array {
  const { width, height } = mask;
  const src = image.data;
  const out = new Float32Array(width * height);
  const norm = 1 / (255 * scale * scale);
  for (let y = 0; y < height; y++) {
    for (let sy = (box.y0 + y) * scale; sy < (box.y0 + y + 1) * scale; sy++) {
      let k = (sy * image.width + box.x0 * scale) * 4;
      for (let x = 0; x < width; x++) {
        let sum = 0;
        for (let sx = 0; sx < scale; sx++, k += 4) sum += 0.2126 * src[k]! + 0.7152 * src[k + 1]! + 0.0722 * src[k + 2]!;
        out[y * width + x]! += sum * norm;
      }
    }
  }
  return out;
}

/**
 * Box blur over subject pixels only (two separable passes, each a running sum): the backdrop's black must not
 * darken the subject's rim, or every outline would sink.
 */
function maskedBlur(values: Float32Array, mask: Mask, radius: number): Float32Array {
  if (radius === 0) return values;
  const { width, height, data } = mask;
  let sum = new Float32Array(values.length);
  let weight = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    sum[i] = data[i] ? values[i]! : 0;
    weight[i] = data[i]!;
  }
  const pass = (src: Float32Array, stride: number, count: number, lines: number, lineStride: number) => {
    const out = new Float32Array(src.length);
    for (let line = 0; line < lines; line++) {
      const base = line * lineStride;
      let acc = 0;
      for (let k = 0; k <= Math.min(radius, count - 1); k++) acc += src[base + k * stride]!;
      for (let k = 0; k < count; k++) {
        out[base + k * stride] = acc;
        const enter = k + radius + 1;
        const leave = k - radius;
        if (enter < count) acc += src[base + enter * stride]!;
        if (leave >= 0) acc -= src[base + leave * stride]!;
      }
    }
    return out;
  };
  sum = pass(pass(sum, 1, width, height, width), width, height, width, 1);
  weight = pass(pass(weight, 1, width, height, width), width, height, width, 1);
  const out = new Float32Array(values.length);
  for (let i = 0; i < out.length; i++) out[i] = weight[i]! > 0 ? sum[i]! / weight[i]! : 0;
  return out;
}

/**
 * Stretches the subject's brightness to 0–1 between its 2nd and 98th percentiles (a 256-bin histogram: exact
 * enough, and linear time). A flat-coloured subject gets 0.5 throughout: its relief is the dome alone.
 */
function normalise(values: Float32Array, mask: Mask): Float32Array {
  const bins = new Uint32Array(256);
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    if (!mask.data[i]) continue;
    bins[Math.min(255, Math.floor(values[i]! * 256))]!++;
    count++;
  }
  const percentile = (p: number) => {
    let seen = 0;
    for (let b = 0; b < 256; b++) {
      seen += bins[b]!;
      if (seen > p * count) return b / 255;
    }
    return 1;
  };
  const lo = percentile(0.02);
  const hi = percentile(0.98);
  const out = new Float32Array(values.length);
  if (hi - lo < 8 / 255) return out.fill(0.5);
  for (let i = 0; i < out.length; i++) out[i] = Math.min(1, Math.max(0, (values[i]! - lo) / (hi - lo)));
  return out;
}
