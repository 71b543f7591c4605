import "server-only";
import sharp from "sharp";
import type { RgbaImage } from "./decode";
import type { Mask, Rect } from "./mask";
import type { Subject } from "./subject";

/** Largest texture side: enough for a 2 m exhibit seen from a few metres, and keeps the GLB small. */
const MAX_TEXTURE_SIDE = 1024;
const JPEG_QUALITY = 85;
/** Source pixels kept round the subject so that filtering at its edge samples subject colours. */
const MARGIN = 4;
/** The part of the source image the texture covers, in source pixels. */
export type TextureRegion = Rect;

export function textureRegion(image: RgbaImage, subject: Subject): TextureRegion {
  const { box, scale } = subject;
  const x0 = Math.max(0, box.x0 * scale - MARGIN);
  const y0 = Math.max(0, box.y0 * scale - MARGIN);
  const x1 = Math.min(image.width, box.x1 * scale + MARGIN);
  const y1 = Math.min(image.height, box.y1 * scale + MARGIN);
  return { x0, y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * The subject's crop of the image as a JPEG, with the backdrop repainted in the subject's own colours bled outward.
 * Side walls, chamfers and rims are textured by the picture's edge pixels, and mipmaps average texels round the
 * outline; without this every exhibit would wear a seam of backdrop colour. The outline's own last pixel is
 * repainted too: anti-aliasing mixes the backdrop into it.
 */
export async function buildTexture(image: RgbaImage, region: TextureRegion, subject: Subject): Promise<Buffer> {
  const shrink = Math.min(1, MAX_TEXTURE_SIDE / Math.max(region.width, region.height));
  const width = Math.max(1, Math.round(region.width * shrink));
  const height = Math.max(1, Math.round(region.height * shrink));
  const rgb = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } })
    .extract({ left: region.x0, top: region.y0, width: region.width, height: region.height })
    .resize(width, height, { fit: "fill", kernel: "linear" })
    .removeAlpha()
    .raw()
    .toBuffer();
  fillBackdrop(rgb, textureMask(subject, region, width, height), width, height);
  return sharp(rgb, { raw: { width, height, channels: 3 } }).jpeg({ quality: JPEG_QUALITY }).toBuffer();
}

/**
 * 255 where a texture pixel shows the subject, else 0, from the subject mask shrunk by one pixel (the
 * anti-aliased rim). Texture rows repeat mask rows, so each distinct row is built once and copied.
 */
function textureMask(subject: Subject, region: TextureRegion, width: number, height: number): Uint8Array {
  const { box, scale } = subject;
  const mask = erodeOnce(subject.mask);
  const toMask = (t: number, count: number, start: number, span: number, origin: number) =>
    Math.floor((start + ((t + 0.5) * span) / count) / scale) - origin;
  // Plain loops: TypedArray.from with a mapping callback costs a call per texel (a fifth of the whole
  // reconstruction at 1024²).
  const columns = new Int32Array(width);
  for (let tx = 0; tx < width; tx++) columns[tx] = toMask(tx, width, region.x0, region.width, box.x0);
  const rows = new Map<number, Uint8Array>();
  const out = new Uint8Array(width * height);
  for (let ty = 0; ty < height; ty++) {
    const my = toMask(ty, height, region.y0, region.height, box.y0);
    if (my < 0 || my >= mask.height) continue;
    let row = rows.get(my);
    if (!row) {
      row = new Uint8Array(width);
      const base = my * mask.width;
      for (let tx = 0; tx < width; tx++) {
        const mx = columns[tx]!;
        if (mx >= 0 && mx < mask.width && mask.data[base + mx]) row[tx] = 255;
      }
      rows.set(my, row);
    }
    out.set(row, ty * width);
  }
  return out;
}

/** Clears every pixel with a 4-neighbour outside the subject (unless that would clear them all). */
function erodeOnce(mask: Mask): Mask {
  const { width, height, data } = mask;
  const out = new Uint8Array(data.length);
  let kept = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      if (data[i] && data[i - 1] && data[i + 1] && data[i - width] && data[i + width]) {
        out[i] = 1;
        kept++;
      }
    }
  }
  return kept ? { width, height, data: out } : mask;
}

/**
 * Push-pull hole filling, in place: average subject colours (premultiplied by coverage) down a 2× pyramid, then
 * give every uncovered pixel the colour of the level above. Backdrop pixels end up with the colours of the nearest
 * subject pixels, blurred with distance. Level 0 is only read and written where needed: it is the big one.
 */
function fillBackdrop(rgb: Buffer, inside: Uint8Array, width: number, height: number): void {
  type Level = { w: number; h: number; px: Float32Array }; // r, g, b premultiplied, then coverage in [0, 1]
  const level = (w: number, h: number): Level => ({ w, h, px: new Float32Array(w * h * 4) });
  const levels = [level(Math.ceil(width / 2), Math.ceil(height / 2))];
  const first = levels[0]!;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (!inside[i]) continue;
      const j = ((y >> 1) * first.w + (x >> 1)) * 4;
      first.px[j]! += rgb[i * 3]! / 4;
      first.px[j + 1]! += rgb[i * 3 + 1]! / 4;
      first.px[j + 2]! += rgb[i * 3 + 2]! / 4;
      first.px[j + 3]! += 1 / 4;
    }
  }
  for (let l = first; l.w > 1 || l.h > 1; ) {
    const up = level(Math.ceil(l.w / 2), Math.ceil(l.h / 2));
    for (let y = 0; y < l.h; y++) {
      for (let x = 0; x < l.w; x++) {
        const i = (y * l.w + x) * 4;
        const j = ((y >> 1) * up.w + (x >> 1)) * 4;
        for (let k = 0; k < 4; k++) up.px[j + k]! += l.px[i + k]! / 4;
      }
    }
    levels.push(up);
    l = up;
  }
  // The 1×1 top holds the mean subject colour; normalise it, then let each level borrow what it lacks from above.
  const top = levels[levels.length - 1]!.px;
  for (let k = 0; k < 3; k++) top[k] = top[k]! / (top[3]! || 1);
  top[3] = 1;
  for (let n = levels.length - 2; n >= 0; n--) {
    const l = levels[n]!;
    const up = levels[n + 1]!;
    for (let y = 0; y < l.h; y++) {
      for (let x = 0; x < l.w; x++) {
        const i = (y * l.w + x) * 4;
        const missing = 1 - Math.min(1, l.px[i + 3]!);
        if (missing <= 0) continue;
        const j = ((y >> 1) * up.w + (x >> 1)) * 4;
        for (let k = 0; k < 3; k++) l.px[i + k]! += missing * up.px[j + k]!;
        l.px[i + 3] = 1;
      }
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (inside[i]) continue;
      const j = ((y >> 1) * first.w + (x >> 1)) * 4;
      rgb[i * 3] = Math.round(first.px[j]!);
      rgb[i * 3 + 1] = Math.round(first.px[j + 1]!);
      rgb[i * 3 + 2] = Math.round(first.px[j + 2]!);
    }
  }
}
