import "server-only";

// Egyptian temples: twin battered pylons flanking a gateway, with relief figures and flagpole
// grooves and an obelisk in front (Karnak, Luxor); or a rock-cut front with four seated colossi
// (Abu Simbel).

import { fill, type Drawing, type Pt } from "../drawing";
import { ellipsePoints, spread } from "../geometry";
import { between, type Rng } from "../random";
import { defineShape, type ShapeParams } from "./define";
import { band, type RectSpec } from "./parts";

interface EgyptianParams extends ShapeParams {
  kind: "pylon" | "rock";
  width: number;
  height: number;
  obelisk: boolean;
  /** Papyrus columns glimpsed through and beside the gate. */
  columns: number;
}

function seatedColossus(d: Drawing, cx: number, base: number, h: number): void {
  const w = h * 0.42;
  // Throne block, legs, torso, nemes headdress and double crown, as one readable figure.
  d.rect(cx - w * 0.5, base, w, h * 0.5, fill("main", "h"));
  d.rects([[cx - w * 0.36, base, w * 0.28, h * 0.46], [cx + w * 0.08, base, w * 0.28, h * 0.46]], fill("main", "lit"), "detail");
  d.poly([[cx - w * 0.42, base + h * 0.5], [cx + w * 0.42, base + h * 0.5], [cx + w * 0.3, base + h * 0.78], [cx - w * 0.3, base + h * 0.78]], fill("main", "h"));
  d.poly([[cx - w * 0.36, base + h * 0.66], [cx + w * 0.36, base + h * 0.66], [cx + w * 0.2, base + h * 0.9], [cx - w * 0.2, base + h * 0.9]], fill("second", "h"));
  d.ellipse(cx, base + h * 0.85, w * 0.14, h * 0.075, fill("main", "r"));
  d.poly([[cx - w * 0.12, base + h * 0.9], [cx + w * 0.12, base + h * 0.9], [cx + w * 0.07, base + h], [cx - w * 0.07, base + h]], fill("second", "h"));
}

function rock(d: Drawing, p: EgyptianParams): void {
  const w = p.width;
  const h = p.height;
  d.poly([[-w / 2, 0], [w / 2, 0], [w * 0.44, h], [-w * 0.44, h]], fill("second", "h"));
  band(d, -w * 0.44, w * 0.44, h * 0.9, h * 0.05, "trim");
  d.rects(spread(-w * 0.4, w * 0.38, 22).map((x): RectSpec => [x, h * 0.92, w * 0.018, h * 0.06]), fill("main", "lit"));
  d.rect(-w * 0.05, 0, w * 0.1, h * 0.3, fill("dark", "flat"), "detail");
  const colH = h * 0.82;
  for (const x of [-w * 0.34, -w * 0.13, w * 0.13, w * 0.34]) seatedColossus(d, x, h * 0.02, colH);
}

function pylons(d: Drawing, p: EgyptianParams, detail: Rng): void {
  const w = p.width;
  const h = p.height;
  const gateW = w * 0.16;
  if (p.columns > 0) {
    const colH = h * 0.7;
    for (const x of spread(-gateW * 0.3, gateW * 0.3, 2)) {
      d.rect(x - 1.6, 0, 3.2, colH, fill("second", "shade"));
      d.poly([[x - 1.6, colH], [x + 1.6, colH], [x + 3, colH + 3], [x - 3, colH + 3]], fill("second", "h"));
    }
  }
  for (const sign of [-1, 1]) {
    const inner = sign * gateW / 2;
    const outer = sign * w / 2;
    const slope = w * 0.05;
    const pts: Pt[] = [[inner, 0], [outer, 0], [outer - sign * slope, h], [inner, h]];
    d.poly(sign < 0 ? [...pts].reverse() : pts, fill("main", "h"));
    d.rect(Math.min(inner, outer - sign * slope), h, Math.abs(outer - sign * slope - inner), h * 0.04, fill("trim", "lit"));
    // Reliefs: a striding pharaoh and rows of small figures.
    const mid = (inner + outer) / 2;
    const figures: Pt[][] = [
      ellipsePoints(mid, h * 0.55, w * 0.03, h * 0.05, 10),
      [[mid - w * 0.04, h * 0.2], [mid + w * 0.04, h * 0.2], [mid + w * 0.03, h * 0.5], [mid - w * 0.03, h * 0.5]],
    ];
    d.shapes(figures, fill("main", "shade"));
    d.rects(spread(mid - w * 0.12, mid + w * 0.1, 6).map((x): RectSpec => [x, h * 0.72, w * 0.02, h * between(detail, 0.06, 0.1)]), fill("main", "shade"));
    d.lines([[[inner + sign * w * 0.03, 0], [inner + sign * w * 0.03, h]], [[inner + sign * w * 0.08, 0], [inner + sign * w * 0.08, h]]], "dark", 0.5);
  }
  d.rect(-gateW / 2 - 0.5, h * 0.72, gateW + 1, h * 0.12, fill("second", "h"));
  d.rect(-gateW * 0.56, h * 0.84, gateW * 1.12, h * 0.03, fill("trim", "lit"));
  if (p.obelisk) {
    const x = -w * 0.3;
    const ow = w * 0.05;
    d.poly([[x - ow / 2, 0], [x + ow / 2, 0], [x + ow * 0.33, h * 1.15], [x, h * 1.25], [x - ow * 0.33, h * 1.15]], fill("second", "h"));
    d.rects(spread(h * 0.08, h * 1.05, 14).map((y): RectSpec => [x - ow * 0.12, y, ow * 0.24, h * 0.025]), fill("second", "shade"));
  }
}

export const egyptianTemple = defineShape<EgyptianParams>({
  variants: {
    karnak: { kind: "pylon", width: 90, height: 40, obelisk: false, columns: 2, colors: { main: "#d6b27a", second: "#c09a62", trim: "#ead0a0", dark: "#8e6c40" } },
    "luxor-temple": { kind: "pylon", width: 80, height: 34, obelisk: true, columns: 0, colors: { main: "#d8b684", second: "#c0a070", trim: "#ecd6aa", dark: "#8e6c40" } },
    "abu-simbel": { kind: "rock", width: 80, height: 50, obelisk: false, columns: 0, colors: { main: "#d8a870", second: "#c4925c", trim: "#ecc894", dark: "#7a5430" } },
  },
  generic: (rng) => ({ kind: "pylon", width: between(rng, 70, 90), height: between(rng, 30, 42), obelisk: rng() < 0.4, columns: rng() < 0.5 ? 2 : 0, colors: {} }),
  draw: (d, p, detail) => (p.kind === "rock" ? rock(d, p) : pylons(d, p, detail)),
});
