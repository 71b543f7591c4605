import "server-only";

// Fruit and vegetables: round, pear-shaped, crescent (banana), oval, ribbed (pumpkin) or
// clustered (grapes), with stems and leaves.

import { fill, type Drawing, type Pt } from "../drawing";
import { ellipsePoints, profile, quad, ribbon, rotate, spread } from "../geometry";
import type { Albedo } from "../look";
import { between, type Rng } from "../random";

export type FruitKind = "round" | "pear" | "crescent" | "oval" | "ribbed" | "cluster";

export interface FruitPreset {
  kind: FruitKind;
  color: string;
  leaf: boolean;
}

export const FRUITS: Record<string, FruitPreset> = {
  apple: { kind: "round", color: "#c8382c", leaf: true },
  orange: { kind: "round", color: "#e8882a", leaf: true },
  peach: { kind: "round", color: "#f0a070", leaf: true },
  plum: { kind: "round", color: "#7a3a6a", leaf: false },
  cherry: { kind: "round", color: "#b0202a", leaf: true },
  tomato: { kind: "round", color: "#d83a2a", leaf: true },
  melon: { kind: "round", color: "#9ab85a", leaf: false },
  watermelon: { kind: "oval", color: "#3e8a3a", leaf: false },
  coconut: { kind: "round", color: "#7a5a3a", leaf: false },
  pear: { kind: "pear", color: "#b8c84a", leaf: true },
  avocado: { kind: "pear", color: "#4a6a2a", leaf: false },
  fig: { kind: "pear", color: "#6a3a5a", leaf: false },
  banana: { kind: "crescent", color: "#f0d040", leaf: false },
  lemon: { kind: "oval", color: "#f0dc48", leaf: true },
  lime: { kind: "oval", color: "#8ac040", leaf: false },
  mango: { kind: "oval", color: "#f0a830", leaf: true },
  egg: { kind: "oval", color: "#f2e8d6", leaf: false },
  potato: { kind: "oval", color: "#c09a66", leaf: false },
  pumpkin: { kind: "ribbed", color: "#e07a22", leaf: true },
  squash: { kind: "ribbed", color: "#e0a032", leaf: false },
  onion: { kind: "pear", color: "#c88a5a", leaf: false },
  grape: { kind: "cluster", color: "#6a3a8a", leaf: true },
  grapes: { kind: "cluster", color: "#6a3a8a", leaf: true },
  berries: { kind: "cluster", color: "#3a3a9a", leaf: true },
  strawberry: { kind: "pear", color: "#d8302a", leaf: true },
  fruit: { kind: "round", color: "#c84a3a", leaf: true },
};

function stemAndLeaf(d: Drawing, x: number, y: number, size: number, leaf: boolean, rng: Rng): void {
  d.poly(ribbon(quad([x, y - size * 0.05], [x + size * 0.02, y + size * 0.12], [x + size * 0.08, y + size * 0.2], 6), size * 0.05, size * 0.035), fill("dark", "h"));
  if (leaf) {
    const leafShape = [...quad([0, 0], [size * 0.15, size * 0.12], [size * 0.35, 0], 8), ...quad([size * 0.35, 0], [size * 0.15, -size * 0.1], [0, 0], 8)];
    d.poly(rotate(leafShape.map(([lx, ly]): Pt => [x + size * 0.04 + lx, y + size * 0.12 + ly]), x + size * 0.04, y + size * 0.12, between(rng, 15, 40)), fill("second", "h"));
  }
}

export function drawFruit(d: Drawing, preset: FruitPreset, rng: Rng): Albedo {
  const size = 60;
  const squash = between(rng, 0.88, 1.05);
  switch (preset.kind) {
    case "round": {
      const rx = size / 2;
      const ry = (size / 2) * squash;
      d.ellipse(0, ry, rx, ry, fill("main", "r"));
      d.ellipse(0, ry * 1.88, rx * 0.22, ry * 0.07, fill("main", "shade"), "detail");
      stemAndLeaf(d, 0, ry * 1.9, size, preset.leaf, rng);
      break;
    }
    case "pear": {
      const half = spread(0, 1, 20).map((t): [number, number] => {
        const bottom = Math.sin(Math.PI * Math.min(t / 0.62, 1)) * 0.5 * (t < 0.62 ? 1 : 0);
        const top = t >= 0.45 ? 0.26 * Math.sin(Math.PI * Math.min((t - 0.3) / 0.7, 1)) : 0;
        return [Math.max(size * Math.max(bottom, top, 0.02), 0.3), size * 1.3 * t];
      });
      d.poly(profile(0, half), fill("main", "r"));
      stemAndLeaf(d, 0, size * 1.28, size, preset.leaf, rng);
      break;
    }
    case "crescent": {
      const curve = between(rng, 0.8, 1.1);
      const spine = quad([-size * 0.7, size * 0.9 * curve], [-size * 0.1, -size * 0.35], [size * 0.75, size * 0.75 * curve], 24);
      // Stood on its tip at a slant, so it fills a portrait frame.
      const tilt = (points: readonly Pt[]) => rotate(points, 0, 0, 50);
      d.poly(tilt(ribbon(spine, size * 0.34, size * 0.12)), fill("main", "h"));
      d.lines([tilt(spine.map(([x, y]): Pt => [x, y + size * 0.02]))], "second", size * 0.015);
      const end = spine[spine.length - 1] ?? [0, 0];
      d.poly(tilt(ribbon([[end[0] - 1, end[1]], [end[0] + size * 0.06, end[1] + size * 0.12]], size * 0.08)), fill("dark", "h"));
      break;
    }
    case "oval": {
      const rx = size * 0.34;
      const ry = size * 0.5;
      d.poly(rotate(ellipsePoints(0, ry, rx * squash, ry, 40), 0, ry, between(rng, -20, 20)), fill("main", "r"));
      if (preset.leaf) stemAndLeaf(d, 0, ry * 1.95, size * 0.8, true, rng);
      break;
    }
    case "ribbed": {
      const rx = size * 0.62;
      const ry = size * 0.4;
      for (const f of [-0.6, 0.6, -0.3, 0.3, 0]) d.ellipse(f * rx * 0.55, ry, rx * 0.5, ry, fill("main", Math.abs(f) > 0.4 ? "h" : "r"));
      d.poly(ribbon(quad([0, ry * 1.8], [size * 0.02, ry * 2.2], [size * 0.12, ry * 2.3], 6), size * 0.09, size * 0.06), fill("dark", "h"));
      if (preset.leaf) stemAndLeaf(d, size * 0.08, ry * 1.9, size * 0.8, true, rng);
      break;
    }
    case "cluster": {
      const grapes: Pt[] = [];
      const rows = 6;
      for (let r = 0; r < rows; r++) {
        const count = rows - r;
        for (const x of spread(-count * 4, count * 4, count)) grapes.push([x + between(rng, -1, 1), 8 + (rows - r) * 8 + between(rng, -1, 1)]);
      }
      for (const [x, y] of grapes.sort((a, b) => b[1] - a[1])) d.ellipse(x, y, 5.2, 5.2, fill("main", "r"));
      stemAndLeaf(d, 0, 8 + rows * 8 + 4, size, preset.leaf, rng);
      break;
    }
  }
  return { main: preset.color, second: "#5a9a3a", dark: "#6a4a2a" };
}
