import "server-only";

// The Great Sphinx, seen from the side: a recumbent lion's body with outstretched forepaws and a
// pharaoh's head wearing the striped nemes headdress.

import { fill, type Drawing, type Pt } from "../drawing";
import { cubic, spread } from "../geometry";
import { between } from "../random";
import { defineShape, type ShapeParams } from "./define";

interface SphinxParams extends ShapeParams {
  length: number;
  height: number;
}

function draw(d: Drawing, p: SphinxParams): void {
  const L = p.length;
  const H = p.height;
  d.rect(-L * 0.55, 0, L * 1.1, H * 0.08, fill("second", "h"));
  const base = H * 0.08;
  // Body: haunch at the back (left), shoulders under the head (right).
  const back: Pt[] = [
    ...cubic([-L * 0.5, base], [-L * 0.52, base + H * 0.3], [-L * 0.42, base + H * 0.42], [-L * 0.2, base + H * 0.38], 10),
    ...cubic([-L * 0.2, base + H * 0.38], [0, base + H * 0.36], [L * 0.12, base + H * 0.4], [L * 0.2, base + H * 0.52], 10).slice(1),
  ];
  const front: Pt[] = [[L * 0.3, base + H * 0.45], [L * 0.32, base + H * 0.18], [L * 0.5, base + H * 0.14], [L * 0.52, base]];
  d.poly([...back, ...front], fill("main", "h"));
  d.lines([cubic([-L * 0.42, base + H * 0.05], [-L * 0.4, base + H * 0.28], [-L * 0.25, base + H * 0.3], [-L * 0.15, base + H * 0.06], 10)], "dark", H * 0.012);
  d.lines([[[L * 0.1, base + H * 0.12], [L * 0.5, base + H * 0.12]]], "dark", H * 0.01);
  // Head and nemes.
  const hx = L * 0.27;
  const hy = base + H * 0.42;
  d.poly([[hx - H * 0.17, hy], [hx + H * 0.16, hy], [hx + H * 0.12, hy + H * 0.3], [hx + H * 0.02, hy + H * 0.44], [hx - H * 0.1, hy + H * 0.38], [hx - H * 0.18, hy + H * 0.2]], fill("second", "h"));
  d.lines(spread(hy + H * 0.05, hy + H * 0.35, 6).map((y): Pt[] => [[hx - H * 0.16, y], [hx - H * 0.02, y + H * 0.03]]), "dark", H * 0.012);
  d.poly([[hx + H * 0.02, hy + H * 0.08], [hx + H * 0.18, hy + H * 0.1], [hx + H * 0.2, hy + H * 0.3], [hx + H * 0.08, hy + H * 0.36], [hx + H * 0.02, hy + H * 0.3]], fill("main", "lit"));
  d.lines([[[hx + H * 0.12, hy + H * 0.22], [hx + H * 0.18, hy + H * 0.22]]], "dark", H * 0.015);
}

export const sphinx = defineShape<SphinxParams>({
  variants: { "great-sphinx": { length: 100, height: 50, colors: { main: "#d8b078", second: "#c49a64", dark: "#8e6c42" } } },
  generic: (rng) => ({ length: 100, height: between(rng, 42, 56), colors: {} }),
  draw,
});
