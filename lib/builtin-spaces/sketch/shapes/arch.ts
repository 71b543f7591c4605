import "server-only";

// Triumphal arches and gates: a massive block pierced by a main arch (and side arches or
// colonnaded passages), cornices, relief panels and a crowning attic or sculpture.

import { fill, type Drawing, type Pt } from "../drawing";
import { archOpening, ellipsePoints, spread } from "../geometry";
import { between, intBetween } from "../random";
import { defineShape, type ShapeParams } from "./define";
import { band, colonnade } from "./parts";

interface ArchParams extends ShapeParams {
  width: number;
  height: number;
  /** Main opening: width share and height share of the block (below the attic). */
  opening: [number, number];
  /** Smaller arches on each side of the main one. */
  sideArches: number;
  /** Detached columns on the piers' faces. */
  pierColumns: boolean;
  /** Share of the height taken by the attic above the main cornice. */
  attic: number;
  /** Open colonnade (a gate) instead of a pierced block: number of passages. */
  passages: number;
  crown: "none" | "quadriga" | "bowl";
}

function pierced(d: Drawing, p: ArchParams): number {
  const w = p.width;
  const bodyH = p.height * (1 - p.attic);
  const outline: Pt[] = [[-w / 2, 0], [w / 2, 0], [w / 2, bodyH], [-w / 2, bodyH]];
  const [ow, oh] = p.opening;
  const mainHalf = (w * ow) / 2;
  const mainSpring = bodyH * oh - mainHalf;
  const holes: Pt[][] = [archOpening(-mainHalf, mainHalf, 0, mainSpring, 18)];
  const sideW = mainHalf * 0.85;
  const sideCentres = p.sideArches > 0 ? [-(mainHalf + w / 2) / 2, (mainHalf + w / 2) / 2] : [];
  for (const cx of sideCentres) holes.push(archOpening(cx - sideW / 2, cx + sideW / 2, 0, bodyH * 0.45 - sideW / 2, 12));
  d.shape([outline, ...holes], fill("main", "h"));

  // Plinth, impost line and cornice.
  band(d, -w / 2 - 0.6, w / 2 + 0.6, bodyH * 0.02, bodyH * 0.035, "second");
  band(d, -w / 2, -mainHalf, mainSpring, bodyH * 0.025);
  band(d, mainHalf, w / 2, mainSpring, bodyH * 0.025);
  band(d, -w / 2 - 0.8, w / 2 + 0.8, bodyH - bodyH * 0.05, bodyH * 0.05);
  d.lines([archOpening(-mainHalf - 1, mainHalf + 1, mainSpring, mainSpring, 18).slice(1, -1)], "trim", 0.7);

  // Relief panels on the piers (Arc de Triomphe) or columns (Constantine).
  const pierMid = (mainHalf + w / 2) / 2;
  const pierW = w / 2 - mainHalf;
  if (p.pierColumns) {
    for (const x of [-w / 2 + pierW * 0.12, mainHalf - pierW * 0.2, -mainHalf + pierW * 0.08, w / 2 - pierW * 0.2]) {
      d.rect(x, bodyH * 0.06, pierW * 0.12, bodyH * 0.86, fill("trim", "h"));
    }
  }
  if (p.sideArches === 0) {
    const panels: [number, number, number, number][] = [];
    for (const sign of [-1, 1]) {
      panels.push([sign * pierMid - pierW * 0.32, bodyH * 0.12, pierW * 0.64, bodyH * 0.26]);
      panels.push([sign * pierMid - pierW * 0.3, mainSpring + bodyH * 0.1, pierW * 0.6, bodyH * 0.14]);
    }
    d.rects(panels, fill("second", "shade"));
    const figures: Pt[][] = panels.slice(0, 4).flatMap(([x, y, pw, ph]) =>
      spread(x + pw * 0.2, x + pw * 0.8, 3).map((fx) => ellipsePoints(fx, y + ph * 0.55, pw * 0.09, ph * 0.36, 10)),
    );
    d.shapes(figures, fill("main", "lit"));
  }
  return bodyH;
}

function gate(d: Drawing, p: ArchParams): number {
  const w = p.width;
  const bodyH = p.height * (1 - p.attic);
  const colH = bodyH * 0.82;
  d.rect(-w / 2, 0, w, bodyH * 0.04, fill("second", "h"));
  colonnade(d, -w / 2, w / 2, bodyH * 0.04, colH - bodyH * 0.04, p.passages + 1, "main", null);
  d.rect(-w / 2 - 0.5, colH, w + 1, bodyH - colH, fill("main", "h"));
  d.lines([[[-w / 2, colH + (bodyH - colH) * 0.5], [w / 2, colH + (bodyH - colH) * 0.5]]], "dark", 0.35);
  return bodyH;
}

function draw(d: Drawing, p: ArchParams): void {
  const bodyH = p.passages > 0 ? gate(d, p) : pierced(d, p);
  const atticH = p.height - bodyH;
  const aw = p.passages > 0 ? p.width * 0.45 : p.width * 1.0;
  d.rect(-aw / 2, bodyH, aw, atticH, fill("main", "h"));
  band(d, -aw / 2 - 0.6, aw / 2 + 0.6, p.height - atticH * 0.18, atticH * 0.18);
  if (p.passages === 0) {
    const shields = spread(-aw / 2 + aw * 0.08, aw / 2 - aw * 0.08, 9).map((x): Pt[] => ellipsePoints(x, bodyH + atticH * 0.45, atticH * 0.11, atticH * 0.13, 10));
    d.shapes(shields, fill("second", "shade"));
  }
  if (p.crown === "quadriga") {
    const y = p.height;
    d.rect(-4.5, y, 9, 1.2, fill("second", "h"));
    const horses: Pt[][] = spread(-3.5, 3.5, 4).map((x) => [[x - 1.4, y + 1.2], [x + 1.0, y + 1.2], [x + 1.5, y + 4.4], [x + 0.6, y + 5.2], [x - 0.4, y + 3.8], [x - 1.4, y + 3.6]]);
    d.shapes(horses, fill("roof", "h"), "body");
    d.poly([[-0.8, y + 3], [0.8, y + 3], [0.5, y + 8.5], [-0.5, y + 8.5]], fill("roof", "h"));
  } else if (p.crown === "bowl") {
    const y = p.height;
    d.rect(-p.width * 0.14, y, p.width * 0.28, atticH * 0.35, fill("main", "h"));
    d.poly([[-p.width * 0.1, y + atticH * 0.35], [p.width * 0.1, y + atticH * 0.35], [p.width * 0.06, y + atticH * 0.7], [-p.width * 0.06, y + atticH * 0.7]], fill("second", "h"));
  }
}

export const arch = defineShape<ArchParams>({
  variants: {
    "arc-de-triomphe": { width: 45, height: 50, opening: [0.33, 0.74], sideArches: 0, pierColumns: false, attic: 0.2, passages: 0, crown: "none", colors: { main: "#e0d2b4", second: "#cbbb98", trim: "#efe4cc" } },
    "arch-of-constantine": { width: 26, height: 21, opening: [0.25, 0.72], sideArches: 1, pierColumns: true, attic: 0.3, passages: 0, crown: "none", colors: { main: "#d8c8a8", second: "#bba888", trim: "#ece2cc" } },
    "brandenburg-gate": { width: 44, height: 30, opening: [0, 0], sideArches: 0, pierColumns: false, attic: 0.2, passages: 5, crown: "quadriga", colors: { main: "#d9d2c2", second: "#b5aa94", roof: "#5f9f88" } },
    "india-gate": { width: 28, height: 42, opening: [0.36, 0.72], sideArches: 0, pierColumns: false, attic: 0.28, passages: 0, crown: "bowl", colors: { main: "#c98e6a", second: "#b07656", trim: "#dcae8c" } },
  },
  generic: (rng) => ({
    width: between(rng, 26, 46),
    height: between(rng, 24, 50),
    opening: [between(rng, 0.25, 0.4), between(rng, 0.6, 0.78)],
    sideArches: intBetween(rng, 0, 1),
    pierColumns: rng() < 0.5,
    attic: between(rng, 0.15, 0.3),
    passages: 0,
    crown: "none",
    colors: {},
  }),
  draw: (d, p) => draw(d, p),
});
