import "server-only";

// The fallback for subjects with no known form ("quantum", gibberish): a sculpture whose
// arrangement, primitives, proportions and colours all derive from the words' hash.

import { hsl } from "../color";
import { Drawing, fill, type Pt, type Slot } from "../drawing";
import { arc, ellipsePoints, profile, rotate } from "../geometry";
import type { Albedo } from "../look";
import { between, intBetween, pick, type Rng } from "../random";
import type { DrawnSubject } from "../shapes/define";

type Primitive = "sphere" | "cube" | "cylinder" | "cone" | "ring" | "diamond" | "disc" | "twist";

const PRIMITIVES: readonly Primitive[] = ["sphere", "cube", "cylinder", "cone", "ring", "diamond", "disc", "twist"];
const SLOTS: readonly Slot[] = ["main", "second", "accent", "gold", "roof"];

/** Draws one primitive centred on x = cx standing on `base`, `w` wide and `h` tall; returns its top. */
function primitive(d: Drawing, kind: Primitive, cx: number, base: number, w: number, h: number, slot: Slot, tilt: number): number {
  switch (kind) {
    case "sphere":
      d.ellipse(cx, base + h / 2, w / 2, h / 2, fill(slot, "r"));
      return base + h;
    case "cube": {
      const depth = Math.min(w, h) * 0.22;
      d.rect(cx - w / 2, base, w, h - depth, fill(slot, "h"));
      d.poly([[cx - w / 2, base + h - depth], [cx + w / 2, base + h - depth], [cx + w / 2 - depth, base + h], [cx - w / 2 - depth * 0.2, base + h]], fill(slot, "lit"));
      return base + h;
    }
    case "cylinder":
      d.rect(cx - w / 2, base, w, h - w * 0.12, fill(slot, "h"));
      d.ellipse(cx, base + h - w * 0.12, w / 2, w * 0.12, fill(slot, "lit"));
      return base + h;
    case "cone":
      d.poly([[cx - w / 2, base], [cx + w / 2, base], [cx, base + h]], fill(slot, "h"));
      return base + h;
    case "ring": {
      const outer = ellipsePoints(cx, base + h / 2, w / 2, h / 2, 40);
      const inner = ellipsePoints(cx, base + h / 2, w * 0.3, h * 0.3, 40);
      d.shape([rotate(outer, cx, base + h / 2, tilt), rotate(inner, cx, base + h / 2, tilt)], fill(slot, "r"));
      return base + h;
    }
    case "diamond":
      d.poly([[cx, base], [cx + w / 2, base + h * 0.62], [cx + w * 0.3, base + h], [cx - w * 0.3, base + h], [cx - w / 2, base + h * 0.62]], fill(slot, "h"));
      d.lines([[[cx - w / 2, base + h * 0.62], [cx + w / 2, base + h * 0.62]], [[cx, base], [cx - w * 0.12, base + h]], [[cx, base], [cx + w * 0.12, base + h]]], "trim", w * 0.02);
      return base + h;
    case "disc":
      d.ellipse(cx, base + h * 0.5, w / 2, h * 0.5, fill(slot, "v"));
      d.ellipse(cx, base + h * 0.62, w * 0.42, h * 0.22, fill(slot, "lit"), "detail");
      return base + h;
    case "twist": {
      const half: [number, number][] = [];
      for (let i = 0; i <= 16; i++) {
        const t = i / 16;
        half.push([w / 2 * (0.35 + 0.65 * Math.abs(Math.cos(t * Math.PI * 1.5 + tilt / 30))), base + h * t]);
      }
      d.poly(profile(cx, half), fill(slot, "h"));
      const bands: Pt[][] = [];
      for (let i = 1; i < 6; i++) bands.push([[cx - w * 0.4, base + (h * i) / 6 - h * 0.05], [cx + w * 0.4, base + (h * i) / 6 + h * 0.05]]);
      d.lines(bands, "dark", w * 0.025);
      return base + h;
    }
  }
}

function paletteFor(rng: Rng): Albedo {
  const hue = between(rng, 0, 360);
  const spread = pick(rng, [30, 150, 180, 210, 120]);
  return {
    main: hsl(hue, between(rng, 0.35, 0.7), between(rng, 0.5, 0.65)),
    second: hsl((hue + spread) % 360, between(rng, 0.35, 0.7), between(rng, 0.5, 0.65)),
    accent: hsl((hue + spread / 2) % 360, between(rng, 0.5, 0.8), 0.55),
    gold: hsl((hue + 60) % 360, 0.6, 0.6),
    roof: hsl((hue + 300) % 360, 0.3, 0.45),
    dark: hsl(hue, 0.25, 0.32),
    trim: hsl(hue, 0.2, 0.85),
  };
}

function totem(d: Drawing, rng: Rng): void {
  let y = 0;
  const count = intBetween(rng, 3, 6);
  const baseWidth = between(rng, 26, 40);
  d.rect(-baseWidth / 2, 0, baseWidth, 5, fill("dark", "h"));
  y = 5;
  for (let i = 0; i < count; i++) {
    const w = baseWidth * between(rng, 0.45, 1.0) * (1 - i * 0.08);
    const h = between(rng, 0.5, 1.3) * w;
    y = primitive(d, pick(rng, PRIMITIVES), between(rng, -3, 3), y, w, h, pick(rng, SLOTS), between(rng, -40, 40)) - h * 0.04;
  }
}

function arch(d: Drawing, rng: Rng): void {
  const span = between(rng, 40, 70);
  const legW = between(rng, 8, 14);
  const legH = between(rng, 40, 75);
  const legKind = pick(rng, ["cube", "cylinder", "twist"] as const);
  primitive(d, legKind, -span / 2, 0, legW, legH, "main", 0);
  primitive(d, legKind, span / 2, 0, legW, legH, "main", 0);
  const lintelH = between(rng, 8, 14);
  d.shape([[...arc(0, legH, span / 2 + legW / 2, lintelH + span * 0.25, 0, 180, 24)], arc(0, legH, span / 2 - legW / 2, span * 0.22, 0, 180, 24)], fill("second", "h"));
  primitive(d, pick(rng, ["sphere", "diamond", "ring", "cone"] as const), 0, legH + lintelH + span * 0.22, between(rng, 10, 18), between(rng, 10, 20), "accent", between(rng, -30, 30));
}

function spiral(d: Drawing, rng: Rng): void {
  const turns = between(rng, 1.5, 3.5);
  const height = between(rng, 80, 110);
  const radius = between(rng, 18, 30);
  const ribbon = between(rng, 6, 12);
  d.ellipse(0, 2.5, radius * 1.1, 2.5, fill("dark", "v"));
  const segments = 60;
  for (let i = 0; i < segments; i++) {
    const t0 = i / segments;
    const t1 = (i + 1) / segments;
    const a0 = t0 * turns * Math.PI * 2;
    const a1 = t1 * turns * Math.PI * 2;
    const r0 = radius * (1 - t0 * 0.6);
    const r1 = radius * (1 - t1 * 0.6);
    const front = Math.cos((a0 + a1) / 2) > 0;
    const slot: Slot = front ? "main" : "second";
    const y0 = 5 + height * t0;
    const y1 = 5 + height * t1;
    d.poly([[r0 * Math.sin(a0), y0], [r1 * Math.sin(a1), y1], [r1 * Math.sin(a1), y1 + ribbon], [r0 * Math.sin(a0), y0 + ribbon]], fill(slot, front ? "flat" : "shade"));
  }
  d.ellipse(0, 5 + height + ribbon + 5, 6, 6, fill("accent", "r"));
}

function crystals(d: Drawing, rng: Rng): void {
  const count = intBetween(rng, 4, 8);
  d.ellipse(0, 3, 30, 4, fill("dark", "v"));
  const shards: { x: number; h: number; w: number; lean: number; slot: Slot }[] = [];
  for (let i = 0; i < count; i++) {
    shards.push({ x: between(rng, -20, 20), h: between(rng, 35, 100), w: between(rng, 7, 15), lean: between(rng, -25, 25), slot: pick(rng, SLOTS) });
  }
  shards.sort((a, b) => b.h - a.h);
  for (const s of shards) {
    const points: Pt[] = [[s.x - s.w / 2, 3], [s.x + s.w / 2, 3], [s.x + s.w / 2, 3 + s.h * 0.82], [s.x, 3 + s.h], [s.x - s.w / 2, 3 + s.h * 0.82]];
    d.poly(rotate(points, s.x, 3, s.lean), fill(s.slot, "h"));
    d.lines([rotate([[s.x, 3], [s.x, 3 + s.h]], s.x, 3, s.lean)], "trim", s.w * 0.05);
  }
}

const ARRANGEMENTS = [totem, arch, spiral, crystals] as const;

export function drawAbstract(subject: Rng): DrawnSubject {
  const drawing = new Drawing();
  const albedo = paletteFor(subject);
  pick(subject, ARRANGEMENTS)(drawing, subject);
  return { drawing, albedo };
}
