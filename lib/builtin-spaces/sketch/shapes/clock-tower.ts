import "server-only";

// Clock towers (Big Ben): a tall shaft with panelled Gothic tracery, a belfry stage with large
// clock faces, a steep pyramidal roof with pinnacles and a spire.

import { fill, type Drawing, type Pt } from "../drawing";
import { ellipsePoints, gothicOpening, spread } from "../geometry";
import { between, type Rng } from "../random";
import { defineShape, type ShapeParams } from "./define";
import { band, spire, windows, type RectSpec } from "./parts";

interface ClockTowerParams extends ShapeParams {
  width: number;
  shaftHeight: number;
  clockStage: number;
  belfry: number;
  roof: number;
  pinnacles: boolean;
}

function draw(d: Drawing, p: ClockTowerParams, detail: Rng): void {
  const w = p.width;
  const x0 = -w / 2;
  d.rect(x0, 0, w, p.shaftHeight, fill("main", "h"));
  // Vertical panels with lit windows.
  const cols = spread(x0 + w * 0.18, x0 + w * 0.82, 4);
  const panes: RectSpec[] = [];
  for (const y of spread(w * 0.6, p.shaftHeight - w * 0.8, 12)) for (const x of cols) panes.push([x - w * 0.05, y, w * 0.1, w * 0.28]);
  windows(d, panes, detail, 0.6);
  d.lines(cols.map((x): Pt[] => [[x + w * 0.09, 0], [x + w * 0.09, p.shaftHeight]]), "second", w * 0.02);
  d.lines([[[x0 + w * 0.04, 0], [x0 + w * 0.04, p.shaftHeight]], [[-x0 - w * 0.04, 0], [-x0 - w * 0.04, p.shaftHeight]]], "trim", w * 0.05);
  // Clock stage, slightly wider.
  let y = p.shaftHeight;
  band(d, x0 - w * 0.05, -x0 + w * 0.05, y, w * 0.06);
  d.rect(x0 - w * 0.04, y + w * 0.06, w * 1.08, p.clockStage, fill("main", "h"));
  const cy = y + w * 0.06 + p.clockStage * 0.5;
  const r = w * 0.38;
  d.ellipse(0, cy, r * 1.12, r * 1.12, fill("gold", "h"), "detail");
  d.ellipse(0, cy, r, r, fill("window", "flat"), "detail");
  const ticks = spread(0, Math.PI * 2, 13).slice(0, -1).map((a): Pt[] => [[Math.cos(a) * r * 0.8, cy + Math.sin(a) * r * 0.8], [Math.cos(a) * r * 0.95, cy + Math.sin(a) * r * 0.95]]);
  d.lines(ticks, "dark", r * 0.05);
  d.lines([[[0, cy], [r * 0.5, cy + r * 0.35]], [[0, cy], [-r * 0.1, cy + r * 0.72]]], "dark", r * 0.06);
  y += w * 0.06 + p.clockStage;
  band(d, x0 - w * 0.08, -x0 + w * 0.08, y, w * 0.07, "gold");
  y += w * 0.07;
  // Open belfry.
  d.rect(x0, y, w, p.belfry, fill("main", "h"));
  d.shapes(spread(x0 + w * 0.2, -x0 - w * 0.36, 3).map((x) => gothicOpening(x, x + w * 0.16, y + p.belfry * 0.1, y + p.belfry * 0.55, p.belfry * 0.3)), fill("dark", "flat"));
  y += p.belfry;
  band(d, x0 - w * 0.04, -x0 + w * 0.04, y, w * 0.05);
  y += w * 0.05;
  // Roof, pinnacles and spire.
  d.poly([[x0, y], [-x0, y], [w * 0.12, y + p.roof], [-w * 0.12, y + p.roof]], fill("roof", "h"));
  d.shapes(spread(y + p.roof * 0.2, y + p.roof * 0.7, 3).map((ry) => ellipsePoints(0, ry, w * 0.06, w * 0.08, 8)), fill("gold", "flat"));
  if (p.pinnacles) {
    for (const px of [x0 + w * 0.06, -x0 - w * 0.06]) spire(d, px, y - w * 0.02, w * 0.14, p.roof * 0.45, "gold");
  }
  spire(d, 0, y + p.roof, w * 0.24, p.roof * 0.5, "gold");
}

export const clockTower = defineShape<ClockTowerParams>({
  variants: {
    "big-ben": { width: 14, shaftHeight: 56, clockStage: 13, belfry: 8, roof: 16, pinnacles: true, colors: { main: "#d6c08e", second: "#b8a070", roof: "#5e6a74", gold: "#d8ac44", trim: "#e8d6ac" } },
  },
  generic: (rng) => ({
    width: between(rng, 12, 18),
    shaftHeight: between(rng, 40, 60),
    clockStage: between(rng, 11, 15),
    belfry: between(rng, 5, 10),
    roof: between(rng, 8, 20),
    pinnacles: rng() < 0.5,
    colors: {},
  }),
  draw,
});
