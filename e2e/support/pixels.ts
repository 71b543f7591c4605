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
