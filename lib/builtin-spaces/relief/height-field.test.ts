import { describe, expect, it } from "vitest";
import type { RgbaImage } from "../shape/decode";
import type { Mask } from "../shape/mask";
import { reliefField, sampleField } from "./height-field";

/** A w×h picture, `paint(x, y)` grey levels inside a centred disc of radius r, black outside; and its mask. */
function disc(w: number, h: number, r: number, paint: (x: number, y: number) => number): { image: RgbaImage; mask: Mask } {
  const data = new Uint8Array(w * h * 4);
  const mask = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const inside = Math.hypot(x + 0.5 - w / 2, y + 0.5 - h / 2) <= r;
      const v = inside ? paint(x, y) : 0;
      data.set([v, v, v, 255], (y * w + x) * 4);
      mask[y * w + x] = inside ? 1 : 0;
    }
  }
  return { image: { width: w, height: h, data }, mask: { width: w, height: h, data: mask } };
}

const BOX = (w: number, h: number) => ({ x0: 0, y0: 0, x1: w, y1: h });

describe("reliefField", () => {
  it("is zero off the subject and rises from its outline toward its middle", () => {
    const { image, mask } = disc(64, 64, 28, () => 180);
    const field = reliefField(mask, image, 1, BOX(64, 64), 1);
    for (let i = 0; i < mask.data.length; i++) if (!mask.data[i]) expect(field.data[i]).toBe(0);
    const row = 32 * 64;
    const profile = Array.from({ length: 28 }, (_, k) => field.data[row + 4 + k]!);
    for (let k = 1; k < profile.length; k++) expect(profile[k]!).toBeGreaterThanOrEqual(profile[k - 1]! - 1e-6);
    expect(profile[0]!).toBeGreaterThan(0);
    expect(profile.at(-1)!).toBeGreaterThan(1.5 * profile[0]!);
  });

  it("raises bright parts above dark ones", () => {
    // Left half dark grey, right half light: same distance from the edge, different height.
    const { image, mask } = disc(64, 64, 28, (x) => (x < 32 ? 80 : 230));
    const field = reliefField(mask, image, 1, BOX(64, 64), 1);
    expect(field.data[32 * 64 + 44]!).toBeGreaterThan(field.data[32 * 64 + 19]!);
  });

  it("reads brightness from the full picture when the analysis grid is shrunk", () => {
    const big = disc(128, 128, 56, (x) => (x < 64 ? 80 : 230));
    const small = disc(64, 64, 28, () => 0).mask;
    const field = reliefField(small, big.image, 2, BOX(64, 64), 1);
    expect(field.data[32 * 64 + 44]!).toBeGreaterThan(field.data[32 * 64 + 19]!);
  });
});

describe("sampleField", () => {
  it("interpolates between pixel centres and fades to zero beyond the crop", () => {
    const field = { width: 2, height: 1, data: Float32Array.from([0, 1]) };
    expect(sampleField(field, 0.5, 0.5)).toBe(0);
    expect(sampleField(field, 1.5, 0.5)).toBe(1);
    expect(sampleField(field, 1, 0.5)).toBeCloseTo(0.5, 9);
    expect(sampleField(field, 2, 0.5)).toBeCloseTo(0.5, 9);
    expect(sampleField(field, 5, 0.5)).toBe(0);
    expect(sampleField(field, -3, -3)).toBe(0);
  });
});
