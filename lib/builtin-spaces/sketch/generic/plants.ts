import "server-only";

// Trees (round-crowned, pine, palm) and plants (flower, cactus, mushroom).

import { fill, type Drawing, type Pt } from "../drawing";
import { arc, ellipsePoints, profile, quad, ribbon, rotate, spread } from "../geometry";
import { between, intBetween, type Rng } from "../random";

export function tree(d: Drawing, rng: Rng, kind: "tree" | "pine" | "palm"): void {
  if (kind === "palm") {
    const trunk = quad([0, 0], [between(rng, 4, 14), 40], [between(rng, -6, 6), 80], 14);
    d.poly(ribbon(trunk, 7, 4), fill("second", "h"));
    d.lines(trunk.filter((_, i) => i % 2 === 0).map(([x, y]): Pt[] => [[x - 3, y], [x + 3, y + 1]]), "dark", 0.5);
    const top = trunk[trunk.length - 1] ?? [0, 80];
    for (const a of spread(-160, -20, 7)) {
      const rad = (a * Math.PI) / 180;
      const tip: Pt = [top[0] + Math.cos(rad) * 38, top[1] - Math.sin(rad) * 6 - 14];
      d.poly(ribbon(quad(top, [top[0] + Math.cos(rad) * 20, top[1] + 14], tip, 10), 7, 1), fill("main", "h"));
    }
    return;
  }
  d.poly([[-4, 0], [4, 0], [2.5, 40], [-2.5, 40]], fill("second", "h"));
  if (kind === "pine") {
    const tiers = intBetween(rng, 4, 6);
    for (let i = 0; i < tiers; i++) {
      const w = 34 * (1 - i / (tiers + 1));
      const y = 14 + i * (70 / tiers);
      d.poly([[-w, y], [w, y], [0, y + 28]], fill("main", "h"));
    }
    return;
  }
  const blobs = intBetween(rng, 5, 8);
  for (let i = 0; i < blobs; i++) {
    const a = (i / blobs) * Math.PI * 2;
    d.ellipse(Math.cos(a) * 16, 62 + Math.sin(a) * 13, between(rng, 14, 20), between(rng, 12, 17), fill("main", "r"));
  }
  d.ellipse(0, 64, 24, 22, fill("main", "r"));
}

export function plant(d: Drawing, rng: Rng, kind: "flower" | "cactus" | "mushroom"): void {
  if (kind === "cactus") {
    d.poly(profile(0, spread(0, 1, 12).map((t): [number, number] => [Math.max(9 * Math.sqrt(1 - Math.max(0, t - 0.85) / 0.15), 0.5), t * 90])), fill("main", "h"));
    for (const s of [-1, 1]) {
      const y = between(rng, 28, 45);
      d.poly(ribbon([[s * 6, y], [s * 20, y], [s * 20, y + between(rng, 18, 30)]], 10, 9), fill("main", "h"));
    }
    d.lines(spread(-5, 5, 3).map((x): Pt[] => [[x, 2], [x, 84]]), "second", 0.6);
    return;
  }
  if (kind === "mushroom") {
    d.poly(profile(0, [[10, 0], [8, 20], [7, 36]]), fill("trim", "h"));
    d.poly(arc(0, 34, 36, 30, 0, 180, 24), fill("main", "r"));
    d.shapes([[-18, 48], [4, 56], [20, 44], [-4, 42]].map(([x, y]) => ellipsePoints(x ?? 0, y ?? 0, 4, 3.4, 10)), fill("trim", "flat"));
    return;
  }
  const stem = quad([0, 0], [between(rng, -8, 8), 40], [0, 70], 12);
  d.poly(ribbon(stem, 3), fill("second", "h"));
  for (const s of [-1, 1]) d.poly(rotate(ellipsePoints(s * 10, 30, 10, 4, 14), s * 2, 30, s * 25), fill("second", "h"));
  const petals = intBetween(rng, 6, 12);
  for (let i = 0; i < petals; i++) {
    const a = (i / petals) * 360;
    d.poly(rotate(ellipsePoints(0, 70 + 12, 5.5, 12, 14), 0, 70, a), fill("main", "h"));
  }
  d.ellipse(0, 70, 8, 8, fill("gold", "r"));
}
