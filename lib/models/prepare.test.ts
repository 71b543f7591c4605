import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { inspectGlb } from "./inspect";
import { getIO } from "./io";
import { normalizeDocument } from "./normalize";
import { MAX_TEXTURE_SIZE, optimizeDocument } from "./optimize";
import { prepareModel } from "./prepare";
import { makeDenseSphereGlb, makeSharedMeshGlb, makeZUpBoxGlb } from "./testing/fixtures";
import { runKhronosValidator } from "./khronos";

const sha = (b: Uint8Array) => crypto.createHash("sha256").update(b).digest("hex");

describe("prepareModel", () => {
  it("turns a 10 m Z-up off-centre textured box into a 1.6 m upright, centred, compressed, valid GLB", async () => {
    const original = await makeZUpBoxGlb([2048, 2048]);
    const before = sha(original);
    const { glb, height, stats } = await prepareModel(original, { upAxis: "z" });
    expect(sha(original)).toBe(before); // the caller's bytes are untouched

    expect(height).toBeCloseTo(1.6, 3);
    const info = await inspectGlb(glb);
    const [minX, minY, minZ] = info.bbox.min;
    const [maxX, maxY, maxZ] = info.bbox.max;
    expect(Math.abs(maxY - minY - 1.6)).toBeLessThan(0.016);
    expect(Math.abs(minY)).toBeLessThan(1e-3);
    expect(Math.abs((minX + maxX) / 2)).toBeLessThan(1e-3);
    expect(Math.abs((minZ + maxZ) / 2)).toBeLessThan(1e-3);
    // Upright: the 2 m side along X, the 1 m side along Z (scaled by 1.6 / 10).
    expect(maxX - minX).toBeCloseTo(0.32, 2);
    expect(maxZ - minZ).toBeCloseTo(0.16, 2);

    expect(info.textures).toEqual([{ width: MAX_TEXTURE_SIZE, height: MAX_TEXTURE_SIZE, mediaType: "image/webp" }]);
    expect(stats.textures).toEqual([{ width: MAX_TEXTURE_SIZE, height: MAX_TEXTURE_SIZE }]);
    expect(stats.servedBytes).toBe(glb.byteLength);
    expect(stats.servedBytes).toBeLessThan(stats.originalBytes);
    expect(stats).toMatchObject({ originalBytes: original.byteLength, originalVertices: 24, upAxis: "z" });

    const report = await runKhronosValidator(glb);
    expect(report.errors).toEqual([]);
    expect(report.numErrors).toBe(0);

    // One clean root holding the geometry.
    const doc = await (await getIO()).readBinary(glb);
    const roots = doc.getRoot().getDefaultScene()!.listChildren();
    expect(roots.map((n) => n.getName())).toEqual(["exhibit"]);
    expect(roots[0]!.getMatrix()).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    expect(doc.getRoot().listExtensionsUsed().map((e) => e.extensionName).sort()).toEqual(
      ["EXT_meshopt_compression", "EXT_texture_webp", "KHR_mesh_quantization"].sort(),
    );
  });

  it("detects the Z-up box with upAxis auto and leaves a Y-up model standing", async () => {
    const box = await prepareModel(await makeZUpBoxGlb([256, 256]), { upAxis: "auto", targetHeight: 2 });
    expect(box.stats.upAxis).toBe("z");
    expect(box.height).toBeCloseTo(2, 3);
    const sphere = await prepareModel(await makeDenseSphereGlb(40, 0.8, 64), { upAxis: "auto" });
    expect(sphere.stats.upAxis).toBe("y");
  });

  it("bakes a mesh shared by several nodes into each placement", async () => {
    const { glb } = await prepareModel(await makeSharedMeshGlb());
    const info = await inspectGlb(glb);
    // Three unit cubes at x = 0, 2, 4 and y = 0, 1, 2: 5 wide, 3 tall → scaled to 1.6 tall.
    expect(info.bbox.max[1] - info.bbox.min[1]).toBeCloseTo(1.6, 2);
    expect(info.bbox.max[0] - info.bbox.min[0]).toBeCloseTo((5 * 1.6) / 3, 2);
    expect(info.vertices).toBeGreaterThanOrEqual(3 * 8);
  });

  it("is valid before compression too (where the validator can see every accessor)", async () => {
    const io = await getIO();
    const doc = await io.readBinary(await makeDenseSphereGlb(60, 0.8, 256));
    await normalizeDocument(doc, { targetHeight: 1.6, upAxis: "y" });
    await optimizeDocument(doc);
    const report = await runKhronosValidator(await io.writeBinary(doc));
    expect(report.errors).toEqual([]);
  });

  it("accepts its own (quantised, meshopt-compressed) output again", async () => {
    const once = await prepareModel(await makeDenseSphereGlb(60, 0.8, 128), { targetHeight: 1 });
    const twice = await prepareModel(once.glb, { targetHeight: 2 });
    const info = await inspectGlb(twice.glb);
    expect(info.bbox.max[1] - info.bbox.min[1]).toBeCloseTo(2, 2);
    expect(Math.abs(info.bbox.min[1])).toBeLessThan(2e-3);
    expect((await runKhronosValidator(twice.glb)).numErrors).toBe(0);
  });

  it("refuses what is not a GLB, with a readable error", async () => {
    await expect(prepareModel(new TextEncoder().encode("not a model"))).rejects.toThrow(/not a readable GLB/);
  });

  it("measures ratio and time on a dense textured model", async () => {
    const original = await makeDenseSphereGlb(400, 0.8, 2048);
    const { stats } = await prepareModel(original);
    const ratio = stats.servedBytes / stats.originalBytes;
    console.log(
      `[prepareModel] dense sphere: ${(stats.originalBytes / 1e6).toFixed(2)} MB → ${(stats.servedBytes / 1e6).toFixed(2)} MB ` +
        `(ratio ${ratio.toFixed(3)}), vertices ${stats.originalVertices} → ${stats.servedVertices}, ${stats.durationMs} ms`,
    );
    expect(ratio).toBeLessThanOrEqual(0.25);
  });
});
