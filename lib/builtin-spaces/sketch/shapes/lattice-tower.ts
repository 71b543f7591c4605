import "server-only";

// Open iron towers (Eiffel, Tokyo): four splayed legs on a great arch, platforms, a tapering
// cross-braced shaft and an antenna.

import { fill, type Drawing, type Pt } from "../drawing";
import { arc, quad } from "../geometry";
import { between } from "../random";
import { defineShape, type ShapeParams } from "./define";

interface LatticeParams extends ShapeParams {
  /** Half-width at the ground, as a share of the height. */
  base: number;
  /** Exponential taper of the legs' outer curve. */
  taper: number;
  /** Heights of the platforms (share of height), lowest first; the first sits on the arch. */
  platforms: number[];
  /** Height where the shaft ends and the antenna begins. */
  shaftTop: number;
  /** Paint white bands on the upper shaft (Tokyo Tower's aviation colours). */
  bands: number;
}

const H = 100;

function halfWidth(p: LatticeParams, y: number): number {
  return p.base * H * Math.exp(-p.taper * (y / H));
}

/** The outer edge from ground to shaft top on one side (sign ±1). */
function edge(p: LatticeParams, sign: number, from: number, to: number, steps = 24): Pt[] {
  const points: Pt[] = [];
  for (let i = 0; i <= steps; i++) {
    const y = from + ((to - from) * i) / steps;
    points.push([sign * halfWidth(p, y), y]);
  }
  return points;
}

function draw(d: Drawing, p: LatticeParams): void {
  const top = p.shaftTop * H;
  const [firstShare = 0.2, ...upper] = p.platforms;
  const first = firstShare * H;
  const second = (upper[0] ?? 0.4) * H;
  const deck = first * 0.14;

  // Body: the legs' outline with the great arch and the gap between first and second platform cut out.
  const outline: Pt[] = [...edge(p, 1, 0, top), ...edge(p, -1, 0, top).reverse()];
  const inner = (y: number) => halfWidth(p, y) * 0.56;
  const springY = first * 0.28;
  const archTop = first * 0.9;
  const greatArch: Pt[] = [
    [inner(0), 0],
    [inner(springY * 0.5), springY * 0.5],
    ...arc(0, springY, inner(springY), archTop - springY, 0, 180, 20),
    [-inner(springY * 0.5), springY * 0.5],
    [-inner(0), 0],
  ];
  const gapBottom = first + deck;
  const gapTop = second * 0.96;
  const gap: Pt[] = [
    ...quad([inner(gapBottom), gapBottom], [inner(gapBottom) * 0.55, gapTop * 0.92], [0, gapTop], 10),
    ...quad([0, gapTop], [-inner(gapBottom) * 0.55, gapTop * 0.92], [-inner(gapBottom), gapBottom], 10).slice(1),
  ];
  d.shape([outline, greatArch, gap], fill("main", "h"));

  // Cross-bracing: X's between the outer and inner edge of each leg, and across the shaft.
  const braces: Pt[][] = [];
  const legBrace = (y0: number, y1: number, sign: number) => {
    const o0 = sign * halfWidth(p, y0);
    const o1 = sign * halfWidth(p, y1);
    const i0 = sign * Math.max(inner(y0), 0);
    const i1 = sign * Math.max(inner(y1), 0);
    braces.push([[o0, y0], [i1, y1]], [[i0, y0], [o1, y1]]);
  };
  for (let y = 0; y < first - 1; y += first / 5) for (const s of [1, -1]) legBrace(y, Math.min(y + first / 5, first), s);
  for (let y = gapBottom; y < gapTop - 1; y += (gapTop - gapBottom) / 5) {
    for (const s of [1, -1]) legBrace(y, Math.min(y + (gapTop - gapBottom) / 5, gapTop), s);
  }
  let y = second;
  while (y < top - 1) {
    const step = Math.max(halfWidth(p, y) * 1.6, 2.2);
    const y1 = Math.min(y + step, top);
    braces.push([[halfWidth(p, y), y], [-halfWidth(p, y1), y1]], [[-halfWidth(p, y), y], [halfWidth(p, y1), y1]]);
    braces.push([[halfWidth(p, y1), y1], [-halfWidth(p, y1), y1]]);
    y = y1;
  }
  d.lines(braces, "dark", 0.32);
  d.lines([edge(p, 1, 0, top), edge(p, -1, 0, top)], "dark", 0.5);

  // Decorative arcade under the first platform.
  d.lines([arc(0, springY, inner(springY) + 1.2, archTop - springY + 1.2, 0, 180, 20)], "trim", 0.6);

  // Platforms.
  for (const share of p.platforms) {
    const py = share * H;
    const w = halfWidth(p, py) * 1.12 + 0.8;
    const thick = share === firstShare ? deck : deck * 0.6;
    d.rect(-w, py, 2 * w, thick, fill("second", "h"));
    d.lines([[[-w, py + thick * 0.5], [w, py + thick * 0.5]]], "trim", 0.25);
  }

  // Upper bands (Tokyo Tower).
  for (let i = 0; i < p.bands; i++) {
    const y0 = second + ((top - second) * (2 * i + 1)) / (2 * p.bands + 1);
    const y1 = second + ((top - second) * (2 * i + 2)) / (2 * p.bands + 1);
    d.poly([...edge(p, 1, y0, y1, 4), ...edge(p, -1, y0, y1, 4).reverse()], fill("second", "h"), "detail");
  }

  // Cabin and antenna.
  const tw = halfWidth(p, top);
  d.rect(-tw * 1.4, top - 1.5, tw * 2.8, 2.5, fill("second", "h"));
  d.poly([[-tw * 0.6, top + 1], [tw * 0.6, top + 1], [tw * 0.25, H], [-tw * 0.25, H]], fill("main", "h"));
  d.lines([[[0, H], [0, H + 3]]], "trim", 0.35);
}

export const latticeTower = defineShape<LatticeParams>({
  variants: {
    "eiffel-tower": { base: 0.21, taper: 3.1, platforms: [0.19, 0.39, 0.88], shaftTop: 0.9, bands: 0, colors: { main: "#9a7a58", second: "#8a6c4e", dark: "#6a5038", trim: "#c8a878" } },
    "tokyo-tower": { base: 0.16, taper: 2.4, platforms: [0.14, 0.46, 0.76], shaftTop: 0.85, bands: 3, colors: { main: "#e8582c", second: "#f2f0ea", dark: "#a83c1e", trim: "#ffffff" } },
  },
  generic: (rng) => ({
    base: between(rng, 0.14, 0.24),
    taper: between(rng, 2.2, 3.3),
    platforms: [between(rng, 0.14, 0.22), between(rng, 0.36, 0.48)],
    shaftTop: between(rng, 0.82, 0.92),
    bands: rng() < 0.3 ? 2 : 0,
    colors: { main: "#8e8a84", dark: "#5e5a54" },
  }),
  draw: (d, p) => draw(d, p),
});
