import "server-only";

// Bridges, compressed to a portrait-friendly section: an arch span between statue-topped pillars,
// suspension towers with cables, or Tower Bridge's twin Gothic towers and high walkways.

import { fill, type Drawing, type Pt } from "../drawing";
import { gothicOpening, quad, spread } from "../geometry";
import { between, pick, type Rng } from "../random";
import { defineShape, type ShapeParams } from "./define";
import { band, spire, windows, type RectSpec } from "./parts";

interface BridgeParams extends ShapeParams {
  kind: "arch" | "suspension" | "bascule";
  span: number;
  deck: number;
  towerHeight: number;
  towerWidth: number;
  /** Suspension towers: Gothic arches (Brooklyn) or stacked portals (Golden Gate). */
  towerStyle: "gothic" | "portal";
}

function archBridge(d: Drawing, p: BridgeParams, detail: Rng): void {
  const half = p.span / 2;
  const deck = p.deck;
  // Abutments and the shallow steel arch.
  for (const sign of [-1, 1]) d.rect(sign < 0 ? -half - 8 : half, 0, 8, deck, fill("second", "h"));
  const outline: Pt[] = [[-half, deck * 0.15], ...quad([-half, deck * 0.15], [0, deck * 1.25], [half, deck * 0.15], 20), [half, deck], [-half, deck]];
  d.poly(outline, fill("main", "h"));
  const ribs: Pt[][] = spread(-half * 0.9, half * 0.9, 15).map((x) => {
    const t = (x + half) / (2 * half);
    const archY = (1 - t) * (1 - t) * deck * 0.15 + 2 * (1 - t) * t * deck * 1.25 + t * t * deck * 0.15;
    return [[x, archY], [x, deck * 0.95]];
  });
  d.lines(ribs, "gold", 0.35);
  band(d, -half - 8, half + 8, deck, deck * 0.12, "trim");
  // Balustrade and lamp posts.
  d.lines([[[-half - 8, deck * 1.3], [half + 8, deck * 1.3]]], "second", 0.5);
  const lamps = spread(-half * 0.8, half * 0.8, 6);
  d.rects(lamps.map((x): RectSpec => [x - 0.3, deck * 1.1, 0.6, 6]), fill("dark", "h"), "body");
  windows(d, lamps.flatMap((x): RectSpec[] => [[x - 1.4, deck * 1.1 + 5.5, 1.1, 1.1], [x + 0.3, deck * 1.1 + 5.5, 1.1, 1.1], [x - 0.55, deck * 1.1 + 6.4, 1.1, 1.1]]), detail, 1);
  // Tall pillars with gilded winged horses.
  for (const sign of [-1, 1]) {
    const x = sign * (half + 4);
    d.rect(x - 3, deck, 6, 2, fill("second", "h"));
    d.rect(x - 2.2, deck + 2, 4.4, p.towerHeight, fill("second", "h"));
    band(d, x - 2.8, x + 2.8, deck + 2 + p.towerHeight, 1.2);
    const y = deck + 3.2 + p.towerHeight;
    d.poly([[x - 2, y], [x + 2, y], [x + 1.6, y + 3], [x - 2.6 * sign, y + 3.5], [x - 0.4, y + 4.5], [x - 1.6, y + 3]], fill("gold", "h"));
    d.poly([[x - 0.3, y + 3], [x + sign * -4, y + 6], [x + sign * -1.5, y + 3.2]], fill("gold", "lit"));
    d.poly([[x + 0.3, y + 3], [x + sign * 3.5, y + 6.5], [x + sign * 1.2, y + 3]], fill("gold", "lit"));
  }
}

function suspension(d: Drawing, p: BridgeParams, detail: Rng): void {
  const half = p.span / 2;
  const towerX = half * 0.62;
  const deck = p.deck;
  const top = p.towerHeight;
  const tw = p.towerWidth;
  // Main cables first so the towers overlap them.
  const cableTop = top * 0.92;
  const mainCable = quad([-towerX, cableTop], [0, deck * 0.2], [towerX, cableTop], 24);
  const sideCables = [quad([-half, deck * 1.1], [-half * 0.9, deck * 1.2], [-towerX, cableTop], 10), quad([towerX, cableTop], [half * 0.9, deck * 1.2], [half, deck * 1.1], 10)];
  const hangers: Pt[][] = mainCable.filter((_, i) => i % 2 === 0).map(([x, y]) => [[x, y], [x, deck]]);
  d.lines(hangers, "trim", 0.22);
  d.lines([mainCable, ...sideCables], "main", 0.8);
  if (p.towerStyle === "gothic") {
    // Stays fan out from the tower tops.
    d.lines(spread(-half * 0.95, -towerX * 0.2, 7).map((x): Pt[] => [[x, deck], [-towerX, cableTop * 0.97]]), "trim", 0.18);
    d.lines(spread(towerX * 0.2, half * 0.95, 7).map((x): Pt[] => [[x, deck], [towerX, cableTop * 0.97]]), "trim", 0.18);
  }
  d.rect(-half, deck - 2, 2 * half, 2.6, fill("second", "h"));
  d.lines([[[-half, deck - 0.7], [half, deck - 0.7]]], "dark", 0.3);
  for (const x of [-towerX, towerX]) {
    if (p.towerStyle === "gothic") {
      const outline: Pt[] = [[x - tw / 2, 0], [x + tw / 2, 0], [x + tw / 2, top], [x - tw / 2, top]];
      const holes = [x - tw * 0.36, x + tw * 0.08].map((hx) => gothicOpening(hx, hx + tw * 0.28, deck + 1, top * 0.62, top * 0.14));
      d.shape([outline, ...holes], fill("main", "h"));
      band(d, x - tw / 2 - 0.5, x + tw / 2 + 0.5, top - 1.5, 1.5);
      d.rects([[x - tw / 2 - 0.4, 0, tw + 0.8, deck * 0.5]], fill("second", "h"), "body");
    } else {
      const legW = tw * 0.26;
      for (const lx of [x - tw / 2, x + tw / 2 - legW]) {
        d.poly([[lx, 0], [lx + legW, 0], [lx + legW * 0.85, top], [lx + legW * 0.15, top]], fill("main", "h"));
      }
      const portals = spread(deck * 1.4, top * 0.95, 4);
      for (const py of portals) d.rect(x - tw / 2 + legW * 0.5, py - 2.2, tw - legW, 2.2, fill("main", "h"));
      d.rect(x - tw / 2 + legW * 0.5, deck - 3, tw - legW, 1.5, fill("main", "shade"));
      const grooves: Pt[][] = [x - tw / 2 + legW * 0.5, x + tw / 2 - legW * 0.5].map((gx): Pt[] => [[gx, deck], [gx, top - 1]]);
      d.lines(grooves, "dark", 0.25);
    }
  }
  windows(d, spread(-half * 0.9, half * 0.9, 18).map((x): RectSpec => [x - 0.2, deck - 1.6, 0.4, 0.4]), detail, 0.9);
}

function bascule(d: Drawing, p: BridgeParams, detail: Rng): void {
  const half = p.span / 2;
  const towerX = half * 0.42;
  const tw = p.towerWidth;
  const top = p.towerHeight;
  const deck = p.deck;
  // Walkways and side chains sit behind the towers.
  const walk = top * 0.72;
  d.rect(-towerX, walk, 2 * towerX, 4, fill("second", "h"));
  d.lines([[[-towerX, walk + 2], [towerX, walk + 2]]], "trim", 0.3);
  d.lines(spread(-towerX, towerX, 10).map((x): Pt[] => [[x, walk], [x + 2, walk + 4]]), "trim", 0.25);
  d.lines([quad([-towerX, walk - 8], [-half * 0.7, deck], [-half, deck + 4], 12), quad([towerX, walk - 8], [half * 0.7, deck], [half, deck + 4], 12)], "second", 1.4);
  d.rect(-half, deck - 2.5, 2 * half, 2.5, fill("second", "h"));
  d.rect(-towerX * 0.6, deck - 4, towerX * 1.2, 1.5, fill("second", "shade"));
  for (const x of [-towerX, towerX]) {
    d.rect(x - tw * 0.7, 0, tw * 1.4, deck * 0.75, fill("main", "h"));
    d.rect(x - tw / 2, 0, tw, top, fill("main", "h"));
    windows(d, spread(deck + 3, top - 8, 4).flatMap((y): RectSpec[] => [[x - tw * 0.3, y, tw * 0.18, 3.2], [x + tw * 0.12, y, tw * 0.18, 3.2]]), detail, 0.7);
    band(d, x - tw / 2 - 0.4, x + tw / 2 + 0.4, walk - 1, 1);
    for (const cx of [x - tw / 2 + 1, x + tw / 2 - 1]) {
      d.rect(cx - 1.2, top, 2.4, 4, fill("main", "h"));
      spire(d, cx, top + 4, 3, 7, "roof");
    }
    spire(d, x, top, tw * 0.7, 12, "roof");
    d.lines([[[x, top + 12], [x, top + 15]]], "gold", 0.3);
  }
}

export const bridge = defineShape<BridgeParams>({
  variants: {
    "pont-alexandre-iii": { kind: "arch", span: 56, deck: 14, towerHeight: 22, towerWidth: 5, towerStyle: "portal", colors: { main: "#8e9aa0", second: "#dcd3bf", gold: "#e2b23c", dark: "#5a6266", trim: "#ece4d2", window: "#f4e6b0" } },
    "tower-bridge": { kind: "bascule", span: 90, deck: 12, towerHeight: 50, towerWidth: 13, towerStyle: "gothic", colors: { main: "#cfc6b4", second: "#7aa6c8", roof: "#6d7880", trim: "#dcd4c4" } },
    "brooklyn-bridge": { kind: "suspension", span: 90, deck: 14, towerHeight: 54, towerWidth: 14, towerStyle: "gothic", colors: { main: "#c2ae92", second: "#8e8a84", trim: "#b8b4ac" } },
    "golden-gate-bridge": { kind: "suspension", span: 92, deck: 16, towerHeight: 62, towerWidth: 11, towerStyle: "portal", colors: { main: "#d5512c", second: "#c24a28", trim: "#e06a40", dark: "#8e3018" } },
  },
  generic: (rng) => ({
    kind: pick(rng, ["arch", "suspension", "suspension"] as const),
    span: between(rng, 60, 90),
    deck: between(rng, 10, 16),
    towerHeight: between(rng, 30, 55),
    towerWidth: between(rng, 8, 13),
    towerStyle: pick(rng, ["gothic", "portal"] as const),
    colors: {},
  }),
  draw: (d, p, detail) => (p.kind === "arch" ? archBridge : p.kind === "bascule" ? bascule : suspension)(d, p, detail),
});
