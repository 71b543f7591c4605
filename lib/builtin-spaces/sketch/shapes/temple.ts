import "server-only";

// Classical temples: a stepped stylobate, a row of columns, an entablature and pediment; the
// Roman Pantheon adds its low dome rising behind the portico, the Parthenon its ruined gaps.

import { fill, type Drawing, type Pt } from "../drawing";
import { arc, spread } from "../geometry";
import { between, intBetween } from "../random";
import { defineShape, type ShapeParams } from "./define";
import { band, pediment, steps } from "./parts";

interface TempleParams extends ShapeParams {
  width: number;
  columns: number;
  columnHeight: number;
  steps: number;
  /** Pediment height as a share of the width. */
  pediment: number;
  /** A rotunda and low dome behind (Pantheon): dome width, 0 for none. */
  dome: number;
  /** A broken pediment (ruins). */
  ruined: boolean;
}

function draw(d: Drawing, p: TempleParams): void {
  const w = p.width;
  if (p.dome > 0) {
    const rotundaH = p.columnHeight * 1.15;
    d.rect(-p.dome / 2, 0, p.dome, rotundaH, fill("second", "h"));
    d.lines(spread(rotundaH * 0.35, rotundaH * 0.95, 3).map((y): Pt[] => [[-p.dome / 2, y], [p.dome / 2, y]]), "trim", 0.4);
    const steppedRings: [number, number][] = [[1, 0], [0.96, 2], [0.92, 4]];
    for (const [f, dy] of steppedRings) d.rect((-p.dome / 2) * f, rotundaH + dy, p.dome * f, 2, fill("second", "h"));
    d.poly(arc(0, rotundaH + 6, p.dome * 0.44, p.dome * 0.2, 0, 180, 22), fill("roof", "r"));
    d.ellipse(0, rotundaH + 6 + p.dome * 0.19, p.dome * 0.05, p.dome * 0.02, fill("trim", "lit"));
  }
  const stepH = 1.4;
  const top = steps(d, -w / 2 - p.steps * 1.2, w / 2 + p.steps * 1.2, 0, stepH, p.steps, 1.2, "main");
  const columnTop = top + p.columnHeight;
  const pitch = w / p.columns;
  const colW = pitch * 0.56;
  // Cella wall behind the columns.
  d.rect(-w / 2 + pitch * 0.4, top, w - pitch * 0.8, p.columnHeight, fill("dark", "flat"));
  for (let i = 0; i < p.columns; i++) {
    const x = -w / 2 + i * pitch + (pitch - colW) / 2;
    d.poly([[x, top], [x + colW, top], [x + colW * 0.9, columnTop], [x + colW * 0.1, columnTop]], fill("main", "h"));
    d.lines(spread(x + colW * 0.25, x + colW * 0.75, 3).map((fx): Pt[] => [[fx, top + 0.5], [fx + (fx < x + colW / 2 ? 0.1 : -0.1) * colW, columnTop - 1]]), "second", colW * 0.05);
    d.rect(x - colW * 0.1, columnTop - 1, colW * 1.2, 1, fill("trim", "lit"));
  }
  const entH = p.columnHeight * 0.2;
  d.rect(-w / 2 - 0.5, columnTop, w + 1, entH, fill("main", "h"));
  d.rects(spread(-w / 2 + 1, w / 2 - 2, p.columns * 2).map((x): [number, number, number, number] => [x, columnTop + entH * 0.45, 0.9, entH * 0.4]), fill("second", "shade"));
  band(d, -w / 2 - 1, w / 2 + 1, columnTop + entH - 0.8, 0.8);
  const pedTop = columnTop + entH;
  if (p.ruined) {
    d.poly([[-w / 2 - 1, pedTop], [w * 0.3, pedTop], [w * 0.3, pedTop + w * p.pediment * 0.35], [0, pedTop + w * p.pediment]], fill("trim", "v"));
  } else {
    pediment(d, -w / 2 - 1, w / 2 + 1, pedTop, w * p.pediment);
  }
}

export const temple = defineShape<TempleParams>({
  variants: {
    parthenon: { width: 70, columns: 8, columnHeight: 26, steps: 3, pediment: 0.14, dome: 0, ruined: true, colors: { main: "#e4d8bc", second: "#c8b998", trim: "#f0e6d0", dark: "#6e6452" } },
    "pantheon-rome": { width: 40, columns: 8, columnHeight: 24, steps: 2, pediment: 0.2, dome: 62, ruined: false, colors: { main: "#d8ccb0", second: "#b8ab90", trim: "#e8dfc8", roof: "#9aa0a4", dark: "#5e5648" } },
  },
  generic: (rng) => ({
    width: between(rng, 40, 70),
    columns: intBetween(rng, 4, 8),
    columnHeight: between(rng, 20, 32),
    steps: intBetween(rng, 2, 4),
    pediment: between(rng, 0.12, 0.22),
    dome: 0,
    ruined: rng() < 0.25,
    colors: {},
  }),
  draw,
});
