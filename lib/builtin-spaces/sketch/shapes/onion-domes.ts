import "server-only";

// Russian churches (St Basil's): a cluster of drum towers of different heights, each crowned by
// a boldly patterned onion dome, around a central tented spire.

import { fill, type Drawing, type Pt, type Slot } from "../drawing";
import { archOpening, spread } from "../geometry";
import { between, intBetween, pick, type Rng } from "../random";
import { defineShape, type ShapeParams } from "./define";
import { band, onion } from "./parts";

interface Cupola {
  x: number;
  width: number;
  height: number;
  slot: Slot;
  stripes: boolean;
}

interface OnionParams extends ShapeParams {
  baseWidth: number;
  baseHeight: number;
  spire: { width: number; height: number };
  cupolas: Cupola[];
}

function drum(d: Drawing, c: Cupola, base: number): void {
  const w = c.width;
  d.rect(c.x - w / 2, base, w, c.height, fill("main", "h"));
  d.shapes(spread(c.x - w * 0.3, c.x + w * 0.1, 3).map((x) => archOpening(x, x + w * 0.16, base + c.height * 0.45, base + c.height * 0.75, 6)), fill("window", "flat"));
  band(d, c.x - w * 0.55, c.x + w * 0.55, base + c.height - 1, 1);
  const domeBase = base + c.height;
  onion(d, c.x, domeBase, w * 0.62, w * 1.5, c.slot);
  if (c.stripes) {
    const stripes: Pt[][] = spread(-0.7, 0.7, 5).map((t) => spread(0, 0.9, 8).map((f): Pt => [c.x + t * w * 0.6 * Math.sin(Math.PI * (0.35 + f * 0.65)) + f * w * 0.25 * t, domeBase + w * 1.5 * f]));
    d.lines(stripes, "trim", w * 0.06);
  }
  d.lines([[[c.x, domeBase + w * 1.5], [c.x, domeBase + w * 1.9]]], "gold", w * 0.05);
  d.lines([[[c.x - w * 0.15, domeBase + w * 1.75], [c.x + w * 0.15, domeBase + w * 1.75]]], "gold", w * 0.04);
}

function draw(d: Drawing, p: OnionParams): void {
  const base = p.baseHeight;
  const sw = p.spire.width;
  d.rect(-sw / 2, base, sw, p.spire.height * 0.45, fill("main", "h"));
  d.poly([[-sw / 2, base + p.spire.height * 0.45], [sw / 2, base + p.spire.height * 0.45], [0, base + p.spire.height]], fill("second", "h"));
  d.lines(spread(-0.35, 0.35, 4).map((t): Pt[] => [[t * sw, base + p.spire.height * 0.47], [t * sw * 0.2, base + p.spire.height * 0.9]]), "trim", 0.3);
  onion(d, 0, base + p.spire.height, sw * 0.22, sw * 0.5, "gold");
  const ordered = [...p.cupolas].sort((a, b) => b.height - a.height);
  for (const c of ordered) drum(d, c, base);
  d.rect(-p.baseWidth / 2, 0, p.baseWidth, base, fill("accent", "h"));
  d.shapes(spread(-p.baseWidth * 0.4, p.baseWidth * 0.34, 7).map((x) => archOpening(x, x + p.baseWidth * 0.06, base * 0.1, base * 0.55, 6)), fill("second", "shade"));
  band(d, -p.baseWidth / 2 - 0.5, p.baseWidth / 2 + 0.5, base - 1, 1);
}

export const onionDomes = defineShape<OnionParams>({
  variants: {
    "st-basils-cathedral": {
      baseWidth: 64,
      baseHeight: 14,
      spire: { width: 12, height: 72 },
      cupolas: [
        { x: -26, width: 8, height: 18, slot: "gold", stripes: false },
        { x: -15, width: 11, height: 30, slot: "second", stripes: true },
        { x: 15, width: 11, height: 30, slot: "roof", stripes: true },
        { x: 26, width: 8, height: 20, slot: "accent", stripes: true },
        { x: -7, width: 7, height: 42, slot: "roof", stripes: true },
        { x: 7, width: 7, height: 40, slot: "gold", stripes: true },
      ],
      colors: { main: "#c0503c", accent: "#b8402e", second: "#3e9a62", roof: "#3c6ab8", gold: "#e2b440", trim: "#f2eee2", window: "#f0e0b0" },
    },
  },
  generic: (rng: Rng) => {
    const count = intBetween(rng, 2, 5);
    const slots: Slot[] = ["gold", "second", "roof", "accent"];
    return {
      baseWidth: between(rng, 40, 64),
      baseHeight: between(rng, 10, 16),
      spire: { width: between(rng, 10, 14), height: between(rng, 45, 75) },
      cupolas: Array.from({ length: count }, (_, i) => ({
        x: (i % 2 === 0 ? -1 : 1) * (8 + 8 * Math.floor(i / 2) + between(rng, 0, 4)),
        width: between(rng, 7, 11),
        height: between(rng, 15, 40),
        slot: pick(rng, slots),
        stripes: rng() < 0.6,
      })),
      colors: { main: "#e6dcc8", gold: "#dcb040", second: "#4a9a6a", roof: "#4a70b8", accent: "#c0503c" },
    };
  },
  draw,
});
