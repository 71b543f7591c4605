import "server-only";

// The Colosseum: an elliptical wall of three arcaded storeys and a solid attic, seen as a curving
// facade whose outer ring has fallen away on one side.

import { fill, type Drawing, type Pt } from "../drawing";
import { archOpening, spread } from "../geometry";
import { between } from "../random";
import { defineShape, type ShapeParams } from "./define";
import { band } from "./parts";

interface ColosseumParams extends ShapeParams {
  width: number;
  storey: number;
  arches: number;
  /** Share of the width, from the right, where the top storeys are broken away. */
  ruin: number;
}

function draw(d: Drawing, p: ColosseumParams): void {
  const w = p.width;
  const s = p.storey;
  // The wall curves away from the viewer, so the ends are a little lower (perspective).
  const sag = (x: number) => -3 * (x / (w / 2)) ** 2;
  const topAt = (x: number) => {
    const f = (x + w / 2) / w;
    const broken = f > 1 - p.ruin ? Math.min(1, (f - (1 - p.ruin)) / (p.ruin * 0.6)) : 0;
    return s * 3.7 - broken * s * 1.7 - (f > 1 - p.ruin ? ((Math.floor(f * 40) % 2) * s * 0.15) : 0);
  };
  const xs = spread(-w / 2, w / 2, 41);
  const outline: Pt[] = [[-w / 2, 0], [w / 2, 0], ...xs.reverse().map((x): Pt => [x, topAt(x) + sag(x)])];
  const holes: Pt[][] = [];
  const pitch = w / p.arches;
  for (let storey = 0; storey < 3; storey++) {
    const y0 = storey * s + s * 0.18;
    for (let i = 0; i < p.arches; i++) {
      const cx = -w / 2 + pitch * (i + 0.5);
      const y = y0 + sag(cx);
      if (y + s * 0.72 > topAt(cx) + sag(cx) - s * 0.15) continue;
      holes.push(archOpening(cx - pitch * 0.3, cx + pitch * 0.3, y, y + s * 0.42, 8));
    }
  }
  d.shape([outline], fill("main", "h"));
  d.shapes(holes, fill("dark", "flat"));
  // Cornices between storeys and pilasters between the arches.
  for (let storey = 1; storey <= 3; storey++) {
    const line: Pt[] = spread(-w / 2, w / 2, 21)
      .filter((x) => storey * s < topAt(x))
      .map((x): Pt => [x, storey * s + sag(x)]);
    if (line.length >= 2) d.lines([line], "trim", s * 0.08);
  }
  const pilasters: Pt[][] = [];
  for (let i = 0; i <= p.arches; i++) {
    const x = -w / 2 + pitch * i;
    pilasters.push([[x, sag(x) + s * 0.1], [x, Math.min(topAt(x), 3 * s) + sag(x) - s * 0.1]]);
  }
  d.lines(pilasters, "second", pitch * 0.1);
  const windows: Pt[][] = spread(-w / 2 + pitch, w / 2 - pitch, Math.round(p.arches / 2)).filter((x) => topAt(x) > s * 3.4).map((x) => {
    const y = s * 3.25 + sag(x);
    return [[x - pitch * 0.12, y], [x + pitch * 0.12, y], [x + pitch * 0.12, y + s * 0.22], [x - pitch * 0.12, y + s * 0.22]];
  });
  d.shapes(windows, fill("dark", "flat"));
  band(d, -w / 2, w / 2, -0.01, s * 0.1, "second");
}

export const colosseum = defineShape<ColosseumParams>({
  variants: { colosseum: { width: 96, storey: 16, arches: 14, ruin: 0.32, colors: { main: "#d8c4a0", second: "#b8a27e", trim: "#e8d8b8", dark: "#6a5a44" } } },
  generic: (rng) => ({ width: between(rng, 80, 100), storey: between(rng, 14, 20), arches: Math.round(between(rng, 10, 16)), ruin: between(rng, 0, 0.35), colors: {} }),
  draw,
});
