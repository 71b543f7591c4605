import { describe, expect, it } from "vitest";
import { MeshBuilder } from "./mesh";
import { buildRevolve } from "./mesh-loft";
import type { RowSpan } from "./silhouette";

const WIDTH = 200;
const SEGMENTS = 48;

function revolve(rows: RowSpan[]): MeshBuilder {
  const mesh = new MeshBuilder((x, y) => [x / WIDTH + 0.5, y / rows.length]);
  buildRevolve(rows, WIDTH, mesh);
  return mesh;
}

/** Ring radii (distinct heights) of a revolved mesh, top to bottom. */
function ringHeights(mesh: MeshBuilder): number[] {
  const ys = new Set<number>();
  for (let i = 1; i < mesh.positions.length; i += 3) ys.add(Math.round(mesh.positions[i]! * 1000) / 1000);
  return [...ys].sort((a, b) => b - a);
}

/** Widest |x| of the mesh at height y, on its ring (the cross-section's radius there). */
function radiusAt(mesh: MeshBuilder, y: number): number {
  let r = 0;
  for (let i = 0; i < mesh.positions.length; i += 3) {
    if (Math.abs(mesh.positions[i + 1]! - y) < 1e-6) r = Math.max(r, Math.abs(mesh.positions[i]!));
  }
  return r;
}

describe("buildRevolve", () => {
  it("gives a straight-walled drum a handful of rings, not one per row", () => {
    const rows: RowSpan[] = Array.from({ length: 300 }, () => ({ left: 40, right: 160 }));
    const mesh = revolve(rows);
    // Top and bottom edges only (plus their cap centres): 2 rings of 48, where every sampled row used to get one.
    expect(ringHeights(mesh)).toEqual([300, 0]);
    expect(mesh.positions.length / 3).toBe(2 * SEGMENTS + 2);
  });

  it("keeps the sections a dome's curve needs, and the dome stays on its sphere between them", () => {
    // A hemisphere of radius 100 on a 100-row drum: the dome needs many rings, the drum none between its ends.
    const rows: RowSpan[] = [];
    for (let y = 0; y < 100; y++) {
      const h = 100 - (y + 0.5);
      const half = Math.sqrt(Math.max(0, 100 * 100 - h * h));
      rows.push({ left: 100 - half, right: 100 + half });
    }
    for (let y = 0; y < 100; y++) rows.push({ left: 0, right: 200 });
    const mesh = revolve(rows);
    const heights = ringHeights(mesh);
    const domeRings = heights.filter((y) => y > 100).length;
    expect(domeRings).toBeGreaterThan(10);
    expect(heights.filter((y) => y < 99).length).toBeLessThanOrEqual(2);
    // Between two kept rings the wall is straight: at every dropped row the mesh stays within a pixel and a half
    // of the true sphere (a quarter pixel from the smoothed profile, plus that smoothing's rounding of the staircase).
    for (let k = 0; k + 1 < heights.length; k++) {
      const [a, b] = [heights[k]!, heights[k + 1]!];
      if (a <= 100 || b < 100) continue;
      const [ra, rb] = [radiusAt(mesh, a), radiusAt(mesh, b)];
      for (let y = Math.ceil(b) + 0.5; y < a; y++) {
        const loft = ra + ((y - a) / (b - a)) * (rb - ra);
        const sphere = Math.sqrt(Math.max(0, 100 * 100 - (y - 100) ** 2));
        expect(Math.abs(loft - sphere)).toBeLessThan(1.5);
      }
    }
    expect(mesh.positions.length / 3).toBeLessThan(200 * SEGMENTS / 2);
  });
});
