import "server-only";

// Observation wheels (London Eye): a rim and spokes hung from a hub, capsules around the rim,
// and the raking A-frame leg that holds it from one side.

import { fill, type Drawing, type Pt } from "../drawing";
import { beam, ellipsePoints, spread } from "../geometry";
import { between, intBetween, type Rng } from "../random";
import { defineShape, type ShapeParams } from "./define";
import { windows, type RectSpec } from "./parts";

interface WheelParams extends ShapeParams {
  radius: number;
  capsules: number;
  /** Capsules hang below the rim (classic) or sit outside it (London Eye). */
  outside: boolean;
  /** Cantilevered A-frame from one side instead of two symmetric legs. */
  cantilever: boolean;
}

function draw(d: Drawing, p: WheelParams, detail: Rng): void {
  const r = p.radius;
  const hubY = r + 6;
  if (p.cantilever) {
    d.poly(beam([-r * 0.75, 0], [0, hubY], r * 0.07), fill("second", "h"));
    d.poly(beam([-r * 0.55, 0], [0, hubY], r * 0.05), fill("second", "shade"));
    d.lines([[[-r * 0.75, 0], [-r * 0.55, 0]], [[-r * 0.5, hubY * 0.35], [-r * 0.35, hubY * 0.35]]], "second", r * 0.03);
  } else {
    for (const sign of [-1, 1]) d.poly(beam([sign * r * 0.45, 0], [0, hubY], r * 0.06), fill("second", "h"));
  }
  d.shape([ellipsePoints(0, hubY, r, r, 72), ellipsePoints(0, hubY, r * 0.96, r * 0.96, 72)], fill("main", "flat"));
  d.shape([ellipsePoints(0, hubY, r * 0.9, r * 0.9, 72), ellipsePoints(0, hubY, r * 0.885, r * 0.885, 72)], fill("main", "flat"));
  const spokes: Pt[][] = spread(0, Math.PI * 2, 33).slice(0, -1).map((a) => [[0, hubY], [Math.cos(a) * r * 0.96, hubY + Math.sin(a) * r * 0.96]]);
  d.lines(spokes, "trim", r * 0.006);
  const braces: Pt[][] = spread(0, Math.PI * 2, 33).slice(0, -1).map((a, i) => {
    const b = a + (Math.PI * 2) / 32;
    return i % 2 === 0 ? [[Math.cos(a) * r * 0.9, hubY + Math.sin(a) * r * 0.9], [Math.cos(b) * r * 0.98, hubY + Math.sin(b) * r * 0.98]] : [[Math.cos(a) * r * 0.98, hubY + Math.sin(a) * r * 0.98], [Math.cos(b) * r * 0.9, hubY + Math.sin(b) * r * 0.9]];
  });
  d.lines(braces, "main", r * 0.008);
  d.ellipse(0, hubY, r * 0.07, r * 0.07, fill("second", "r"));
  const capsules: Pt[][] = spread(0, Math.PI * 2, p.capsules + 1).slice(0, -1).map((a) => {
    const cx = Math.cos(a) * r * (p.outside ? 1.05 : 0.96);
    const cy = hubY + Math.sin(a) * r * (p.outside ? 1.05 : 0.96) - (p.outside ? 0 : r * 0.05);
    return ellipsePoints(cx, cy, r * 0.045, r * 0.028, 12);
  });
  d.shapes(capsules, fill("glass", "h"), "body");
  windows(d, capsules.map((c): RectSpec => {
    const [x, y] = c[0] ?? [0, 0];
    return [x - r * 0.07, y - r * 0.01, r * 0.05, r * 0.02];
  }), detail, 0.5);
}

export const ferrisWheel = defineShape<WheelParams>({
  variants: { "london-eye": { radius: 48, capsules: 32, outside: true, cantilever: true, colors: { main: "#e8ecf0", second: "#d0d6dc", trim: "#b8c0c8", glass: "#a8c8dc" } } },
  generic: (rng) => ({ radius: between(rng, 40, 50), capsules: intBetween(rng, 12, 28), outside: rng() < 0.4, cantilever: false, colors: { glass: "#e0a050" } }),
  draw,
});
