import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { positionBounds } from "./mesh";
import { describeEngineContract } from "./testing/engine-contract";
import { decodeImage } from "./decode";
import { MODEL_SIZE, reconstructModel } from "./reconstruct";
import { findSubject } from "./subject";
import { ALL_FIXTURES, DOME, TOWER, renderFixture, type Fixture } from "./testing/fixtures";
import { frontSilhouette, iou, meshTopology, readGlb, validateGlb } from "./testing/glb-inspect";

async function check(fixture: Fixture, bytes: Buffer) {
  const { glb, stats } = await reconstructModel(bytes, { seed: 7 });
  const mesh = await readGlb(glb);
  const subject = findSubject((await decodeImage(bytes)).image);
  return { glb, stats, mesh, subject, front: frontSilhouette(mesh, subject.mask, MODEL_SIZE) };
}


describe("reconstructModel", () => {
  describe.each(ALL_FIXTURES.map((f) => [f.name, f] as const))("%s", (_name, fixture) => {
    it("builds a valid, closed, front-textured model matching the silhouette", async () => {
      const { glb, stats, mesh, subject, front } = await check(fixture, await renderFixture(fixture));

      expect(stats.kind).toBe(fixture.kind);
      const report = await validateGlb(glb);
      expect(report.issues.messages.filter((m) => m.severity === 0)).toEqual([]);
      expect(report.issues.numErrors).toBe(0);
      expect(mesh.uris).toEqual([]);
      expect(mesh.imageMimeTypes).toEqual(["image/jpeg"]);

      // The orthographic front view covers the subject mask.
      expect(iou(front, subject.mask.data)).toBeGreaterThan(0.97);

      // Frame: standing on y = 0, centred in x and z, longer side 2 m, real depth.
      const { min, max } = positionBounds(mesh.positions);
      expect(min[1]).toBeCloseTo(0, 6);
      expect(min[0]! + max[0]!).toBeCloseTo(0, 5);
      expect(min[2]! + max[2]!).toBeCloseTo(0, 5);
      expect(Math.max(stats.width, stats.height)).toBeCloseTo(MODEL_SIZE, 5);
      expect(stats.depth / stats.width).toBeGreaterThanOrEqual(fixture.kind === "extrude" ? 0.3 : 0.2);

      // Closed, consistently wound, normals outward and unit length; UVs inside the texture.
      const topology = meshTopology(mesh);
      expect(topology.badEdges).toBe(0);
      expect(topology.volume).toBeGreaterThan(0);
      let worstNormal = 0;
      for (let i = 0; i < mesh.normals.length; i += 3) {
        const length = Math.hypot(mesh.normals[i]!, mesh.normals[i + 1]!, mesh.normals[i + 2]!);
        worstNormal = Math.max(worstNormal, Math.abs(length - 1));
      }
      expect(worstNormal).toBeLessThan(1e-4);
      expect(mesh.uvs.every((v) => v >= 0 && v <= 1)).toBe(true);

      expect(stats.vertices).toBe(mesh.positions.length / 3);
      expect(stats.triangles).toBe(mesh.indices.length / 3);
      expect(stats.vertices).toBeLessThan(40_000);
    });
  });

  it("faces the front of the picture toward +Z: the front face's normals point at the viewer", async () => {
    const { mesh } = await check(TOWER, await renderFixture(TOWER));
    const facing = [];
    for (let i = 0; i < mesh.normals.length; i += 3) if (mesh.normals[i + 2]! > 0.99) facing.push(mesh.positions[i + 2]!);
    expect(facing.length).toBeGreaterThan(0);
    expect(Math.min(...facing)).toBeGreaterThan(0);
  });

  it.each(["jpeg", "webp"] as const)("accepts %s input", async (format) => {
    const { glb, stats, subject, front } = await check(DOME, await renderFixture(DOME, format));
    expect(stats.kind).toBe("revolve");
    expect((await validateGlb(glb)).issues.numErrors).toBe(0);
    expect(iou(front, subject.mask.data)).toBeGreaterThan(0.97);
  });

  it("keeps a 1024² picture under 1.5 MB with a texture of at most 1024²", async () => {
    const png = await sharp(await renderFixture(DOME)).resize(1024, 1024).png().toBuffer();
    const { glb } = await reconstructModel(png, { seed: 0 });
    expect(glb.length).toBeLessThan(1.5 * 1024 * 1024);
    const doc = await readGlb(glb);
    expect(doc.imageMimeTypes).toEqual(["image/jpeg"]);
  });

  it("shrinks textures of large pictures to 1024²", async () => {
    const png = await sharp(await renderFixture(TOWER)).resize(1500, 3000).png().toBuffer();
    const { glb, stats } = await reconstructModel(png, { seed: 0 });
    const { NodeIO } = await import("@gltf-transform/core");
    const doc = await new NodeIO().readBinary(glb);
    const size = doc.getRoot().listTextures()[0]!.getSize()!;
    expect(Math.max(...size)).toBeLessThanOrEqual(1024);
    expect(stats.textureBytes).toBe(doc.getRoot().listTextures()[0]!.getImage()!.length);
  });

  describeEngineContract("the image-to-3D contract", reconstructModel);
});
