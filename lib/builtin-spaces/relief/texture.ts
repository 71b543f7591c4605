import "server-only";
import sharp from "sharp";
import type { RgbaImage } from "../shape/decode";
import type { Subject } from "../shape/subject";
import type { PlaqueLayout } from "./layout";

/** Largest texture side: enough for a 2 m exhibit seen from a few metres, and keeps the GLB small. */
const MAX_TEXTURE_SIDE = 1024;
/** JPEG qualities tried in turn until the texture fits its byte budget (a busy photograph needs the lower ones). */
const JPEG_QUALITIES = [85, 70, 55, 40];
/** The plate is carved from a neutral stone tinted by the subject's own colours, this much stone. */
const STONE: [number, number, number] = [140, 132, 120];
const STONE_SHARE = 0.65;
/** …and kept darker than the subject so the raised figure reads against it. */
const PLATE_SHADE = 0.8;

/**
 * The front picture of the whole plaque: the subject's pixels where the mask says subject, a plate colour
 * everywhere else — the picture's backdrop (black, a plain colour, transparency) and the margin beyond the
 * picture's edges alike. Its edges and the margin round the corners are plate-coloured, which is what the
 * plaque's sides and back are textured with.
 */
export async function buildPlaqueTexture(
  image: RgbaImage,
  subject: Subject,
  layout: PlaqueLayout,
  maxBytes: number,
): Promise<{ jpeg: Buffer; width: number; height: number }> {
  const { scale } = subject;
  // The plaque in source pixels, and the texture's size (never upscaled past the source's own detail).
  const sx0 = layout.x0 * scale;
  const sy0 = layout.y0 * scale;
  const sw = layout.width * scale;
  const sh = layout.height * scale;
  const longest = Math.max(1, Math.min(MAX_TEXTURE_SIDE, Math.round(Math.max(sw, sh))));
  const width = Math.max(1, Math.round((longest * sw) / Math.max(sw, sh)));
  const height = Math.max(1, Math.round((longest * sh) / Math.max(sw, sh)));

  // The part of the picture inside the plaque, resized to where it falls on the texture.
  const ix0 = Math.max(0, Math.round(sx0));
  const iy0 = Math.max(0, Math.round(sy0));
  const ix1 = Math.min(image.width, Math.round(sx0 + sw));
  const iy1 = Math.min(image.height, Math.round(sy0 + sh));
  const left = Math.round(((ix0 - sx0) / sw) * width);
  const top = Math.round(((iy0 - sy0) / sh) * height);
  const partWidth = Math.max(1, Math.min(width - left, Math.round(((ix1 - sx0) / sw) * width) - left));
  const partHeight = Math.max(1, Math.min(height - top, Math.round(((iy1 - sy0) / sh) * height) - top));
  const part = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } })
    .extract({ left: ix0, top: iy0, width: ix1 - ix0, height: iy1 - iy0 })
    .resize(partWidth, partHeight, { fit: "fill", kernel: "linear" })
    .removeAlpha()
    .raw()
    .toBuffer();

  // Which texels show the subject: the mask at each texel centre (rows and columns looked up once).
  const { mask, box } = subject;
  const maskColumn = Int32Array.from({ length: partWidth }, (_, x) =>
    Math.floor(layout.x0 + ((left + x + 0.5) / width) * layout.width) - box.x0,
  );
  const isSubject = new Uint8Array(partWidth * partHeight);
  const sum = [0, 0, 0];
  let count = 0;
  for (let y = 0; y < partHeight; y++) {
    const my = Math.floor(layout.y0 + ((top + y + 0.5) / height) * layout.height) - box.y0;
    if (my < 0 || my >= mask.height) continue;
    for (let x = 0; x < partWidth; x++) {
      const mx = maskColumn[x]!;
      if (mx < 0 || mx >= mask.width || !mask.data[my * mask.width + mx]) continue;
      const i = y * partWidth + x;
      isSubject[i] = 1;
      sum[0]! += part[i * 3]!;
      sum[1]! += part[i * 3 + 1]!;
      sum[2]! += part[i * 3 + 2]!;
      count++;
    }
  }
  const plate = STONE.map((s, c) => Math.round(PLATE_SHADE * (STONE_SHARE * s + (1 - STONE_SHARE) * (count ? sum[c]! / count : s))));

  const pixels = Buffer.alloc(width * height * 3, Uint8Array.from(plate));
  for (let y = 0; y < partHeight; y++) {
    for (let x = 0; x < partWidth; x++) {
      const i = y * partWidth + x;
      if (!isSubject[i]) continue;
      const o = ((top + y) * width + left + x) * 3;
      pixels[o] = part[i * 3]!;
      pixels[o + 1] = part[i * 3 + 1]!;
      pixels[o + 2] = part[i * 3 + 2]!;
    }
  }
  return fitJpeg(pixels, width, height, maxBytes);
}

/**
 * The texture as a JPEG of at most `maxBytes`: the best quality that fits, else half the size (and so on).
 * Flat plate and a drawn subject fit at the first try; only noisy photographs step down.
 */
async function fitJpeg(pixels: Buffer, width: number, height: number, maxBytes: number): Promise<{ jpeg: Buffer; width: number; height: number }> {
  for (let w = width, h = height; ; w = Math.max(1, w >> 1), h = Math.max(1, h >> 1)) {
    const raw =
      w === width && h === height
        ? pixels
        : await sharp(pixels, { raw: { width, height, channels: 3 } }).resize(w, h, { fit: "fill" }).raw().toBuffer();
    for (const quality of JPEG_QUALITIES) {
      const jpeg = await sharp(raw, { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality }).toBuffer();
      if (jpeg.length <= maxBytes || (w === 1 && h === 1)) return { jpeg, width: w, height: h };
    }
  }
}
