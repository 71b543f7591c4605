import "server-only";

// Small buildings: a gabled house with a chimney, a striped lighthouse.

import { fill, type Drawing, type Pt } from "../drawing";
import { arc, spread } from "../geometry";
import { between, intBetween, type Rng } from "../random";
import { windows } from "../shapes/parts";

export function house(d: Drawing, rng: Rng): void {
  const w = between(rng, 50, 70);
  const h = between(rng, 26, 34);
  const roofH = between(rng, 20, 30);
  d.rect(w * 0.2, h, 6, roofH * 0.9, fill("accent", "h"));
  d.rect(-w / 2, 0, w, h, fill("main", "h"));
  d.poly([[-w / 2 - 4, h], [w / 2 + 4, h], [0, h + roofH]], fill("roof", "h"));
  d.rect(-5, 0, 10, h * 0.6, fill("dark", "h"), "detail");
  windows(d, [[-w * 0.38, h * 0.35, w * 0.18, h * 0.35], [w * 0.2, h * 0.35, w * 0.18, h * 0.35]], rng, 0.8);
}

export function lighthouse(d: Drawing, rng: Rng): void {
  const h = 70;
  d.poly([[-12, 0], [12, 0], [7, h], [-7, h]], fill("main", "h"));
  const bands = intBetween(rng, 2, 4);
  for (let i = 0; i < bands; i++) {
    const y0 = (h * (2 * i + 1)) / (2 * bands + 1);
    const y1 = (h * (2 * i + 2)) / (2 * bands + 1);
    const at = (y: number) => 12 - (5 * y) / h;
    d.poly([[-at(y0), y0], [at(y0), y0], [at(y1), y1], [-at(y1), y1]], fill("accent", "h"), "detail");
  }
  d.rect(-10, h, 20, 2, fill("dark", "h"));
  d.rect(-6, h + 2, 12, 9, fill("window", "lit"));
  d.lines(spread(-5, 5, 4).map((x): Pt[] => [[x, h + 2], [x, h + 11]]), "dark", 0.5);
  d.poly(arc(0, h + 11, 7.5, 7, 0, 180, 12), fill("accent", "r"));
  d.rect(-3, 0, 6, 9, fill("dark", "h"), "detail");
}
