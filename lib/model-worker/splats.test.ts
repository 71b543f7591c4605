// The splat task through the real model worker: a PLY in, its served SPZ out, a bad one refused as such.
import { afterAll, describe, expect, it } from "vitest";
import { InvalidSplatError } from "../splats/errors";
import { writeSplatPly } from "../splats/ply";
import { readSpz } from "../splats/spz";
import { yDownTower } from "../splats/testing/fixtures";
import { validateAndPrepareSplatInWorker } from "./models";
import { closeModelPool } from "./pool";

afterAll(() => closeModelPool());

describe("validate-and-prepare-splat in the model worker", () => {
  it("returns the served SPZ, upright and 1.6 m tall, at under a fifth of the PLY's bytes", async () => {
    const ply = writeSplatPly(yDownTower(20_000));
    const { valid, prepared } = await validateAndPrepareSplatInWorker(ply);
    expect(valid).toEqual({ count: 20_000, shDegree: 0 });
    if (!("spz" in prepared)) throw new Error(prepared.error);
    expect(prepared.height).toBeCloseTo(1.6, 5);
    expect(prepared.stats.flipped).toBe(true);
    expect(readSpz(prepared.spz).info.version).toBe(3);
    expect(prepared.spz.length).toBeLessThan(ply.length / 5);
    expect(ply.length).toBeGreaterThan(20_000 * 56); // the caller's bytes are intact
  }, 60_000);

  it("refuses a splat with NaNs as an InvalidSplatError", async () => {
    const cloud = yDownTower(100);
    cloud.positions[10] = NaN;
    await expect(validateAndPrepareSplatInWorker(writeSplatPly(cloud))).rejects.toBeInstanceOf(InvalidSplatError);
  }, 60_000);

  it("says why a valid splat cannot be shown", async () => {
    const flat = yDownTower(100);
    for (let i = 0; i < 100; i++) flat.positions[i * 3 + 1] = 0;
    const { prepared } = await validateAndPrepareSplatInWorker(writeSplatPly(flat));
    expect(prepared).toEqual({ error: expect.stringMatching(/flat/) });
  }, 60_000);
});
