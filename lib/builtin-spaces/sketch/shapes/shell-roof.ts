import "server-only";

// The Sydney Opera House: interlocking white sail shells of falling height on a broad granite
// podium, their tiled surfaces ribbed, with glass walls under their mouths.

import { fill, type Drawing, type Pt } from "../drawing";
import { cubic, spread } from "../geometry";
import { between, intBetween, type Rng } from "../random";
import { defineShape, type ShapeParams } from "./define";

interface Shell {
  x: number;
  width: number;
  height: number;
  /** Faces right (+1) or left (-1). */
  facing: number;
}

interface ShellParams extends ShapeParams {
  podiumWidth: number;
  podiumHeight: number;
  shells: Shell[];
}

function shell(d: Drawing, s: Shell, base: number): void {
  const back = s.x - (s.facing * s.width) / 2;
  const front = s.x + (s.facing * s.width) / 2;
  const tip: Pt = [s.x + s.facing * s.width * 0.28, base + s.height];
  const outline: Pt[] = [
    [back, base],
    ...cubic([back, base], [back + s.facing * s.width * 0.05, base + s.height * 0.6], [tip[0] - s.facing * s.width * 0.4, base + s.height * 1.0], tip, 12).slice(1),
    ...cubic(tip, [tip[0] + s.facing * s.width * 0.15, base + s.height * 0.7], [front, base + s.height * 0.25], [front, base], 10).slice(1),
  ];
  d.poly(outline, fill("main", s.facing > 0 ? "h" : "shade"));
  const mouth: Pt[] = [[tip[0] - s.facing * s.width * 0.05, base + s.height * 0.85], [front, base], [s.x + s.facing * s.width * 0.05, base]];
  d.poly(mouth, fill("glass", "v"), "detail");
  const ribs: Pt[][] = spread(0.15, 0.85, 6).map((f) => [[back + s.facing * s.width * f * 0.6, base], tip]);
  d.lines(ribs, "second", s.width * 0.008);
}

function draw(d: Drawing, p: ShellParams): void {
  const w = p.podiumWidth;
  const h = p.podiumHeight;
  for (const s of [...p.shells].sort((a, b) => a.height - b.height)) shell(d, s, h);
  d.rect(-w / 2, 0, w, h, fill("second", "h"));
  d.lines(spread(-w / 2 + 2, w / 2 - 2, 24).map((x): Pt[] => [[x, h * 0.2], [x, h * 0.8]]), "dark", 0.25);
}

export const shellRoof = defineShape<ShellParams>({
  variants: {
    "sydney-opera-house": {
      podiumWidth: 100,
      podiumHeight: 8,
      shells: [
        { x: -30, width: 26, height: 40, facing: -1 },
        { x: -12, width: 24, height: 32, facing: -1 },
        { x: 2, width: 20, height: 24, facing: -1 },
        { x: 16, width: 22, height: 36, facing: 1 },
        { x: 32, width: 20, height: 28, facing: 1 },
      ],
      colors: { main: "#f4f2ea", second: "#c8bca6", glass: "#c88a52", dark: "#8a7e6a" },
    },
  },
  generic: (rng: Rng) => ({
    podiumWidth: between(rng, 70, 100),
    podiumHeight: between(rng, 6, 10),
    shells: Array.from({ length: intBetween(rng, 2, 5) }, (_, i) => ({ x: -30 + i * 15, width: between(rng, 18, 28), height: between(rng, 20, 42), facing: rng() < 0.5 ? -1 : 1 })),
    colors: {},
  }),
  draw,
});
