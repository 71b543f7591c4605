import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { LANDMARKS } from "@/lib/landmarks/catalog";
import { landmarksInRegion } from "@/lib/landmarks/match";
import { renderSketch } from "./render";

interface Pixels {
  width: number;
  height: number;
  rgb: Buffer;
  /** 1 where the image-to-3D step would see subject: farther than 36 (RGB distance) from black. */
  mask: Uint8Array;
}

async function render(prompt: string, seed = 1, width = 256, height = 256): Promise<Pixels> {
  const png = await renderSketch({ prompt, seed, width, height });
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const mask = new Uint8Array(info.width * info.height);
  for (let i = 0; i < mask.length; i++) {
    const r = data[i * 3] ?? 0;
    const g = data[i * 3 + 1] ?? 0;
    const b = data[i * 3 + 2] ?? 0;
    mask[i] = Math.hypot(r, g, b) > 36 ? 1 : 0;
  }
  return { width: info.width, height: info.height, rgb: data, mask };
}

function iou(a: Uint8Array, b: Uint8Array): number {
  let both = 0;
  let either = 0;
  for (let i = 0; i < a.length; i++) {
    both += a[i]! & b[i]!;
    either += a[i]! | b[i]!;
  }
  return either === 0 ? 1 : both / either;
}

function coverage(p: Pixels): { share: number; top: number; bottom: number; left: number; right: number } {
  let count = 0;
  let top = p.height;
  let bottom = -1;
  let left = p.width;
  let right = -1;
  for (let y = 0; y < p.height; y++) {
    for (let x = 0; x < p.width; x++) {
      if (!p.mask[y * p.width + x]) continue;
      count++;
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
      left = Math.min(left, x);
      right = Math.max(right, x);
    }
  }
  return { share: count / p.mask.length, top: top / p.height, bottom: (bottom + 1) / p.height, left: left / p.width, right: (right + 1) / p.width };
}

function meanSubjectColour(p: Pixels): [number, number, number] {
  const sum = [0, 0, 0];
  let n = 0;
  for (let i = 0; i < p.mask.length; i++) {
    if (!p.mask[i]) continue;
    for (let c = 0; c < 3; c++) sum[c]! += p.rgb[i * 3 + c]!;
    n++;
  }
  return [sum[0]! / n, sum[1]! / n, sum[2]! / n];
}

function bordersBlack(p: Pixels): boolean {
  for (let y = 0; y < p.height; y++) {
    for (let x = 0; x < p.width; x++) {
      if (y > 1 && y < p.height - 2 && x > 1 && x < p.width - 2) continue;
      const i = (y * p.width + x) * 3;
      if (p.rgb[i] !== 0 || p.rgb[i + 1] !== 0 || p.rgb[i + 2] !== 0) return false;
    }
  }
  return true;
}

/** Share of non-black pixels too dark to segment cleanly; only antialiased edges should be. */
function darkShare(p: Pixels): number {
  let lit = 0;
  let dark = 0;
  for (let i = 0; i < p.mask.length; i++) {
    const r = p.rgb[i * 3]!;
    const g = p.rgb[i * 3 + 1]!;
    const b = p.rgb[i * 3 + 2]!;
    if (r + g + b === 0) continue;
    lit++;
    if (0.2126 * r + 0.7152 * g + 0.0722 * b < 30) dark++;
  }
  return dark / lit;
}

const PARIS = landmarksInRegion("paris");

describe("renderSketch", () => {
  it("is deterministic: the same request gives identical bytes", async () => {
    for (const prompt of ["Eiffel Tower at dusk", "a banana in watercolour", "quantum"]) {
      const a = await renderSketch({ prompt, seed: 42, width: 200, height: 160 });
      const b = await renderSketch({ prompt, seed: 42, width: 200, height: 160 });
      expect(Buffer.compare(a, b), prompt).toBe(0);
    }
  });

  it("returns a PNG of the requested size", async () => {
    const png = await renderSketch({ prompt: "Big Ben", seed: 0, width: 320, height: 192 });
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", 320, 192]);
  });

  it("lets the seed vary details but not the subject", async () => {
    const a = await render("Notre-Dame at night", 1);
    const b = await render("Notre-Dame at night", 2);
    expect(Buffer.compare(a.rgb, b.rgb)).not.toBe(0);
    expect(iou(a.mask, b.mask)).toBeGreaterThan(0.9);
  });

  it("draws the twelve Paris monuments as clearly different silhouettes", async () => {
    const masks = await Promise.all(PARIS.map((landmark) => render(landmark.name)));
    for (let i = 0; i < masks.length; i++) {
      for (let j = i + 1; j < masks.length; j++) {
        expect(iou(masks[i]!.mask, masks[j]!.mask), `${PARIS[i]!.name} vs ${PARIS[j]!.name}`).toBeLessThan(0.8);
      }
    }
  });

  it("isolates a centred, bottom-standing subject on pure black", async () => {
    for (const landmark of PARIS) {
      const p = await render(`${landmark.name} at night`);
      const c = coverage(p);
      expect(bordersBlack(p), landmark.name).toBe(true);
      expect(c.share, landmark.name).toBeGreaterThan(0.03);
      expect(c.share, landmark.name).toBeLessThan(0.75);
      expect(c.bottom - c.top, landmark.name).toBeGreaterThan(0.45);
      expect(c.bottom - c.top, landmark.name).toBeLessThan(0.9);
      expect(c.bottom, landmark.name).toBeGreaterThan(0.85);
      expect(Math.abs((c.left + c.right) / 2 - 0.5), landmark.name).toBeLessThan(0.08);
      expect(darkShare(p), landmark.name).toBeLessThan(0.06);
    }
  });

  it("renders every catalogue landmark", async () => {
    for (const landmark of LANDMARKS) {
      const p = await render(`${landmark.name}, ${landmark.city}`, 3, 96, 96);
      expect(coverage(p).share, landmark.id).toBeGreaterThan(0.02);
      expect(bordersBlack(p), landmark.id).toBe(true);
    }
  });

  it("changes colours with style words and keeps the background black", async () => {
    const plain = meanSubjectColour(await render("Arc de Triomphe"));
    const night = meanSubjectColour(await render("Arc de Triomphe at night"));
    const dusk = meanSubjectColour(await render("Arc de Triomphe at dusk"));
    const bronze = meanSubjectColour(await render("Arc de Triomphe in bronze"));
    const distance = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
    expect(distance(plain, night)).toBeGreaterThan(40);
    expect(distance(plain, dusk)).toBeGreaterThan(25);
    expect(distance(plain, bronze)).toBeGreaterThan(40);
    expect(night[2]).toBeGreaterThan(night[0]!);
    expect(dusk[0]).toBeGreaterThan(dusk[2]!);
    const base = await render("Sacré-Cœur");
    for (const style of ["in the snow", "in fog", "watercolor", "neon", "marble", "in the rain", "pixel art", "ink sketch", "low poly", "gold"]) {
      const styled = await render(`Sacré-Cœur ${style}`);
      expect(bordersBlack(styled), style).toBe(true);
      expect(iou(base.mask, styled.mask), style).toBeGreaterThan(0.75);
      expect(darkShare(styled), style).toBeLessThan(0.06);
    }
  });

  it("draws unknown subjects without error, each differently", async () => {
    const prompts = ["a banana", "my grandmother's teapot", "quantum", "xq zzv plorb", "", "   ", "a cat", "a red car", "entropy"];
    const images = await Promise.all(prompts.map((prompt) => render(prompt)));
    images.forEach((p, i) => {
      expect(coverage(p).share, prompts[i]).toBeGreaterThan(0.02);
      expect(bordersBlack(p), prompts[i]).toBe(true);
    });
    for (let i = 0; i < images.length; i++) {
      for (let j = i + 1; j < images.length; j++) {
        // An empty prompt and blank spaces are the same request.
        if (prompts[i]!.trim() === prompts[j]!.trim()) continue;
        expect(iou(images[i]!.mask, images[j]!.mask), `${prompts[i]} vs ${prompts[j]}`).toBeLessThan(0.9);
      }
    }
  });

  it("keeps a subject's form when only its style changes", async () => {
    for (const subject of ["a banana", "a teapot", "quantum"]) {
      const plain = await render(subject);
      const styled = await render(`${subject} at night, in bronze`);
      expect(iou(plain.mask, styled.mask), subject).toBeGreaterThan(0.85);
    }
  });

  it.each([
    [{ prompt: "x", seed: 1, width: 63, height: 256 }, /width must be at least 64/],
    [{ prompt: "x", seed: 1, width: 256, height: 2049 }, /height must be at most 2048/],
    [{ prompt: "x", seed: 1, width: 100.5, height: 256 }, /width must be a whole number/],
    [{ prompt: "x", seed: 1, width: Number.NaN, height: 256 }, /width/],
    [{ prompt: "x", seed: 1.5, width: 256, height: 256 }, /seed must be a whole number/],
    [{ prompt: "x", seed: 2 ** 33, width: 256, height: 256 }, /seed must fit in 32 bits/],
    [{ prompt: "x".repeat(2001), seed: 1, width: 256, height: 256 }, /prompt must be at most 2000 characters/],
  ])("rejects %#", async (opts, message) => {
    await expect(renderSketch(opts)).rejects.toThrow(message);
  });

  it("defaults the size to 1024 when it is left out", async () => {
    const png = await renderSketch({ prompt: "Luxor Obelisk", seed: 5 } as never);
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height]).toEqual([1024, 1024]);
  });
});
