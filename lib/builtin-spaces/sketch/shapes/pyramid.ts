import "server-only";

// Pyramids seen from a corner: two faces, lit and shaded; smooth stone with courses, a glass
// diamond lattice (Louvre), or stepped terraces with a stair and a temple (Djoser, Chichén Itzá).

import { fill, type Drawing, type Pt } from "../drawing";
import { lerpPt, spread } from "../geometry";
import { between, intBetween, pick, type Rng } from "../random";
import { defineShape, type ShapeParams } from "./define";
import { windows } from "./parts";

interface PyramidParams extends ShapeParams {
  kind: "stone" | "glass" | "stepped";
  width: number;
  height: number;
  steps: number;
  stair: boolean;
  temple: boolean;
}

const mixPt = (a: Pt, b: Pt, c: Pt, wa: number, wb: number): Pt => [a[0] * wa + b[0] * wb + c[0] * (1 - wa - wb), a[1] * wa + b[1] * wb + c[1] * (1 - wa - wb)];

function faces(p: PyramidParams): { left: Pt; front: Pt; right: Pt; apex: Pt } {
  const w = p.width / 2;
  return { left: [-w, p.width * 0.05], front: [-w * 0.18, 0], right: [w, p.width * 0.06], apex: [-w * 0.06, p.height] };
}

function smooth(d: Drawing, p: PyramidParams): void {
  const { left, front, right, apex } = faces(p);
  const slot = p.kind === "glass" ? "glass" : "main";
  d.poly([left, front, apex], fill(slot, "lit"));
  d.poly([front, right, apex], fill(slot, "shade"));
  const lines: Pt[][] = [];
  if (p.kind === "glass") {
    for (const [a, b] of [[left, front], [front, right]] as const) {
      for (const t of spread(0, 1, 14).slice(1, -1)) {
        lines.push([lerpPt(a, b, t), mixPt(b, apex, a, t, 1 - t)]);
        lines.push([lerpPt(a, b, t), mixPt(a, apex, b, 1 - t, t)]);
      }
    }
    d.lines(lines, "trim", 0.18);
    d.lines([[left, apex], [front, apex], [right, apex]], "trim", 0.4);
  } else {
    for (const t of spread(0, 1, 26).slice(1, -1)) {
      lines.push([lerpPt(left, apex, t), lerpPt(front, apex, t), lerpPt(right, apex, t)]);
    }
    d.lines(lines, "second", 0.12);
    d.lines([[front, apex]], "trim", 0.3);
  }
}

function stepped(d: Drawing, p: PyramidParams, detail: Rng): void {
  const stepH = (p.height * (p.temple ? 0.8 : 1)) / p.steps;
  const w0 = p.width / 2;
  let y = 0;
  for (let i = 0; i < p.steps; i++) {
    const wBottom = w0 * (1 - (i / p.steps) * 0.72);
    const wTop = w0 * (1 - ((i + 1) / p.steps) * 0.72) + w0 * 0.04;
    d.poly([[-wBottom, y], [wBottom, y], [wTop, y + stepH], [-wTop, y + stepH]], fill("main", "h"));
    d.lines([[[-wTop, y + stepH], [wTop, y + stepH]]], "trim", 0.3);
    d.lines([[[-wBottom + 0.3, y + stepH * 0.5], [wBottom - 0.3, y + stepH * 0.5]]], "second", 0.12);
    y += stepH;
  }
  if (p.stair) {
    const sw = w0 * 0.16;
    d.poly([[-sw, 0], [sw, 0], [sw * 0.8, y], [-sw * 0.8, y]], fill("second", "h"));
    d.lines(spread(0.5, y - 0.5, p.steps * 4).map((sy): Pt[] => [[-sw * 0.9, sy], [sw * 0.9, sy]]), "dark", 0.12);
  }
  if (p.temple) {
    const tw = w0 * 0.26;
    const th = p.height * 0.2 * 0.75;
    d.rect(-tw, y, 2 * tw, th, fill("main", "h"));
    windows(d, [[-tw * 0.75, y, tw * 0.4, th * 0.6], [-tw * 0.2, y, tw * 0.4, th * 0.6], [tw * 0.35, y, tw * 0.4, th * 0.6]], detail, 0);
    d.rect(-tw * 1.05, y + th, tw * 2.1, p.height * 0.05, fill("trim", "h"));
  }
}

export const pyramid = defineShape<PyramidParams>({
  variants: {
    "louvre-pyramid": { kind: "glass", width: 70, height: 44, steps: 0, stair: false, temple: false, colors: { glass: "#9cc4dc", trim: "#d8e2ea" } },
    "great-pyramid": { kind: "stone", width: 80, height: 52, steps: 0, stair: false, temple: false, colors: { main: "#d8b47c", second: "#b08c58", trim: "#f0d6a4" } },
    "step-pyramid-djoser": { kind: "stepped", width: 80, height: 42, steps: 6, stair: false, temple: false, colors: { main: "#d2b07a", second: "#a88a58", trim: "#eccf9c" } },
    "chichen-itza": { kind: "stepped", width: 70, height: 50, steps: 9, stair: true, temple: true, colors: { main: "#c8c0aa", second: "#a8a08a", trim: "#e2dcc8" } },
  },
  generic: (rng) => {
    const kind = pick(rng, ["stone", "stepped", "glass"] as const);
    return { kind, width: between(rng, 60, 80), height: between(rng, 36, 54), steps: intBetween(rng, 4, 9), stair: rng() < 0.5, temple: rng() < 0.3, colors: {} };
  },
  draw: (d, p, detail) => (p.kind === "stepped" ? stepped(d, p, detail) : smooth(d, p)),
});
