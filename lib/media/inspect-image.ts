import "server-only";
import { createHash } from "node:crypto";
import sharp, { type OutputInfo, type Sharp } from "sharp";

export interface ImageQuality {
  width: number;
  height: number;
  /** Variance of the Laplacian of the grey image (0–255 scale): higher is sharper; < ~20 reads as blurry. */
  sharpness: number;
  /** Share of pixels that belong to the subject (differ from the background colour), 0–1. */
  coverage: number;
  /**
   * How far the subject reaches across the picture: the larger side of its bounding box over the picture's, 0–1.
   * A slender tower covers little of the picture yet spans most of its height; an empty picture spans nothing.
   */
  extent: number;
  /** Share of border pixels within a small distance of the background colour, 0–1: 1 = a clean, plain background. */
  background_clean: number;
}

// Measured on a downscaled copy: the measures are about composition and focus, not pixel detail, and
// this keeps the cost near 10 ms for a 1024² image.
const ANALYSIS_SIZE = 256;
const BACKGROUND_TOLERANCE = 24;

/**
 * Decodes every pixel of `image` into the small copy the measures are taken on. Output validation runs this
 * too (lib/space-client/validate/image.ts): it must decode every pixel anyway, and a picture's measures are
 * then known before the agent asks for them.
 */
export async function decodeForAnalysis(image: Sharp): Promise<{ data: Buffer; info: OutputInfo }> {
  return image
    .flatten({ background: "#000000" })
    .resize(ANALYSIS_SIZE, ANALYSIS_SIZE, { fit: "inside" })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
}

// Measures by content hash, so a picture decoded once (at validation) is not decoded again when inspected.
const MEMO_ENTRIES = 256;
const memo = new Map<string, ImageQuality>();

function contentKey(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Keeps the measures of `bytes` for inspectImage (most recent MEMO_ENTRIES pictures). */
export function rememberQuality(bytes: Uint8Array, quality: ImageQuality): void {
  const key = contentKey(bytes);
  memo.delete(key);
  memo.set(key, quality);
  if (memo.size > MEMO_ENTRIES) memo.delete(memo.keys().next().value!);
}

/** The measures kept for `bytes`, if any. */
export function rememberedQuality(bytes: Uint8Array): ImageQuality | undefined {
  const known = memo.get(contentKey(bytes));
  return known && { ...known };
}

/** Real measures of an image, so agent code can retry a poor picture (blurry, empty, busy background). */
export async function inspectImage(bytes: Uint8Array): Promise<ImageQuality> {
  const known = rememberedQuality(bytes);
  if (known) return known;
  const img = sharp(bytes);
  const meta = await img.metadata();
  const quality = measureImage(await decodeForAnalysis(img.clone()), meta);
  rememberQuality(bytes, quality);
  return { ...quality };
}

/**
 * The measures, from decodeForAnalysis's pixels and the full-size picture's metadata. Plain loops over typed
 * arrays, no per-pixel closures or boxed arrays: it runs on the request thread for every picture a Space sends,
 * mostly before the JIT has optimised it, where that shape is 3–4× faster.
 */
export function measureImage({ data, info }: { data: Buffer; info: OutputInfo }, meta: { width?: number; height?: number }): ImageQuality {
  const w = info.width;
  const h = info.height;
  const c = info.channels;

  const grey = new Float32Array(w * h);
  for (let i = 0, p = 0; i < w * h; i++, p += c) grey[i] = 0.299 * data[p]! + 0.587 * data[p + 1]! + 0.114 * data[p + 2]!;

  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1, i = y * w + 1; x < w - 1; x++, i++) {
      const lap = grey[i - 1]! + grey[i + 1]! + grey[i - w]! + grey[i + w]! - 4 * grey[i]!;
      sum += lap;
      sumSq += lap * lap;
      n++;
    }
  }
  const mean = n ? sum / n : 0;
  const sharpness = n ? sumSq / n - mean * mean : 0;

  // The background colour is the median of the border pixels, per channel (from a histogram of each).
  const borderAt = new Uint32Array(2 * w + 2 * Math.max(0, h - 2));
  let borderCount = 0;
  for (let x = 0; x < w; x++) {
    borderAt[borderCount++] = x * c;
    borderAt[borderCount++] = ((h - 1) * w + x) * c;
  }
  for (let y = 1; y < h - 1; y++) {
    borderAt[borderCount++] = y * w * c;
    borderAt[borderCount++] = (y * w + w - 1) * c;
  }
  const histogram = new Uint32Array(3 * 256);
  for (let j = 0; j < borderCount; j++) {
    const i = borderAt[j]!;
    histogram[data[i]!]!++;
    histogram[256 + data[i + 1]!]!++;
    histogram[512 + data[i + 2]!]!++;
  }
  const bg = [0, 0, 0];
  const middle = Math.floor(borderCount / 2);
  for (let k = 0; k < 3; k++) {
    for (let v = 0, seen = 0; v < 256; v++) {
      seen += histogram[k * 256 + v]!;
      if (seen > middle) {
        bg[k] = v;
        break;
      }
    }
  }
  const [r0, g0, b0] = bg as [number, number, number];

  let subject = 0;
  let x0 = w;
  let x1 = -1;
  let y0 = h;
  let y1 = -1;
  for (let y = 0, i = 0; y < h; y++) {
    for (let x = 0; x < w; x++, i += c) {
      if (Math.abs(data[i]! - r0) + Math.abs(data[i + 1]! - g0) + Math.abs(data[i + 2]! - b0) <= BACKGROUND_TOLERANCE) continue;
      subject++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  const extent = subject ? Math.max((x1 - x0 + 1) / w, (y1 - y0 + 1) / h) : 0;
  let clean = 0;
  for (let j = 0; j < borderCount; j++) {
    const i = borderAt[j]!;
    if (Math.abs(data[i]! - r0) + Math.abs(data[i + 1]! - g0) + Math.abs(data[i + 2]! - b0) <= BACKGROUND_TOLERANCE) clean++;
  }

  return {
    width: meta.width ?? w,
    height: meta.height ?? h,
    sharpness: Math.round(sharpness * 10) / 10,
    coverage: Math.round((subject / (w * h)) * 1000) / 1000,
    extent: Math.round(extent * 1000) / 1000,
    background_clean: Math.round((clean / borderCount) * 1000) / 1000,
  };
}
