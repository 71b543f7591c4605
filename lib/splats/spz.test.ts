import { gunzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { sigmoid, type SplatCloud } from "./cloud";
import { InvalidSplatError } from "./errors";
import { writeSplatPly } from "./ply";
import { packSmallestThree, readSpz, unpackSmallestThree, writeSpz } from "./spz";
import { randomCloud } from "./testing/fixtures";
import { sparkTranscode } from "./testing/spark";

/** Largest |a − b| over a pair of arrays. */
function worst(a: Float32Array, b: Float32Array): number {
  let w = 0;
  for (let i = 0; i < a.length; i++) w = Math.max(w, Math.abs(a[i]! - b[i]!));
  return w;
}

/** Angles (radians) between the rotations of two clouds (q and −q are the same rotation): the largest, the mean. */
function angles(a: SplatCloud, b: SplatCloud): { worst: number; mean: number } {
  let w = 0;
  let sum = 0;
  for (let i = 0; i < a.count; i++) {
    const p = Array.from(a.rotations.subarray(i * 4, i * 4 + 4));
    const q = Array.from(b.rotations.subarray(i * 4, i * 4 + 4));
    const np = Math.hypot(...p);
    const nq = Math.hypot(...q);
    const dot = Math.abs(p.reduce((s, v, k) => s + v * q[k]!, 0)) / (np * nq);
    const angle = 2 * Math.acos(Math.min(1, dot));
    w = Math.max(w, angle);
    sum += angle;
  }
  return { worst: w, mean: sum / a.count };
}

function alphas(c: SplatCloud): Float32Array {
  return Float32Array.from(c.opacities, sigmoid);
}

/** The same Gaussians with degree-3 harmonics of zero. */
function withZeroSh(cloud: SplatCloud): SplatCloud {
  return { ...cloud, sh: { degree: 3, coefficients: new Float32Array(cloud.count * 45) } };
}

/**
 * Within SPZ's quantisation of every attribute. Rotations: v3's smallest three keep every one within 0.01 rad;
 * v2 (what Spark writes) keeps x y z in 8 bits and derives w, so a rotation near w = 0 can be off by a tenth of
 * a radian: for a v2 file the mean is judged.
 */
function expectClose(got: SplatCloud, want: SplatCloud, v2 = false) {
  expect(got.count).toBe(want.count);
  expect(worst(got.positions, want.positions)).toBeLessThanOrEqual(0.5 / 4096 + 1e-6);
  expect(worst(alphas(got), alphas(want))).toBeLessThanOrEqual(0.5 / 255 + 1e-6);
  expect(worst(got.colors, want.colors)).toBeLessThanOrEqual(0.5 / (0.15 * 255) + 1e-6);
  expect(worst(got.scales, want.scales)).toBeLessThanOrEqual(0.5 / 16 + 1e-6);
  const turn = angles(got, want);
  if (v2) expect(turn.mean).toBeLessThan(0.02);
  else expect(turn.worst).toBeLessThan(0.01);
}

describe("SPZ v3", () => {
  it("writes the header Spark and Niantic read: gzip of NGSP, version 3, count, SH degree, 12 fractional bits", () => {
    const raw = gunzipSync(writeSpz(randomCloud(100, 1, 1)));
    const view = new DataView(raw.buffer, raw.byteOffset);
    expect(view.getUint32(0, true)).toBe(0x5053474e);
    expect(view.getUint32(4, true)).toBe(3);
    expect(view.getUint32(8, true)).toBe(100);
    expect([raw[12], raw[13], raw[14], raw[15]]).toEqual([1, 12, 0, 0]);
    expect(raw.length).toBe(16 + 100 * (9 + 1 + 3 + 3 + 4 + 9));
  });

  it("packs rotations as the smallest three, to within half a degree", () => {
    for (const q of [[0, 0, 0, 1], [1, 0, 0, 0], [0.5, -0.5, 0.5, -0.5], [0.1, -0.7, 0.2, 0.3], [-0.9, 0.1, 0.05, -0.2]]) {
      const back = unpackSmallestThree(packSmallestThree(q[0]!, q[1]!, q[2]!, q[3]!));
      const n = Math.hypot(...q);
      const dot = Math.abs(back.reduce((s, v, k) => s + (v * q[k]!) / n, 0));
      expect(2 * Math.acos(Math.min(1, dot))).toBeLessThan(0.01);
    }
  });

  it.each([0, 1, 3] as const)("round-trips through our reader within its quantisation (SH degree %i)", (degree) => {
    const cloud = randomCloud(2000, 5, degree);
    const { cloud: back, info } = readSpz(writeSpz(cloud));
    expect(info).toMatchObject({ version: 3, count: 2000, shDegree: degree, fractionalBits: 12 });
    expectClose(back, cloud);
    if (degree) expect(worst(back.sh!.coefficients, cloud.sh!.coefficients)).toBeLessThanOrEqual(16 / 128 + 1e-6);
  });

  it("refuses what is not an SPZ it reads", () => {
    expect(() => readSpz(new Uint8Array([1, 2, 3]))).toThrow(InvalidSplatError);
    expect(() => readSpz(writeSpz(randomCloud(10)).subarray(0, 20))).toThrow(InvalidSplatError);
  });

  it("refuses a position that does not fit 24-bit fixed point", () => {
    const cloud = randomCloud(3);
    cloud.positions[4] = 3000;
    expect(() => writeSpz(cloud)).toThrow(RangeError);
  });

  // Spark 2.2.0's transcoder panics (gsplat.rs:471) on any input whose SH degree is below 3, so these files
  // carry degree-3 harmonics of zero: the layout before them is the one a degree-0 file has, and
  // Spark's browser loader (h19r's render tests) reads the degree-0 files we serve.
  describe("read by Spark's own decoder (@sparkjsdev/spark transcodeSpz, in Node)", () => {
    it("accepts our v3 and decodes the same Gaussians", async () => {
      const cloud = withZeroSh(randomCloud(3000, 9));
      const ours = readSpz(writeSpz(cloud)).cloud;
      // Spark decodes our file and writes it again (it writes SPZ itself); any disagreement on the layout or
      // the quantisation shows as Gaussians that moved.
      const again = readSpz(await sparkTranscode({ inputs: [{ fileBytes: writeSpz(cloud), fileType: "spz" }], maxSh: 0 })).cloud;
      expectClose(again, ours, true);
    }, 60_000);

    it("reads our positions and scales in the units we wrote them (a transform exposes any mirrored mistake)", async () => {
      const cloud = withZeroSh(randomCloud(500, 11));
      const spz = writeSpz(cloud);
      const ours = readSpz(spz).cloud;
      const moved = readSpz(await sparkTranscode({ inputs: [{ fileBytes: spz, fileType: "spz", transform: { translate: [1, 0, 0] } }], maxSh: 0 })).cloud;
      const scaled = readSpz(await sparkTranscode({ inputs: [{ fileBytes: spz, fileType: "spz", transform: { scale: 2 } }], maxSh: 0 })).cloud;
      for (let i = 0; i < 500; i++) {
        expect(moved.positions[i * 3]!).toBeCloseTo(ours.positions[i * 3]! + 1, 3);
        expect(moved.positions[i * 3 + 1]!).toBeCloseTo(ours.positions[i * 3 + 1]!, 3);
        expect(scaled.positions[i * 3 + 2]!).toBeCloseTo(2 * ours.positions[i * 3 + 2]!, 3);
        expect(Math.abs(scaled.scales[i * 3]! - (ours.scales[i * 3]! + Math.LN2))).toBeLessThanOrEqual(1 / 16 + 1e-6);
      }
    }, 60_000);

    it("reads our opacities as we meant them (its opacity threshold prunes exactly the faint ones)", async () => {
      const cloud = withZeroSh(randomCloud(1000, 13));
      const spz = writeSpz(cloud);
      const ours = readSpz(spz).cloud;
      const kept = readSpz(await sparkTranscode({ inputs: [{ fileBytes: spz, fileType: "spz" }], maxSh: 0, opacityThreshold: 0.5 })).cloud;
      const expected = alphas(ours).filter((a) => a >= 0.5).length;
      expect(Math.abs(kept.count - expected)).toBeLessThanOrEqual(2);
      expect(kept.count).toBeGreaterThan(300);
    }, 60_000);

    it("reads a PLY in the same frame as ours: no axis is flipped between PLY and SPZ", async () => {
      const cloud = withZeroSh(randomCloud(1000, 17));
      const viaSpark = readSpz(await sparkTranscode({ inputs: [{ fileBytes: writeSplatPly(cloud), fileType: "ply" }], maxSh: 0 })).cloud;
      expect(worst(viaSpark.positions, cloud.positions)).toBeLessThanOrEqual(1 / 4096);
      expect(angles(viaSpark, cloud).mean).toBeLessThan(0.02);
    }, 60_000);
  });
});
