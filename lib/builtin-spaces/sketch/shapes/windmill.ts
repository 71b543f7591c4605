import "server-only";

// Windmills: a tapering body (on a cabaret front for the Moulin Rouge), a cap, and four latticed
// sails set in an X.

import { fill, type Drawing, type Pt } from "../drawing";
import { arc, beam, rotate, spread } from "../geometry";
import { between, type Rng } from "../random";
import { defineShape, type ShapeParams } from "./define";
import { band, windows, type RectSpec } from "./parts";

interface WindmillParams extends ShapeParams {
  bodyHeight: number;
  baseWidth: number;
  topWidth: number;
  sailLength: number;
  /** Angle of the first sail from vertical, degrees. */
  sailAngle: number;
  /** A cabaret building under the mill: its width and height, or 0. */
  building: [number, number];
  /** Light bulbs along the sails (Moulin Rouge). */
  bulbs: boolean;
  gallery: boolean;
}

function sail(d: Drawing, hubX: number, hubY: number, length: number, angle: number, bulbs: boolean): void {
  const width = length * 0.2;
  const frame: Pt[] = [[hubX - width * 0.15, hubY + length * 0.12], [hubX + width, hubY + length * 0.12], [hubX + width, hubY + length], [hubX - width * 0.15, hubY + length]];
  d.poly(rotate(frame, hubX, hubY, angle), fill("second", "h"));
  d.poly(rotate(beam([hubX, hubY], [hubX, hubY + length * 1.02], length * 0.035), hubX, hubY, angle), fill("dark", "h"));
  const lattice: Pt[][] = [];
  for (const f of spread(0.12, 1, 9)) lattice.push(rotate([[hubX, hubY + length * f], [hubX + width, hubY + length * f]], hubX, hubY, angle));
  for (const f of [0.33, 0.66, 1]) lattice.push(rotate([[hubX + width * f, hubY + length * 0.12], [hubX + width * f, hubY + length]], hubX, hubY, angle));
  d.lines(lattice, "dark", length * 0.014);
  if (bulbs) {
    const lights = spread(0.15, 1, 10).flatMap((f) => [
      rotate([[hubX + width, hubY + length * f]], hubX, hubY, angle)[0],
      rotate([[hubX - width * 0.15, hubY + length * f]], hubX, hubY, angle)[0],
    ]);
    d.rects(lights.filter((pt): pt is Pt => pt !== undefined).map(([x, y]): RectSpec => [x - 0.35, y - 0.35, 0.7, 0.7]), fill("window", "lit"));
  }
}

function draw(d: Drawing, p: WindmillParams, detail: Rng): void {
  let base = 0;
  const [bw, bh] = p.building;
  if (bw > 0) {
    d.rect(-bw / 2, 0, bw, bh, fill("accent", "h"));
    band(d, -bw / 2 - 0.5, bw / 2 + 0.5, bh * 0.55, bh * 0.16, "trim");
    const doors = spread(-bw * 0.35, bw * 0.35, 5).map((x): RectSpec => [x - bw * 0.05, 0, bw * 0.1, bh * 0.42]);
    windows(d, doors, detail, 0.8);
    const bulbs = spread(-bw / 2 + 1, bw / 2 - 1, 16).map((x): RectSpec => [x - 0.3, bh * 0.9, 0.6, 0.6]);
    d.rects(bulbs, fill("window", "lit"));
    base = bh;
  }
  const h = p.bodyHeight;
  const body: Pt[] = [[-p.baseWidth / 2, base], [p.baseWidth / 2, base], [p.topWidth / 2, base + h], [-p.topWidth / 2, base + h]];
  d.poly(body, fill("main", "h"));
  const planks: Pt[][] = spread(base + h * 0.1, base + h * 0.9, 7).map((y) => {
    const f = (y - base) / h;
    const half = p.baseWidth / 2 + (p.topWidth / 2 - p.baseWidth / 2) * f;
    return [[-half, y], [half, y]];
  });
  d.lines(planks, "dark", h * 0.006);
  windows(d, [[-p.baseWidth * 0.12, base, p.baseWidth * 0.24, h * 0.22], [-p.topWidth * 0.15, base + h * 0.55, p.topWidth * 0.3, h * 0.14]], detail, 0.9);
  if (p.gallery) {
    band(d, -p.baseWidth * 0.75, p.baseWidth * 0.75, base + h * 0.3, h * 0.03, "dark");
    d.lines(spread(-p.baseWidth * 0.72, p.baseWidth * 0.72, 9).map((x): Pt[] => [[x, base + h * 0.33], [x, base + h * 0.39]]), "dark", h * 0.008);
    d.lines([[[-p.baseWidth * 0.75, base + h * 0.39], [p.baseWidth * 0.75, base + h * 0.39]]], "dark", h * 0.01);
  }
  // Cap.
  const capBase = base + h;
  d.poly(arc(0, capBase, p.topWidth * 0.7, h * 0.32, 0, 180, 16), fill("roof", "h"));
  const hubY = capBase + h * 0.12;
  for (let i = 0; i < 4; i++) sail(d, 0, hubY, p.sailLength, p.sailAngle + i * 90, p.bulbs);
  d.ellipse(0, hubY, p.sailLength * 0.06, p.sailLength * 0.06, fill("dark", "r"));
}

export const windmill = defineShape<WindmillParams>({
  variants: {
    "moulin-rouge": { bodyHeight: 26, baseWidth: 15, topWidth: 11, sailLength: 26, sailAngle: 45, building: [52, 20], bulbs: true, gallery: false, colors: { main: "#c8302c", second: "#d8413a", roof: "#a52622", accent: "#b52a2a", dark: "#6e1816", trim: "#f2d6a0" } },
    "kinderdijk-windmill": { bodyHeight: 48, baseWidth: 24, topWidth: 12, sailLength: 40, sailAngle: 20, building: [0, 0], bulbs: false, gallery: true, colors: { main: "#7a6a58", second: "#ece4d2", roof: "#5d5246", dark: "#4e3e30" } },
  },
  generic: (rng) => ({
    bodyHeight: between(rng, 36, 54),
    baseWidth: between(rng, 16, 26),
    topWidth: between(rng, 9, 13),
    sailLength: between(rng, 30, 42),
    sailAngle: between(rng, 0, 90),
    building: [0, 0],
    bulbs: false,
    gallery: rng() < 0.5,
    colors: { main: "#b8a890", second: "#efe8da", roof: "#6d5e4c" },
  }),
  draw,
});
