// Web preparation of a splat, as lib/models/prepare.ts does for meshes: prune what cannot be seen or does not
// belong (near-transparent Gaussians, huge blobs, isolated floaters), stand it upright (image-to-splat models
// such as TripoSplat write Y down), put it on the plinth (centred in x and z, its lowest centre at y = 0),
// scale it to the exhibit's height, order the Gaussians along a space-filling curve (neighbours in the file are
// neighbours in space, which is what lets gzip find the redundancy) and compress it to SPZ v3.
import { centreBounds, selectGaussians, shCoefficients, sigmoid, type SplatCloud } from "./cloud";
import { InvalidSplatError } from "./errors";
import { writeSpz } from "./spz";

export const DEFAULT_SPLAT_HEIGHT = 1.6;

export type UpConvention = "y-down" | "y-up";

export interface PrepareSplatOptions {
  /** Height of the served splat in metres (default 1.6, like meshes). */
  targetHeight?: number;
  /** Which way is up when the shape cannot tell (default "y-down": what image-to-splat Spaces write). */
  assumeUp?: UpConvention;
  /** Gaussians less opaque than this are pruned (default 0.02: 5 / 255, below what a render shows). */
  minAlpha?: number;
}

export interface PrepareSplatStats {
  input: number;
  output: number;
  prunedTransparent: number;
  prunedHuge: number;
  prunedIsolated: number;
  /** Whether the splat was turned upright, and why. */
  flipped: boolean;
  up: "shape" | "assumed";
  /** Served size in metres: width (x), height (y), depth (z) of the Gaussians' centres. */
  width: number;
  height: number;
  depth: number;
}

export interface PreparedSplat {
  spz: Uint8Array;
  height: number;
  stats: PrepareSplatStats;
}

export function targetSplatHeightOf(opts: PrepareSplatOptions): number {
  const h = opts.targetHeight ?? DEFAULT_SPLAT_HEIGHT;
  if (!(h > 0 && Number.isFinite(h))) throw new RangeError(`targetHeight must be a positive number, got ${h}`);
  return h;
}

/** The whole preparation: a validated cloud in, the served SPZ out. Throws InvalidSplatError when nothing is left. */
export function prepareSplat(input: SplatCloud, opts: PrepareSplatOptions = {}): PreparedSplat & { cloud: SplatCloud } {
  const targetHeight = targetSplatHeightOf(opts);
  const pruned = pruneSplat(input, opts);
  const cloud = pruned.cloud;
  const up = detectUp(cloud);
  const flipped = (up ?? opts.assumeUp ?? "y-down") === "y-down";
  if (flipped) turnUpsideDown(cloud);
  frameSplat(cloud, targetHeight);
  const ordered = spatialOrder(cloud);
  const { min, max } = centreBounds(ordered);
  const spz = writeSpz(ordered);
  return {
    spz,
    cloud: ordered,
    height: max[1] - min[1],
    stats: {
      input: input.count,
      output: ordered.count,
      prunedTransparent: pruned.transparent,
      prunedHuge: pruned.huge,
      prunedIsolated: pruned.isolated,
      flipped,
      up: up ? "shape" : "assumed",
      width: max[0] - min[0],
      height: max[1] - min[1],
      depth: max[2] - min[2],
    },
  };
}

/** The p-quantile (0–1) of `values` (a copy is sorted). */
function quantile(values: Float32Array, p: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float32Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))]!;
}

function axis(cloud: SplatCloud, a: number, keep?: (i: number) => boolean): Float32Array {
  const out: number[] = [];
  for (let i = 0; i < cloud.count; i++) if (!keep || keep(i)) out.push(cloud.positions[i * 3 + a]!);
  return Float32Array.from(out);
}

/**
 * Drops near-transparent Gaussians, blobs larger than a quarter of the subject (floaters a generator leaves
 * round the edges), and Gaussians isolated in space (no company in their voxel neighbourhood). The subject's
 * size is read robustly (0.5–99.5 % of centres) so a few strays cannot inflate it.
 */
export function pruneSplat(cloud: SplatCloud, opts: Pick<PrepareSplatOptions, "minAlpha"> = {}): { cloud: SplatCloud; transparent: number; huge: number; isolated: number } {
  const minAlpha = opts.minAlpha ?? 0.02;
  const n = cloud.count;
  const keep = new Uint8Array(n).fill(1);
  let transparent = 0;
  for (let i = 0; i < n; i++) {
    if (sigmoid(cloud.opacities[i]!) < minAlpha) {
      keep[i] = 0;
      transparent++;
    }
  }
  const kept = (i: number) => keep[i] === 1;
  const lo: number[] = [];
  const hi: number[] = [];
  for (let a = 0; a < 3; a++) {
    const values = axis(cloud, a, kept);
    lo.push(quantile(values, 0.005));
    hi.push(quantile(values, 0.995));
  }
  const extent = Math.max(hi[0]! - lo[0]!, hi[1]! - lo[1]!, hi[2]! - lo[2]!, 1e-9);
  let huge = 0;
  const maxLogScale = Math.log(0.25 * extent);
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue;
    const s = Math.max(cloud.scales[i * 3]!, cloud.scales[i * 3 + 1]!, cloud.scales[i * 3 + 2]!);
    if (s > maxLogScale) {
      keep[i] = 0;
      huge++;
    }
  }
  const isolated = pruneIsolated(cloud, keep, lo, hi, extent);
  const indices: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) indices.push(i);
  if (indices.length === 0) throw new InvalidSplatError("nothing visible is left of the splat once its transparent and stray Gaussians are pruned");
  return { cloud: selectGaussians(cloud, indices), transparent, huge, isolated };
}

/**
 * Strays: Gaussians far outside the robust box, and those whose 3×3×3 cell neighbourhood holds fewer than 4 Gaussians
 * unless the body encloses them (a sparse fill inside a thick subject is not a floater). The grid
 * resolution follows the count (a surface of N Gaussians fills ~N/R² cells per row), so dense and sparse splats
 * are judged alike. Cells are hashed, so memory follows the Gaussians, not the grid.
 */
function pruneIsolated(cloud: SplatCloud, keep: Uint8Array, lo: number[], hi: number[], extent: number): number {
  let pruned = 0;
  // Far outside the subject's robust box is stray whatever its company (a cluster of floaters included).
  for (let i = 0; i < cloud.count; i++) {
    if (!keep[i]) continue;
    for (let a = 0; a < 3; a++) {
      const v = cloud.positions[i * 3 + a]!;
      if (v < lo[a]! - 0.5 * extent || v > hi[a]! + 0.5 * extent) {
        keep[i] = 0;
        pruned++;
        break;
      }
    }
  }
  const alive = keep.reduce((s, v) => s + v, 0);
  const resolution = Math.min(128, Math.max(8, Math.round(Math.sqrt(alive) / 4)));
  const cell = extent / resolution;
  // Cells are keyed by clamped coordinates (the far strays are gone already).
  const key = (i: number) => {
    const c = [0, 1, 2].map((a) => Math.min(resolution + 8, Math.max(-8, Math.floor((cloud.positions[i * 3 + a]! - lo[a]!) / cell))) + 8);
    return (c[0]! * 160 + c[1]!) * 160 + c[2]!;
  };
  const counts = new Map<number, number>();
  const keys = new Int32Array(cloud.count);
  for (let i = 0; i < cloud.count; i++) {
    if (!keep[i]) continue;
    const k = key(i);
    keys[i] = k;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const near = new Map<number, number>();
  for (let i = 0; i < cloud.count; i++) {
    if (!keep[i]) continue;
    const k = keys[i]!;
    let total = near.get(k);
    if (total === undefined) {
      total = 0;
      for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) for (let dz = -1; dz <= 1; dz++) total += counts.get(k + (dx * 160 + dy) * 160 + dz) ?? 0;
      near.set(k, total);
    }
    if (total < 4 && !enclosed(k, counts, resolution)) {
      keep[i] = 0;
      pruned++;
    }
  }
  return pruned;
}

/**
 * Whether a cell has occupied cells on both sides along each axis: sparse Gaussians deep inside a body (a
 * generator's fill) are enclosed by its surface, floaters outside it are not.
 */
function enclosed(key: number, counts: Map<number, number>, resolution: number): boolean {
  const cell = [Math.floor(key / 25_600), Math.floor(key / 160) % 160, key % 160];
  const stride = [25_600, 160, 1];
  const last = resolution + 16; // cells run from 0 to resolution + 16 (see pruneIsolated's key)
  for (let axis = 0; axis < 3; axis++) {
    for (const dir of [1, -1]) {
      let found = false;
      for (let c = cell[axis]! + dir, at = key + dir * stride[axis]!; c >= 0 && c <= last; c += dir, at += dir * stride[axis]!) {
        if (counts.has(at)) {
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
  }
  return true;
}

/**
 * Which way the splat's y axis points, read from its shape: a standing subject is broader at its base than at
 * its top (towers, domes, statues on pedestals). Compares the horizontal footprint of the lowest and highest
 * eighths of the centres; null when they are too alike to tell (a sphere, a cube).
 */
export function detectUp(cloud: SplatCloud): UpConvention | null {
  const ys = axis(cloud, 1);
  const y0 = quantile(ys, 0.01);
  const y1 = quantile(ys, 0.99);
  const band = (y1 - y0) / 8;
  if (!(band > 0)) return null;
  const footprint = (inBand: (y: number) => boolean) => {
    const sel = (i: number) => inBand(cloud.positions[i * 3 + 1]!);
    const xs = axis(cloud, 0, sel);
    const zs = axis(cloud, 2, sel);
    if (xs.length < 8) return 0;
    return (quantile(xs, 0.95) - quantile(xs, 0.05)) * Math.max(1e-9, quantile(zs, 0.95) - quantile(zs, 0.05));
  };
  const low = footprint((y) => y >= y0 && y <= y0 + band);
  const high = footprint((y) => y <= y1 && y >= y1 - band);
  if (low > 1.25 * high) return "y-up";
  if (high > 1.25 * low) return "y-down";
  return null;
}

/** Sign of each higher SH coefficient (degrees 1–3, 3DGS order) under a half turn about X (y → −y, z → −z). */
const SH_HALF_TURN_X = [-1, -1, 1, -1, 1, 1, -1, 1, -1, 1, -1, -1, 1, -1, 1];

/** A half turn about the X axis, in place: Y down becomes Y up and the front that faced −Z faces +Z. */
export function turnUpsideDown(cloud: SplatCloud): void {
  const { positions: p, rotations: r } = cloud;
  for (let i = 0; i < cloud.count; i++) {
    p[i * 3 + 1] = -p[i * 3 + 1]!;
    p[i * 3 + 2] = -p[i * 3 + 2]!;
    // (0, 1, 0, 0) ⊗ (w, x, y, z) = (−x, w, −z, y)
    const [w, x, y, z] = [r[i * 4]!, r[i * 4 + 1]!, r[i * 4 + 2]!, r[i * 4 + 3]!];
    r[i * 4] = -x;
    r[i * 4 + 1] = w;
    r[i * 4 + 2] = -z;
    r[i * 4 + 3] = y;
  }
  if (cloud.sh) {
    const k = shCoefficients(cloud.sh.degree);
    const c = cloud.sh.coefficients;
    for (let i = 0; i < cloud.count; i++) {
      for (let ch = 0; ch < 3; ch++) for (let j = 0; j < k; j++) c[i * 3 * k + ch * k + j] = c[i * 3 * k + ch * k + j]! * SH_HALF_TURN_X[j]!;
    }
  }
}

/** Centred in x and z, lowest centre at y = 0, `targetHeight` tall: in place. */
export function frameSplat(cloud: SplatCloud, targetHeight: number): void {
  const { min, max } = centreBounds(cloud);
  const height = max[1] - min[1];
  if (!(height > 1e-9)) throw new InvalidSplatError("the splat is flat (no height), so it cannot stand on a plinth");
  const s = targetHeight / height;
  const origin = [(min[0] + max[0]) / 2, min[1], (min[2] + max[2]) / 2];
  const ln = Math.log(s);
  for (let i = 0; i < cloud.count * 3; i++) {
    cloud.positions[i] = (cloud.positions[i]! - origin[i % 3]!) * s;
    cloud.scales[i] = cloud.scales[i]! + ln;
  }
}

/** Spreads the low 10 bits of v so that two zero bits separate each (for a 30-bit Morton code). */
function spread(v: number): number {
  v &= 0x3ff;
  v = (v | (v << 16)) & 0x030000ff;
  v = (v | (v << 8)) & 0x0300f00f;
  v = (v | (v << 4)) & 0x030c30c3;
  v = (v | (v << 2)) & 0x09249249;
  return v;
}

/** The Gaussians in Morton (Z-curve) order of their centres. */
export function spatialOrder(cloud: SplatCloud): SplatCloud {
  const { min, max } = centreBounds(cloud);
  const size = Math.max(max[0] - min[0], max[1] - min[1], max[2] - min[2], 1e-9);
  const codes = new Uint32Array(cloud.count);
  for (let i = 0; i < cloud.count; i++) {
    const q = (a: number) => Math.min(1023, Math.floor(((cloud.positions[i * 3 + a]! - min[a]!) / size) * 1024));
    codes[i] = (spread(q(0)) | (spread(q(1)) << 1) | (spread(q(2)) << 2)) >>> 0;
  }
  const order = Array.from({ length: cloud.count }, (_, i) => i).sort((a, b) => codes[a]! - codes[b]! || a - b);
  return selectGaussians(cloud, order);
}
