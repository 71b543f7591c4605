import "server-only";

// Vehicles in profile: cars and buses, boats under sail or with a cabin, rockets.

import { fill, type Drawing } from "../drawing";
import { profile, spread } from "../geometry";
import { between, type Rng } from "../random";
import { windows, type RectSpec } from "../shapes/parts";

function wheel(d: Drawing, x: number, r: number): void {
  d.ellipse(x, r, r, r, fill("dark", "r"));
  d.ellipse(x, r, r * 0.5, r * 0.5, fill("trim", "r"));
}

export function car(d: Drawing, rng: Rng, boxy: boolean): void {
  const L = boxy ? 90 : 80;
  const r = 8;
  const bodyTop = boxy ? 46 : 20;
  if (boxy) {
    d.poly([[-L / 2, r * 0.8], [L / 2, r * 0.8], [L / 2, bodyTop], [-L / 2 + 4, bodyTop], [-L / 2, bodyTop - 4]], fill("main", "h"));
    windows(d, spread(-L / 2 + 6, L / 2 - 14, 6).map((x): RectSpec => [x, bodyTop - 16, 10, 11]), rng, 0.6);
    d.rect(-L / 2, r * 1.6, L, 3, fill("trim", "lit"));
  } else {
    const cabin = between(rng, 0.45, 0.6);
    d.poly([[-L / 2, r * 0.8], [L / 2, r * 0.8], [L / 2 + 1, bodyTop - 4], [L * 0.32, bodyTop], [L * (0.3 - cabin / 2) + L * 0.1, bodyTop + 14], [-L * 0.2, bodyTop + 14], [-L * 0.36, bodyTop], [-L / 2, bodyTop - 2]], fill("main", "h"));
    d.shapes([[[-L * 0.18, bodyTop + 1], [L * 0.02, bodyTop + 1], [L * 0.02, bodyTop + 12], [-L * 0.17, bodyTop + 12], [-L * 0.32, bodyTop + 1]], [[L * 0.05, bodyTop + 1], [L * 0.28, bodyTop + 1], [L * 0.16, bodyTop + 12], [L * 0.05, bodyTop + 12]]], fill("glass", "h"));
    d.rect(L / 2 - 4, bodyTop - 8, 4, 3, fill("window", "lit"), "detail");
  }
  wheel(d, -L * 0.3, r);
  wheel(d, L * 0.3, r);
}

export function boat(d: Drawing, rng: Rng): void {
  const L = 80;
  d.poly([[-L / 2, 14], [L / 2 + 6, 16], [L * 0.36, 0], [-L * 0.4, 0]], fill("main", "h"));
  d.lines([[[-L / 2 + 2, 10], [L / 2 + 3, 12]]], "trim", 1.2);
  if (rng() < 0.6) {
    d.rect(-1, 15, 2, 70, fill("dark", "h"));
    d.poly([[2, 24], [2, 84], [L * 0.4, 24]], fill("second", "h"));
    d.poly([[-2, 30], [-2, 80], [-L * 0.32, 30]], fill("second", "shade"));
  } else {
    d.rect(-L * 0.25, 15, L * 0.45, 16, fill("second", "h"));
    d.rect(-L * 0.15, 31, L * 0.25, 10, fill("second", "h"));
    windows(d, spread(-L * 0.22, L * 0.12, 5).map((x): RectSpec => [x, 21, 5, 5]), rng, 0.7);
    d.rect(L * 0.02, 41, 5, 10, fill("accent", "h"));
  }
}

export function rocket(d: Drawing): void {
  const half = spread(0, 1, 20).map((t): [number, number] => [Math.max(10 * Math.sin(Math.PI * Math.min(0.5 + t * 0.55, 1)) + (t < 0.7 ? 1 : 0), 0.3), 12 + t * 80]);
  for (const s of [-1, 1]) d.poly([[s * 8, 12], [s * 20, 2], [s * 20, 14], [s * 9, 34]], fill("accent", "h"));
  d.poly(profile(0, half), fill("main", "h"));
  d.ellipse(0, 60, 5, 5, fill("trim", "flat"));
  d.ellipse(0, 60, 3.8, 3.8, fill("glass", "r"));
  d.poly([[-6, 12], [6, 12], [4, 4], [-4, 4]], fill("dark", "h"));
  d.poly([[-1.5, 12 + 80], [1.5, 12 + 80], [0, 96]], fill("accent", "h"));
}
