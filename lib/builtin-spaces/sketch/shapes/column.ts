import "server-only";

// Monumental columns: a pedestal, a shaft wrapped in a spiral frieze (Trajan) or fluted
// (Nelson), a capital and a statue on top.

import { fill, type Drawing, type Pt } from "../drawing";
import { spread } from "../geometry";
import { between } from "../random";
import { defineShape, type ShapeParams } from "./define";
import { band } from "./parts";
import { standingFigure } from "./statue";

interface ColumnParams extends ShapeParams {
  height: number;
  width: number;
  pedestal: number;
  spiral: boolean;
  /** Lions or steps around the pedestal base. */
  lions: boolean;
}

function draw(d: Drawing, p: ColumnParams): void {
  const w = p.width;
  const ped = p.pedestal;
  if (p.lions) {
    for (const sign of [-1, 1]) {
      const x = sign * w * 1.6;
      d.rect(x - w * 0.9, 0, w * 1.8, ped * 0.25, fill("second", "h"));
      d.poly([[x - w * 0.8, ped * 0.25], [x + w * 0.8, ped * 0.25], [x + w * 0.75, ped * 0.42], [x + sign * w * 0.2, ped * 0.55], [x - w * 0.3, ped * 0.5], [x - w * 0.8, ped * 0.35]], fill("accent", "h"));
    }
  }
  d.rect(-w * 1.1, 0, w * 2.2, ped * 0.12, fill("second", "h"));
  d.rect(-w * 0.9, ped * 0.12, w * 1.8, ped * 0.76, fill("main", "h"));
  d.rect(-w * 0.55, ped * 0.3, w * 1.1, ped * 0.4, fill("second", "shade"), "detail");
  band(d, -w * 1.0, w * 1.0, ped * 0.88, ped * 0.12);
  const shaftTop = ped + p.height;
  d.rect(-w / 2, ped, w, p.height, fill("main", "h"));
  if (p.spiral) {
    const turns = 23;
    const spiral: Pt[] = spread(0, 1, turns * 8).map((t): Pt => [(w / 2) * Math.sin(t * turns * Math.PI * 2), ped + p.height * t]);
    const visible: Pt[][] = [];
    let run: Pt[] = [];
    spiral.forEach((pt, i) => {
      const front = Math.cos(((i / (turns * 8)) * turns * Math.PI * 2)) > 0;
      if (front) run.push(pt);
      else if (run.length) {
        visible.push(run);
        run = [];
      }
    });
    if (run.length) visible.push(run);
    d.lines(visible, "second", w * 0.05);
  } else {
    d.lines(spread(-w * 0.35, w * 0.35, 5).map((x): Pt[] => [[x, ped + 1], [x, shaftTop - 1]]), "second", w * 0.05);
  }
  d.rect(-w * 0.8, shaftTop, w * 1.6, w * 0.5, fill("trim", "h"));
  d.rect(-w * 0.35, shaftTop + w * 0.5, w * 0.7, w * 0.5, fill("main", "h"));
  standingFigure(d, 0, shaftTop + w, w * 2.2, "accent");
}

export const column = defineShape<ColumnParams>({
  variants: {
    "trajans-column": { height: 70, width: 9, pedestal: 14, spiral: true, lions: false, colors: { main: "#e2d8c4", second: "#b8ac94", trim: "#efe8d8", accent: "#6a8e7c" } },
    "nelsons-column": { height: 76, width: 6, pedestal: 14, spiral: false, lions: true, colors: { main: "#c6c0b4", second: "#a29c90", trim: "#c8a650", accent: "#5c5854" } },
  },
  generic: (rng) => ({ height: between(rng, 50, 75), width: between(rng, 6, 10), pedestal: between(rng, 10, 16), spiral: rng() < 0.5, lions: false, colors: {} }),
  draw,
});
