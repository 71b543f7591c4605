import type { Locator } from "@playwright/test";
import sharp from "sharp";

/** Screenshots an element and returns the share of pixels that differ from its most common colour (blank ≈ 0). */
export async function distinctPixelShare(target: Locator): Promise<number> {
  const { data, info } = await sharp(await target.screenshot()).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const counts = new Map<number, number>();
  for (let i = 0; i < data.length; i += info.channels) {
    const key = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const total = data.length / info.channels;
  return (total - Math.max(...counts.values())) / total;
}

/** Mean absolute difference per channel (0–255) between two screenshots of the same size. */
export async function imageDifference(a: Buffer, b: Buffer): Promise<number> {
  const [ra, rb] = await Promise.all([a, b].map((x) => sharp(x).removeAlpha().raw().toBuffer()));
  const n = Math.min(ra!.length, rb!.length);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.abs(ra![i]! - rb![i]!);
  return sum / n;
}

export type ColourTest = (r: number, g: number, b: number) => boolean;

/** Jade, the colour the splat tests paint their splats (the hall is all warm stone, wood and gold). */
export const JADE: [number, number, number] = [0.15, 0.8, 0.55];
export const isJade: ColourTest = (r, g, b) => g > r + 60 && g > b + 15;
/** The seeded box meshes' blue. */
export const isBlue: ColourTest = (r, g, b) => b > r + 40 && b > g + 10;

/**
 * Share of the pixels in the middle of a screenshot (the central `fraction` of its width and height: where the
 * tour frames the exhibit it stops at) that pass `test`.
 */
export async function centreShare(png: Buffer, test: ColourTest, fraction = 0.5): Promise<number> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const x0 = Math.floor((info.width * (1 - fraction)) / 2);
  const y0 = Math.floor((info.height * (1 - fraction)) / 2);
  const x1 = info.width - x0;
  const y1 = info.height - y0;
  let hits = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * info.width + x) * info.channels;
      if (test(data[i]!, data[i + 1]!, data[i + 2]!)) hits++;
    }
  }
  return hits / ((x1 - x0) * (y1 - y0));
}

/**
 * Share of the pixels in the middle of two screenshots of the same view that differ clearly (summed channel
 * difference above `threshold`): what an exhibit adds to its plinth's empty background, whatever its colours.
 */
export async function centreChangedShare(png: Buffer, background: Buffer, fraction = 0.5, threshold = 60): Promise<number> {
  const [a, b] = await Promise.all([png, background].map((x) => sharp(x).removeAlpha().raw().toBuffer({ resolveWithObject: true })));
  const { width, height, channels } = a!.info;
  if (b!.info.width !== width || b!.info.height !== height) throw new Error(`screenshots differ in size: ${width}×${height}, ${b!.info.width}×${b!.info.height}`);
  const x0 = Math.floor((width * (1 - fraction)) / 2);
  const y0 = Math.floor((height * (1 - fraction)) / 2);
  let hits = 0;
  for (let y = y0; y < height - y0; y++) {
    for (let x = x0; x < width - x0; x++) {
      const i = (y * width + x) * channels;
      const d = Math.abs(a!.data[i]! - b!.data[i]!) + Math.abs(a!.data[i + 1]! - b!.data[i + 1]!) + Math.abs(a!.data[i + 2]! - b!.data[i + 2]!);
      if (d > threshold) hits++;
    }
  }
  return hits / ((width - 2 * x0) * (height - 2 * y0));
}
