import "server-only";

// Where a drawing lands in the image: the subject fitted and centred, its base near the bottom edge, and how a
// pixel coordinate is written into the SVG. The document and the style effects both place markup with it.

import type { Drawing } from "./drawing";

/** Share of the image height a tall subject fills, and how far its base sits from the bottom. */
const TARGET_HEIGHT = 0.78;
const MAX_WIDTH = 0.9;
const BOTTOM_MARGIN = 0.07;

/** Maps drawing units to pixels. */
export interface Fit {
  scale: number;
  x: (x: number) => number;
  y: (y: number) => number;
  /** The subject's pixel bounds. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export function fitDrawing(drawing: Drawing, width: number, height: number): Fit {
  const box = drawing.bounds();
  const w = Math.max(box.maxX - box.minX, 1e-6);
  const h = Math.max(box.maxY - box.minY, 1e-6);
  const scale = Math.min((TARGET_HEIGHT * height) / h, (MAX_WIDTH * width) / w);
  const bottom = height * (1 - BOTTOM_MARGIN);
  const cx = (box.minX + box.maxX) / 2;
  return {
    scale,
    x: (x) => width / 2 + (x - cx) * scale,
    y: (y) => bottom - (y - box.minY) * scale,
    left: width / 2 - (w * scale) / 2,
    right: width / 2 + (w * scale) / 2,
    top: bottom - h * scale,
    bottom,
  };
}

/** A pixel coordinate as SVG text, to one decimal: finer than a pixel, and the markup stays short. */
export const num = (v: number) => (Math.round(v * 10) / 10).toString();
