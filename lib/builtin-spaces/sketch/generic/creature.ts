import "server-only";

// Animals in profile: four-legged beasts built from a body, legs, neck, head, ears and tail with
// per-species traits (trunk, antlers, horns, mane, long neck); birds; fish.

import { fill, type Drawing, type Pt } from "../drawing";
import { beam, cubic, ellipsePoints, quad, ribbon, rotate } from "../geometry";
import type { Albedo } from "../look";
import { between, type Rng } from "../random";

export interface BeastPreset {
  kind: "beast";
  body: [number, number];
  legs: number;
  neck: number;
  /** Neck angle from horizontal, degrees. */
  neckAngle: number;
  head: number;
  snout: number;
  ears: "pointed" | "round" | "long" | "floppy" | "none";
  tail: "long" | "short" | "bushy" | "tuft";
  extra: "none" | "trunk" | "antlers" | "horns" | "mane" | "hump" | "spikes";
  color: string;
}

export interface BirdPreset {
  kind: "bird";
  upright: boolean;
  neck: number;
  beak: number;
  color: string;
  belly: string;
}

export interface FishPreset {
  kind: "fish";
  length: number;
  height: number;
  color: string;
}

export type CreaturePreset = BeastPreset | BirdPreset | FishPreset;

const beast = (p: Omit<BeastPreset, "kind">): BeastPreset => ({ kind: "beast", ...p });

export const CREATURES: Record<string, CreaturePreset> = {
  cat: beast({ body: [40, 18], legs: 18, neck: 6, neckAngle: 60, head: 9, snout: 3, ears: "pointed", tail: "long", extra: "none", color: "#d89a5a" }),
  dog: beast({ body: [44, 20], legs: 22, neck: 9, neckAngle: 55, head: 10, snout: 8, ears: "floppy", tail: "short", extra: "none", color: "#b07a4a" }),
  fox: beast({ body: [42, 16], legs: 18, neck: 8, neckAngle: 45, head: 9, snout: 9, ears: "pointed", tail: "bushy", extra: "none", color: "#e0722c" }),
  wolf: beast({ body: [48, 20], legs: 24, neck: 10, neckAngle: 40, head: 10, snout: 10, ears: "pointed", tail: "bushy", extra: "none", color: "#8e8e92" }),
  horse: beast({ body: [56, 24], legs: 36, neck: 22, neckAngle: 60, head: 10, snout: 12, ears: "pointed", tail: "long", extra: "mane", color: "#8a5a36" }),
  unicorn: beast({ body: [56, 24], legs: 36, neck: 22, neckAngle: 60, head: 10, snout: 12, ears: "pointed", tail: "long", extra: "mane", color: "#f0ecf4" }),
  cow: beast({ body: [60, 30], legs: 26, neck: 8, neckAngle: 20, head: 12, snout: 9, ears: "floppy", tail: "tuft", extra: "horns", color: "#e8e2d8" }),
  bull: beast({ body: [60, 32], legs: 26, neck: 8, neckAngle: 15, head: 13, snout: 8, ears: "floppy", tail: "tuft", extra: "horns", color: "#5a4a3e" }),
  lion: beast({ body: [54, 24], legs: 26, neck: 10, neckAngle: 45, head: 13, snout: 7, ears: "round", tail: "tuft", extra: "mane", color: "#d8a45a" }),
  tiger: beast({ body: [56, 22], legs: 24, neck: 8, neckAngle: 40, head: 12, snout: 6, ears: "round", tail: "long", extra: "none", color: "#e08a2e" }),
  bear: beast({ body: [58, 32], legs: 22, neck: 6, neckAngle: 30, head: 14, snout: 7, ears: "round", tail: "short", extra: "hump", color: "#6e4a30" }),
  deer: beast({ body: [48, 20], legs: 34, neck: 18, neckAngle: 65, head: 9, snout: 9, ears: "long", tail: "short", extra: "antlers", color: "#a8784a" }),
  elephant: beast({ body: [66, 40], legs: 28, neck: 4, neckAngle: 20, head: 20, snout: 2, ears: "floppy", tail: "tuft", extra: "trunk", color: "#9a9a9e" }),
  giraffe: beast({ body: [50, 24], legs: 44, neck: 46, neckAngle: 72, head: 8, snout: 9, ears: "pointed", tail: "tuft", extra: "horns", color: "#e0b060" }),
  camel: beast({ body: [56, 26], legs: 40, neck: 22, neckAngle: 35, head: 8, snout: 10, ears: "round", tail: "tuft", extra: "hump", color: "#d0a468" }),
  pig: beast({ body: [50, 28], legs: 14, neck: 4, neckAngle: 15, head: 12, snout: 6, ears: "floppy", tail: "short", extra: "none", color: "#f0b0b0" }),
  sheep: beast({ body: [48, 28], legs: 18, neck: 6, neckAngle: 35, head: 9, snout: 6, ears: "floppy", tail: "short", extra: "none", color: "#f0ece2" }),
  goat: beast({ body: [46, 22], legs: 24, neck: 10, neckAngle: 50, head: 9, snout: 8, ears: "floppy", tail: "short", extra: "horns", color: "#d8cfc0" }),
  rabbit: beast({ body: [34, 20], legs: 10, neck: 4, neckAngle: 60, head: 10, snout: 4, ears: "long", tail: "short", extra: "none", color: "#c8b8a8" }),
  dragon: beast({ body: [60, 26], legs: 24, neck: 24, neckAngle: 55, head: 11, snout: 11, ears: "none", tail: "long", extra: "spikes", color: "#3e8a5a" }),
  dinosaur: beast({ body: [60, 28], legs: 28, neck: 34, neckAngle: 55, head: 8, snout: 8, ears: "none", tail: "long", extra: "spikes", color: "#6a9a4a" }),
  animal: beast({ body: [48, 22], legs: 24, neck: 10, neckAngle: 50, head: 10, snout: 7, ears: "pointed", tail: "long", extra: "none", color: "#a88a6a" }),
  bird: { kind: "bird", upright: false, neck: 4, beak: 6, color: "#4a7ab8", belly: "#e8d8b0" },
  parrot: { kind: "bird", upright: false, neck: 4, beak: 6, color: "#3aa84a", belly: "#e8d040" },
  eagle: { kind: "bird", upright: false, neck: 6, beak: 7, color: "#6a4a30", belly: "#f0ece4" },
  owl: { kind: "bird", upright: true, neck: 0, beak: 3, color: "#a08060", belly: "#e0d0b0" },
  penguin: { kind: "bird", upright: true, neck: 0, beak: 5, color: "#4a4e5a", belly: "#f2f2f2" },
  duck: { kind: "bird", upright: false, neck: 8, beak: 8, color: "#f0d040", belly: "#f4e070" },
  swan: { kind: "bird", upright: false, neck: 26, beak: 6, color: "#f4f4f2", belly: "#e8e8e4" },
  chicken: { kind: "bird", upright: false, neck: 8, beak: 5, color: "#e8e0d0", belly: "#f4ece0" },
  fish: { kind: "fish", length: 80, height: 36, color: "#e0803a" },
  goldfish: { kind: "fish", length: 70, height: 38, color: "#f08a2a" },
  whale: { kind: "fish", length: 100, height: 36, color: "#4a6a8a" },
  dolphin: { kind: "fish", length: 100, height: 30, color: "#8aa0b8" },
  shark: { kind: "fish", length: 100, height: 30, color: "#8a96a2" },
};

function drawBeast(d: Drawing, p: BeastPreset, rng: Rng): void {
  const [bl, bh] = p.body;
  const legs = p.legs * between(rng, 0.92, 1.08);
  const bodyY = legs + bh / 2;
  const leg = (x: number, near: boolean) => {
    const w = bh * 0.22;
    d.poly([[x - w / 2, legs + bh * 0.2], [x + w / 2, legs + bh * 0.2], [x + w * 0.35, 2], [x + w * 0.55, 0], [x - w * 0.5, 0], [x - w * 0.4, 2]], fill("main", near ? "h" : "shade"));
  };
  leg(-bl * 0.32, false);
  leg(bl * 0.3, false);
  // Tail.
  const tailBase: Pt = [-bl * 0.48, bodyY + bh * 0.2];
  if (p.tail === "long") d.poly(ribbon(cubic(tailBase, [-bl * 0.7, bodyY + bh * 0.1], [-bl * 0.75, bodyY - bh * 0.6], [-bl * 0.62, bodyY - bh * 0.9], 12), bh * 0.12, bh * 0.06), fill("main", "h"));
  else if (p.tail === "bushy") d.poly(ribbon(cubic(tailBase, [-bl * 0.7, bodyY + bh * 0.2], [-bl * 0.8, bodyY - bh * 0.4], [-bl * 0.7, bodyY - bh * 0.7], 12), bh * 0.3, bh * 0.18), fill("main", "h"));
  else if (p.tail === "tuft") {
    d.poly(ribbon(quad(tailBase, [-bl * 0.58, bodyY], [-bl * 0.58, bodyY - bh * 0.6], 8), bh * 0.06), fill("main", "h"));
    d.ellipse(-bl * 0.58, bodyY - bh * 0.65, bh * 0.08, bh * 0.14, fill("dark", "h"));
  } else d.poly(ribbon([tailBase, [-bl * 0.58, bodyY + bh * 0.35]], bh * 0.12), fill("main", "h"));
  // Body.
  d.ellipse(0, bodyY, bl / 2, bh / 2, fill("main", "v"));
  if (p.extra === "hump") d.ellipse(-bl * 0.05, bodyY + bh * 0.35, bl * 0.22, bh * 0.3, fill("main", "v"));
  if (p.extra === "spikes") d.shapes([-0.3, -0.15, 0, 0.15].map((f): Pt[] => [[bl * f - 3, bodyY + bh * 0.45], [bl * f + 3, bodyY + bh * 0.45], [bl * f, bodyY + bh * 0.75]]), fill("second", "h"), "body");
  leg(-bl * 0.25, true);
  leg(bl * 0.36, true);
  // Neck and head.
  const a = (p.neckAngle * Math.PI) / 180;
  const neckBase: Pt = [bl * 0.38, bodyY + bh * 0.1];
  const headC: Pt = [neckBase[0] + Math.cos(a) * p.neck + p.head * 0.3, neckBase[1] + Math.sin(a) * p.neck + p.head * 0.2];
  d.poly(beam(neckBase, headC, Math.max(bh * 0.38, p.head * 0.9)), fill("main", "h"));
  if (p.extra === "mane") d.poly(ribbon([[neckBase[0] - bh * 0.15, neckBase[1] + bh * 0.25], [headC[0] - p.head * 0.5, headC[1] + p.head * 0.4]], p.head * 0.8, p.head * 1.1), fill("dark", "h"));
  d.ellipse(headC[0], headC[1], p.head * 0.7, p.head * 0.6, fill("main", "r"));
  if (p.snout > 0) d.poly(beam([headC[0] + p.head * 0.2, headC[1] - p.head * 0.1], [headC[0] + p.head * 0.4 + p.snout, headC[1] - p.head * 0.25], p.head * 0.55), fill("main", "h"));
  d.ellipse(headC[0] + p.head * 0.15, headC[1] + p.head * 0.15, p.head * 0.09, p.head * 0.09, fill("dark", "flat"), "detail");
  const earBase: Pt = [headC[0] - p.head * 0.2, headC[1] + p.head * 0.45];
  if (p.ears === "pointed") d.poly([[earBase[0] - p.head * 0.25, earBase[1] - 1], [earBase[0] + p.head * 0.2, earBase[1] - 1], [earBase[0] - p.head * 0.1, earBase[1] + p.head * 0.6]], fill("main", "h"));
  else if (p.ears === "round") d.ellipse(earBase[0], earBase[1] + p.head * 0.05, p.head * 0.22, p.head * 0.22, fill("main", "h"));
  else if (p.ears === "long") d.poly(rotate(ellipsePoints(earBase[0], earBase[1] + p.head * 0.7, p.head * 0.16, p.head * 0.75, 14), earBase[0], earBase[1], 15), fill("main", "h"));
  else if (p.ears === "floppy") d.poly(rotate(ellipsePoints(earBase[0] - p.head * 0.1, earBase[1] - p.head * 0.3, p.head * (p.extra === "trunk" ? 0.55 : 0.2), p.head * (p.extra === "trunk" ? 0.7 : 0.4), 14), earBase[0], earBase[1], -10), fill("main", "shade"));
  if (p.extra === "trunk") d.poly(ribbon(cubic([headC[0] + p.head * 0.45, headC[1] - p.head * 0.1], [headC[0] + p.head * 0.9, headC[1] - p.head * 0.6], [headC[0] + p.head * 0.8, headC[1] - p.head * 1.5], [headC[0] + p.head * 1.1, headC[1] - p.head * 1.9], 14), p.head * 0.4, p.head * 0.2), fill("main", "h"));
  if (p.extra === "horns") for (const dx of [-0.25, 0.1]) d.poly(ribbon(quad([headC[0] + p.head * dx, headC[1] + p.head * 0.45], [headC[0] + p.head * (dx - 0.1), headC[1] + p.head * 0.9], [headC[0] + p.head * (dx - 0.4), headC[1] + p.head * 1.1], 6), p.head * 0.14, p.head * 0.04), fill("trim", "h"));
  if (p.extra === "antlers") {
    const antler = (dx: number) => {
      const root: Pt = [headC[0] + p.head * dx, headC[1] + p.head * 0.5];
      const main = quad(root, [root[0] - p.head * 0.6, root[1] + p.head * 1.2], [root[0] - p.head * 0.2, root[1] + p.head * 2.2], 8);
      d.poly(ribbon(main, p.head * 0.14, p.head * 0.06), fill("trim", "h"));
      for (const i of [3, 5, 7]) {
        const from = main[i] ?? root;
        d.poly(ribbon([from, [from[0] + p.head * 0.45, from[1] + p.head * 0.45]], p.head * 0.09, p.head * 0.04), fill("trim", "h"));
      }
    };
    antler(-0.2);
    antler(0.15);
  }
}

function drawBird(d: Drawing, p: BirdPreset, rng: Rng): void {
  if (p.upright) {
    const h = 70 * between(rng, 0.95, 1.05);
    d.ellipse(0, h * 0.42, h * 0.3, h * 0.4, fill("main", "v"));
    d.ellipse(0, h * 0.38, h * 0.2, h * 0.3, fill("second", "r"));
    d.ellipse(0, h * 0.86, h * 0.22, h * 0.17, fill("main", "r"));
    for (const s of [-1, 1]) d.ellipse(s * h * 0.09, h * 0.88, h * 0.07, h * 0.07, fill("trim", "flat"), "detail");
    for (const s of [-1, 1]) d.ellipse(s * h * 0.09, h * 0.88, h * 0.03, h * 0.03, fill("dark", "flat"), "detail");
    d.poly([[-h * 0.04, h * 0.82], [h * 0.04, h * 0.82], [0, h * 0.82 - p.beak]], fill("gold", "h"));
    for (const s of [-1, 1]) d.poly([[s * h * 0.28, h * 0.6], [s * h * 0.36, h * 0.3], [s * h * 0.26, h * 0.15]], fill("main", "shade"));
    d.rects([[-h * 0.12, 0, h * 0.08, h * 0.05], [h * 0.04, 0, h * 0.08, h * 0.05]], fill("gold", "h"), "body");
    return;
  }
  const L = 60;
  const legs = 14;
  d.lines([[[-2, legs + 2], [-3, 0]], [[4, legs + 2], [5, 0]]], "gold", 1.2);
  d.poly([[-L * 0.3, legs + 14], [-L * 0.62, legs + 10], [-L * 0.6, legs + 20]], fill("main", "shade"));
  d.ellipse(0, legs + 12, L * 0.34, 13, fill("main", "v"));
  d.ellipse(L * 0.05, legs + 8, L * 0.22, 7, fill("second", "h"), "detail");
  const neckTop: Pt = [L * 0.3, legs + 18 + p.neck];
  d.poly(ribbon(quad([L * 0.22, legs + 14], [L * 0.36, legs + 16 + p.neck * 0.3], neckTop, 8), 8, 6), fill("main", "h"));
  d.ellipse(neckTop[0], neckTop[1] + 3, 7, 6.5, fill("main", "r"));
  d.poly([[neckTop[0] + 5, neckTop[1] + 5], [neckTop[0] + 5, neckTop[1] + 1], [neckTop[0] + 5 + p.beak, neckTop[1] + 2.5]], fill("gold", "h"));
  d.ellipse(neckTop[0] + 2, neckTop[1] + 4.5, 1.1, 1.1, fill("dark", "flat"), "detail");
  d.poly(ribbon(quad([-L * 0.15, legs + 18], [L * 0.05, legs + 24], [L * 0.15, legs + 17], 8), 9, 3), fill("main", "shade"));
}

function drawFish(d: Drawing, p: FishPreset, rng: Rng): void {
  const L = p.length;
  const H = p.height * between(rng, 0.92, 1.08);
  const y = H * 0.75;
  d.poly([[-L * 0.36, y], [-L * 0.52, y + H * 0.4], [-L * 0.48, y], [-L * 0.52, y - H * 0.4]], fill("main", "h"));
  d.poly([[-L * 0.05, y + H * 0.4], [L * 0.12, y + H * 0.42], [-L * 0.15, y + H * 0.75]], fill("main", "h"));
  d.poly([...cubic([L * 0.5, y], [L * 0.35, y + H * 0.7], [-L * 0.25, y + H * 0.55], [-L * 0.4, y], 16), ...cubic([-L * 0.4, y], [-L * 0.25, y - H * 0.5], [L * 0.35, y - H * 0.6], [L * 0.5, y], 16).slice(1)], fill("main", "v"));
  d.poly([[-L * 0.05, y - H * 0.35], [L * 0.08, y - H * 0.38], [-L * 0.02, y - H * 0.6]], fill("main", "shade"));
  d.ellipse(L * 0.32, y + H * 0.08, H * 0.06, H * 0.06, fill("dark", "flat"), "detail");
  d.lines([quad([L * 0.2, y + H * 0.3], [L * 0.14, y], [L * 0.2, y - H * 0.3], 8)], "second", H * 0.025);
}

export function drawCreature(d: Drawing, preset: CreaturePreset, rng: Rng): Albedo {
  if (preset.kind === "beast") {
    drawBeast(d, preset, rng);
    return { main: preset.color, dark: "#4a3a2e", trim: "#ece4d4", second: "#5a8a4a" };
  }
  if (preset.kind === "bird") {
    drawBird(d, preset, rng);
    return { main: preset.color, second: preset.belly, gold: "#e8a838", trim: "#f4f0e0", dark: "#2e2a28" };
  }
  drawFish(d, preset, rng);
  return { main: preset.color, second: "#f4e0c0", dark: "#2e2a28" };
}
