import { describe, expect, it } from "vitest";
import { centreBounds } from "../../splats/cloud";
import { prepareSplat } from "../../splats/prepare";
import { readSplatPly } from "../../splats/ply";
import { frontCoverage, iou } from "../../splats/testing/coverage";
import { decodeImage } from "../shape/decode";
import { findSubject } from "../shape/subject";
import { describeEngineContract } from "../shape/testing/engine-contract";
import { ALL_FIXTURES, renderFixture, TOWER } from "../shape/testing/fixtures";
import { reconstructSplat, type SplatRequest } from "./reconstruct";

const REQUEST: SplatRequest = { seed: 7, numGaussians: 32_768, steps: 20, guidanceScale: 3 };

/** The splat seen from the front, on the subject mask's grid: its centres' box mapped onto the mask's. */
async function frontIoU(png: Buffer, req: SplatRequest = REQUEST) {
  const { ply, stats } = await reconstructSplat(png, req);
  const cloud = readSplatPly(ply);
  const { mask } = findSubject((await decodeImage(png)).image);
  const { min, max } = centreBounds(cloud);
  const perUnit = mask.width / (max[0] - min[0]);
  const front = frontCoverage(cloud, {
    width: mask.width,
    height: mask.height,
    pixelsPerUnit: perUnit,
    // Y down: the file's smallest y is the picture's top row.
    toPixel: (x, y) => [(x - min[0]) * perUnit, (y - min[1]) * (mask.height / (max[1] - min[1]))],
  });
  return { iou: iou(front, mask.data), cloud, stats };
}

describe("reconstructSplat", () => {
  it.each(ALL_FIXTURES.map((f) => [f.name, f] as const))("matches the picture from the front: %s", async (_name, fixture) => {
    const { iou: score, cloud, stats } = await frontIoU(await renderFixture(fixture));
    expect(stats.gaussians).toBe(REQUEST.numGaussians);
    expect(cloud.count).toBe(REQUEST.numGaussians);
    expect(score).toBeGreaterThanOrEqual(0.9);
  });

  it("writes Y down and Z away from the camera, at its own scale and centre, as TripoSplat does", async () => {
    const png = await renderFixture(TOWER);
    const a = readSplatPly((await reconstructSplat(png, REQUEST)).ply);
    const { min, max } = centreBounds(a);
    // The tower's spire (narrow) is at the smallest y: Y points down the picture.
    const widthNear = (y0: number, y1: number) => {
      let lo = Infinity, hi = -Infinity;
      for (let i = 0; i < a.count; i++) {
        const y = a.positions[i * 3 + 1]!;
        if (y < y0 || y > y1) continue;
        lo = Math.min(lo, a.positions[i * 3]!);
        hi = Math.max(hi, a.positions[i * 3]!);
      }
      return hi - lo;
    };
    const h = max[1] - min[1];
    expect(widthNear(min[1], min[1] + 0.1 * h)).toBeLessThan(0.3 * widthNear(max[1] - 0.1 * h, max[1]));
    // Another seed: another scale and centre.
    const b = readSplatPly((await reconstructSplat(png, { ...REQUEST, seed: 8 })).ply);
    const other = centreBounds(b);
    expect(Math.abs(other.max[1] - other.min[1] - h)).toBeGreaterThan(1e-3);
  });

  it("gives exactly the Gaussians asked for, from 1,024 to 262,144", async () => {
    const png = await renderFixture(TOWER);
    for (const n of [1024, 262_144]) expect(readSplatPly((await reconstructSplat(png, { ...REQUEST, numGaussians: n })).ply).count).toBe(n);
    await expect(reconstructSplat(png, { ...REQUEST, numGaussians: 10 })).rejects.toThrow(/num_gaussians/);
  }, 60_000);

  it("is prepared for the web at under a fifth of its bytes, standing upright", async () => {
    const { ply } = await reconstructSplat(await renderFixture(TOWER), REQUEST);
    const prepared = prepareSplat(readSplatPly(ply));
    expect(prepared.stats.flipped).toBe(true);
    expect(prepared.stats.up).toBe("shape");
    expect(prepared.spz.length / ply.length).toBeLessThanOrEqual(0.2);
    expect(prepared.stats.output / prepared.stats.input).toBeGreaterThan(0.97); // little to prune in a clean splat
  });

  it("writes the same Gaussians as .splat: 32 bytes each, colour and opacity as bytes", async () => {
    const result = await reconstructSplat(await renderFixture(TOWER), { ...REQUEST, numGaussians: 1024 });
    const cloud = readSplatPly(result.ply);
    const splat = result.splat();
    expect(splat.length).toBe(1024 * 32);
    const view = new DataView(splat.buffer, splat.byteOffset);
    expect(view.getFloat32(0, true)).toBeCloseTo(cloud.positions[0]!, 6);
    expect(view.getFloat32(12, true)).toBeCloseTo(Math.exp(cloud.scales[0]!), 6);
    expect(splat[27]).toBe(Math.round(255 / (1 + Math.exp(-cloud.opacities[0]!))));
  });

  describeEngineContract("the image-to-3D contract", (image, { seed }) => reconstructSplat(image, { ...REQUEST, seed }).then((r) => ({ glb: r.ply })));
});
