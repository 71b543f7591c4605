import "server-only";
import { labelComponents } from "./components";
import type { Mask } from "./mask";

/** Below this many pixels (or 0.02% of the grid) a foreground is noise, not a subject. */
const MIN_SUBJECT_PIXELS = 24;
/** Secondary parts (a detached finial, a second tower) survive if at least this fraction of the largest part. */
const MIN_PART_RATIO = 0.05;
/** Enclosed background smaller than this fraction of the subject is a speck to fill, not an opening (arch, window). */
const MAX_FILLED_HOLE_RATIO = 0.01;

/**
 * Keeps the largest connected parts of the foreground and fills its small holes. Returns null when nothing
 * subject-sized remains. Foreground uses 8-connectivity and background 4-connectivity, the dual pair, so that
 * a diagonal pixel chain never counts as both a wall and a gap.
 */
export function cleanMask(raw: Mask): Mask | null {
  const { width, height } = raw;
  const parts = labelComponents(raw.data, width, height, 8);
  const largest = Math.max(0, ...parts.sizes);
  if (largest < Math.max(MIN_SUBJECT_PIXELS, 0.0002 * width * height)) return null;

  const keep = parts.sizes.map((size, label) => label > 0 && size >= MIN_PART_RATIO * largest);
  const data = new Uint8Array(width * height);
  let area = 0;
  for (let i = 0; i < data.length; i++) {
    if (keep[parts.labels[i]!]) {
      data[i] = 1;
      area++;
    }
  }

  const background = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) background[i] = 1 - data[i]!;
  const gaps = labelComponents(background, width, height, 4);
  const maxHole = Math.max(9, MAX_FILLED_HOLE_RATIO * area);
  const fill = gaps.sizes.map((size, label) => label > 0 && !gaps.touchesBorder[label] && size < maxHole);
  for (let i = 0; i < data.length; i++) if (fill[gaps.labels[i]!]) data[i] = 1;
  return { width, height, data };
}
