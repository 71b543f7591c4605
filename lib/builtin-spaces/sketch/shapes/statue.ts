import "server-only";

// Colossal statues on pedestals: a robed figure raising a torch (Liberty), one with arms spread
// (Christ the Redeemer), a seated Buddha, or a plain standing figure.

import { fill, type Drawing, type Pt, type Slot } from "../drawing";
import { beam, ellipsePoints, quad, spread } from "../geometry";
import { between, pick } from "../random";
import { defineShape, type ShapeParams } from "./define";
import { band } from "./parts";

interface StatueParams extends ShapeParams {
  pose: "torch" | "cross" | "seated" | "standing";
  figureHeight: number;
  pedestal: number;
  /** A star-shaped fort under the pedestal (Liberty Island). */
  fort: boolean;
}

/** A robed standing figure, reused for column tops and generic people. */
export function standingFigure(d: Drawing, cx: number, base: number, h: number, slot: Slot): void {
  const w = h * 0.26;
  d.poly([[cx - w * 0.55, base], [cx + w * 0.55, base], [cx + w * 0.42, base + h * 0.55], [cx + w * 0.5, base + h * 0.78], [cx - w * 0.5, base + h * 0.78], [cx - w * 0.42, base + h * 0.55]], fill(slot, "h"));
  d.poly(beam([cx + w * 0.45, base + h * 0.76], [cx + w * 0.62, base + h * 0.45], w * 0.22), fill(slot, "h"));
  d.poly(beam([cx - w * 0.45, base + h * 0.76], [cx - w * 0.62, base + h * 0.45], w * 0.22), fill(slot, "h"));
  d.poly([[cx - w * 0.14, base + h * 0.78], [cx + w * 0.14, base + h * 0.78], [cx + w * 0.1, base + h * 0.84], [cx - w * 0.1, base + h * 0.84]], fill(slot, "h"));
  d.ellipse(cx, base + h * 0.91, w * 0.22, h * 0.085, fill(slot, "r"));
  d.lines(spread(cx - w * 0.3, cx + w * 0.3, 4).map((x): Pt[] => [[x, base + h * 0.05], [x * 0.98 + cx * 0.02, base + h * 0.5]]), "dark", w * 0.04);
}

function pedestalBlock(d: Drawing, p: StatueParams, width: number): number {
  let y = 0;
  if (p.fort) {
    const fw = width * 1.9;
    d.poly([[-fw / 2, 0], [fw / 2, 0], [fw * 0.46, p.pedestal * 0.16], [fw * 0.3, p.pedestal * 0.18], [-fw * 0.3, p.pedestal * 0.18], [-fw * 0.46, p.pedestal * 0.16]], fill("second", "h"));
    y = p.pedestal * 0.18;
  }
  const rest = p.pedestal - y;
  d.rect(-width * 0.62, y, width * 1.24, rest * 0.2, fill("second", "h"));
  d.poly([[-width * 0.55, y + rest * 0.2], [width * 0.55, y + rest * 0.2], [width * 0.42, y + rest * 0.86], [-width * 0.42, y + rest * 0.86]], fill("second", "h"));
  d.rects(spread(-width * 0.28, width * 0.2, 3).map((x): [number, number, number, number] => [x, y + rest * 0.45, width * 0.08, rest * 0.2]), fill("dark", "flat"));
  band(d, -width * 0.48, width * 0.48, y + rest * 0.86, rest * 0.14, "trim");
  return p.pedestal;
}

function liberty(d: Drawing, base: number, h: number): void {
  const w = h * 0.3;
  // Robe, falling in folds.
  d.poly([[-w * 0.55, base], [w * 0.55, base], [w * 0.38, base + h * 0.45], [w * 0.34, base + h * 0.66], [-w * 0.34, base + h * 0.66], [-w * 0.45, base + h * 0.42]], fill("main", "h"));
  d.lines(spread(-w * 0.4, w * 0.35, 6).map((x): Pt[] => quad([x, base + 0.3], [x * 0.7 + w * 0.06, base + h * 0.3], [x * 0.6, base + h * 0.6], 6)), "dark", w * 0.035);
  // Tablet held in the left arm.
  d.poly([[w * 0.2, base + h * 0.45], [w * 0.5, base + h * 0.5], [w * 0.45, base + h * 0.72], [w * 0.16, base + h * 0.66]], fill("main", "lit"));
  // Raised right arm and torch.
  const shoulder: Pt = [-w * 0.26, base + h * 0.64];
  const hand: Pt = [-w * 0.42, base + h * 0.92];
  d.poly(beam(shoulder, hand, w * 0.16), fill("main", "h"));
  d.poly([[hand[0] - w * 0.08, hand[1] - w * 0.05], [hand[0] + w * 0.08, hand[1] - w * 0.05], [hand[0] + w * 0.12, hand[1] + w * 0.16], [hand[0] - w * 0.12, hand[1] + w * 0.16]], fill("main", "h"));
  d.poly([[hand[0] - w * 0.11, hand[1] + w * 0.16], [hand[0] + w * 0.11, hand[1] + w * 0.16], [hand[0] + w * 0.05, hand[1] + w * 0.34], [hand[0], hand[1] + w * 0.44], [hand[0] - w * 0.07, hand[1] + w * 0.3]], fill("gold", "h"));
  // Head and crown of rays.
  const headY = base + h * 0.72;
  d.poly([[-w * 0.1, base + h * 0.64], [w * 0.1, base + h * 0.64], [w * 0.08, headY], [-w * 0.08, headY]], fill("main", "h"));
  d.ellipse(0, headY + h * 0.04, w * 0.13, h * 0.05, fill("main", "r"));
  const rays: Pt[][] = spread(25, 155, 7).map((deg) => {
    const a = (deg * Math.PI) / 180;
    const c: Pt = [Math.cos(a) * w * 0.12, headY + h * 0.07 + Math.sin(a) * w * 0.05];
    return [[c[0] - w * 0.03, c[1]], [c[0] + w * 0.03, c[1]], [c[0] + Math.cos(a) * w * 0.22, c[1] + Math.sin(a) * w * 0.22]];
  });
  d.shapes(rays, fill("main", "h"), "body");
  d.rect(-w * 0.14, headY + h * 0.06, w * 0.28, h * 0.025, fill("main", "lit"));
}

function redeemer(d: Drawing, base: number, h: number): void {
  const w = h * 0.2;
  d.poly([[-w * 0.5, base], [w * 0.5, base], [w * 0.42, base + h * 0.5], [w * 0.36, base + h * 0.76], [-w * 0.36, base + h * 0.76], [-w * 0.42, base + h * 0.5]], fill("main", "h"));
  // Arms spread wide, sleeves hanging a little below them.
  d.poly([[-h * 0.44, base + h * 0.745], [-w * 0.3, base + h * 0.7], [w * 0.3, base + h * 0.7], [h * 0.44, base + h * 0.745], [h * 0.45, base + h * 0.785], [-h * 0.45, base + h * 0.785]], fill("main", "h"));
  d.poly([[-h * 0.3, base + h * 0.74], [-w * 0.3, base + h * 0.64], [-w * 0.3, base + h * 0.72]], fill("main", "shade"));
  d.poly([[h * 0.3, base + h * 0.74], [w * 0.3, base + h * 0.64], [w * 0.3, base + h * 0.72]], fill("main", "shade"));
  d.rect(-w * 0.08, base + h * 0.78, w * 0.16, h * 0.04, fill("main", "h"));
  d.ellipse(0, base + h * 0.86, w * 0.2, h * 0.055, fill("main", "r"));
  d.lines(spread(-w * 0.3, w * 0.3, 4).map((x): Pt[] => [[x, base + 0.5], [x * 0.8, base + h * 0.66]]), "dark", w * 0.04);
}

function buddha(d: Drawing, base: number, h: number): void {
  const w = h * 1.05;
  d.poly([[-w / 2, base], [w / 2, base], [w * 0.46, base + h * 0.18], [-w * 0.46, base + h * 0.18]], fill("main", "h"));
  d.poly([[-w * 0.34, base + h * 0.16], [w * 0.34, base + h * 0.16], [w * 0.28, base + h * 0.56], [w * 0.2, base + h * 0.62], [-w * 0.2, base + h * 0.62], [-w * 0.28, base + h * 0.56]], fill("main", "h"));
  d.ellipse(0, base + h * 0.2, w * 0.15, h * 0.05, fill("main", "lit"), "detail");
  d.lines([quad([-w * 0.3, base + h * 0.5], [0, base + h * 0.2], [w * 0.3, base + h * 0.5], 10)], "dark", w * 0.01);
  d.rect(-w * 0.06, base + h * 0.6, w * 0.12, h * 0.06, fill("main", "h"));
  d.ellipse(0, base + h * 0.76, w * 0.12, h * 0.13, fill("main", "r"));
  d.shapes(spread(-w * 0.08, w * 0.08, 4).flatMap((x) => [ellipsePoints(x, base + h * 0.86, w * 0.025, w * 0.025, 8)]), fill("main", "shade"));
  d.ellipse(0, base + h * 0.9, w * 0.06, h * 0.06, fill("main", "r"));
  d.rect(-w * 0.15, base + h * 0.62, w * 0.04, h * 0.14, fill("main", "shade"));
  d.rect(w * 0.11, base + h * 0.62, w * 0.04, h * 0.14, fill("main", "shade"));
}

function draw(d: Drawing, p: StatueParams): void {
  const width = p.pose === "seated" ? p.figureHeight * 1.1 : p.pose === "cross" ? p.figureHeight * 0.35 : p.figureHeight * 0.42;
  const base = pedestalBlock(d, p, width);
  if (p.pose === "torch") liberty(d, base, p.figureHeight);
  else if (p.pose === "cross") redeemer(d, base, p.figureHeight);
  else if (p.pose === "seated") buddha(d, base, p.figureHeight);
  else standingFigure(d, 0, base, p.figureHeight, "main");
}

export const statue = defineShape<StatueParams>({
  variants: {
    "statue-of-liberty": { pose: "torch", figureHeight: 60, pedestal: 36, fort: true, colors: { main: "#7cbca4", dark: "#4e8a74", gold: "#e8b840", second: "#c8bca4", trim: "#d8ceb8" } },
    "christ-the-redeemer": { pose: "cross", figureHeight: 70, pedestal: 12, fort: false, colors: { main: "#e4e2dc", dark: "#a8a49c", second: "#bcb8ae" } },
    "kamakura-daibutsu": { pose: "seated", figureHeight: 60, pedestal: 8, fort: false, colors: { main: "#6e8e84", dark: "#4a6058", second: "#8a8478" } },
  },
  generic: (rng) => ({ pose: pick(rng, ["standing", "standing", "seated"] as const), figureHeight: between(rng, 50, 70), pedestal: between(rng, 10, 24), fort: false, colors: {} }),
  draw,
});
