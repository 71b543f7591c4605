import "server-only";

// Baroque fountains (Trevi): a palace facade with a triumphal central niche and statue, rocky
// cascades and a wide basin.

import { fill, type Drawing, type Pt } from "../drawing";
import { archOpening, ellipsePoints, quad, spread } from "../geometry";
import { between, type Rng } from "../random";
import { defineShape, type ShapeParams } from "./define";
import { band, windowGrid, windows } from "./parts";

interface FountainParams extends ShapeParams {
  facade: boolean;
  width: number;
  height: number;
}

function draw(d: Drawing, p: FountainParams, detail: Rng): void {
  const w = p.width;
  const h = p.height;
  if (p.facade) {
    d.rect(-w / 2, h * 0.22, w, h * 0.68, fill("main", "h"));
    windows(d, windowGrid(-w / 2 + 2, -w * 0.2, h * 0.45, h * 0.82, 3, 2), detail, 0.6);
    windows(d, windowGrid(w * 0.2, w / 2 - 2, h * 0.45, h * 0.82, 3, 2), detail, 0.6);
    band(d, -w / 2 - 0.5, w / 2 + 0.5, h * 0.84, h * 0.03);
    // Central triumphal arch with columns and attic sculpture.
    d.rect(-w * 0.18, h * 0.22, w * 0.36, h * 0.78, fill("trim", "h"));
    d.rects(spread(-w * 0.17, w * 0.13, 4).map((x): [number, number, number, number] => [x, h * 0.3, w * 0.035, h * 0.5]), fill("main", "lit"));
    d.poly(archOpening(-w * 0.08, w * 0.08, h * 0.3, h * 0.62, 10), fill("second", "shade"), "detail");
    d.rect(-w * 0.2, h * 0.92, w * 0.4, h * 0.08, fill("trim", "h"));
    d.shapes(spread(-w * 0.15, w * 0.15, 4).map((x) => ellipsePoints(x, h * 1.03, w * 0.02, h * 0.04, 8)), fill("main", "flat"), "body");
  }
  // Oceanus, the shell chariot and the horses.
  d.ellipse(0, h * 0.42, w * 0.03, h * 0.05, fill("main", "r"));
  d.poly([[-w * 0.05, h * 0.28], [w * 0.05, h * 0.28], [w * 0.035, h * 0.4], [-w * 0.035, h * 0.4]], fill("main", "h"));
  d.poly([[-w * 0.09, h * 0.22], [w * 0.09, h * 0.22], [w * 0.06, h * 0.29], [-w * 0.06, h * 0.29]], fill("trim", "lit"));
  for (const sign of [-1, 1]) {
    const x = sign * w * 0.14;
    d.poly([[x - w * 0.05, h * 0.14], [x + w * 0.05, h * 0.14], [x + sign * w * 0.07, h * 0.26], [x + sign * w * 0.03, h * 0.3], [x - sign * w * 0.02, h * 0.22]], fill("main", "h"));
  }
  // Rocks and cascades, then the basin rim.
  const rocks: Pt[] = [[-w * 0.42, h * 0.08], ...quad([-w * 0.42, h * 0.08], [-w * 0.2, h * 0.3], [0, h * 0.2], 8), ...quad([0, h * 0.2], [w * 0.2, h * 0.3], [w * 0.42, h * 0.08], 8).slice(1)];
  d.poly(rocks, fill("second", "h"));
  d.lines(spread(-w * 0.08, w * 0.08, 5).map((x): Pt[] => [[x, h * 0.2], [x * 1.3, h * 0.08]]), "glass", w * 0.012);
  d.shapes([[[-w * 0.2, h * 0.08], [w * 0.2, h * 0.08], [w * 0.14, h * 0.18], [-w * 0.14, h * 0.18]]], fill("glass", "v"));
  d.rect(-w * 0.52, 0, w * 1.04, h * 0.08, fill("main", "h"));
  d.rect(-w * 0.5, h * 0.03, w, h * 0.035, fill("glass", "lit"), "detail");
}

export const fountain = defineShape<FountainParams>({
  variants: { "trevi-fountain": { facade: true, width: 80, height: 58, colors: { main: "#e4dac4", second: "#c8b898", trim: "#efe8d6", glass: "#7ec4d8" } } },
  generic: (rng) => ({ facade: rng() < 0.3, width: between(rng, 60, 80), height: between(rng, 40, 58), colors: { glass: "#7ec4d8" } }),
  draw,
});
