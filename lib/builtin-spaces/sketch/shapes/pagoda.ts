import "server-only";

// East Asian tiered buildings: stacked storeys under upturned eaves (Senso-ji), a gilded
// pavilion (Kinkaku-ji), or a round hall of conical blue roofs on marble terraces (Temple of Heaven).

import { fill, type Drawing, type Pt, type Slot } from "../drawing";
import { quad, spread } from "../geometry";
import { between, intBetween, pick, type Rng } from "../random";
import { defineShape, type ShapeParams } from "./define";
import { windows, type RectSpec } from "./parts";

interface PagodaParams extends ShapeParams {
  kind: "pagoda" | "pavilion" | "round-hall";
  storeys: number;
  baseWidth: number;
  storeyHeight: number;
  /** Each storey is this much narrower than the one below. */
  shrink: number;
  overhang: number;
  finial: number;
}

/** An upturned-eave roof whose eaves sit on y and rise to `h` above. */
export function eaveRoof(d: Drawing, cx: number, y: number, w: number, overhang: number, h: number, slot: Slot, upturn = 0.35): void {
  const half = w / 2;
  const tipL: Pt = [cx - half - overhang, y + h * upturn];
  const tipR: Pt = [cx + half + overhang, y + h * upturn];
  const outline: Pt[] = [
    ...quad(tipL, [cx - half - overhang * 0.4, y - h * 0.05], [cx - half + overhang * 0.2, y], 6),
    ...quad([cx + half - overhang * 0.2, y], [cx + half + overhang * 0.4, y - h * 0.05], tipR, 6),
    ...quad(tipR, [cx + half * 0.5, y + h * 0.55], [cx + half * 0.3, y + h], 6).slice(1),
    ...quad([cx - half * 0.3, y + h], [cx - half * 0.5, y + h * 0.55], tipL, 6),
  ];
  d.poly(outline, fill(slot, "v"));
  d.lines([quad(tipL, [cx, y - h * 0.08], tipR, 12)], "trim", Math.max(h * 0.06, 0.2));
}

function tieredPagoda(d: Drawing, p: PagodaParams, detail: Rng): number {
  d.rect(-p.baseWidth * 0.65, 0, p.baseWidth * 1.3, p.storeyHeight * 0.35, fill("second", "h"));
  let y = p.storeyHeight * 0.35;
  let w = p.baseWidth;
  for (let i = 0; i < p.storeys; i++) {
    const bodyH = p.storeyHeight * (i === 0 ? 0.9 : 0.55);
    d.rect(-w / 2, y, w, bodyH, fill("main", "h"));
    windows(d, [[-w * 0.16, y, w * 0.32, bodyH * 0.7], ...spread(-w * 0.4, w * 0.28, 2).map((x): RectSpec => [x, y + bodyH * 0.25, w * 0.12, bodyH * 0.45])], detail, 0.7);
    y += bodyH;
    eaveRoof(d, 0, y, w, p.overhang * (1 - i * 0.05), p.storeyHeight * 0.4, "roof");
    y += p.storeyHeight * 0.4 * 0.6;
    w *= p.shrink;
  }
  return y;
}

function pavilion(d: Drawing, p: PagodaParams, detail: Rng): number {
  d.rect(-p.baseWidth * 0.6, 0, p.baseWidth * 1.2, p.storeyHeight * 0.2, fill("second", "h"));
  let y = p.storeyHeight * 0.2;
  let w = p.baseWidth;
  const slots: Slot[] = ["main", "gold", "gold"];
  for (let i = 0; i < p.storeys; i++) {
    const bodyH = p.storeyHeight * (i === 0 ? 0.85 : 0.7);
    const slot = slots[i] ?? "gold";
    d.rect(-w / 2, y, w, bodyH, fill(slot, "h"));
    const panels: RectSpec[] = spread(-w * 0.42, w * 0.3, 5).map((x) => [x, y + bodyH * 0.12, w * 0.12, bodyH * 0.7]);
    if (i === 0) d.rects(panels, fill("trim", "flat"));
    else windows(d, panels.slice(1, 4), detail, 0.4);
    d.lines(spread(-w / 2, w / 2, 6).map((x): Pt[] => [[x, y], [x, y + bodyH]]), i === 0 ? "dark" : "accent", 0.3);
    y += bodyH;
    if (i < p.storeys - 1) {
      eaveRoof(d, 0, y, w, p.overhang * 0.6, p.storeyHeight * 0.18, "roof", 0.5);
      y += p.storeyHeight * 0.18 * 0.5;
    } else {
      eaveRoof(d, 0, y, w, p.overhang, p.storeyHeight * 0.55, "roof", 0.3);
      y += p.storeyHeight * 0.55;
    }
    w *= p.shrink;
  }
  // Phoenix on the ridge.
  d.poly([[-1.2, y - 0.4], [1.2, y - 0.4], [2.2, y + 2.4], [0.4, y + 1.6], [-0.6, y + 3.2], [-1, y + 1.4]], fill("gold", "h"));
  return y + 3;
}

function roundHall(d: Drawing, p: PagodaParams, detail: Rng): number {
  let y = 0;
  for (let t = 0; t < 3; t++) {
    const tw = p.baseWidth * (1.55 - t * 0.17);
    d.rect(-tw / 2, y, tw, p.storeyHeight * 0.22, fill("trim", "h"));
    d.lines([[[-tw / 2, y + p.storeyHeight * 0.22 + 0.8], [tw / 2, y + p.storeyHeight * 0.22 + 0.8]]], "trim", 0.35);
    d.lines(spread(-tw / 2, tw / 2, 16).map((x): Pt[] => [[x, y + p.storeyHeight * 0.22], [x, y + p.storeyHeight * 0.22 + 0.8]]), "trim", 0.3);
    y += p.storeyHeight * 0.22 + 0.6;
  }
  let w = p.baseWidth;
  for (let i = 0; i < p.storeys; i++) {
    const bodyH = p.storeyHeight * (i === 0 ? 0.75 : 0.35);
    d.rect(-w * 0.42, y, w * 0.84, bodyH, fill("accent", "h"));
    d.rects(spread(-w * 0.38, w * 0.34, 7).map((x): RectSpec => [x, y, w * 0.03, bodyH]), fill("gold", "flat"));
    if (i === 0) windows(d, spread(-w * 0.32, w * 0.22, 4).map((x): RectSpec => [x, y + bodyH * 0.2, w * 0.08, bodyH * 0.55]), detail, 0.6);
    y += bodyH;
    const roofH = p.storeyHeight * (i === p.storeys - 1 ? 0.6 : 0.32);
    d.poly([[-w / 2 - p.overhang, y], [w / 2 + p.overhang, y], [w * 0.3, y + roofH * 0.8], [-w * 0.3, y + roofH * 0.8]], fill("roof", "v"));
    if (i === p.storeys - 1) d.poly([[-w * 0.3, y + roofH * 0.8], [w * 0.3, y + roofH * 0.8], [0, y + roofH * 1.15]], fill("roof", "v"));
    d.lines([[[-w / 2 - p.overhang, y], [w / 2 + p.overhang, y]]], "gold", 0.4);
    y += roofH * (i === p.storeys - 1 ? 1.1 : 0.8);
    w *= p.shrink;
  }
  return y;
}

function draw(d: Drawing, p: PagodaParams, detail: Rng): void {
  const top = p.kind === "pavilion" ? pavilion(d, p, detail) : p.kind === "round-hall" ? roundHall(d, p, detail) : tieredPagoda(d, p, detail);
  if (p.finial > 0) {
    d.rect(-0.4, top, 0.8, p.finial, fill("gold", "h"));
    const rings = spread(top + p.finial * 0.25, top + p.finial * 0.75, 9).map((y): RectSpec => [-1.2, y, 2.4, 0.5]);
    if (p.kind === "pagoda") d.rects(rings, fill("gold", "h"), "body");
    d.ellipse(0, top + p.finial, 1.1, 1.1, fill("gold", "r"));
  }
}

export const pagoda = defineShape<PagodaParams>({
  variants: {
    "senso-ji": { kind: "pagoda", storeys: 5, baseWidth: 20, storeyHeight: 12, shrink: 0.88, overhang: 6, finial: 18, colors: { main: "#c8442e", roof: "#5e6a70", second: "#b8b0a2", trim: "#e8e2d6", gold: "#d8b048", window: "#f0d890" } },
    "kinkaku-ji": { kind: "pavilion", storeys: 3, baseWidth: 40, storeyHeight: 16, shrink: 0.8, overhang: 6, finial: 0, colors: { main: "#8a6e50", gold: "#e6b83a", roof: "#5e4e40", trim: "#efe6d4", accent: "#b8902a", second: "#9a9488" } },
    "temple-of-heaven": { kind: "round-hall", storeys: 3, baseWidth: 34, storeyHeight: 22, shrink: 0.78, overhang: 3, finial: 5, colors: { roof: "#3a6cb0", accent: "#b8342c", trim: "#f0ece2", gold: "#dcb040" } },
  },
  generic: (rng) => ({
    kind: pick(rng, ["pagoda", "pagoda", "pavilion"] as const),
    storeys: intBetween(rng, 3, 7),
    baseWidth: between(rng, 18, 30),
    storeyHeight: between(rng, 10, 14),
    shrink: between(rng, 0.82, 0.92),
    overhang: between(rng, 4, 7),
    finial: between(rng, 6, 16),
    colors: { main: "#b84a34", roof: "#5a6470" },
  }),
  draw,
});
