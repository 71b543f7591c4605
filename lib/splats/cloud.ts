// A Gaussian splat in memory: the standard 3DGS attributes as flat typed arrays, one entry (or one group of
// entries) per Gaussian. Pure data and maths: this module runs in the model worker, in tests and could run in a
// browser, so it imports nothing of the server's.

/** Spherical-harmonics basis constant of degree 0: rgb = 0.5 + SH_C0 · f_dc. */
export const SH_C0 = 0.28209479177387814;

export interface SplatCloud {
  count: number;
  /** x y z per Gaussian. */
  positions: Float32Array;
  /** f_dc_0..2 per Gaussian: the degree-0 spherical-harmonic colour (rgb = 0.5 + SH_C0 · f_dc). */
  colors: Float32Array;
  /** Opacity as a logit (α = sigmoid(opacity)). */
  opacities: Float32Array;
  /** scale_0..2 per Gaussian, natural log of the standard deviation along each local axis. */
  scales: Float32Array;
  /** rot_0..3 per Gaussian: a quaternion w x y z, not necessarily normalised. */
  rotations: Float32Array;
  /**
   * Higher spherical harmonics, when the file has them: `degree` 1–3 and, per Gaussian, 3·K coefficients with
   * K = (degree + 1)² − 1, in the PLY's order (all K of red, then green, then blue).
   */
  sh?: { degree: 1 | 2 | 3; coefficients: Float32Array };
}

/** Coefficients per colour channel for an SH degree: 3, 8 or 15. */
export function shCoefficients(degree: number): number {
  return (degree + 1) ** 2 - 1;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function logit(p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
}

/** An empty cloud of `count` Gaussians (identity rotations), with room for `shDegree` higher harmonics. */
export function allocateCloud(count: number, shDegree: 0 | 1 | 2 | 3 = 0): SplatCloud {
  const rotations = new Float32Array(count * 4);
  for (let i = 0; i < count; i++) rotations[i * 4] = 1;
  return {
    count,
    positions: new Float32Array(count * 3),
    colors: new Float32Array(count * 3),
    opacities: new Float32Array(count),
    scales: new Float32Array(count * 3),
    rotations,
    ...(shDegree ? { sh: { degree: shDegree, coefficients: new Float32Array(count * 3 * shCoefficients(shDegree)) } } : {}),
  };
}

/** The Gaussians at `indices`, in that order, as a new cloud. */
export function selectGaussians(cloud: SplatCloud, indices: ArrayLike<number>): SplatCloud {
  const n = indices.length;
  const out = allocateCloud(n, cloud.sh?.degree ?? 0);
  const k = cloud.sh ? 3 * shCoefficients(cloud.sh.degree) : 0;
  for (let j = 0; j < n; j++) {
    const i = indices[j]!;
    out.positions.set(cloud.positions.subarray(i * 3, i * 3 + 3), j * 3);
    out.colors.set(cloud.colors.subarray(i * 3, i * 3 + 3), j * 3);
    out.opacities[j] = cloud.opacities[i]!;
    out.scales.set(cloud.scales.subarray(i * 3, i * 3 + 3), j * 3);
    out.rotations.set(cloud.rotations.subarray(i * 4, i * 4 + 4), j * 4);
    if (cloud.sh && out.sh) out.sh.coefficients.set(cloud.sh.coefficients.subarray(i * k, i * k + k), j * k);
  }
  return out;
}

export interface Bounds {
  min: [number, number, number];
  max: [number, number, number];
}

/** Bounds of the Gaussians' centres. */
export function centreBounds(cloud: SplatCloud): Bounds {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  const p = cloud.positions;
  for (let i = 0; i < cloud.count * 3; i += 3) {
    for (let a = 0; a < 3; a++) {
      const v = p[i + a]!;
      if (v < min[a]!) min[a] = v;
      if (v > max[a]!) max[a] = v;
    }
  }
  return { min, max };
}
