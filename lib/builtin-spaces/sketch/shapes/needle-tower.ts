import "server-only";

// Slender observation and broadcast towers: a tapering shaft (lattice or concrete), one or two
// observation pods or a saucer, and a long antenna.

import { fill, type Drawing, type Pt } from "../drawing";
import { arc, profile, spread } from "../geometry";
import { between, intBetween, type Rng } from "../random";
import { defineShape, type ShapeParams } from "./define";
import { windows, type RectSpec } from "./parts";

interface Pod {
  /** Height of the pod's centre as a share of the total. */
  at: number;
  width: number;
  height: number;
  kind: "ring" | "saucer" | "bulb";
}

interface NeedleParams extends ShapeParams {
  height: number;
  baseWidth: number;
  /** Width just below the antenna. */
  topWidth: number;
  /** Where the antenna starts, as a share of the height. */
  antenna: number;
  /** Waisted legs splaying out at the foot (Space Needle) rather than a straight taper. */
  waist: boolean;
  lattice: boolean;
  pods: Pod[];
}

function draw(d: Drawing, p: NeedleParams, detail: Rng): void {
  const H = p.height;
  const shaftTop = H * p.antenna;
  const halfAt = (y: number) => {
    const t = y / shaftTop;
    if (p.waist) return (p.baseWidth / 2) * (0.25 + 0.75 * (1 - Math.min(t / 0.6, 1)) ** 2) + (p.topWidth / 2) * Math.min(t / 0.6, 1) ** 3;
    return p.baseWidth / 2 + (p.topWidth / 2 - p.baseWidth / 2) * Math.sqrt(t);
  };
  const half = spread(0, shaftTop, 24).map((y): [number, number] => [halfAt(y), y]);
  const outline = profile(0, half);
  if (p.waist) {
    const gap: Pt[] = spread(0, shaftTop * 0.5, 12).map((y): Pt => [halfAt(y) * 0.55 * (1 - y / (shaftTop * 0.5)), y]);
    d.shape([outline, [...gap, ...gap.slice(0, -1).reverse().map(([x, y]): Pt => [-x, y])]], fill("main", "h"));
  } else {
    d.poly(outline, fill("main", "h"));
  }
  if (p.lattice) {
    const braces: Pt[][] = [];
    const ys = spread(0, shaftTop, 22);
    for (let i = 0; i + 1 < ys.length; i++) {
      const y0 = ys[i] ?? 0;
      const y1 = ys[i + 1] ?? 0;
      braces.push([[-halfAt(y0), y0], [halfAt(y1), y1]], [[halfAt(y0), y0], [-halfAt(y1), y1]]);
    }
    d.lines(braces, "trim", 0.18);
  } else {
    d.lines([[[0, 0], [0, shaftTop]]], "second", p.topWidth * 0.15);
  }
  for (const pod of p.pods) {
    const y = H * pod.at;
    if (pod.kind === "saucer") {
      d.poly([[-pod.width * 0.25, y - pod.height * 0.6], [pod.width * 0.25, y - pod.height * 0.6], [pod.width / 2, y], [pod.width * 0.45, y + pod.height * 0.25], [-pod.width * 0.45, y + pod.height * 0.25], [-pod.width / 2, y]], fill("second", "h"));
      windows(d, [[-pod.width * 0.46, y - pod.height * 0.05, pod.width * 0.92, pod.height * 0.2]], detail, 1);
      d.poly(arc(0, y + pod.height * 0.25, pod.width * 0.32, pod.height * 0.5, 0, 180, 14), fill("accent", "r"));
    } else if (pod.kind === "bulb") {
      d.ellipse(0, y, pod.width / 2, pod.height / 2, fill("second", "r"));
      windows(d, [[-pod.width * 0.42, y - pod.height * 0.1, pod.width * 0.84, pod.height * 0.18]], detail, 1);
    } else {
      d.rect(-pod.width / 2, y - pod.height / 2, pod.width, pod.height, fill("second", "h"));
      const panes: RectSpec[] = spread(-pod.width * 0.42, pod.width * 0.34, 8).map((x) => [x, y - pod.height * 0.25, pod.width * 0.07, pod.height * 0.5]);
      windows(d, panes, detail, 0.9);
    }
  }
  d.poly([[-p.topWidth * 0.22, shaftTop], [p.topWidth * 0.22, shaftTop], [p.topWidth * 0.05, H], [-p.topWidth * 0.05, H]], fill("trim", "h"));
}

export const needleTower = defineShape<NeedleParams>({
  variants: {
    "tokyo-skytree": { height: 100, baseWidth: 14, topWidth: 4.5, antenna: 0.84, waist: false, lattice: true, pods: [{ at: 0.55, width: 10, height: 4, kind: "ring" }, { at: 0.71, width: 7.5, height: 2.6, kind: "ring" }], colors: { main: "#e4eaf0", second: "#c8d2dc", trim: "#aab6c2" } },
    "space-needle": { height: 100, baseWidth: 30, topWidth: 6, antenna: 0.84, waist: true, lattice: false, pods: [{ at: 0.74, width: 30, height: 8, kind: "saucer" }, { at: 0.16, width: 12, height: 1.4, kind: "ring" }], colors: { main: "#e8e6e0", second: "#d2d0ca", accent: "#e0883a", trim: "#f2f0ea" } },
    "cn-tower": { height: 100, baseWidth: 11, topWidth: 5, antenna: 0.7, waist: false, lattice: false, pods: [{ at: 0.6, width: 15, height: 7, kind: "bulb" }, { at: 0.78, width: 5, height: 2.4, kind: "bulb" }], colors: { main: "#c8c4bc", second: "#aca89e", trim: "#dcd8d0" } },
  },
  generic: (rng) => ({
    height: 100,
    baseWidth: between(rng, 8, 16),
    topWidth: between(rng, 3, 6),
    antenna: between(rng, 0.68, 0.85),
    waist: false,
    lattice: rng() < 0.4,
    pods: Array.from({ length: intBetween(rng, 1, 2) }, (_, i) => ({ at: 0.5 + i * 0.16, width: between(rng, 9, 16), height: between(rng, 3, 7), kind: rng() < 0.5 ? ("bulb" as const) : ("ring" as const) })),
    colors: {},
  }),
  draw,
});
