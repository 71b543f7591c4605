import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { positionBounds } from "../shape/mesh";
import { describeEngineContract } from "../shape/testing/engine-contract";
import { renderSketch } from "../sketch/render";
import { ALL_FIXTURES, ARCH, renderFixture } from "../shape/testing/fixtures";
import { meshTopology, readGlb, validateGlb } from "../shape/testing/glb-inspect";
import { MAX_GLB_BYTES, reconstructRelief, RELIEF_HEIGHT } from "./reconstruct";


/** A 1024² picture of per-pixel noise: the worst case for the texture's size. */
async function noise(): Promise<Buffer> {
  const raw = Buffer.alloc(1024 * 1024 * 3);
  let seed = 7;
  for (let i = 0; i < raw.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    raw[i] = (seed >> 16) & 255;
  }
  return sharp(raw, { raw: { width: 1024, height: 1024, channels: 3 } }).png().toBuffer();
}

describe("reconstructRelief", () => {
  const pictures: Array<[string, () => Promise<Buffer>]> = [
    ...ALL_FIXTURES.map((f): [string, () => Promise<Buffer>] => [f.name, () => renderFixture(f)]),
    ["sketch-image's lighthouse", () => renderSketch({ prompt: "a lighthouse", seed: 3, width: 512, height: 512 })],
  ];

  it.each(pictures)("carves %s into a valid, closed, front-textured plaque of the promised size", async (_name, make) => {
    const { glb, stats } = await reconstructRelief(await make(), { seed: 7 });

    const report = await validateGlb(glb);
    expect(report.issues.messages.filter((m) => m.severity === 0)).toEqual([]);
    expect(report.issues.numErrors).toBe(0);
    expect(glb.length).toBeLessThanOrEqual(MAX_GLB_BYTES);

    const mesh = await readGlb(glb);
    expect(mesh.uris).toEqual([]);
    expect(mesh.imageMimeTypes).toEqual(["image/jpeg"]);
    expect(Math.max(...stats.textureSize)).toBeLessThanOrEqual(1024);
    expect(Math.max(stats.grid[0], stats.grid[1])).toBeLessThanOrEqual(160);

    // Frame: standing on y = 0, 2 m tall, centred in x and z, real depth.
    const { min, max } = positionBounds(mesh.positions);
    expect(min[1]).toBeCloseTo(0, 6);
    expect(max[1]).toBeCloseTo(RELIEF_HEIGHT, 5);
    expect(min[0]! + max[0]!).toBeCloseTo(0, 5);
    expect(min[2]! + max[2]!).toBeCloseTo(0, 5);
    const width = max[0]! - min[0]!;
    const depth = max[2]! - min[2]!;
    expect(depth / width).toBeGreaterThanOrEqual(0.2);
    expect([width, max[1]! - min[1]!, depth].map((v) => v.toFixed(4))).toEqual([stats.width, stats.height, stats.depth].map((v) => v.toFixed(4)));

    // Closed and wound outward; unit normals; the front (the highest points) faces +Z.
    const topology = meshTopology(mesh);
    expect(topology.badEdges).toBe(0);
    expect(topology.volume).toBeGreaterThan(0);
    let worstNormal = 0;
    for (let i = 0; i < mesh.normals.length; i += 3) {
      worstNormal = Math.max(worstNormal, Math.abs(Math.hypot(mesh.normals[i]!, mesh.normals[i + 1]!, mesh.normals[i + 2]!) - 1));
    }
    expect(worstNormal).toBeLessThan(1e-4);
    expect(mesh.uvs.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(stats.vertices).toBe(mesh.positions.length / 3);
    expect(stats.triangles).toBe(mesh.indices.length / 3);
  });

  it("raises the subject, not the plate: the arch's opening stays at plate level, its piers stand out", async () => {
    const { glb, stats } = await reconstructRelief(await renderFixture(ARCH), { seed: 0 });
    const mesh = await readGlb(glb);
    // Front-surface height (max z) at a point of the plaque, from the vertices nearest to it.
    const heightAt = (x: number, y: number) => {
      let best = Infinity;
      let z = -Infinity;
      for (let v = 0; v < mesh.positions.length / 3; v++) {
        const d = Math.hypot(mesh.positions[v * 3]! - x, mesh.positions[v * 3 + 1]! - y);
        if (d < best - 1e-9 || (Math.abs(d - best) < 1e-9 && mesh.positions[v * 3 + 2]! > z)) {
          best = d;
          z = mesh.positions[v * 3 + 2]!;
        }
      }
      return z;
    };
    const plateLevel = heightAt(0, 0.55); // inside the opening, above the ground line
    const pier = heightAt(-0.55, 0.9);
    expect(pier - plateLevel).toBeGreaterThan(0.4 * stats.depth);
  });

  it("keeps a 1024² noisy picture within 1.5 MB by lowering the texture's quality", async () => {
    const { glb, stats } = await reconstructRelief(await noise(), { seed: 0 });
    expect(glb.length).toBeLessThanOrEqual(MAX_GLB_BYTES);
    expect((await validateGlb(glb)).issues.numErrors).toBe(0);
    expect(stats.grid).toEqual([144, 144]);
  });

  describeEngineContract("the image-to-3D contract (refusals the same as shape-3d's)", reconstructRelief);
});
