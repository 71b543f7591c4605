import { describe, expect, it } from "vitest";
import { InvalidSplatError } from "./errors";
import { writeSplatPly } from "./ply";
import { randomCloud } from "./testing/fixtures";
import { defaultSplatLimits, readValidSplat } from "./validate";

describe("readValidSplat", () => {
  it("accepts a clean splat and says what it holds", () => {
    const { cloud, valid } = readValidSplat(writeSplatPly(randomCloud(200, 1, 1)));
    expect(valid).toEqual({ count: 200, shDegree: 1 });
    expect(cloud.count).toBe(200);
  });

  it.each([
    ["a NaN position", (c: ReturnType<typeof randomCloud>) => (c.positions[7] = NaN), /Gaussian 2 has a non-finite position/],
    ["an infinite opacity", (c: ReturnType<typeof randomCloud>) => (c.opacities[5] = Infinity), /Gaussian 5 has a non-finite opacity/],
    ["a NaN colour", (c: ReturnType<typeof randomCloud>) => (c.colors[0] = NaN), /non-finite colour/],
    ["an absurd scale", (c: ReturnType<typeof randomCloud>) => (c.scales[30] = 40), /Gaussian 10 has an absurd scale/],
    ["an absurdly tiny scale", (c: ReturnType<typeof randomCloud>) => (c.scales[3] = -80), /absurd scale/],
    ["a position far away", (c: ReturnType<typeof randomCloud>) => (c.positions[0] = 1e9), /absurdly far/],
    ["a zero quaternion", (c: ReturnType<typeof randomCloud>) => c.rotations.fill(0, 4, 8), /zero rotation/],
  ])("refuses %s", (_name, spoil, message) => {
    const cloud = randomCloud(50);
    spoil(cloud);
    const ply = writeSplatPly(cloud);
    expect(() => readValidSplat(ply)).toThrow(InvalidSplatError);
    expect(() => readValidSplat(ply)).toThrow(message);
  });

  it("refuses too many Gaussians and too many bytes", () => {
    const ply = writeSplatPly(randomCloud(300));
    expect(() => readValidSplat(ply, { ...defaultSplatLimits, maxGaussians: 299 })).toThrow(/300 Gaussians, over the 299 limit/);
    expect(() => readValidSplat(ply, { ...defaultSplatLimits, maxBytes: 1000 })).toThrow(/over the 0\.0 MB limit/);
  });
});
