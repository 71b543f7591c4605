import "server-only";

// Gothic and Gothic-inspired church fronts: a gabled facade with portals and a rose window,
// towers ending flat, in spires or in bulbous pinnacles, and a crossing spire behind.

import { fill, type Drawing, type Pt } from "../drawing";
import { ellipsePoints, gothicOpening, spread } from "../geometry";
import { between, intBetween, pick, type Rng } from "../random";
import { defineShape, type ShapeParams } from "./define";
import { band, spire, windows, type RectSpec } from "./parts";

interface Tower {
  /** Centre x. */
  x: number;
  width: number;
  /** Height of the square part. */
  height: number;
  tip: "flat" | "spire" | "bulb";
  /** Height of the spire or bulb above the square part. */
  tipHeight: number;
}

interface CathedralParams extends ShapeParams {
  facadeWidth: number;
  facadeHeight: number;
  towers: Tower[];
  rose: boolean;
  portals: number;
  /** Crossing spire (flèche) height, 0 for none. */
  fleche: number;
}

function tower(d: Drawing, t: Tower, detail: Rng): void {
  const x0 = t.x - t.width / 2;
  d.rect(x0, 0, t.width, t.height, fill("main", "h"));
  // Paired lancets in the belfry stage, and buttress lines.
  const bell = t.height * 0.78;
  const lancetW = t.width * 0.16;
  const lancets = [t.x - t.width * 0.24, t.x + t.width * 0.08].map((lx) => gothicOpening(lx, lx + lancetW, bell - t.height * 0.16, bell - t.height * 0.02, t.width * 0.14));
  d.shapes(lancets, fill("dark", "flat"));
  d.lines([[[x0 + t.width * 0.06, 0], [x0 + t.width * 0.06, t.height]], [[x0 + t.width * 0.94, 0], [x0 + t.width * 0.94, t.height]]], "second", t.width * 0.035);
  band(d, x0 - 0.4, x0 + t.width + 0.4, t.height - t.height * 0.03, t.height * 0.03);
  const slits: RectSpec[] = spread(t.height * 0.2, t.height * 0.55, 3).map((y) => [t.x - t.width * 0.05, y, t.width * 0.1, t.height * 0.06]);
  windows(d, slits, detail, 0.5);
  if (t.tip === "spire") {
    spire(d, t.x, t.height, t.width * 0.82, t.tipHeight, "main");
    const pinnacles = [x0 + t.width * 0.08, x0 + t.width * 0.92].map((px): Pt[] => [[px - t.width * 0.07, t.height], [px + t.width * 0.07, t.height], [px, t.height + t.tipHeight * 0.18]]);
    d.shapes(pinnacles, fill("main", "h"), "body");
    const tracery: Pt[][] = spread(0.15, 0.75, 5).map((f) => {
      const y = t.height + t.tipHeight * f;
      const half = (t.width * 0.41) * (1 - f);
      return [[t.x - half * 0.8, y], [t.x + half * 0.8, y]];
    });
    d.lines(tracery, "dark", t.width * 0.03);
  } else if (t.tip === "bulb") {
    d.poly([[x0 + t.width * 0.1, t.height], [x0 + t.width * 0.9, t.height], [t.x + t.width * 0.16, t.height + t.tipHeight * 0.85], [t.x - t.width * 0.16, t.height + t.tipHeight * 0.85]], fill("main", "h"));
    const holes: Pt[][] = spread(0.15, 0.7, 5).map((f) => ellipsePoints(t.x, t.height + t.tipHeight * f, t.width * 0.08 * (1 - f * 0.6), t.tipHeight * 0.03, 8));
    d.shapes(holes, fill("dark", "flat"));
    d.ellipse(t.x, t.height + t.tipHeight * 0.9, t.width * 0.22, t.tipHeight * 0.08, fill("accent", "r"));
  } else {
    // Flat top behind a pierced balustrade.
    const merlons: RectSpec[] = spread(x0 + t.width * 0.04, x0 + t.width * 0.88, 6).map((mx) => [mx, t.height, t.width * 0.08, t.height * 0.03]);
    d.rects(merlons, fill("main", "h"), "body");
  }
}

function draw(d: Drawing, p: CathedralParams, detail: Rng): void {
  const w = p.facadeWidth;
  const h = p.facadeHeight;
  if (p.fleche > 0) {
    d.rect(-w * 0.05, h * 0.9, w * 0.1, h * 0.22, fill("roof", "h"));
    spire(d, 0, h * 1.1, w * 0.09, p.fleche - h * 1.1, "roof");
  }
  // Central gable between the towers.
  d.poly([[-w / 2, 0], [w / 2, 0], [w / 2, h], [w * 0.22, h], [0, h * 1.18], [-w * 0.22, h], [-w / 2, h]], fill("main", "h"));
  for (const t of p.towers) tower(d, t, detail);

  // Portals with recessed orders, a gallery band, and the rose window.
  const portalW = (w * 0.62) / Math.max(p.portals, 1);
  const portals = spread(-w * 0.3 + portalW / 2, w * 0.3 - portalW / 2, p.portals).map((cx, i) => {
    const pw = portalW * (i === Math.floor(p.portals / 2) ? 0.78 : 0.66);
    return gothicOpening(cx - pw / 2, cx + pw / 2, 0, h * 0.17, h * 0.14);
  });
  d.shapes(portals, fill("second", "shade"));
  d.shapes(portals.map((pts) => pts.map(([x, y]): Pt => [x * 0.985, y * 0.86])), fill("dark", "flat"));
  band(d, -w / 2, w / 2, h * 0.36, h * 0.025);
  const kings: RectSpec[] = spread(-w * 0.46, w * 0.44, 28).map((x) => [x, h * 0.39, w * 0.014, h * 0.045]);
  d.rects(kings, fill("second", "shade"));
  band(d, -w / 2, w / 2, h * 0.44, h * 0.02);
  if (p.rose) {
    const cy = h * 0.62;
    const r = w * 0.15;
    d.ellipse(0, cy, r * 1.12, r * 1.12, fill("second", "h"), "detail");
    d.ellipse(0, cy, r, r, fill("window", "flat"), "detail");
    const spokes: Pt[][] = spread(0, Math.PI, 8).slice(0, -1).map((a) => [[Math.cos(a) * r, cy + Math.sin(a) * r], [-Math.cos(a) * r, cy - Math.sin(a) * r]]);
    d.lines(spokes, "second", r * 0.06);
    d.ellipse(0, cy, r * 0.28, r * 0.28, fill("second", "lit"), "detail");
  }
  band(d, -w / 2, w / 2, h * 0.8, h * 0.02);
  const arcade = spread(-w * 0.2, w * 0.18, 8).map((x) => gothicOpening(x, x + w * 0.025, h * 0.83, h * 0.9, h * 0.03));
  d.shapes(arcade, fill("dark", "flat"));
}

function generic(rng: Rng): CathedralParams {
  const w = between(rng, 34, 48);
  const h = between(rng, 34, 50);
  const tip = pick(rng, ["flat", "spire", "spire"] as const);
  const towerW = w * between(rng, 0.26, 0.32);
  const towerH = h * between(rng, 1.35, 1.7);
  return {
    facadeWidth: w,
    facadeHeight: h,
    towers: [-1, 1].map((s) => ({ x: s * (w / 2 - towerW / 2), width: towerW, height: towerH, tip, tipHeight: towerH * between(rng, 0.5, 0.9) })),
    rose: rng() < 0.7,
    portals: intBetween(rng, 1, 3),
    fleche: rng() < 0.4 ? h * 2.2 : 0,
    colors: {},
  };
}

const notreDameTower = (x: number): Tower => ({ x, width: 13, height: 69, tip: "flat", tipHeight: 0 });
const cologneTower = (x: number): Tower => ({ x, width: 15, height: 95, tip: "spire", tipHeight: 62 });
const sagrada = (x: number, height: number, width = 7): Tower => ({ x, width, height, tip: "bulb", tipHeight: height * 0.45 });

export const cathedral = defineShape<CathedralParams>({
  variants: {
    "notre-dame": { facadeWidth: 41, facadeHeight: 45, towers: [notreDameTower(-14), notreDameTower(14)], rose: true, portals: 3, fleche: 96, colors: { main: "#dcd0b6", second: "#c4b696", roof: "#7e8a94", trim: "#ebe2cc" } },
    "cologne-cathedral": { facadeWidth: 52, facadeHeight: 62, towers: [cologneTower(-18), cologneTower(18)], rose: false, portals: 3, fleche: 0, colors: { main: "#a19a8e", second: "#857e72", trim: "#bcb5a8" } },
    "sagrada-familia": {
      facadeWidth: 44,
      facadeHeight: 30,
      towers: [sagrada(-17, 62), sagrada(-7, 74), sagrada(7, 74), sagrada(17, 62), sagrada(0, 104, 9)],
      rose: false,
      portals: 3,
      fleche: 0,
      colors: { main: "#c9b48e", second: "#a8916c", accent: "#d8603c", trim: "#ddd0b0" },
    },
  },
  generic,
  draw,
});
