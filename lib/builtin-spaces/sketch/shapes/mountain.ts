import "server-only";

// Volcanic cones (Mount Fuji): gently concave flanks rising to a flat crater rim, with a ragged
// snow cap and gullies running down.

import { fill, type Drawing, type Pt } from "../drawing";
import { spread } from "../geometry";
import { between, type Rng } from "../random";
import { defineShape, type ShapeParams } from "./define";

interface MountainParams extends ShapeParams {
  width: number;
  height: number;
  /** Crater rim width as a share of the base. */
  rim: number;
  /** Snow line as a share of the height. */
  snow: number;
}

function flank(p: MountainParams, t: number): number {
  // Concave profile: steep near the top, spreading at the foot.
  const half = p.width / 2;
  const rimHalf = half * p.rim;
  return rimHalf + (half - rimHalf) * (1 - t) ** 2.2;
}

function draw(d: Drawing, p: MountainParams, detail: Rng): void {
  const right: Pt[] = spread(0, 1, 24).map((t): Pt => [flank(p, t), p.height * t]);
  const left: Pt[] = [...right].reverse().map(([x, y]): Pt => [-x, y]);
  const rim: Pt[] = spread(p.width * p.rim * 0.5, -p.width * p.rim * 0.5, 6).map((x, i): Pt => [x, p.height + (i % 2 === 0 ? 0 : -0.6)]);
  d.poly([...right, ...rim.slice(1, -1), ...left], fill("main", "h"));
  // Snow cap with ragged tongues down the gullies.
  const snowT = p.snow;
  const tongues = 9;
  const lower: Pt[] = spread(-1, 1, tongues * 2 + 1).map((f, i): Pt => {
    const depth = i % 2 === 1 ? between(detail, 0.05, 0.16) : 0;
    const t = Math.max(0, snowT - depth);
    return [f * flank(p, t) * 0.98, p.height * t];
  });
  const rightAbove = right.filter(([, y]) => y > p.height * snowT);
  const leftAbove = [...rightAbove].reverse().map(([x, y]): Pt => [-x, y]);
  d.poly([...lower, ...rightAbove, ...rim, ...leftAbove], fill("trim", "h"));
  const gullies: Pt[][] = spread(-0.8, 0.8, 7).map((f): Pt[] => spread(snowT - 0.1, 0.05, 6).map((t): Pt => [f * flank(p, t) * 0.9, p.height * t]));
  d.lines(gullies, "second", p.width * 0.004);
}

export const mountain = defineShape<MountainParams>({
  variants: { "mount-fuji": { width: 78, height: 44, rim: 0.1, snow: 0.6, colors: { main: "#5e6c8c", second: "#4a5878", trim: "#f4f6fa" } } },
  generic: (rng) => ({ width: between(rng, 80, 100), height: between(rng, 40, 60), rim: between(rng, 0.03, 0.12), snow: between(rng, 0.55, 0.8), colors: { main: "#7a7468", second: "#5e584e", trim: "#f2f2f2" } }),
  draw,
});
