import "server-only";
import sharp from "sharp";
import { readImageHeader, type ImageHeader } from "../../media/image-header";
import { ReconstructInputError } from "./errors";

/** The formats the image-to-3D Spaces take. */
export type ImageFormat = "png" | "jpeg" | "webp";

const MAX_INPUT_BYTES = 20 * 1024 * 1024;
const MAX_INPUT_SIDE = 4096;
const MIN_INPUT_SIDE = 8;

/** 8-bit sRGB pixels with straight (not premultiplied) alpha, 4 bytes per pixel, rows top to bottom. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Checks the cheap limits (byte size, format, header dimensions) first, then decodes to RGBA. */
export async function decodeImage(bytes: Uint8Array): Promise<{ format: ImageFormat; image: RgbaImage }> {
  if (bytes.length > MAX_INPUT_BYTES) {
    const mb = (bytes.length / (1024 * 1024)).toFixed(1);
    throw new ReconstructInputError(`image too large: ${mb} MB exceeds the 20 MB limit`);
  }
  const header = acceptedHeader(bytes);
  if (header.width > MAX_INPUT_SIDE || header.height > MAX_INPUT_SIDE) {
    throw new ReconstructInputError(
      `image too large: ${header.width}×${header.height} pixels exceeds ${MAX_INPUT_SIDE}×${MAX_INPUT_SIDE}`,
    );
  }
  if (header.width < MIN_INPUT_SIDE || header.height < MIN_INPUT_SIDE) {
    throw new ReconstructInputError(`image too small: ${header.width}×${header.height} pixels (at least ${MIN_INPUT_SIDE}×${MIN_INPUT_SIDE})`);
  }
  try {
    // limitInputPixels repeats the header check inside libvips in case a container lies about its size.
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_SIDE * MAX_INPUT_SIDE, autoOrient: true })
      .toColourspace("srgb")
      .ensureAlpha()
      .raw({ depth: "uchar" })
      .toBuffer({ resolveWithObject: true });
    return { format: header.format, image: { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) } };
  } catch (err) {
    const reason = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new ReconstructInputError(`could not decode the ${header.format.toUpperCase()} image: ${reason}`);
  }
}

/**
 * The header of an image these Spaces accept (lib/media/image-header.ts reads it), so that oversized images
 * (decompression bombs) are refused before any decoder allocates a pixel buffer.
 */
function acceptedHeader(bytes: Uint8Array): ImageHeader & { format: ImageFormat } {
  const header = readImageHeader(bytes);
  if (!header) {
    const format = sniffFormat(bytes);
    if (format) throw new ReconstructInputError(`corrupt ${format.toUpperCase()} image: its header has no readable dimensions`);
    throw new ReconstructInputError("not an image: unsupported format (expected PNG, JPEG or WebP)");
  }
  if (header.format !== "png" && header.format !== "jpeg" && header.format !== "webp") {
    throw new ReconstructInputError("not an image: unsupported format (expected PNG, JPEG or WebP)");
  }
  if (header.width < 1 || header.height < 1) {
    throw new ReconstructInputError(`corrupt ${header.format.toUpperCase()} image: its header has no readable dimensions`);
  }
  return { format: header.format, width: header.width, height: header.height };
}

/** The format by its magic bytes alone: tells a corrupt PNG, JPEG or WebP from something else. */
function sniffFormat(b: Uint8Array): ImageFormat | null {
  const starts = (at: number, bytes: number[]) => bytes.every((v, i) => b[at + i] === v);
  const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
  if (starts(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (starts(0, [0xff, 0xd8, 0xff])) return "jpeg";
  if (starts(0, ascii("RIFF")) && starts(8, ascii("WEBP"))) return "webp";
  return null;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Shrinks by an integer factor with a box filter: each output pixel is the exact mean of a factor×factor block
 * (a leftover strip narrower than a block at the right or bottom is dropped). Unlike a resampling kernel this
 * cannot shift or blur edges, so the subject mask stays registered with the full-resolution picture it is
 * textured from. Colours are averaged straight, not premultiplied: the alpha channel alone decides transparent
 * subjects. Integer sums over flat typed arrays, as this touches every source pixel.
 */
export function shrinkRgba(image: RgbaImage, factor: number): RgbaImage {
  if (factor === 1) return image;
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const src = image.data;
  const data = new Uint8Array(width * height * 4);
  const sum = new Uint32Array(width * 4);
  const area = factor * factor;
  const words = LITTLE_ENDIAN && src.byteOffset % 4 === 0 ? new Uint32Array(src.buffer, src.byteOffset, src.length >> 2) : null;
  for (let oy = 0; oy < height; oy++) {
    sum.fill(0);
    for (let y = oy * factor; y < (oy + 1) * factor; y++) {
      let s = y * image.width * 4;
      for (let ox = 0; ox < width; ox++) {
        // Each block row is summed in locals and added once: a quarter of the typed-array writes.
        let r = 0;
        let g = 0;
        let b = 0;
        let a = 0;
        if (words) {
          // One 32-bit read per pixel (little-endian: r is the low byte).
          for (let k = 0, w = s >> 2; k < factor; k++, w++) {
            const v = words[w]!;
            r += v & 0xff;
            g += (v >>> 8) & 0xff;
            b += (v >>> 16) & 0xff;
            a += v >>> 24;
          }
          s += factor * 4;
        } else {
          for (let k = 0; k < factor; k++, s += 4) {
            r += src[s]!;
            g += src[s + 1]!;
            b += src[s + 2]!;
            a += src[s + 3]!;
          }
        }
        const o = ox * 4;
        sum[o]! += r;
        sum[o + 1]! += g;
        sum[o + 2]! += b;
        sum[o + 3]! += a;
      }
    }
    for (let i = 0; i < width * 4; i++) data[oy * width * 4 + i] = Math.round(sum[i]! / area);
  }
  return { width, height, data };
}
