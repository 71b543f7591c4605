import "server-only";

// Obelisks: a tapering square shaft seen slightly from the side, a pyramidion (often gilded),
// hieroglyph columns and a stepped pedestal.

import { fill, type Drawing, type Pt } from "../drawing";
import { spread } from "../geometry";
import { between, type Rng } from "../random";
import { defineShape, type ShapeParams } from "./define";
import { type RectSpec } from "./parts";

interface ObeliskParams extends ShapeParams {
  height: number;
  /** Base width of the shaft, as a share of its height. */
  slenderness: number;
  /** Top width as a share of base width. */
  taper: number;
  pedestal: number;
  hieroglyphs: boolean;
  gildedTip: boolean;
}

function draw(d: Drawing, p: ObeliskParams, detail: Rng): void {
  let y = 0;
  if (p.pedestal > 0) {
    const w = p.height * p.slenderness;
    const tiers: [number, number][] = [[w * 2.6, p.pedestal * 0.18], [w * 2.2, p.pedestal * 0.14], [w * 1.7, p.pedestal * 0.52], [w * 1.9, p.pedestal * 0.16]];
    for (const [tw, th] of tiers) {
      d.rect(-tw / 2, y, tw, th, fill("second", "h"));
      y += th;
    }
    d.rects([[-w * 0.6, p.pedestal * 0.4, w * 1.2, p.pedestal * 0.35]], fill("second", "shade"));
  }
  const base = p.height * p.slenderness;
  const topW = base * p.taper;
  const shaftTop = y + p.height * 0.92;
  const side = base * 0.28;
  // Front face and a narrow, darker side face for volume.
  d.poly([[-base / 2, y], [base / 2, y], [topW / 2, shaftTop], [-topW / 2, shaftTop]], fill("main", "h"));
  d.poly([[base / 2, y], [base / 2 + side, y + side * 0.3], [topW / 2 + side * p.taper, shaftTop + side * 0.3 * p.taper], [topW / 2, shaftTop]], fill("main", "shade"));
  const tip = p.gildedTip ? "gold" : "main";
  d.poly([[-topW / 2, shaftTop], [topW / 2, shaftTop], [0, y + p.height]], fill(tip, "h"));
  d.poly([[topW / 2, shaftTop], [topW / 2 + side * p.taper, shaftTop + side * 0.3 * p.taper], [0, y + p.height]], fill(tip, "shade"));
  if (p.hieroglyphs) {
    const glyphs: RectSpec[] = [];
    for (const f of [-0.22, 0, 0.22]) {
      for (const gy of spread(y + p.height * 0.05, shaftTop - p.height * 0.06, 26)) {
        const widthAt = base + (topW - base) * ((gy - y) / (shaftTop - y));
        const gw = widthAt * between(detail, 0.07, 0.13);
        glyphs.push([f * widthAt - gw / 2, gy, gw, p.height * between(detail, 0.008, 0.016)]);
      }
    }
    d.rects(glyphs, fill("main", "shade"));
  }
  const edge: Pt[] = [[base / 2, y], [topW / 2, shaftTop]];
  d.lines([edge], "trim", base * 0.02);
}

export const obelisk = defineShape<ObeliskParams>({
  variants: {
    "luxor-obelisk": { height: 70, slenderness: 0.105, taper: 0.65, pedestal: 22, hieroglyphs: true, gildedTip: true, colors: { main: "#d9a88a", second: "#b9aea0", gold: "#e8b840" } },
    "hatshepsut-obelisk": { height: 90, slenderness: 0.1, taper: 0.62, pedestal: 4, hieroglyphs: true, gildedTip: false, colors: { main: "#d29c86", second: "#a89478" } },
    "washington-monument": { height: 100, slenderness: 0.1, taper: 0.62, pedestal: 0, hieroglyphs: false, gildedTip: false, colors: { main: "#e9e4da" } },
  },
  generic: (rng) => ({
    height: 80,
    slenderness: between(rng, 0.08, 0.13),
    taper: between(rng, 0.55, 0.75),
    pedestal: rng() < 0.6 ? between(rng, 5, 20) : 0,
    hieroglyphs: rng() < 0.6,
    gildedTip: rng() < 0.3,
    colors: {},
  }),
  draw,
});
