import "server-only";

// Torii gates: two pillars, a tie beam (nuki) and a curved double lintel (kasagi), vermilion with
// black caps; Itsukushima's adds braced support legs.

import { fill, type Drawing, type Pt } from "../drawing";
import { quad } from "../geometry";
import { between } from "../random";
import { defineShape, type ShapeParams } from "./define";

interface ToriiParams extends ShapeParams {
  width: number;
  height: number;
  /** A second, smaller gate behind (the tunnel of gates at Fushimi Inari). */
  echo: boolean;
  braced: boolean;
}

function gate(d: Drawing, cx: number, w: number, h: number, braced: boolean, main: "main" | "second"): void {
  const pillarW = w * 0.09;
  const span = w * 0.36;
  for (const sign of [-1, 1]) {
    const x = cx + sign * span;
    d.poly([[x - pillarW * 0.6, 0], [x + pillarW * 0.6, 0], [x + pillarW * 0.45, h * 0.86], [x - pillarW * 0.45, h * 0.86]], fill(main, "h"));
    d.rect(x - pillarW * 0.7, 0, pillarW * 1.4, h * 0.06, fill("dark", "h"));
    if (braced) {
      for (const off of [-1, 1]) {
        const bx = x + off * w * 0.1;
        d.poly([[bx - pillarW * 0.3, 0], [bx + pillarW * 0.3, 0], [bx + pillarW * 0.25, h * 0.45], [bx - pillarW * 0.25, h * 0.45]], fill(main, "h"));
      }
      d.rect(x - w * 0.12, h * 0.4, w * 0.24, h * 0.03, fill(main, "h"));
    }
  }
  d.rect(cx - span - w * 0.1, h * 0.68, 2 * span + w * 0.2, h * 0.06, fill(main, "h"));
  d.rect(cx - w * 0.03, h * 0.74, w * 0.06, h * 0.12, fill(main, "h"));
  const left: Pt = [cx - w / 2, h * 0.93];
  const right: Pt = [cx + w / 2, h * 0.93];
  const lower = [...quad(left, [cx, h * 0.84], right, 14)];
  const upper = [...quad([cx + w / 2 + w * 0.02, h * 1.0], [cx, h * 0.9], [cx - w / 2 - w * 0.02, h * 1.0], 14)];
  d.poly([...lower, ...upper], fill("dark", "h"));
  const beam = [...quad([cx - w * 0.46, h * 0.84], [cx, h * 0.79], [cx + w * 0.46, h * 0.84], 14), ...quad([cx + w * 0.47, h * 0.92], [cx, h * 0.86], [cx - w * 0.47, h * 0.92], 14)];
  d.poly(beam, fill(main, "h"));
}

function draw(d: Drawing, p: ToriiParams): void {
  if (p.echo) gate(d, p.width * 0.1, p.width * 0.82, p.height * 0.82, false, "second");
  gate(d, 0, p.width, p.height, p.braced, "main");
}

export const torii = defineShape<ToriiParams>({
  variants: {
    "fushimi-inari": { width: 70, height: 62, echo: true, braced: false, colors: { main: "#e2482a", second: "#c63c22", dark: "#3e3a38" } },
    "itsukushima-torii": { width: 84, height: 64, echo: false, braced: true, colors: { main: "#e2502e", dark: "#45403c" } },
  },
  generic: (rng) => ({ width: between(rng, 60, 80), height: between(rng, 50, 66), echo: rng() < 0.4, braced: rng() < 0.3, colors: { main: "#e04a2c", second: "#c63c22", dark: "#4a4440" } }),
  draw,
});
