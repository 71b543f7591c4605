import "server-only";
import sharp from "sharp";
import type { AssetMediaType } from "@/lib/contracts/asset-store";
import { mb } from "@/lib/platform/format";
import { OutputValidationError } from "../errors";
import { readImageHeader } from "@/lib/media/image-header";
import { decodeForAnalysis, measureImage, rememberQuality } from "@/lib/media/inspect-image";

// An image from a Space is used (stored, shown, sent to the next Space) only after it decodes and lies within
// bounds. The header is checked first so a decompression bomb never reaches the decoder.

export interface ImageLimits {
  maxBytes: number;
  maxSide: number;
  minSide: number;
}

export const defaultImageLimits: ImageLimits = { maxBytes: 20 * 1024 * 1024, maxSide: 4096, minSide: 64 };

export interface ValidImage {
  /** The bytes to store: as received for PNG/JPEG/WebP, re-encoded as PNG for anything else sharp reads. */
  bytes: Buffer;
  mediaType: Extract<AssetMediaType, "image/png" | "image/jpeg" | "image/webp">;
  width: number;
  height: number;
  /** The bytes are not the ones received (a format other than PNG, JPEG or WebP). */
  reencoded: boolean;
}

export async function validateImage(input: Uint8Array, limits: ImageLimits = defaultImageLimits): Promise<ValidImage> {
  if (input.byteLength === 0) throw new OutputValidationError("The image is empty (0 bytes)");
  if (input.byteLength > limits.maxBytes) {
    throw new OutputValidationError(`The image is ${mb(input.byteLength)}, over the ${mb(limits.maxBytes)} limit`);
  }
  const header = readImageHeader(input);
  if (!header) throw new OutputValidationError("The output is not a PNG, JPEG or WebP image (unrecognised header)");
  if (header.format === "ktx2") throw new OutputValidationError("The output is a GPU texture, not an image");
  checkSize(header.width, header.height, limits, "header");

  let meta: Awaited<ReturnType<ReturnType<typeof sharp>["metadata"]>>;
  let pixels: Awaited<ReturnType<typeof decodeForAnalysis>>;
  let bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  try {
    const img = sharp(bytes, { limitInputPixels: limits.maxSide * limits.maxSide, failOn: "error" });
    meta = await img.metadata();
    // Decode every pixel: a truncated or corrupt body fails here, not in the browser. The small copy this
    // makes is the one inspect_image measures, so the measures are kept for when the agent asks.
    pixels = await decodeForAnalysis(img.clone());
  } catch (e) {
    throw new OutputValidationError(`The image does not decode: ${e instanceof Error ? e.message : String(e)}`);
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  checkSize(width, height, limits, "decoded");

  let mediaType: ValidImage["mediaType"];
  let reencoded = false;
  switch (meta.format) {
    case "png":
      mediaType = "image/png";
      break;
    case "jpeg":
      mediaType = "image/jpeg";
      break;
    case "webp":
      mediaType = "image/webp";
      break;
    default:
      bytes = await sharp(bytes, { limitInputPixels: limits.maxSide * limits.maxSide }).png().toBuffer();
      mediaType = "image/png";
      reencoded = true;
  }
  rememberQuality(bytes, measureImage(pixels, meta));
  return { bytes, mediaType, width, height, reencoded };
}

function checkSize(w: number, h: number, limits: ImageLimits, what: string): void {
  if (!Number.isFinite(w) || !Number.isFinite(h) || w <= 0 || h <= 0) {
    throw new OutputValidationError(`The image has no valid size (${what} says ${w}×${h})`);
  }
  if (w > limits.maxSide || h > limits.maxSide) {
    throw new OutputValidationError(`The image is ${w}×${h} px (${what}), over the ${limits.maxSide}² limit`);
  }
  if (w < limits.minSide || h < limits.minSide) {
    throw new OutputValidationError(`The image is ${w}×${h} px (${what}), under the ${limits.minSide}² minimum`);
  }
}

