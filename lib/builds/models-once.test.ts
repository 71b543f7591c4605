// A model crosses to the model worker once: the toolbox validates it and prepares its web version in one worker
// task as it arrives and stores both, and placing it reads nothing back. A second build of the same goal takes
// every model from the Space-call cache, web version included: no worker task at all.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { getAssetStore } from "@/lib/assets/file-store";
import { eventsSince } from "@/lib/db/events";
import { listExhibits } from "@/lib/db/exhibits";
import { modelPool } from "@/lib/model-worker/pool";
import { startGalleryBuild, waitForBuild } from "./build-runner";
import { startBuildHarness, type BuildHarness } from "./testing/harness";

let h: BuildHarness;
beforeAll(async () => {
  h = await startBuildHarness();
  h.configure({ SPACES_TEXT_TO_IMAGE: "sketch-image", SPACES_IMAGE_TO_3D: "shape-3d", SPACE_RETRY_BASE_MS: "20" }, { imageSide: 256 });
});
afterAll(async () => {
  await h?.close();
});

it("sends each model's bytes to the worker once per build, never reads a model back, and not at all when cached", async () => {
  const run = vi.spyOn(modelPool(), "run"); // calls through: the real worker does the work
  const reads = vi.spyOn(getAssetStore(), "get");
  try {
    const goal = "six monuments of Rome at noon";
    const first = await startGalleryBuild(goal);
    expect(await waitForBuild(first.buildId)).toMatchObject({ status: "succeeded" });
    const ready = (await listExhibits(first.galleryId)).filter((e) => e.status === "ready");
    expect(ready.length).toBeGreaterThan(0);
    const modelsMade = (await eventsSince(first.buildId)).filter((e) => e.type === "tool.done" && e.payload.capability === "image-to-3d" && !e.payload.cached);
    expect(modelsMade.length).toBeGreaterThanOrEqual(ready.length);
    expect(run.mock.calls.map(([task]) => task)).toEqual(modelsMade.map(() => "validate-and-prepare"));
    const modelShas = new Set(ready.flatMap((e) => [e.modelSha!, e.originalModelSha!]));
    expect(modelShas.size).toBe(2 * ready.length); // each exhibit shows a web version distinct from its original
    for (const sha of modelShas) expect(await getAssetStore().stat(sha)).not.toBeNull();
    expect(reads.mock.calls.filter(([sha]) => modelShas.has(sha))).toEqual([]);

    run.mockClear();
    const second = await startGalleryBuild(goal);
    expect(await waitForBuild(second.buildId)).toMatchObject({ status: "succeeded" });
    expect(run).not.toHaveBeenCalled();
    const again = (await listExhibits(second.galleryId)).filter((e) => e.status === "ready");
    expect(again.map((e) => [e.key, e.modelSha, e.originalModelSha])).toEqual(ready.map((e) => [e.key, e.modelSha, e.originalModelSha]));
  } finally {
    run.mockRestore();
    reads.mockRestore();
  }
}, 120_000);
