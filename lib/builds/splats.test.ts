// Splat exhibits end to end, offline: the offline planner reads the kind from the goal, the agent's code calls
// image_to_splat for those exhibits, splat-3d (a built-in Space over HTTP) makes a .ply, the model worker
// prepares its SPZ, and the gallery view says "splat" with the served .spz and the original .ply. A gallery
// mixes kinds, an exhibit swaps between them, and undo brings the earlier kind back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAssetStore } from "@/lib/assets/file-store";
import { getExhibit, restoreExhibitVersion } from "@/lib/db/exhibits";
import { getGalleryView } from "@/lib/db/view";
import { readSpz } from "@/lib/splats/spz";
import { centreBounds } from "@/lib/splats/cloud";
import { startExhibitBuild, startGalleryBuild, waitForBuild } from "./build-runner";
import { startBuildHarness, type BuildHarness } from "./testing/harness";

let h: BuildHarness;
beforeAll(async () => {
  h = await startBuildHarness();
  h.configure(
    { SPACES_TEXT_TO_IMAGE: "sketch-image", SPACES_IMAGE_TO_3D: "shape-3d", SPACES_IMAGE_TO_SPLAT: undefined, SPACE_RETRY_BASE_MS: "20", BUILTIN_SPLAT_GAUSSIANS: "16384" },
    { imageSide: 256 },
  );
});
afterAll(async () => {
  await h?.close();
});

const shaOf = (url: string | null) => /\/assets\/([0-9a-f]{64})\./.exec(url ?? "")?.[1] ?? "";

async function built(goal: string) {
  const { galleryId, buildId } = await startGalleryBuild(goal);
  expect(await waitForBuild(buildId)).toMatchObject({ status: "succeeded" });
  return { galleryId, view: (await getGalleryView(galleryId))! };
}

async function remade(galleryId: string, exhibitId: string, request: Parameters<typeof startExhibitBuild>[2]) {
  const { buildId } = await startExhibitBuild(galleryId, exhibitId, request);
  expect(await waitForBuild(buildId)).toMatchObject({ status: "succeeded" });
  return (await getGalleryView(galleryId))!.exhibits.find((e) => e.id === exhibitId)!;
}

describe("splat exhibits", () => {
  it("the monuments of Paris as Gaussian splats, with no token: every exhibit a splat, served as SPZ, the .ply kept", async () => {
    const { view } = await built("the monuments of Paris as Gaussian splats");
    expect(view.exhibits.length).toBeGreaterThanOrEqual(3);
    for (const e of view.exhibits) {
      expect(e).toMatchObject({ status: "ready", kind: "splat" });
      expect(e.modelUrl).toMatch(/^\/assets\/[0-9a-f]{64}\.spz$/);
      expect(e.originalModelUrl).toMatch(/^\/assets\/[0-9a-f]{64}\.ply$/);
      expect(e.versions.map((v) => v.kind)).toEqual(["splat"]);
      expect(e.provenance.some((c) => c.space === "builtin:splat-3d" && c.ok)).toBe(true);
      // What the hall loads: upright on the plinth, as tall as the exhibit's height, a fifth of the .ply or less.
      const spz = (await getAssetStore().get(shaOf(e.modelUrl)))!;
      const ply = (await getAssetStore().stat(shaOf(e.originalModelUrl)))!;
      expect(spz.length).toBeLessThanOrEqual(ply.bytes / 5);
      const { min, max } = centreBounds(readSpz(spz).cloud);
      expect(min[1]).toBeCloseTo(0, 2);
      expect(max[1] - min[1]).toBeCloseTo(e.height, 2);
    }
  }, 180_000);

  it("mixes kinds in one gallery, swaps an exhibit between them, and undo brings the earlier kind back", async () => {
    const { galleryId, view } = await built("the Eiffel Tower as a splat, the Louvre as a mesh and Notre-Dame");
    expect(view.exhibits.map((e) => [e.key, e.kind])).toEqual([
      ["eiffel-tower", "splat"],
      ["louvre-pyramid", "mesh"],
      ["notre-dame", "mesh"],
    ]);
    const louvre = view.exhibits[1]!;
    expect(louvre.modelUrl).toMatch(/\.glb$/);

    // "As a splat": the same picture, made again as a splat; the mesh stays in the history.
    const asSplat = await remade(galleryId, louvre.id, { kind: "swap-kind", to: "splat" });
    expect(asSplat).toMatchObject({ status: "ready", kind: "splat", version: 2, imageUrl: louvre.imageUrl });
    expect(asSplat.versions.map((v) => [v.version, v.kind])).toEqual([
      [1, "mesh"],
      [2, "splat"],
    ]);
    // Undo (what the page's undo sends: the earlier version) brings the mesh back; redo the splat.
    await restoreExhibitVersion(louvre.id, 1);
    expect((await getGalleryView(galleryId))!.exhibits[1]).toMatchObject({ kind: "mesh", modelUrl: louvre.modelUrl });
    await restoreExhibitVersion(louvre.id, 2);
    expect((await getGalleryView(galleryId))!.exhibits[1]).toMatchObject({ kind: "splat", modelUrl: asSplat.modelUrl });

    // "As a mesh" for the splat; a regenerate keeps an exhibit's kind.
    const eiffel = view.exhibits[0]!;
    expect(await remade(galleryId, eiffel.id, { kind: "swap-kind", to: "mesh" })).toMatchObject({ kind: "mesh", version: 2 });
    const again = await remade(galleryId, louvre.id, { kind: "regenerate", newSeed: true });
    expect(again).toMatchObject({ kind: "splat", version: 3 });
    expect((await getExhibit(louvre.id))!.height).toBeGreaterThan(0);
  }, 180_000);
});
