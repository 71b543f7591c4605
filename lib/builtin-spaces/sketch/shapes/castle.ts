import "server-only";

// Castles: a Japanese keep of stacked white storeys under gabled roofs on a battered stone base
// (Himeji); a Romantic castle of turrets and pointed roofs (Neuschwanstein); a Norman keep with
// corner turrets (Tower of London).

import { fill, type Drawing, type Pt } from "../drawing";
import { arc, spread } from "../geometry";
import { between, intBetween, pick, type Rng } from "../random";
import { defineShape, type ShapeParams } from "./define";
import { eaveRoof } from "./pagoda";
import { band, spire, windowGrid, windows, type RectSpec } from "./parts";

interface Turret {
  x: number;
  width: number;
  height: number;
  roof: "cone" | "cupola" | "flat";
}

interface CastleParams extends ShapeParams {
  kind: "keep" | "japanese";
  width: number;
  height: number;
  turrets: Turret[];
  storeys: number;
}

function merlons(d: Drawing, x0: number, x1: number, y: number, size: number): void {
  const count = Math.max(2, Math.round((x1 - x0) / (size * 2)));
  d.rects(spread(x0, x1 - size, count).map((x): RectSpec => [x, y, size, size]), fill("main", "h"), "body");
}

function turret(d: Drawing, t: Turret, detail: Rng): void {
  d.rect(t.x - t.width / 2, 0, t.width, t.height, fill("main", "h"));
  windows(d, spread(t.height * 0.3, t.height * 0.8, 3).map((y): RectSpec => [t.x - t.width * 0.12, y, t.width * 0.24, t.height * 0.07]), detail, 0.6);
  if (t.roof === "cone") {
    band(d, t.x - t.width * 0.6, t.x + t.width * 0.6, t.height - 0.6, 1.2);
    spire(d, t.x, t.height + 0.6, t.width * 1.2, t.width * 2.2, "roof");
  } else if (t.roof === "cupola") {
    merlons(d, t.x - t.width / 2, t.x + t.width / 2, t.height, t.width * 0.16);
    d.poly(arc(t.x, t.height + t.width * 0.16, t.width * 0.28, t.width * 0.35, 0, 180, 10), fill("roof", "r"));
    d.lines([[[t.x, t.height + t.width * 0.5], [t.x, t.height + t.width * 0.8]]], "gold", 0.3);
  } else {
    merlons(d, t.x - t.width / 2, t.x + t.width / 2, t.height, t.width * 0.16);
  }
}

function keep(d: Drawing, p: CastleParams, detail: Rng): void {
  for (const t of [...p.turrets].sort((a, b) => b.height - a.height)) if (t.height > p.height) turret(d, t, detail);
  d.rect(-p.width / 2, 0, p.width, p.height, fill("main", "h"));
  windows(d, windowGrid(-p.width / 2 + 2, p.width / 2 - 2, p.height * 0.2, p.height * 0.9, Math.max(2, Math.round(p.width / 7)), p.storeys, 0.3, 0.5), detail, 0.6);
  d.poly([[-p.width * 0.08, 0], [p.width * 0.08, 0], [p.width * 0.08, p.height * 0.14], [0, p.height * 0.2], [-p.width * 0.08, p.height * 0.14]], fill("dark", "flat"), "detail");
  merlons(d, -p.width / 2, p.width / 2, p.height, p.width * 0.04);
  for (const t of p.turrets) if (t.height <= p.height) turret(d, t, detail);
}

function japanese(d: Drawing, p: CastleParams, detail: Rng): void {
  const baseH = p.height * 0.22;
  const w = p.width;
  d.poly([[-w * 0.62, 0], [w * 0.62, 0], [w * 0.48, baseH], [-w * 0.48, baseH]], fill("second", "h"));
  const stones: Pt[][] = spread(baseH * 0.15, baseH * 0.9, 6).map((y): Pt[] => {
    const half = w * 0.62 - (w * 0.14 * y) / baseH;
    return [[-half, y], [half, y]];
  });
  d.lines(stones, "dark", 0.2);
  let y = baseH;
  let sw = w * 0.9;
  const storeyH = (p.height - baseH) / (p.storeys + 0.6);
  for (let i = 0; i < p.storeys; i++) {
    d.rect(-sw / 2, y, sw, storeyH * 0.62, fill("main", "h"));
    windows(d, spread(-sw * 0.36, sw * 0.28, 4).map((x): RectSpec => [x, y + storeyH * 0.2, sw * 0.08, storeyH * 0.22]), detail, 0.5);
    y += storeyH * 0.62;
    eaveRoof(d, 0, y, sw, sw * 0.1, storeyH * 0.5, "roof", 0.3);
    // Gables (chidori-hafu) on alternate storeys.
    if (i % 2 === 0) d.poly([[-sw * 0.18, y + storeyH * 0.05], [sw * 0.18, y + storeyH * 0.05], [0, y + storeyH * 0.55]], fill("main", "h"));
    y += storeyH * 0.38;
    sw *= 0.8;
  }
  d.rect(-sw / 2, y, sw, storeyH * 0.5, fill("main", "h"));
  y += storeyH * 0.5;
  eaveRoof(d, 0, y, sw, sw * 0.18, storeyH * 0.7, "roof", 0.4);
  const ridge = y + storeyH * 0.7;
  for (const sign of [-1, 1]) d.poly([[sign * sw * 0.28, ridge], [sign * sw * 0.34, ridge + 1.8], [sign * sw * 0.22, ridge + 0.6]], fill("gold", "h"));
}

export const castle = defineShape<CastleParams>({
  variants: {
    "himeji-castle": { kind: "japanese", width: 56, height: 84, turrets: [], storeys: 4, colors: { main: "#f2f0ea", roof: "#6e7a84", second: "#a09a8c", gold: "#d8b048", trim: "#dfe4e8" } },
    neuschwanstein: {
      kind: "keep",
      width: 36,
      height: 44,
      turrets: [{ x: -20, width: 9, height: 62, roof: "cone" }, { x: 16, width: 12, height: 78, roof: "cone" }, { x: 26, width: 6, height: 52, roof: "cone" }, { x: -8, width: 6, height: 56, roof: "cone" }],
      storeys: 5,
      colors: { main: "#eeebe4", roof: "#6a8aa4", trim: "#faf8f2", dark: "#7a766c" },
    },
    "tower-of-london": {
      kind: "keep",
      width: 50,
      height: 46,
      turrets: [{ x: -25, width: 8, height: 58, roof: "cupola" }, { x: 25, width: 8, height: 58, roof: "cupola" }, { x: -12, width: 7, height: 54, roof: "cupola" }, { x: 12, width: 7, height: 54, roof: "cupola" }],
      storeys: 3,
      colors: { main: "#e2dccc", roof: "#7a8a90", dark: "#6e685c" },
    },
  },
  generic: (rng) => {
    const width = between(rng, 34, 50);
    const count = intBetween(rng, 2, 4);
    return {
      kind: "keep",
      width,
      height: between(rng, 30, 46),
      turrets: Array.from({ length: count }, (_, i) => ({ x: (i % 2 === 0 ? -1 : 1) * (width / 2 - between(rng, 0, 10)), width: between(rng, 6, 10), height: between(rng, 45, 70), roof: pick(rng, ["cone", "cupola", "flat"] as const) })),
      storeys: intBetween(rng, 2, 4),
      colors: {},
    };
  },
  draw: (d, p, detail) => (p.kind === "japanese" ? japanese(d, p, detail) : keep(d, p, detail)),
});
