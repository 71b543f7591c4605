// Small Gaussian splats written in the standard 3DGS `.ply` layout (binary little-endian: x y z, nx ny nz,
// f_dc_0..2, [f_rest_0..44], opacity, scale_0..2, rot_0..3), for tests and benches that need a splat file without
// a splat Space: a stepped obelisk on a base, coloured like warm stone, bright enough to tell from the hall's
// dark background. Spark reads it as it is; `fRest` adds the 45 zero higher-order coefficients that Spark 2.2's
// node-side SPZ encoder needs (it panics on a PLY without them).
import { seededRandom } from "../../lib/platform/seeded-random";
import { SH_C0 } from "../../lib/splats/cloud";

export interface PlyOptions {
  /** How many Gaussians (keep it small for software WebGL: ~1 frame/s at 50k). */
  count: number;
  /** Height in metres of the shape (the base sits on y = 0 unless `offset` moves it). */
  height?: number;
  /** Added to every position (a splat that is not centred on its plinth). */
  offset?: [number, number, number];
  fRest?: boolean;
  /** Deterministic jitter. */
  seed?: number;
  /** Base colour (0–1); warm stone unless given. Tests pick one the hall never shows, to find the splat's pixels. */
  color?: [number, number, number];
}

export function gaussianPly({ count, height = 1.6, offset = [0, 0, 0], fRest = false, seed = 1, color = [0.78, 0.62, 0.42] }: PlyOptions): Buffer {
  const props = ["x", "y", "z", "nx", "ny", "nz", "f_dc_0", "f_dc_1", "f_dc_2", ...(fRest ? Array.from({ length: 45 }, (_, i) => `f_rest_${i}`) : []), "opacity", "scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"];
  const header = `ply\nformat binary_little_endian 1.0\nelement vertex ${count}\n${props.map((p) => `property float ${p}`).join("\n")}\nend_header\n`;
  const stride = props.length * 4;
  const body = Buffer.alloc(count * stride);
  const random = seededRandom(seed);
  // Spacing between Gaussians on the surface decides their size: cover the surface without gaps.
  const halfBase = height * 0.22;
  const area = 4 * (2 * halfBase) * height;
  const spacing = Math.sqrt(area / count);
  const logScale = Math.log(spacing * 0.75);
  let o = 0;
  for (let i = 0; i < count; i++) {
    // A point on the side of a tapering square column (a plinth-like base for the lowest fifth).
    const v = random();
    const y = v * height;
    const half = v < 0.2 ? halfBase : halfBase * (1 - 0.65 * ((v - 0.2) / 0.8));
    const side = Math.floor(random() * 4);
    const u = (random() * 2 - 1) * half;
    const [x, z] = side === 0 ? [u, half] : side === 1 ? [half, u] : side === 2 ? [u, -half] : [-half, u];
    // Warm stone, lighter towards the top, a darker band every fifth of the height, one face a little shaded.
    const band = Math.floor(v * 10) % 2 === 0 ? 1 : 0.82;
    const shade = side === 1 || side === 3 ? 0.85 : 1;
    const rgb = color.map((c) => Math.min(1, c * (0.75 + 0.35 * v) * band * shade));
    const values = [
      x + offset[0],
      y + offset[1],
      z + offset[2],
      0,
      0,
      0,
      ...rgb.map((c) => (c - 0.5) / SH_C0),
      ...(fRest ? new Array<number>(45).fill(0) : []),
      2.5, // opacity logit: α ≈ 0.92
      logScale,
      logScale,
      logScale,
      1,
      0,
      0,
      0,
    ];
    for (const value of values) {
      body.writeFloatLE(value, o);
      o += 4;
    }
  }
  return Buffer.concat([Buffer.from(header, "ascii"), body]);
}
