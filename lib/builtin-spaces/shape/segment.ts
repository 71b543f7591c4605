import "server-only";
import { labelComponents } from "./components";
import type { RgbaImage } from "./decode";
import { ReconstructInputError } from "./errors";
import type { Mask } from "./mask";
import { cleanMask } from "./mask-clean";

/**
 * How the subject was told from the background: transparency, a near-black backdrop (what the built-in
 * text-to-image Space draws on), another plain backdrop, or none found (the whole frame becomes a panel).
 */
export type SegmentMode = "alpha" | "dark" | "plain" | "frame";

const NO_SUBJECT_MESSAGE =
  "no subject found: the image is blank or the subject is not separable from the background";

/** Alpha counts as meaningful once this share of pixels is transparent; an all-opaque channel says nothing. */
const MIN_TRANSPARENT_SHARE = 0.005;
/** Border pixels within this RGB distance of the backdrop colour count as backdrop when judging plainness. */
const PLAIN_BORDER_DISTANCE = 40;
/** A backdrop is plain if this share of border pixels is near its median colour; otherwise there is none. */
const MIN_PLAIN_BORDER_SHARE = 0.6;
/** "Near-black": RGB distance from the black backdrop; covers JPEG noise but keeps dark-grey stonework. */
const DARK_DISTANCE = 36;
/** Backdrop-coloured regions enclosed by the subject are openings (an arch, an oculus) once this large. */
const MIN_OPENING_SHARE = 0.002;

export function segmentSubject(image: RgbaImage): { mask: Mask; mode: SegmentMode } {
  const { mode, mask: raw } = rawForeground(image);
  const mask = cleanMask(raw);
  if (!mask) throw new ReconstructInputError(NO_SUBJECT_MESSAGE);
  return { mask, mode };
}

function rawForeground(image: RgbaImage): { mode: SegmentMode; mask: Mask } {
  const { width, height, data } = image;
  const n = width * height;
  let transparent = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i]! < 128) transparent++;
  if (transparent >= MIN_TRANSPARENT_SHARE * n) {
    const mask = new Uint8Array(n);
    for (let i = 0; i < n; i++) mask[i] = data[i * 4 + 3]! >= 128 ? 1 : 0;
    return { mode: "alpha", mask: { width, height, data: mask } };
  }

  const border = borderPixels(width, height);
  const backdrop = medianColour(data, border);
  const borderDistances = border.map((i) => colourDistance(data, i, backdrop)).sort((a, b) => a - b);
  const plainShare = borderDistances.filter((d) => d <= PLAIN_BORDER_DISTANCE).length / border.length;
  if (plainShare < MIN_PLAIN_BORDER_SHARE) {
    return { mode: "frame", mask: { width, height, data: new Uint8Array(n).fill(1) } };
  }

  const dark = Math.max(...backdrop) <= DARK_DISTANCE / 2;
  // A noisy backdrop (JPEG, photographs) needs a looser threshold: scale it with the border's own spread.
  const noise = borderDistances[Math.floor(0.8 * plainShare * (borderDistances.length - 1))] ?? 0;
  const threshold = dark ? DARK_DISTANCE : Math.min(60, Math.max(20, 2 * noise + 12));
  const reference: Rgb = dark ? [0, 0, 0] : backdrop;

  const similar = new Uint8Array(n);
  const [r, g, b] = reference;
  const limit = threshold * threshold;
  for (let i = 0, k = 0; i < n; i++, k += 4) {
    const dr = data[k]! - r;
    const dg = data[k + 1]! - g;
    const db = data[k + 2]! - b;
    similar[i] = dr * dr + dg * dg + db * db <= limit ? 1 : 0;
  }
  // Backdrop = backdrop-coloured regions reaching the border, plus enclosed ones large enough to be see-through
  // openings; small enclosed ones are dark or pale details of the subject itself.
  const regions = labelComponents(similar, width, height, 4);
  const isBackdrop = regions.sizes.map(
    (size, label) => label > 0 && (regions.touchesBorder[label] || size >= MIN_OPENING_SHARE * n),
  );
  const mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) mask[i] = isBackdrop[regions.labels[i]!] ? 0 : 1;
  return { mode: dark ? "dark" : "plain", mask: { width, height, data: mask } };
}

type Rgb = [number, number, number];

function borderPixels(width: number, height: number): number[] {
  const out: number[] = [];
  for (let x = 0; x < width; x++) out.push(x, (height - 1) * width + x);
  for (let y = 1; y < height - 1; y++) out.push(y * width, y * width + width - 1);
  return out;
}

function medianColour(data: Uint8Array, pixels: number[]): Rgb {
  const channel = (c: number) => {
    const values = pixels.map((i) => data[i * 4 + c]!).sort((a, b) => a - b);
    return values[values.length >> 1] ?? 0;
  };
  return [channel(0), channel(1), channel(2)];
}

function colourDistance(data: Uint8Array, i: number, [r, g, b]: Rgb): number {
  const dr = data[i * 4]! - r;
  const dg = data[i * 4 + 1]! - g;
  const db = data[i * 4 + 2]! - b;
  return Math.sqrt(dr * dr + dg * dg + db * db);
}
