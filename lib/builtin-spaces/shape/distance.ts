import "server-only";
import type { Mask } from "./mask";

/**
 * Chamfer (1, √2) distance from each subject pixel to the nearest background pixel, treating outside the mask
 * as background. Within a few percent of Euclidean, which is plenty for judging how thick a part is.
 */
export function distanceToBackground(mask: Mask): Float32Array {
  const { width: w, height: h, data } = mask;
  const d = new Float32Array(w * h);
  const diagonal = Math.SQRT2;
  const get = (x: number, y: number) => (x >= 0 && y >= 0 && x < w && y < h ? d[y * w + x]! : 0);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!data[y * w + x]) continue;
      d[y * w + x] = Math.min(get(x - 1, y) + 1, get(x, y - 1) + 1, get(x - 1, y - 1) + diagonal, get(x + 1, y - 1) + diagonal);
    }
  }
  for (let y = h - 1; y >= 0; y--) {
    for (let x = w - 1; x >= 0; x--) {
      if (!data[y * w + x]) continue;
      d[y * w + x] = Math.min(
        d[y * w + x]!,
        get(x + 1, y) + 1,
        get(x, y + 1) + 1,
        get(x + 1, y + 1) + diagonal,
        get(x - 1, y + 1) + diagonal,
      );
    }
  }
  return d;
}
