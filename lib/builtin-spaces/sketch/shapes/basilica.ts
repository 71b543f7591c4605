import "server-only";

// Domed churches and capitols: a body with a portico, a drum (often colonnaded), a great dome
// with ribs and a lantern, and optional side domes, towers, wings or a campanile.

import { fill, type Drawing, type Pt, type Slot } from "../drawing";
import { archOpening, profile, spread } from "../geometry";
import { between, intBetween, pick, type Rng } from "../random";
import { defineShape, type ShapeParams } from "./define";
import { band, colonnade, dome, lantern, pediment, windowGrid, windows } from "./parts";

interface BasilicaParams extends ShapeParams {
  bodyWidth: number;
  bodyHeight: number;
  /** Low wings to each side (capitols, hospitals). */
  wingWidth: number;
  wingHeight: number;
  portico: { width: number; height: number; columns: number; kind: "pediment" | "arcade" } | null;
  drum: { width: number; height: number; columns: number };
  dome: { width: number; height: number; shape: "round" | "tall" | "ogive"; slot: Slot; ribs: number };
  lanternHeight: number;
  /** Spire above the lantern (Invalides). */
  needle: number;
  sideDomes: { x: number; width: number; base: number }[];
  towers: { x: number; width: number; height: number }[];
  campanile: { x: number; width: number; height: number } | null;
}

/** Half-width of a dome at height share `f` (0 at its base, 1 at its top). */
function domeHalfWidth(w: number, shape: BasilicaParams["dome"]["shape"], f: number): number {
  if (shape === "round") return (w / 2) * Math.sqrt(Math.max(0, 1 - f * f));
  if (shape === "tall") return (w / 2) * Math.sin(Math.acos(Math.min(f, 1))) ** 0.75 * (1 - 0.12 * f);
  return (w / 2) * Math.cos((f * Math.PI) / 2) ** 0.8;
}

function domeOutline(cx: number, base: number, w: number, h: number, shape: BasilicaParams["dome"]["shape"]): Pt[] {
  const half: [number, number][] = spread(0, 1, 17).map((f) => [Math.max(domeHalfWidth(w, shape, f), 0.01), base + h * f]);
  return profile(cx, half);
}

function draw(d: Drawing, p: BasilicaParams, detail: Rng): void {
  const { bodyWidth: bw, bodyHeight: bh } = p;
  if (p.campanile) {
    const c = p.campanile;
    d.rect(c.x - c.width / 2, 0, c.width, c.height, fill("main", "h"));
    d.shapes([archOpening(c.x - c.width * 0.25, c.x + c.width * 0.25, c.height * 0.72, c.height * 0.86)], fill("dark", "flat"));
    dome(d, c.x, c.height, c.width * 0.55, c.width * 0.75, "main");
    lantern(d, c.x, c.height + c.width * 0.7, c.width * 0.14, c.width * 0.7, "main");
  }
  for (const t of p.towers) {
    d.rect(t.x - t.width / 2, 0, t.width, t.height * 0.8, fill("main", "h"));
    d.rect(t.x - t.width * 0.38, t.height * 0.8, t.width * 0.76, t.height * 0.12, fill("main", "h"));
    d.poly(domeOutline(t.x, t.height * 0.92, t.width * 0.6, t.height * 0.1, "ogive"), fill("main", "r"));
    windows(d, [[t.x - t.width * 0.15, t.height * 0.55, t.width * 0.3, t.height * 0.15]], detail, 0.5);
  }

  // Drum and dome sit behind the body.
  const drumBase = bh * 0.85;
  const { drum } = p;
  d.rect(-drum.width / 2 - 0.6, drumBase, drum.width + 1.2, drum.height * 0.12, fill("main", "h"));
  if (drum.columns > 0) {
    colonnade(d, -drum.width / 2, drum.width / 2, drumBase + drum.height * 0.12, drum.height * 0.74, drum.columns, "main", "second");
  } else {
    d.rect(-drum.width / 2, drumBase, drum.width, drum.height * 0.86, fill("main", "h"));
    const openings = spread(-drum.width * 0.36, drum.width * 0.36, 5).map((x) => archOpening(x - drum.width * 0.04, x + drum.width * 0.04, drumBase + drum.height * 0.25, drumBase + drum.height * 0.6, 6));
    d.shapes(openings, fill("window", "flat"));
  }
  const domeBase = drumBase + drum.height * 0.86;
  band(d, -drum.width / 2 - 0.8, drum.width / 2 + 0.8, domeBase, drum.height * 0.14);
  const top = domeBase + drum.height * 0.14;
  const { dome: dm } = p;
  d.poly(domeOutline(0, top, dm.width, dm.height, dm.shape), fill(dm.slot, "r"));
  if (dm.ribs > 0) {
    const ribs: Pt[][] = spread(-0.8, 0.8, dm.ribs).map((t) =>
      spread(0, 0.97, 11).map((f): Pt => [t * domeHalfWidth(dm.width, dm.shape, f), top + dm.height * f]),
    );
    d.lines(ribs, dm.slot === "roof" ? "gold" : "second", dm.width * 0.012);
  }
  const lanternBase = top + dm.height * 0.95;
  lantern(d, 0, lanternBase, dm.width * 0.07, p.lanternHeight, "main");
  if (p.needle > 0) d.poly([[-dm.width * 0.02, lanternBase + p.lanternHeight], [dm.width * 0.02, lanternBase + p.lanternHeight], [0, lanternBase + p.lanternHeight + p.needle]], fill("gold", "h"));

  for (const s of p.sideDomes) {
    d.rect(s.x - s.width * 0.4, s.base - bh * 0.1, s.width * 0.8, bh * 0.18, fill("main", "h"));
    d.poly(domeOutline(s.x, s.base + bh * 0.08, s.width, s.width * 0.9, dm.shape), fill(dm.slot, "r"));
    lantern(d, s.x, s.base + bh * 0.08 + s.width * 0.85, s.width * 0.1, s.width * 0.5, "main");
  }

  // Wings, body and portico in front.
  if (p.wingWidth > 0) {
    for (const sign of [-1, 1]) {
      const x0 = sign < 0 ? -bw / 2 - p.wingWidth : bw / 2;
      d.rect(x0, 0, p.wingWidth, p.wingHeight, fill("main", "h"));
      band(d, x0, x0 + p.wingWidth, p.wingHeight * 0.94, p.wingHeight * 0.06);
      windows(d, windowGrid(x0 + 1, x0 + p.wingWidth - 1, p.wingHeight * 0.1, p.wingHeight * 0.88, Math.max(2, Math.round(p.wingWidth / 4)), 3), detail, 0.6);
    }
  }
  d.rect(-bw / 2, 0, bw, bh, fill("main", "h"));
  band(d, -bw / 2 - 0.5, bw / 2 + 0.5, bh * 0.93, bh * 0.07);
  windows(d, windowGrid(-bw / 2 + 1, bw / 2 - 1, bh * 0.12, bh * 0.85, Math.max(2, Math.round(bw / 5)), 2, 0.35, 0.55), detail, 0.6);
  if (p.portico) {
    const pw = p.portico.width;
    const ph = p.portico.height;
    if (p.portico.kind === "pediment") {
      d.rect(-pw / 2, 0, pw, ph * 0.06, fill("second", "h"));
      colonnade(d, -pw / 2, pw / 2, ph * 0.06, ph * 0.8, p.portico.columns);
      d.rect(-pw / 2 - 0.4, ph * 0.86, pw + 0.8, ph * 0.14, fill("main", "h"));
      pediment(d, -pw / 2 - 0.6, pw / 2 + 0.6, ph, ph * 0.32);
    } else {
      const outline: Pt[] = [[-pw / 2, 0], [pw / 2, 0], [pw / 2, ph], [-pw / 2, ph]];
      const bays = spread(-pw / 3, pw / 3, p.portico.columns).map((x) => archOpening(x - pw * 0.11, x + pw * 0.11, 0, ph * 0.6, 10));
      d.shape([outline, ...bays], fill("main", "h"));
      pediment(d, -pw / 2, pw / 2, ph, ph * 0.25, "main");
    }
  }
}

function generic(rng: Rng): BasilicaParams {
  const bw = between(rng, 34, 60);
  const bh = between(rng, 14, 24);
  const dw = bw * between(rng, 0.35, 0.55);
  return {
    bodyWidth: bw,
    bodyHeight: bh,
    wingWidth: rng() < 0.3 ? bw * 0.4 : 0,
    wingHeight: bh * 0.7,
    portico: rng() < 0.7 ? { width: bw * 0.5, height: bh * 1.05, columns: pick(rng, [4, 6, 8]), kind: "pediment" } : null,
    drum: { width: dw * 1.05, height: bh * between(rng, 0.6, 1.2), columns: rng() < 0.5 ? intBetween(rng, 8, 14) : 0 },
    dome: { width: dw * 1.1, height: dw * between(rng, 0.55, 0.95), shape: pick(rng, ["round", "tall", "ogive"] as const), slot: pick(rng, ["roof", "main", "gold"] as const), ribs: intBetween(rng, 0, 9) },
    lanternHeight: dw * 0.35,
    needle: 0,
    sideDomes: [],
    towers: [],
    campanile: null,
    colors: {},
  };
}

export const basilica = defineShape<BasilicaParams>({
  variants: {
    "sacre-coeur": {
      bodyWidth: 34, bodyHeight: 22, wingWidth: 0, wingHeight: 0,
      portico: { width: 22, height: 20, columns: 3, kind: "arcade" },
      drum: { width: 15, height: 16, columns: 12 },
      dome: { width: 19, height: 24, shape: "tall", slot: "main", ribs: 7 },
      lanternHeight: 8, needle: 0,
      sideDomes: [{ x: -14, width: 8, base: 22 }, { x: 14, width: 8, base: 22 }],
      towers: [],
      campanile: { x: 24, width: 7, height: 48 },
      colors: { main: "#f1ede4", second: "#d8d2c6", trim: "#faf8f2" },
    },
    "pantheon-paris": {
      bodyWidth: 52, bodyHeight: 19, wingWidth: 0, wingHeight: 0,
      portico: { width: 30, height: 21, columns: 6, kind: "pediment" },
      drum: { width: 27, height: 24, columns: 16 },
      dome: { width: 27, height: 15, shape: "round", slot: "roof", ribs: 0 },
      lanternHeight: 11, needle: 0,
      sideDomes: [], towers: [], campanile: null,
      colors: { main: "#e2d8c2", second: "#c9bea6", roof: "#a3a9ae", trim: "#efe8d8" },
    },
    "les-invalides": {
      bodyWidth: 30, bodyHeight: 26, wingWidth: 20, wingHeight: 13,
      portico: { width: 16, height: 28, columns: 4, kind: "pediment" },
      drum: { width: 18, height: 20, columns: 10 },
      dome: { width: 21, height: 26, shape: "ogive", slot: "gold", ribs: 9 },
      lanternHeight: 10, needle: 14,
      sideDomes: [], towers: [], campanile: null,
      colors: { main: "#ddd3bd", second: "#c3b89f", roof: "#6a6e74", gold: "#e2b43a", trim: "#ebe3d0" },
    },
    "st-peters-basilica": {
      bodyWidth: 60, bodyHeight: 24, wingWidth: 0, wingHeight: 0,
      portico: { width: 40, height: 25, columns: 8, kind: "pediment" },
      drum: { width: 26, height: 14, columns: 12 },
      dome: { width: 30, height: 26, shape: "ogive", slot: "roof", ribs: 11 },
      lanternHeight: 10, needle: 0,
      sideDomes: [{ x: -22, width: 8, base: 24 }, { x: 22, width: 8, base: 24 }],
      towers: [], campanile: null,
      colors: { main: "#e0d3b6", second: "#c8b99a", roof: "#8e9aa2", trim: "#ede4cf" },
    },
    "st-pauls-cathedral": {
      bodyWidth: 40, bodyHeight: 26, wingWidth: 0, wingHeight: 0,
      portico: { width: 20, height: 28, columns: 6, kind: "pediment" },
      drum: { width: 26, height: 20, columns: 14 },
      dome: { width: 28, height: 22, shape: "round", slot: "roof", ribs: 11 },
      lanternHeight: 12, needle: 0,
      sideDomes: [],
      towers: [{ x: -17, width: 8, height: 50 }, { x: 17, width: 8, height: 50 }],
      campanile: null,
      colors: { main: "#dcd6c8", second: "#bfb8a8", roof: "#8a949c", trim: "#ece8de" },
    },
    "us-capitol": {
      bodyWidth: 32, bodyHeight: 16, wingWidth: 30, wingHeight: 13,
      portico: { width: 20, height: 17, columns: 8, kind: "pediment" },
      drum: { width: 22, height: 18, columns: 14 },
      dome: { width: 22, height: 18, shape: "ogive", slot: "main", ribs: 11 },
      lanternHeight: 9, needle: 0,
      sideDomes: [], towers: [], campanile: null,
      colors: { main: "#f0eee8", second: "#d6d3ca", trim: "#fafaf6" },
    },
  },
  generic,
  draw,
});
