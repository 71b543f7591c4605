import { describe, expect, it } from "vitest";
import {
  ENTRANCE_Z,
  GRID,
  arrangeGallery,
  autoLayout,
  entrancePose,
  fitPlinth,
  footprintOf,
  hallFor,
  isUnplaced,
  nudgeStep,
  snapPlacement,
  type ArrangedExhibit,
  type Hall,
} from "./layout";
import type { Placement } from "../contracts/gallery-view";

const unplaced: Placement = { position: [0, 0, 0], rotationY: 0, scale: 1 };
const exhibit = (id: string, order: number, height = 1, placement: Placement = unplaced) => ({ id, order, height, placement });

function overlaps(items: readonly ArrangedExhibit[]): string[] {
  const bad: string[] = [];
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!;
      const b = items[j]!;
      const d = Math.hypot(a.placement.position[0] - b.placement.position[0], a.placement.position[2] - b.placement.position[2]);
      if (d < a.footprint.radius + b.footprint.radius) bad.push(`${a.id}/${b.id}`);
    }
  return bad;
}

function inside(item: ArrangedExhibit, hall: Hall): boolean {
  const [x, , z] = item.placement.position;
  const r = item.footprint.radius;
  return x - r >= hall.minX && x + r <= hall.maxX && z - r >= hall.minZ && z + r <= hall.maxZ;
}

describe("footprintOf", () => {
  it("raises small objects and widens the base of big ones", () => {
    const small = footprintOf(0.4);
    const big = footprintOf(2.5);
    expect(small.plinthHeight).toBeGreaterThan(big.plinthHeight);
    expect(big.plinthSide).toBeGreaterThan(small.plinthSide);
    expect(small.radius).toBeGreaterThanOrEqual(small.plinthSide / Math.SQRT2);
  });

  it("applies scale and survives nonsense heights", () => {
    expect(footprintOf(1, 2).modelHeight).toBe(2);
    expect(footprintOf(Number.NaN).modelHeight).toBe(1);
    expect(footprintOf(-3).modelHeight).toBe(1);
  });
});

describe("autoLayout", () => {
  it("alternates sides, faces the aisle and never overlaps for mixed sizes", () => {
    const heights = [0.5, 2.5, 1, 1, 3, 0.3, 1.2, 2, 0.8, 1.6, 2.2, 0.6, 1];
    const items = arrangeGallery(heights.map((h, i) => exhibit(`e${i}`, i, h))).items;
    expect(overlaps(items)).toEqual([]);
    items.forEach((it, i) => {
      const [x] = it.placement.position;
      expect(Math.sign(x)).toBe(i % 2 === 0 ? -1 : 1);
      // Front (+Z rotated by rotationY) points towards the aisle (x = 0) and slightly towards the entrance.
      const fx = Math.sin(it.placement.rotationY);
      const fz = Math.cos(it.placement.rotationY);
      expect(fx * -x).toBeGreaterThan(0);
      expect(fz).toBeGreaterThan(0);
    });
  });

  it("keeps earlier exhibits where they were when more arrive", () => {
    const five = autoLayout([1, 2, 1, 0.5, 1].map((h) => footprintOf(h)));
    const eight = autoLayout([1, 2, 1, 0.5, 1, 3, 1, 1].map((h) => footprintOf(h)));
    // The fifth exhibit's pair partner changes its pair spacing, so compare only complete pairs.
    expect(eight.slice(0, 4)).toEqual(five.slice(0, 4));
  });

  it("starts near the entrance and proceeds down the hall", () => {
    const slots = autoLayout([1, 1, 1, 1].map((h) => footprintOf(h)));
    expect(slots[0]!.position[2]).toBeLessThan(ENTRANCE_Z - 2);
    expect(slots[2]!.position[2]).toBeLessThan(slots[0]!.position[2]);
  });
});

describe("hallFor / arrangeGallery", () => {
  it("has a minimum size when empty", () => {
    const hall = hallFor([]);
    expect(hall.maxX - hall.minX).toBeGreaterThanOrEqual(9);
    expect(hall.maxZ - hall.minZ).toBeGreaterThanOrEqual(14);
    expect(hall.height).toBeGreaterThanOrEqual(5);
  });

  it("grows with the number of exhibits and holds them all", () => {
    const few = arrangeGallery([0, 1, 2].map((i) => exhibit(`e${i}`, i)));
    const many = arrangeGallery(Array.from({ length: 20 }, (_, i) => exhibit(`e${i}`, i)));
    expect(many.hall.maxZ - many.hall.minZ).toBeGreaterThan(few.hall.maxZ - few.hall.minZ);
    for (const it of many.items) expect(inside(it, many.hall)).toBe(true);
  });

  it("keeps stored placements, sorts by order and grows the hall around far-flung ones", () => {
    const moved: Placement = { position: [3, 0, -30], rotationY: 1, scale: 1 };
    const { hall, items } = arrangeGallery([exhibit("b", 2), exhibit("a", 1, 1, moved)]);
    expect(items.map((i) => i.id)).toEqual(["a", "b"]);
    expect(items[0]!.placement).toBe(moved);
    expect(hall.minZ).toBeLessThan(-30);
    expect(inside(items[0]!, hall)).toBe(true);
  });

  it("makes tall exhibits raise the walls", () => {
    expect(arrangeGallery([exhibit("tall", 0, 5)]).hall.height).toBeGreaterThan(5.5);
  });

  it("treats only the default placement as unplaced", () => {
    expect(isUnplaced(unplaced)).toBe(true);
    expect(isUnplaced({ position: [0, 0, -2], rotationY: 0, scale: 1 })).toBe(false);
  });
});

describe("snapPlacement", () => {
  const hall: Hall = { minX: -5, maxX: 5, minZ: -10, maxZ: 3, height: 5 };
  const fp = footprintOf(1);

  it("snaps to the floor, the grid and 15° steps", () => {
    const p = snapPlacement({ position: [1.13, 0.7, -2.38], rotationY: 0.3, scale: 1.5 }, fp.radius, [], hall);
    expect(p.position).toEqual([1.25, 0, -2.5]);
    expect(p.rotationY).toBeCloseTo(Math.PI / 12);
    expect(p.scale).toBe(1.5);
  });

  it("normalises rotation into (-π, π]", () => {
    expect(snapPlacement({ position: [0, 0, 0], rotationY: 7, scale: 1 }, fp.radius, [], hall).rotationY).toBeCloseTo(Math.PI / 4); // 7 rad ≈ 27 steps = 2π + π/4
    expect(snapPlacement({ position: [0, 0, 0], rotationY: -0.01, scale: 1 }, fp.radius, [], hall).rotationY).toBe(0);
  });

  it("keeps the footprint inside the walls", () => {
    const p = snapPlacement({ position: [9, 0, 20], rotationY: 0, scale: 1 }, fp.radius, [], hall);
    expect(p.position[0] + fp.radius).toBeLessThanOrEqual(hall.maxX);
    expect(p.position[2] + fp.radius).toBeLessThanOrEqual(hall.maxZ);
    expect(p.position[0] % GRID).toBeCloseTo(0);
  });

  it("pushes a dropped exhibit out of another to the nearest free grid point", () => {
    const other = { placement: { position: [0, 0, -4] as [number, number, number], rotationY: 0, scale: 1 }, footprint: fp };
    const p = snapPlacement({ position: [0.3, 0, -4], rotationY: 0, scale: 1 }, fp.radius, [other], hall);
    const d = Math.hypot(p.position[0], p.position[2] + 4);
    expect(d).toBeGreaterThanOrEqual(2 * fp.radius);
    // Pushed out on the side it was dropped, not teleported.
    expect(p.position[0]).toBeGreaterThan(0);
    expect(d).toBeLessThan(2 * fp.radius + 2 * GRID);
  });

  it("never overlaps any of many neighbours", () => {
    const others = [-2, 0, 2].flatMap((x) => [-6, -4, -2].map((z) => ({ placement: { position: [x, 0, z] as [number, number, number], rotationY: 0, scale: 1 }, footprint: fp })));
    const p = snapPlacement({ position: [0, 0, -4], rotationY: 0, scale: 1 }, fp.radius, others, hall);
    for (const o of others) {
      expect(Math.hypot(p.position[0] - o.placement.position[0], p.position[2] - o.placement.position[2])).toBeGreaterThanOrEqual(2 * fp.radius);
    }
  });

  it("falls back to the middle of a hall too narrow for the footprint", () => {
    const narrow: Hall = { minX: -0.5, maxX: 0.5, minZ: -10, maxZ: 3, height: 5 };
    expect(snapPlacement({ position: [0.4, 0, -2], rotationY: 0, scale: 1 }, fp.radius, [], narrow).position[0]).toBe(0);
  });
});

describe("entrancePose", () => {
  it("stands inside the hall by the entrance looking down it", () => {
    const hall = hallFor([]);
    const pose = entrancePose(hall);
    expect(pose.z).toBeLessThan(hall.maxZ);
    expect(pose.z).toBeGreaterThan(hall.maxZ - 2);
    expect(pose.yaw).toBe(0);
  });
});

describe("nudgeStep", () => {
  it("moves away from, towards and across the view along the nearest world axis", () => {
    expect(nudgeStep("ArrowUp", 0)).toEqual([0, -GRID]);
    expect(nudgeStep("ArrowDown", 0)).toEqual([0, GRID]);
    expect(nudgeStep("ArrowRight", 0)).toEqual([GRID, 0]);
    expect(nudgeStep("ArrowLeft", 0)).toEqual([-GRID, 0]);
    // Looking down −X (yaw π/2), "up" moves towards −X.
    expect(nudgeStep("ArrowUp", Math.PI / 2 + 0.3)).toEqual([-GRID, 0]);
    expect(nudgeStep("KeyW", 0)).toBeNull();
  });
});

describe("fitPlinth", () => {
  const fp = footprintOf(1.9);

  it("keeps the laid-out plinth until the model is known", () => {
    expect(fitPlinth(fp, null, 1)).toBe(fp);
  });

  it("narrows the plinth to a slender model, but not below half its layout size", () => {
    const tower = fitPlinth(fp, { width: 0.8, depth: 1 }, 1);
    expect(tower.plinthSide).toBeCloseTo(1.2);
    expect(tower.radius).toBe(fp.radius);
    expect(fitPlinth(fp, { width: 0.05, depth: 0.05 }, 1).plinthSide).toBe(fp.plinthSide * 0.5);
  });

  it("never grows past the layout's footprint, and honours scale", () => {
    expect(fitPlinth(fp, { width: 5, depth: 1 }, 1)).toBe(fp);
    expect(fitPlinth(fp, { width: 0.5, depth: 0.5 }, 2).plinthSide).toBeCloseTo(1.2);
  });
});
