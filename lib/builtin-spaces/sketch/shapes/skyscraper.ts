import "server-only";

// Towers of the twentieth century and after: stacked setbacks, tapers, wedges, bullets and
// glass shards, each with its own crown and window rhythm.

import { fill, type Drawing, type Pt } from "../drawing";
import { arc, lerp, lerpPt, profile, spread } from "../geometry";
import { between, intBetween, pick, type Rng } from "../random";
import { defineShape, type ShapeParams } from "./define";
import { band, windows, type RectSpec } from "./parts";

interface Tier {
  width: number;
  height: number;
  /** Horizontal shift of the tier's centre (Burj Khalifa's staggered wings). */
  offset?: number;
}

type Form = "blocks" | "facets" | "wedge" | "bullet" | "shard";
type Top = "flat" | "mast" | "crown" | "spire";

interface SkyscraperParams extends ShapeParams {
  form: Form;
  tiers: Tier[];
  top: Top;
  topHeight: number;
  windows: "strips" | "bands" | "grid";
}

function tierWindows(d: Drawing, p: SkyscraperParams, x0: number, x1: number, y0: number, y1: number, detail: Rng): void {
  const w = x1 - x0;
  const h = y1 - y0;
  const rects: RectSpec[] = [];
  if (p.windows === "bands") {
    for (const y of spread(y0 + 1, y1 - 2, Math.max(2, Math.round(h / 2.4)))) {
      for (const s of spread(x0 + w * 0.04, x1 - w * 0.29, 4)) rects.push([s, y, w * 0.23, 1.1]);
    }
  } else {
    const cols = Math.max(2, Math.round(w / (p.windows === "grid" ? 2.6 : 3.2)));
    const rows = Math.max(1, Math.round(h / (p.windows === "grid" ? 2.6 : 5)));
    const cellW = w / cols;
    const cellH = h / rows;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        rects.push([x0 + c * cellW + cellW * 0.25, y0 + r * cellH + cellH * 0.12, cellW * 0.5, cellH * (p.windows === "grid" ? 0.55 : 0.8)]);
      }
    }
  }
  windows(d, rects, detail, 0.7);
}

function blocks(d: Drawing, p: SkyscraperParams, detail: Rng): { top: number; width: number; x: number } {
  let y = 0;
  let last = { top: 0, width: 10, x: 0 };
  for (const tier of p.tiers) {
    const x = tier.offset ?? 0;
    d.rect(x - tier.width / 2, y, tier.width, tier.height, fill("main", "h"));
    tierWindows(d, p, x - tier.width / 2 + 0.8, x + tier.width / 2 - 0.8, y + 0.8, y + tier.height - 0.8, detail);
    band(d, x - tier.width / 2, x + tier.width / 2, y + tier.height - 0.6, 0.6, "trim");
    y += tier.height;
    last = { top: y, width: tier.width, x };
  }
  return last;
}

function facets(d: Drawing, p: SkyscraperParams, detail: Rng): { top: number; width: number; x: number } {
  const [podium, shaft] = p.tiers;
  const base = podium ?? { width: 26, height: 16 };
  const body = shaft ?? { width: 14, height: 70 };
  d.rect(-base.width / 2, 0, base.width, base.height, fill("main", "h"));
  tierWindows(d, { ...p, windows: "grid" }, -base.width / 2 + 1, base.width / 2 - 1, 1, base.height - 1, detail);
  const y0 = base.height;
  const y1 = y0 + body.height;
  const bl: Pt = [-base.width / 2, y0];
  const br: Pt = [base.width / 2, y0];
  const tl: Pt = [-body.width / 2, y1];
  const tr: Pt = [body.width / 2, y1];
  const bc: Pt = [0, y0];
  // Chamfered corners read as alternating triangles, lit and shaded.
  d.poly([bl, bc, tl], fill("glass", "lit"));
  d.poly([bc, tr, tl], fill("glass", "flat"));
  d.poly([bc, br, tr], fill("glass", "shade"));
  const floors: Pt[][] = spread(y0 + 2, y1 - 2, 22).map((y) => {
    const t = (y - y0) / (y1 - y0);
    const half = lerp(base.width / 2, body.width / 2, t);
    return [[-half, y], [half, y]];
  });
  d.lines(floors, "trim", 0.12);
  d.lines([[bl, tl], [bc, tl], [bc, tr], [br, tr]], "trim", 0.35);
  d.rect(-body.width / 2 - 0.4, y1, body.width + 0.8, 2.2, fill("trim", "h"));
  return { top: y1 + 2.2, width: body.width, x: 0 };
}

function wedge(d: Drawing, p: SkyscraperParams, detail: Rng): { top: number; width: number; x: number } {
  const h = p.tiers[0]?.height ?? 80;
  const prow = 4;
  const depth = p.tiers[0]?.width ?? 30;
  const x0 = -depth * 0.45;
  const prowFace: Pt[] = [[x0 - prow, 1.5], [x0, 0], [x0, h], [x0 - prow, h + 0.8]];
  const farX = x0 + depth;
  const side: Pt[] = [[x0, 0], [farX, 3.5], [farX, h - 5], [x0, h]];
  d.poly(prowFace, fill("main", "lit"));
  d.poly(side, fill("main", "shade"));
  const rows = 20;
  const cols = 9;
  const rects: Pt[][] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const u0 = (c + 0.25) / cols;
      const u1 = (c + 0.7) / cols;
      const v0 = (r + 0.25) / rows;
      const v1 = (r + 0.75) / rows;
      const at = (u: number, v: number): Pt => lerpPt(lerpPt(side[0] as Pt, side[3] as Pt, v), lerpPt(side[1] as Pt, side[2] as Pt, v), u);
      rects.push([at(u0, v0), at(u1, v0), at(u1, v1), at(u0, v1)]);
    }
  }
  const lit: Pt[][] = [];
  const dark: Pt[][] = [];
  for (const r of rects) (detail() < 0.7 ? lit : dark).push(r);
  d.shapes(lit, fill("window", "flat"));
  d.shapes(dark, fill("dark", "flat"));
  windows(d, spread(4, h - 6, 20).map((y): RectSpec => [x0 - prow * 0.7, y, prow * 0.4, 2]), detail, 0.7);
  // Heavy cornice following the perspective.
  d.poly([[x0 - prow - 0.8, h + 0.8], [x0, h - 0.4], [farX + 0.6, h - 5.6], [farX + 0.6, h - 3.6], [x0, h + 2.2], [x0 - prow - 0.8, h + 2.6]], fill("trim", "h"));
  return { top: h + 2.4, width: prow, x: x0 - prow / 2 };
}

function bullet(d: Drawing, p: SkyscraperParams): { top: number; width: number; x: number } {
  const h = p.tiers[0]?.height ?? 90;
  const r = (p.tiers[0]?.width ?? 34) / 2;
  const radius = (t: number) => r * (0.82 + 0.18 * Math.sin(Math.PI * Math.min(t / 0.7, 1) * 0.5 + 0.5)) * Math.sqrt(Math.max(0, 1 - Math.max(0, (t - 0.45) / 0.55) ** 2));
  const half = spread(0, 1, 30).map((t): [number, number] => [Math.max(radius(t), 0.01), h * t]);
  d.poly(profile(0, half), fill("glass", "h"));
  // Spiralling dark bands and a diagonal grid, both helices projected on the facade.
  const helix = (phase: number, turns: number, sign: number): Pt[] =>
    spread(0, 0.985, 40)
      .map((t): [number, number, number] => [t, phase + sign * t * turns * Math.PI * 2, radius(t)])
      .filter(([, a]) => Math.cos(a) > -0.15)
      .map(([t, a, rad]): Pt => [rad * Math.sin(a), h * t]);
  const bands = spread(0, Math.PI * 2, 7).slice(0, -1).map((ph) => helix(ph, 0.6, 1));
  d.lines(bands.filter((b) => b.length >= 2), "dark", r * 0.1);
  const grid = [...spread(0, Math.PI * 2, 19).slice(0, -1).map((ph) => helix(ph, 0.5, 1)), ...spread(0, Math.PI * 2, 19).slice(0, -1).map((ph) => helix(ph, 0.5, -1))];
  d.lines(grid.filter((g) => g.length >= 2), "trim", 0.22);
  d.ellipse(0, h * 0.985, r * 0.16, r * 0.06, fill("dark", "flat"), "detail");
  return { top: h, width: 0, x: 0 };
}

function shard(d: Drawing, p: SkyscraperParams): { top: number; width: number; x: number } {
  const h = p.tiers[0]?.height ?? 100;
  const w = (p.tiers[0]?.width ?? 34) / 2;
  const apexL: Pt = [-w * 0.2, h * 0.93];
  const apexM: Pt = [w * 0.02, h];
  const apexR: Pt = [w * 0.22, h * 0.96];
  d.poly([[-w, 0], [-w * 0.25, 0], apexM, [-w * 0.12, h * 0.9], apexL], fill("glass", "lit"));
  d.poly([[-w * 0.25, 0], [w * 0.35, 0], [w * 0.12, h * 0.9], apexM], fill("glass", "flat"));
  d.poly([[w * 0.35, 0], [w, 0], apexR, [w * 0.12, h * 0.9]], fill("glass", "shade"));
  const floors: Pt[][] = spread(2, h * 0.86, 34).map((y) => {
    const t = y / h;
    return [[-w * (1 - t * 0.85), y], [w * (1 - t * 0.8), y]];
  });
  d.lines(floors, "trim", 0.12);
  d.lines([[[-w * 0.25, 0], apexM], [[w * 0.35, 0], [w * 0.12, h * 0.9]]], "trim", 0.3);
  return { top: h, width: 0, x: 0 };
}

function crown(d: Drawing, x: number, base: number, width: number, height: number): number {
  // Stacked, diminishing arches studded with triangular windows (Chrysler).
  let y = base;
  const tiers = 5;
  for (let i = 0; i < tiers; i++) {
    const w = width * (1 - i / (tiers + 1));
    const h = height / tiers;
    d.poly([[x - w / 2, y], [x + w / 2, y], ...arc(x, y, w / 2, h * 1.6, 0, 180, 14).slice(1, -1)], fill("trim", "h"));
    const tris: Pt[][] = spread(-0.6, 0.6, 5).map((f): Pt[] => {
      const cx = x + (f * w) / 2;
      const cy = y + h * 0.45 * Math.sqrt(1 - f * f) + h * 0.2;
      return [[cx - w * 0.05, cy], [cx + w * 0.05, cy], [cx, cy + h * 0.6]];
    });
    d.shapes(tris, fill("window", "flat"));
    y += h;
  }
  return y + height * 0.25;
}

function draw(d: Drawing, p: SkyscraperParams, detail: Rng): void {
  const end = p.form === "facets" ? facets(d, p, detail) : p.form === "wedge" ? wedge(d, p, detail) : p.form === "bullet" ? bullet(d, p) : p.form === "shard" ? shard(d, p) : blocks(d, p, detail);
  const { top, width, x } = end;
  switch (p.top) {
    case "mast":
      d.rect(x - width * 0.3, top, width * 0.6, p.topHeight * 0.12, fill("main", "h"));
      d.poly([[x - width * 0.22, top + p.topHeight * 0.12], [x + width * 0.22, top + p.topHeight * 0.12], [x + width * 0.1, top + p.topHeight * 0.45], [x - width * 0.1, top + p.topHeight * 0.45]], fill("trim", "h"));
      d.rect(x - 0.35, top + p.topHeight * 0.45, 0.7, p.topHeight * 0.55, fill("trim", "h"));
      break;
    case "crown": {
      const crownTop = crown(d, x, top, width, p.topHeight * 0.45);
      d.poly([[x - 0.9, crownTop - p.topHeight * 0.12], [x + 0.9, crownTop - p.topHeight * 0.12], [x, top + p.topHeight]], fill("trim", "h"));
      break;
    }
    case "spire":
      d.poly([[x - Math.max(width * 0.06, 0.6), top], [x + Math.max(width * 0.06, 0.6), top], [x, top + p.topHeight]], fill("trim", "h"));
      break;
    case "flat":
      if (p.topHeight > 0) d.rect(x - width * 0.3, top, width * 0.6, p.topHeight, fill("second", "h"));
      break;
  }
}

function generic(rng: Rng): SkyscraperParams {
  const count = intBetween(rng, 1, 5);
  let width = between(rng, 22, 36);
  const tiers: Tier[] = [];
  for (let i = 0; i < count; i++) {
    tiers.push({ width, height: between(rng, 60, 90) / count });
    width *= between(rng, 0.65, 0.9);
  }
  return { form: "blocks", tiers, top: pick(rng, ["flat", "mast", "spire"] as const), topHeight: between(rng, 3, 20), windows: pick(rng, ["strips", "bands", "grid"] as const), colors: { main: "#a8b0b8", trim: "#d4d8dc" } };
}

export const skyscraper = defineShape<SkyscraperParams>({
  variants: {
    "tour-montparnasse": { form: "blocks", tiers: [{ width: 28, height: 90 }], top: "flat", topHeight: 3, windows: "bands", colors: { main: "#6c655e", trim: "#8a827a", second: "#7a736c", window: "#545a60" } },
    "empire-state-building": {
      form: "blocks",
      tiers: [{ width: 40, height: 9 }, { width: 33, height: 5 }, { width: 27, height: 50 }, { width: 21, height: 6 }, { width: 15, height: 5 }, { width: 10, height: 4 }],
      top: "mast",
      topHeight: 20,
      windows: "strips",
      colors: { main: "#c8bca4", trim: "#e2d8c4", second: "#b8ac94" },
    },
    "chrysler-building": {
      form: "blocks",
      tiers: [{ width: 36, height: 14 }, { width: 29, height: 12 }, { width: 22, height: 40 }],
      top: "crown",
      topHeight: 34,
      windows: "strips",
      colors: { main: "#d8d4cc", trim: "#c8ccd2", window: "#4a5662" },
    },
    "one-world-trade-center": { form: "facets", tiers: [{ width: 28, height: 16 }, { width: 15, height: 64 }], top: "spire", topHeight: 26, windows: "grid", colors: { glass: "#8fb2cc", main: "#a8b4bc", trim: "#dce6ee" } },
    "flatiron-building": { form: "wedge", tiers: [{ width: 34, height: 78 }], top: "flat", topHeight: 0, windows: "grid", colors: { main: "#d6c6a6", trim: "#e8dcc2" } },
    "the-shard": { form: "shard", tiers: [{ width: 36, height: 100 }], top: "flat", topHeight: 0, windows: "grid", colors: { glass: "#a6c0d4", trim: "#dfeaf2" } },
    gherkin: { form: "bullet", tiers: [{ width: 40, height: 88 }], top: "flat", topHeight: 0, windows: "grid", colors: { glass: "#7fa8bc", dark: "#3e5c6c", trim: "#c4dce6" } },
    "burj-khalifa": {
      form: "blocks",
      tiers: [
        { width: 30, height: 12 }, { width: 25, height: 11, offset: 1.5 }, { width: 20, height: 10, offset: -1.5 }, { width: 16, height: 9, offset: 1 },
        { width: 12, height: 8, offset: -1 }, { width: 9, height: 7, offset: 0.6 }, { width: 6, height: 6 },
      ],
      top: "spire",
      topHeight: 42,
      windows: "strips",
      colors: { main: "#b8c2cc", trim: "#e6ecf2", window: "#5c6a78" },
    },
  },
  generic,
  draw,
});
