import "server-only";

// Mughal mausoleums (Taj Mahal): a plinth, a cubic hall with a great arched iwan, a bulbous onion
// dome on a drum, small chhatri kiosks and four slender minarets.

import { fill, type Drawing, type Pt } from "../drawing";
import { archOpening, spread } from "../geometry";
import { between, type Rng } from "../random";
import { defineShape, type ShapeParams } from "./define";
import { band, onion } from "./parts";

interface MausoleumParams extends ShapeParams {
  plinthWidth: number;
  plinthHeight: number;
  hallWidth: number;
  hallHeight: number;
  domeWidth: number;
  domeHeight: number;
  minaretHeight: number;
}

function minaret(d: Drawing, x: number, base: number, h: number): void {
  const w = h * 0.07;
  d.poly([[x - w / 2, base], [x + w / 2, base], [x + w * 0.38, base + h], [x - w * 0.38, base + h]], fill("main", "h"));
  for (const f of [0.33, 0.66, 1]) band(d, x - w * 0.62, x + w * 0.62, base + h * f - 0.6, 0.8);
  d.rect(x - w * 0.42, base + h, w * 0.84, h * 0.06, fill("main", "h"));
  onion(d, x, base + h * 1.06, w * 0.5, h * 0.1, "main");
}

function draw(d: Drawing, p: MausoleumParams): void {
  const pw = p.plinthWidth;
  d.rect(-pw / 2, 0, pw, p.plinthHeight, fill("second", "h"));
  d.shapes(spread(-pw * 0.45, pw * 0.4, 14).map((x) => archOpening(x, x + pw * 0.03, p.plinthHeight * 0.15, p.plinthHeight * 0.55, 6)), fill("second", "shade"));
  const base = p.plinthHeight;
  for (const x of [-pw / 2 + 2, pw / 2 - 2]) minaret(d, x, base, p.minaretHeight);
  const hw = p.hallWidth;
  const hh = p.hallHeight;
  // Drum and dome behind the hall.
  const drumBase = base + hh * 0.9;
  d.rect(-p.domeWidth * 0.42, drumBase, p.domeWidth * 0.84, hh * 0.25, fill("main", "h"));
  onion(d, 0, drumBase + hh * 0.25, p.domeWidth / 2, p.domeHeight, "main");
  d.poly([[-0.3, drumBase + hh * 0.25 + p.domeHeight * 0.95], [0.3, drumBase + hh * 0.25 + p.domeHeight * 0.95], [0, drumBase + hh * 0.25 + p.domeHeight * 1.15]], fill("gold", "h"));
  // Chhatris on the corners.
  for (const x of [-hw * 0.36, hw * 0.36]) {
    d.rect(x - hw * 0.07, base + hh, hw * 0.14, hh * 0.16, fill("main", "h"));
    onion(d, x, base + hh * 1.16, hw * 0.085, hh * 0.22, "main");
  }
  // Hall with chamfered corners, the central iwan and side niches.
  const outline: Pt[] = [[-hw / 2, base], [hw / 2, base], [hw / 2, base + hh], [-hw / 2, base + hh]];
  const iwan = archOpening(-hw * 0.16, hw * 0.16, base, base + hh * 0.58, 12, hw * 0.2);
  d.shape([outline], fill("main", "h"));
  d.poly([[-hw * 0.22, base], [hw * 0.22, base], [hw * 0.22, base + hh * 1.05], [-hw * 0.22, base + hh * 1.05]], fill("main", "h"));
  d.poly(iwan, fill("second", "shade"), "detail");
  d.lines([[[-hw * 0.22, base + hh * 1.05], [-hw * 0.22, base]], [[hw * 0.22, base + hh * 1.05], [hw * 0.22, base]]], "trim", 0.4);
  const niches: Pt[][] = [];
  for (const sx of [-1, 1]) {
    for (const y of [base + hh * 0.08, base + hh * 0.52]) niches.push(archOpening(sx * hw * 0.36 - hw * 0.07, sx * hw * 0.36 + hw * 0.07, y, y + hh * 0.26, 8, hw * 0.07));
  }
  d.shapes(niches, fill("second", "shade"));
  d.lines([outline.concat([outline[0] as Pt])], "trim", 0.3);
}

export const mausoleum = defineShape<MausoleumParams>({
  variants: {
    "taj-mahal": { plinthWidth: 92, plinthHeight: 6, hallWidth: 46, hallHeight: 30, domeWidth: 30, domeHeight: 34, minaretHeight: 50, colors: { main: "#f4f0ea", second: "#dcd4c8", trim: "#c8bca8", gold: "#d8b24a" } },
  },
  generic: (rng: Rng) => ({
    plinthWidth: between(rng, 70, 92),
    plinthHeight: between(rng, 4, 8),
    hallWidth: between(rng, 36, 50),
    hallHeight: between(rng, 24, 32),
    domeWidth: between(rng, 24, 34),
    domeHeight: between(rng, 22, 36),
    minaretHeight: between(rng, 35, 55),
    colors: {},
  }),
  draw,
});
