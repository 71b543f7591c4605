// Judging a splat from outside (a Space's `.ply`) before anything is stored or shown: bounded in bytes and
// Gaussians, every number finite, positions and scales within sane magnitudes. What fails is refused with an
// InvalidSplatError naming the first offence; what is merely untidy (near-transparent or stray Gaussians) is
// left to preparation to prune.
import type { SplatCloud } from "./cloud";
import { InvalidSplatError } from "./errors";
import { readSplatPly } from "./ply";

export interface SplatLimits {
  maxBytes: number;
  maxGaussians: number;
  /** Largest |coordinate| of a Gaussian's centre. */
  maxCoordinate: number;
  /** Log scales outside [minLogScale, maxLogScale] are absurd (e^12 ≈ 160,000 units; e^-30 is nothing). */
  minLogScale: number;
  maxLogScale: number;
}

export const defaultSplatLimits: SplatLimits = {
  maxBytes: 256 * 1024 * 1024,
  // TripoSplat's ceiling is 262,144; well-known captured scenes reach a few million.
  maxGaussians: 2_000_000,
  maxCoordinate: 1e5,
  minLogScale: -30,
  maxLogScale: 12,
};

export interface ValidSplat {
  count: number;
  shDegree: number;
}

/** Reads and validates a 3DGS PLY. Throws InvalidSplatError. */
export function readValidSplat(bytes: Uint8Array, limits: SplatLimits = defaultSplatLimits): { cloud: SplatCloud; valid: ValidSplat } {
  if (bytes.length > limits.maxBytes) {
    throw new InvalidSplatError(`the splat is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${(limits.maxBytes / 1048576).toFixed(1)} MB limit`);
  }
  const cloud = readSplatPly(bytes, { maxGaussians: limits.maxGaussians });
  return { cloud, valid: validateCloud(cloud, limits) };
}

export function validateCloud(cloud: SplatCloud, limits: SplatLimits = defaultSplatLimits): ValidSplat {
  if (cloud.count === 0) throw new InvalidSplatError("the splat has no Gaussians");
  if (cloud.count > limits.maxGaussians) {
    throw new InvalidSplatError(`the splat has ${cloud.count.toLocaleString("en")} Gaussians, over the ${limits.maxGaussians.toLocaleString("en")} limit`);
  }
  const finite = (values: Float32Array, what: string, per: number) => {
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i]!)) throw new InvalidSplatError(`Gaussian ${Math.floor(i / per)} has a non-finite ${what} (${values[i]})`);
    }
  };
  finite(cloud.positions, "position", 3);
  finite(cloud.colors, "colour", 3);
  finite(cloud.opacities, "opacity", 1);
  finite(cloud.scales, "scale", 3);
  finite(cloud.rotations, "rotation", 4);
  if (cloud.sh) finite(cloud.sh.coefficients, "spherical harmonic", cloud.sh.coefficients.length / cloud.count);

  for (let i = 0; i < cloud.positions.length; i++) {
    if (Math.abs(cloud.positions[i]!) > limits.maxCoordinate) {
      throw new InvalidSplatError(`Gaussian ${Math.floor(i / 3)} lies absurdly far from the origin (${cloud.positions[i]!.toExponential(2)})`);
    }
  }
  for (let i = 0; i < cloud.scales.length; i++) {
    const s = cloud.scales[i]!;
    if (s > limits.maxLogScale || s < limits.minLogScale) {
      throw new InvalidSplatError(`Gaussian ${Math.floor(i / 3)} has an absurd scale (log ${s.toFixed(1)}, outside ${limits.minLogScale}…${limits.maxLogScale})`);
    }
  }
  for (let i = 0; i < cloud.count; i++) {
    const r = cloud.rotations;
    if (Math.hypot(r[i * 4]!, r[i * 4 + 1]!, r[i * 4 + 2]!, r[i * 4 + 3]!) < 1e-12) throw new InvalidSplatError(`Gaussian ${i} has a zero rotation quaternion`);
  }
  return { count: cloud.count, shDegree: cloud.sh?.degree ?? 0 };
}
