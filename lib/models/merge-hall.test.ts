import { describe, expect, it } from "vitest";
import { NodeIO } from "@gltf-transform/core";
import { ALL_EXTENSIONS } from "@gltf-transform/extensions";
import { makeDenseSphereGlb, makeZUpBoxGlb } from "./testing/fixtures";
import { prepareModel } from "./prepare";
import { runKhronosValidator } from "./khronos";
import { mergeHall } from "./merge-hall";

describe("mergeHall", () => {
  it("merges served (meshopt) models into one plain GLB with one node per exhibit and 0 validator errors", async () => {
    const a = await prepareModel(await makeDenseSphereGlb(40, 0.8, 256));
    const b = await prepareModel(await makeZUpBoxGlb([256, 256]));
    const glb = await mergeHall({
      title: "Test hall",
      hall: { minX: -5, maxX: 5, minZ: -11, maxZ: 3 },
      pieces: [
        { exhibitId: "ex-a", title: "Sphere", glb: a.glb, position: [-2, 0, -1], rotationY: 1.2, scale: 1, plinthSide: 1.2, plinthHeight: 0.6 },
        { exhibitId: "ex-b", title: "Box", glb: b.glb, position: [2, 0, -1], rotationY: -1.2, scale: 1.5, plinthSide: 1.4, plinthHeight: 0.5 },
      ],
    });
    const verdict = await runKhronosValidator(glb);
    expect(verdict.errors).toEqual([]);
    expect(verdict.numErrors).toBe(0);
    const doc = await new NodeIO().registerExtensions(ALL_EXTENSIONS).readBinary(glb); // no meshopt decoder: the file must not need one
    const scene = doc.getRoot().getDefaultScene()!;
    const exhibits = scene.listChildren().filter((n) => (n.getExtras() as { vernissage?: unknown }).vernissage);
    expect(exhibits.map((n) => n.getName())).toEqual(["Sphere", "Box"]);
    expect(exhibits.map((n) => (n.getExtras() as { vernissage: { exhibitId: string } }).vernissage.exhibitId)).toEqual(["ex-a", "ex-b"]);
    expect(doc.getRoot().listExtensionsUsed().map((e) => e.extensionName)).not.toContain("EXT_meshopt_compression");
    expect(doc.getRoot().listBuffers()).toHaveLength(1);
    // Each exhibit holds its plinth and its model's meshes.
    for (const n of exhibits) expect(n.listChildren().map((c) => c.getName())).toEqual(["Plinth", "Model"]);
  }, 60_000);
});
