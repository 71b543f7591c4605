import "server-only";
import { shrinkRgba, type RgbaImage } from "./decode";
import { cropMask, maskBounds, type Box, type Mask } from "./mask";
import { segmentSubject, type SegmentMode } from "./segment";

/** Segmentation runs on the image shrunk to at most this many pixels on its longer side. */
const ANALYSIS_SIDE = 512;

export interface Subject {
  /** The subject mask cropped to its bounding box: the silhouette every mesh is built from. */
  mask: Mask;
  mode: SegmentMode;
  /** Where that crop lies on the analysis grid. */
  box: Box;
  /** Source image pixels per analysis-grid pixel (an integer: each grid pixel is a block of the source). */
  scale: number;
}

export function findSubject(image: RgbaImage): Subject {
  const scale = Math.ceil(Math.max(image.width, image.height) / ANALYSIS_SIDE);
  const small = shrinkRgba(image, scale);
  const { mask, mode } = segmentSubject(small);
  // segmentSubject refuses empty masks, so there are always bounds.
  const box = maskBounds(mask)!;
  return { mask: cropMask(mask, box), mode, box, scale };
}
