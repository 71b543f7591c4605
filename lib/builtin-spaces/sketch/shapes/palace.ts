import "server-only";

// Palatial facades (Opéra Garnier): an arcaded ground floor, a storey of paired columns, an attic
// with gilded corner groups, a low copper dome and the stage-house gable rising behind.

import { fill, type Drawing, type Pt } from "../drawing";
import { arc, archOpening, ellipsePoints, spread } from "../geometry";
import { between, intBetween, type Rng } from "../random";
import { defineShape, type ShapeParams } from "./define";
import { band, pediment, windows, type RectSpec } from "./parts";

interface PalaceParams extends ShapeParams {
  width: number;
  /** Heights of the arcade storey, the column storey and the attic. */
  storeys: [number, number, number];
  bays: number;
  /** Low dome behind the facade: width and height, 0 for none. */
  dome: [number, number];
  /** Stage-house gable behind: width and height above the attic, 0 for none. */
  gable: [number, number];
  /** Corner pavilions projecting above the attic. */
  pavilions: boolean;
  statues: boolean;
}

function draw(d: Drawing, p: PalaceParams, detail: Rng): void {
  const w = p.width;
  const [h1, h2, h3] = p.storeys;
  const top = h1 + h2 + h3;
  if (p.gable[0] > 0) {
    const [gw, gh] = p.gable;
    d.rect(-gw / 2, top * 0.8, gw, top * 0.2 + gh * 0.35, fill("main", "h"));
    d.poly([[-gw / 2 - 1, top + gh * 0.35], [gw / 2 + 1, top + gh * 0.35], [0, top + gh]], fill("roof", "h"));
    d.poly([[-1.2, top + gh], [1.2, top + gh], [0.4, top + gh + 5], [-0.4, top + gh + 5]], fill("gold", "h"));
    d.ellipse(0, top + gh + 5.5, 1.4, 1.4, fill("gold", "r"));
  }
  if (p.dome[0] > 0) {
    const [dw, dh] = p.dome;
    d.rect(-dw / 2, top - 1, dw, 3, fill("main", "h"));
    d.poly(arc(0, top + 2, dw / 2, dh, 0, 180, 22), fill("roof", "r"));
    d.ellipse(0, top + 2 + dh, dw * 0.08, dw * 0.08, fill("gold", "r"));
  }

  // Ground-floor arcade.
  const bayW = w / p.bays;
  const outline: Pt[] = [[-w / 2, 0], [w / 2, 0], [w / 2, h1], [-w / 2, h1]];
  const arches = spread(-w / 2 + bayW / 2, w / 2 - bayW / 2, p.bays).map((x) => archOpening(x - bayW * 0.3, x + bayW * 0.3, h1 * 0.08, h1 * 0.62, 10));
  d.shape([outline], fill("main", "h"));
  d.shapes(arches, fill("window", "flat"));
  d.rect(-w / 2 - 1, 0, w + 2, h1 * 0.08, fill("second", "h"));
  band(d, -w / 2, w / 2, h1 - h1 * 0.08, h1 * 0.08);

  // Columned storey: paired columns between tall windows.
  d.rect(-w / 2, h1, w, h2, fill("second", "h"));
  const columns: RectSpec[] = [];
  for (const x of spread(-w / 2 + bayW * 0.05, w / 2 - bayW * 0.05, p.bays + 1)) {
    columns.push([x - bayW * 0.16, h1, bayW * 0.1, h2 * 0.92], [x + bayW * 0.06, h1, bayW * 0.1, h2 * 0.92]);
  }
  for (const [x, y, cw, ch] of columns) d.rect(x, y, cw, ch, fill("trim", "h"));
  const tall: RectSpec[] = spread(-w / 2 + bayW / 2, w / 2 - bayW / 2, p.bays).map((x) => [x - bayW * 0.17, h1 + h2 * 0.12, bayW * 0.34, h2 * 0.6]);
  windows(d, tall, detail, 0.7);
  const medallions = spread(-w / 2 + bayW / 2, w / 2 - bayW / 2, p.bays).map((x) => ellipsePoints(x, h1 + h2 * 0.84, bayW * 0.09, bayW * 0.09, 10));
  d.shapes(medallions, fill("gold", "flat"));

  // Attic, with pavilions and gilded groups at the corners.
  d.rect(-w / 2 - 0.5, h1 + h2, w + 1, h3, fill("main", "h"));
  band(d, -w / 2 - 1, w / 2 + 1, h1 + h2, h3 * 0.15);
  d.rects(spread(-w * 0.42, w * 0.42, 14).map((x): RectSpec => [x - 0.6, h1 + h2 + h3 * 0.3, 1.2, h3 * 0.45]), fill("second", "shade"));
  if (p.pavilions) {
    for (const sign of [-1, 1]) {
      const x0 = sign * (w / 2) - (sign > 0 ? bayW * 1.1 : 0);
      d.rect(x0, h1 + h2, bayW * 1.1, h3 * 1.8, fill("main", "h"));
      pediment(d, x0 - 0.4, x0 + bayW * 1.1 + 0.4, top + h3 * 0.8, bayW * 0.35);
    }
  }
  if (p.statues) {
    for (const sign of [-1, 1]) {
      const x = sign * (w / 2 - bayW * 0.55);
      const y = top + (p.pavilions ? h3 * 0.8 : 0);
      d.poly([[x - 2.6, y], [x + 2.6, y], [x + 1.8, y + 3.5], [x + 0.8, y + 7], [x - 0.9, y + 6.2], [x - 2, y + 3.8]], fill("gold", "h"));
    }
  }
}

function generic(rng: Rng): PalaceParams {
  const w = between(rng, 50, 80);
  return {
    width: w,
    storeys: [between(rng, 10, 16), between(rng, 12, 18), between(rng, 4, 8)],
    bays: intBetween(rng, 5, 9),
    dome: rng() < 0.5 ? [w * 0.3, w * 0.12] : [0, 0],
    gable: [0, 0],
    pavilions: rng() < 0.6,
    statues: rng() < 0.4,
    colors: {},
  };
}

export const palace = defineShape<PalaceParams>({
  variants: {
    "opera-garnier": {
      width: 62,
      storeys: [15, 18, 7],
      bays: 7,
      dome: [20, 7],
      gable: [34, 22],
      pavilions: true,
      statues: true,
      colors: { main: "#ddcfae", second: "#c9b58e", trim: "#ece0c2", roof: "#6fa58e", gold: "#e4b446" },
    },
  },
  generic,
  draw,
});
