import "server-only";

// The Leaning Tower of Pisa: a marble cylinder of stacked arcaded galleries with a smaller belfry,
// tilted on its base.

import { fill, type Drawing, type Pt } from "../drawing";
import { archOpening, rotate, spread } from "../geometry";
import { between, intBetween } from "../random";
import { defineShape, type ShapeParams } from "./define";

interface LeaningParams extends ShapeParams {
  width: number;
  height: number;
  galleries: number;
  lean: number;
}

function draw(d: Drawing, p: LeaningParams): void {
  const w = p.width;
  const storey = p.height / (p.galleries + 2.2);
  const tilt = (points: readonly Pt[]) => rotate(points, w / 2, 0, -p.lean);
  const rect = (x: number, y: number, rw: number, rh: number): Pt[] => [[x, y], [x + rw, y], [x + rw, y + rh], [x, y + rh]];
  d.poly(tilt(rect(-w / 2, 0, w, storey * 1.6)), fill("main", "h"));
  d.shapes(spread(-w * 0.38, w * 0.3, 5).map((x) => tilt(archOpening(x, x + w * 0.09, storey * 0.1, storey * 1.2, 8))), fill("second", "shade"));
  let y = storey * 1.6;
  for (let g = 0; g < p.galleries; g++) {
    d.poly(tilt(rect(-w / 2, y, w, storey)), fill("main", "h"));
    d.shapes(spread(-w * 0.42, w * 0.34, 7).map((x) => tilt(archOpening(x, x + w * 0.08, y + storey * 0.12, y + storey * 0.68, 8))), fill("dark", "flat"));
    d.shapes(spread(-w * 0.42, w * 0.34, 7).map((x) => tilt(rect(x + w * 0.03, y + storey * 0.12, w * 0.02, storey * 0.56))), fill("trim", "flat"));
    d.poly(tilt(rect(-w / 2 - 0.4, y + storey - storey * 0.1, w + 0.8, storey * 0.1)), fill("trim", "lit"));
    y += storey;
  }
  const bw = w * 0.7;
  d.poly(tilt(rect(-bw / 2, y, bw, storey * 0.9)), fill("main", "h"));
  d.shapes(spread(-bw * 0.38, bw * 0.22, 4).map((x) => tilt(archOpening(x, x + bw * 0.12, y + storey * 0.1, y + storey * 0.55, 8))), fill("dark", "flat"));
  d.poly(tilt(rect(-bw / 2 - 0.4, y + storey * 0.9, bw + 0.8, storey * 0.12)), fill("trim", "lit"));
}

export const leaningTower = defineShape<LeaningParams>({
  variants: {
    "leaning-tower-of-pisa": { width: 24, height: 66, galleries: 6, lean: 5, colors: { main: "#ede6d6", second: "#d4ccba", trim: "#faf6ec", dark: "#8a8070" } },
  },
  generic: (rng) => ({ width: between(rng, 18, 28), height: between(rng, 55, 75), galleries: intBetween(rng, 4, 7), lean: between(rng, 3, 8), colors: {} }),
  draw,
});
