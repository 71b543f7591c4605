import { describe, expect, it } from "vitest";
import { positionBounds } from "../shape/mesh";
import { meshTopology, type GlbMesh } from "../shape/testing/glb-inspect";
import { layoutPlaque } from "./layout";
import { buildPlaqueMesh } from "./plaque-mesh";

const layout = layoutPlaque({ x0: 100, y0: 100, x1: 300, y1: 400 });
/** A round boss in the middle of the subject's box: 1 at its centre, 0 from 100 pixels out. */
const boss = (x: number, y: number) => Math.max(0, 1 - Math.hypot(x - 200, y - 250) / 100);

function asMesh(g: ReturnType<typeof buildPlaqueMesh>): GlbMesh {
  return { positions: g.positions, normals: g.normals, uvs: g.uvs, indices: Uint32Array.from(g.indices), uris: [], imageMimeTypes: [] };
}


describe("buildPlaqueMesh", () => {
  it("is closed, wound outward, and exactly the layout's size, standing on y = 0 and centred", () => {
    const g = buildPlaqueMesh(layout, boss);
    const topology = meshTopology(asMesh(g));
    expect(topology.badEdges).toBe(0);
    expect(topology.volume).toBeGreaterThan(0);
    const { min, max } = positionBounds(g.positions);
    expect(min[1]).toBeCloseTo(0, 6);
    expect(max[1]).toBeCloseTo(layout.H, 6);
    expect(max[0]! - min[0]!).toBeCloseTo(layout.W, 5);
    expect(min[0]! + max[0]!).toBeCloseTo(0, 6);
    expect(max[2]! - min[2]!).toBeCloseTo(layout.depth, 5);
    expect(min[2]! + max[2]!).toBeCloseTo(0, 6);
  });

  it("raises the relief toward +Z where the sampler says, over a plate and a frame", () => {
    const g = buildPlaqueMesh(layout, boss);
    const p = g.positions;
    let top = 0;
    for (let v = 1; v < p.length / 3; v++) if (p[v * 3 + 2]! > p[top * 3 + 2]!) top = v;
    // The highest point is the boss's centre: the plaque's centre on the analysis grid (200, 250).
    const ax = layout.x0 + (p[top * 3]! / layout.W + 0.5) * layout.width;
    const ay = layout.y0 + (1 - p[top * 3 + 1]! / layout.H) * layout.height;
    expect(Math.hypot(ax - 200, ay - 250)).toBeLessThan(layout.height / (layout.ny - 1) * 1.5);
    // Normals are unit length; the front faces +Z there (the tip of a cone: nearly).
    let worst = 0;
    for (let i = 0; i < g.normals.length; i += 3) worst = Math.max(worst, Math.abs(Math.hypot(g.normals[i]!, g.normals[i + 1]!, g.normals[i + 2]!) - 1));
    expect(worst).toBeLessThan(1e-5);
    expect(g.normals[top * 3 + 2]!).toBeGreaterThan(0.95);
  });

  it("rounds the corners: no vertex outside the rounded outline", () => {
    const g = buildPlaqueMesh(layout, () => 0);
    const r = layout.corner;
    let worst = -Infinity;
    for (let v = 0; v < g.positions.length / 3; v++) {
      const qx = Math.abs(g.positions[v * 3]!) - (layout.W / 2 - r);
      const qy = Math.abs(g.positions[v * 3 + 1]! - layout.H / 2) - (layout.H / 2 - r);
      worst = Math.max(worst, Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r);
    }
    expect(worst).toBeLessThan(1e-6);
    expect(worst).toBeGreaterThan(-1e-6); // and the outline reaches it
  });

  it("keeps a flat plaque (nothing to raise) closed with only plate and frame depth", () => {
    const g = buildPlaqueMesh(layout, () => 0);
    expect(meshTopology(asMesh(g)).badEdges).toBe(0);
    const { min, max } = positionBounds(g.positions);
    expect(max[2]! - min[2]!).toBeCloseTo(layout.plate + layout.frameHeight, 5);
  });
});
