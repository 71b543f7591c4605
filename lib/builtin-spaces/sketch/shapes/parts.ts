import "server-only";

// Building parts many silhouettes share: windows, domes, colonnades, pediments, spires.

import { fill, type Drawing, type Slot } from "../drawing";
import { arc, profile } from "../geometry";
import type { Rng } from "../random";

export type RectSpec = readonly [number, number, number, number];

/**
 * Windows, most in the "window" slot (they glow at night) and the rest dark, so the seed
 * decides which rooms are lit.
 */
export function windows(d: Drawing, rects: readonly RectSpec[], detail: Rng, litShare = 0.75): void {
  const lit: RectSpec[] = [];
  const dark: RectSpec[] = [];
  for (const rect of rects) (detail() < litShare ? lit : dark).push(rect);
  d.rects(lit, fill("window", "flat"));
  d.rects(dark, fill("dark", "flat"));
}

/** A grid of window rectangles filling a facade region. */
export function windowGrid(
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  cols: number,
  rows: number,
  widthShare = 0.5,
  heightShare = 0.6,
): RectSpec[] {
  const cellW = (x1 - x0) / cols;
  const cellH = (y1 - y0) / rows;
  const rects: RectSpec[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const w = cellW * widthShare;
      const h = cellH * heightShare;
      rects.push([x0 + c * cellW + (cellW - w) / 2, y0 + r * cellH + (cellH - h) / 2, w, h]);
    }
  }
  return rects;
}

/** A half-ellipse dome on y = `base`. */
export function dome(d: Drawing, cx: number, base: number, r: number, h: number, slot: Slot): void {
  d.poly(arc(cx, base, r, h, 0, 180, 24), fill(slot, "r"));
}

/** A lantern or cupola: a small drum, a cap and a finial. */
export function lantern(d: Drawing, cx: number, base: number, r: number, h: number, slot: Slot = "trim", finial: Slot = "gold"): void {
  d.rect(cx - r, base, 2 * r, h * 0.55, fill(slot, "h"));
  d.poly(arc(cx, base + h * 0.55, r * 1.1, h * 0.3, 0, 180, 12), fill(slot, "r"));
  d.poly([[cx - r * 0.15, base + h * 0.8], [cx + r * 0.15, base + h * 0.8], [cx, base + h * 1.15]], fill(finial, "flat"));
}

/** Columns standing on `base`, `count` of them across x0…x1, in front of a darker wall. */
export function colonnade(d: Drawing, x0: number, x1: number, base: number, h: number, count: number, slot: Slot = "main", wall: Slot | null = "dark"): void {
  const pitch = (x1 - x0) / count;
  const w = pitch * 0.52;
  if (wall) d.rect(x0, base, x1 - x0, h, fill(wall, "flat"));
  const shafts: RectSpec[] = [];
  for (let i = 0; i < count; i++) shafts.push([x0 + i * pitch + (pitch - w) / 2, base, w, h]);
  for (const [x, y, cw, ch] of shafts) d.rect(x, y, cw, ch, fill(slot, "h"));
  const capitals: RectSpec[] = shafts.map(([x, y, cw, ch]) => [x - cw * 0.15, y + ch - ch * 0.05, cw * 1.3, ch * 0.05]);
  d.rects(capitals, fill("trim", "lit"), "body");
}

/** A triangular pediment on y = `base`. */
export function pediment(d: Drawing, x0: number, x1: number, base: number, h: number, slot: Slot = "trim"): void {
  d.poly([[x0, base], [x1, base], [(x0 + x1) / 2, base + h]], fill(slot, "v"));
  const inset = (x1 - x0) * 0.08;
  d.poly([[x0 + inset, base + h * 0.12], [x1 - inset, base + h * 0.12], [(x0 + x1) / 2, base + h * 0.8]], fill(slot, "shade"), "detail");
}

/** A tapering spire. */
export function spire(d: Drawing, cx: number, base: number, w: number, h: number, slot: Slot = "roof"): void {
  d.poly([[cx - w / 2, base], [cx + w / 2, base], [cx, base + h]], fill(slot, "h"));
}

/** A horizontal band (cornice, ledge, platform). */
export function band(d: Drawing, x0: number, x1: number, y: number, h: number, slot: Slot = "trim"): void {
  d.rect(x0, y, x1 - x0, h, fill(slot, "lit"));
}

/** An onion dome on y = `base`. */
export function onion(d: Drawing, cx: number, base: number, r: number, h: number, slot: Slot, tone: "r" | "h" = "r"): void {
  const half: [number, number][] = [
    [r * 0.8, 0],
    [r * 1.0, h * 0.18],
    [r * 1.05, h * 0.32],
    [r * 0.9, h * 0.5],
    [r * 0.6, h * 0.68],
    [r * 0.3, h * 0.84],
    [r * 0.08, h * 0.96],
    [0.001, h],
  ];
  d.poly(profile(cx, half.map(([w, y]) => [w, base + y] as [number, number])), fill(slot, tone));
}

/** Stepped plinth. */
export function steps(d: Drawing, x0: number, x1: number, base: number, stepH: number, count: number, inset: number, slot: Slot = "second"): number {
  let y = base;
  for (let i = 0; i < count; i++) {
    d.rect(x0 + inset * i, y, x1 - x0 - 2 * inset * i, stepH, fill(slot, i % 2 === 0 ? "h" : "lit"));
    y += stepH;
  }
  return y;
}
