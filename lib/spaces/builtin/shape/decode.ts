import "server-only";
import sharp from "sharp";
import { ReconstructInputError } from "./errors";
import { readImageHeader, type ImageFormat } from "./image-header";

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
  const header = readImageHeader(bytes);
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
  for (let oy = 0; oy < height; oy++) {
    sum.fill(0);
    for (let y = oy * factor; y < (oy + 1) * factor; y++) {
      let s = y * image.width * 4;
      for (let ox = 0; ox < width; ox++) {
        const o = ox * 4;
        for (let k = 0; k < factor; k++, s += 4) {
          sum[o]! += src[s]!;
          sum[o + 1]! += src[s + 1]!;
          sum[o + 2]! += src[s + 2]!;
          sum[o + 3]! += src[s + 3]!;
        }
      }
    }
    for (let i = 0; i < width * 4; i++) data[oy * width * 4 + i] = Math.round(sum[i]! / area);
  }
  return { width, height, data };
}
