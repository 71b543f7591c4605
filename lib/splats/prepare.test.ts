import { describe, expect, it } from "vitest";
import { centreBounds, logit, sigmoid } from "./cloud";
import { prepareSplat, pruneSplat, detectUp, turnUpsideDown } from "./prepare";
import { readSpz } from "./spz";
import { randomCloud, yDownTower } from "./testing/fixtures";

describe("prepareSplat", () => {
  it("stands a Y-down splat upright, on the plinth, 1.6 m tall", () => {
    const { cloud, height, stats, spz } = prepareSplat(yDownTower(20_000));
    expect(stats.flipped).toBe(true);
    expect(stats.up).toBe("shape");
    const { min, max } = centreBounds(cloud);
    expect(height).toBeCloseTo(1.6, 5);
    expect(min[1]).toBeCloseTo(0, 5);
    expect((min[0] + max[0]) / 2).toBeCloseTo(0, 5);
    expect((min[2] + max[2]) / 2).toBeCloseTo(0, 5);
    // The broad base is now at the bottom.
    const spread = (lo: number, hi: number) => {
      let w = 0;
      for (let i = 0; i < cloud.count; i++) {
        const y = cloud.positions[i * 3 + 1]!;
        if (y >= lo && y <= hi) w = Math.max(w, Math.abs(cloud.positions[i * 3]!));
      }
      return w;
    };
    expect(spread(0, 0.2)).toBeGreaterThan(2 * spread(1.4, 1.6));
    // What is served is that cloud.
    const served = readSpz(spz).cloud;
    expect(served.count).toBe(cloud.count);
    expect(centreBounds(served).max[1]).toBeCloseTo(1.6, 3);
  });

  it("leaves a Y-up splat the right way up, and scales Gaussians with it", () => {
    const tower = yDownTower(5000);
    turnUpsideDown(tower);
    expect(detectUp(tower)).toBe("y-up");
    const before = tower.scales[0]!;
    const { stats, cloud } = prepareSplat(tower, { targetHeight: 3 });
    expect(stats.flipped).toBe(false);
    expect(stats.height).toBeCloseTo(3, 5);
    // The tower was 3 units tall: to 3 m is a scale of 1, so Gaussian sizes are unchanged.
    expect(Math.min(...cloud.scales.filter((_, i) => i % 3 === 0))).toBeCloseTo(before, 2);
  });

  it("falls back to the source's convention when the shape cannot tell (a cube of noise)", () => {
    expect(detectUp(randomCloud(4000))).toBeNull();
    expect(prepareSplat(randomCloud(4000)).stats).toMatchObject({ up: "assumed", flipped: true });
    expect(prepareSplat(randomCloud(4000), { assumeUp: "y-up" }).stats.flipped).toBe(false);
  });

  it("turns each Gaussian with the splat: a half turn about X maps its axes as it maps positions", () => {
    const cloud = randomCloud(50, 4);
    const copy = { ...cloud, positions: cloud.positions.slice(), rotations: cloud.rotations.slice() };
    turnUpsideDown(copy);
    for (let i = 0; i < 50; i++) {
      const [w, x, y, z] = Array.from(cloud.rotations.subarray(i * 4, i * 4 + 4));
      const [w2, x2, y2, z2] = Array.from(copy.rotations.subarray(i * 4, i * 4 + 4));
      // The local x axis, rotated before and after: after = (x, −y, −z) of before.
      const axis = (qw: number, qx: number, qy: number, qz: number) => {
        const n = qw * qw + qx * qx + qy * qy + qz * qz;
        return [(qw * qw + qx * qx - qy * qy - qz * qz) / n, (2 * (qx * qy + qw * qz)) / n, (2 * (qx * qz - qw * qy)) / n];
      };
      const a = axis(w!, x!, y!, z!);
      const b = axis(w2!, x2!, y2!, z2!);
      expect(b[0]).toBeCloseTo(a[0]!, 5);
      expect(b[1]).toBeCloseTo(-a[1]!, 5);
      expect(b[2]).toBeCloseTo(-a[2]!, 5);
    }
  });
});

describe("pruneSplat", () => {
  it("drops near-transparent Gaussians, huge blobs and isolated floaters, and keeps the subject", () => {
    const cloud = yDownTower(10_000);
    for (let i = 0; i < 100; i++) cloud.opacities[i] = logit(0.005); // near-transparent
    for (let i = 100; i < 110; i++) cloud.scales.set([1, 1, 1], i * 3); // e ≈ 2.7 units: most of the subject
    for (let i = 110; i < 120; i++) cloud.positions.set([40 + i, -30, 25 * (i - 110)], i * 3); // floaters far away
    const { cloud: kept, transparent, huge, isolated } = pruneSplat(cloud);
    expect(transparent).toBe(100);
    expect(huge).toBe(10);
    expect(isolated).toBeGreaterThanOrEqual(10);
    expect(isolated).toBeLessThan(60); // the tower itself stays
    expect(kept.count).toBe(10_000 - transparent - huge - isolated);
    for (let i = 0; i < kept.count; i++) expect(sigmoid(kept.opacities[i]!)).toBeGreaterThanOrEqual(0.02);
    expect(centreBounds(kept).max[0]).toBeLessThan(6);
  });

  it("refuses a splat with nothing visible left", () => {
    const cloud = randomCloud(100);
    cloud.opacities.fill(logit(0.001));
    expect(() => prepareSplat(cloud)).toThrow(/nothing visible/);
  });
});
