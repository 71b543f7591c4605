import "server-only";

/** A binary image: data[y * width + x] is 1 for the subject, 0 for background. */
export interface Mask {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Pixel-edge bounds of the set pixels: columns [x0, x1), rows [y0, y1). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A rectangle by its top-left corner and size, in pixel-edge coordinates (y down). */
export interface Rect {
  x0: number;
  y0: number;
  width: number;
  height: number;
}

export function maskBounds(mask: Mask): Box | null {
  const { width, height, data } = mask;
  let x0 = width, y0 = height, x1 = 0, y1 = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!data[y * width + x]) continue;
      if (x < x0) x0 = x;
      if (x >= x1) x1 = x + 1;
      if (y < y0) y0 = y;
      y1 = y + 1;
    }
  }
  return x1 > x0 ? { x0, y0, x1, y1 } : null;
}

export function cropMask(mask: Mask, box: Box): Mask {
  const width = box.x1 - box.x0;
  const height = box.y1 - box.y0;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const from = (box.y0 + y) * mask.width + box.x0;
    data.set(mask.data.subarray(from, from + width), y * width);
  }
  return { width, height, data };
}
