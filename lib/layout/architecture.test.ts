import { describe, expect, it } from "vitest";
import { lampPositions, pilasters, PILASTER_DEPTH } from "./architecture";
import { hallFor } from "./layout";

describe("architecture", () => {
  const hall = { ...hallFor([]), minZ: -30 };

  it("lines both long walls with pilasters that stand inside the hall, against the wall", () => {
    const ps = pilasters(hall);
    expect(ps.length).toBeGreaterThanOrEqual(4);
    expect(ps.filter((p) => p.x < 0).length).toBe(ps.length / 2);
    for (const p of ps) {
      expect(Math.abs(Math.abs(p.x) - (hall.maxX - PILASTER_DEPTH / 2))).toBeLessThan(1e-9);
      expect(p.z).toBeLessThan(hall.maxZ);
      expect(p.z).toBeGreaterThan(hall.minZ);
    }
  });

  it("hangs 2 to 3 lamps under the ceiling, spread along the hall", () => {
    expect(lampPositions(hallFor([])).length).toBe(2);
    const lamps = lampPositions({ ...hall, minZ: -200 });
    expect(lamps.length).toBe(3);
    for (const [, y, z] of lamps) {
      expect(y).toBeLessThan(hall.height);
      expect(z).toBeLessThan(hall.maxZ);
    }
  });
});
