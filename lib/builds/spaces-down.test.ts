// When every Space of a capability is down (error=1 on all of them), a build must still end — within its
// budget, with a final status and a reason a person can act on for each exhibit — and keep what did get made:
// the pictures of a capability that worked, and exhibits finished before the outage.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAssetStore } from "@/lib/assets/file-store";
import { finalBuildStatuses } from "@/lib/db/builds";
import { eventsSince } from "@/lib/db/events";
import { getExhibit, listExhibits } from "@/lib/db/exhibits";
import type { SpaceCallRecord } from "@/lib/contracts/gallery-view";
import { getGalleryView } from "@/lib/db/view";
import { startExhibitBuild, startGalleryBuild, waitForBuild } from "./build-runner";
import { hasBuiltinSpace, startBuildHarness, type BuildHarness } from "./testing/harness";

let h: BuildHarness;
let seed = 1;

beforeAll(async () => {
  h = await startBuildHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Every Space of the capability, each failing every call ("GPU task aborted"): two at least, so the fallback is down too. */
function allDown(base: "sketch-image" | "shape-3d", other: string): string {
  const refs = [`${base}~error=1~seed=${seed++}`, ...(hasBuiltinSpace(other) ? [`${other}~error=1~seed=${seed++}`] : []), `${base}~error=1~seed=${seed++}`];
  return refs.map((r) => `${h.spacesBase}/${r}`).join(",");
}

const BUDGET_MINUTES = 2;

function configure(spaces: { images?: string; models?: string }) {
  h.configure(
    {
      SPACES_TEXT_TO_IMAGE: spaces.images ?? "sketch-image",
      SPACES_IMAGE_TO_3D: spaces.models ?? "shape-3d",
      SPACE_RETRY_BASE_MS: "20",
      BUILD_MAX_MINUTES: String(BUDGET_MINUTES),
    },
    { imageSide: 256 },
  );
}

async function doneEvents(buildId: string, capability: string) {
  return (await eventsSince(buildId)).flatMap((e) => (e.type === "tool.done" && e.payload.capability === capability ? [e.payload] : []));
}

describe("a capability with every Space down", () => {
  it("image-to-3D down: the build ends in time with a reason per exhibit and keeps the pictures; a retry later reuses them", async () => {
    configure({ models: allDown("shape-3d", "relief-3d") });
    const joinsBefore = h.spaceJoins.length;
    const { galleryId, buildId } = await startGalleryBuild("six monuments of Paris at dusk");
    const t0 = Date.now();
    const build = await waitForBuild(buildId);
    const elapsedMs = Date.now() - t0;

    expect(finalBuildStatuses).toContain(build!.status);
    expect(build).toMatchObject({ status: "failed", error: "No exhibit could be made." });
    // Ended on its own, well inside the budget: the exhibits failed for the Spaces' reason, not the deadline.
    expect(elapsedMs).toBeLessThan(BUDGET_MINUTES * 60_000);
    const events = await eventsSince(buildId);
    expect(events.at(-1)).toMatchObject({ type: "build.finished", payload: { status: "failed", ready: 0, failed: 6 } });

    const exhibits = await listExhibits(galleryId);
    expect(exhibits).toHaveLength(6);
    for (const e of exhibits) {
      expect(e.status).toBe("failed");
      expect(e.error).toMatch(/^Could not model it: Every image-to-3d Space failed — builtin:shape-3d~error=1~seed=\d+: (GPU task aborted|Skipped: .* is failing)/);
      // Its provenance says what was tried: the picture that worked, then each image-to-3D Space that did not.
      const calls = e.provenance as SpaceCallRecord[];
      expect(calls.filter((c) => c.capability === "text-to-image" && c.ok)).toHaveLength(1);
      expect(calls.filter((c) => c.capability === "image-to-3d").every((c) => !c.ok && c.error)).toBe(true);
    }
    // The circuit breakers stop hammering dead Spaces. Counted where the Spaces receive jobs: per Space at most
    // the 6 exhibits' first calls plus the 2 retries that can start before the 3rd failure opens its breaker,
    // against 6 × 3 with no breaker.
    const jobs = h.spaceJoins.slice(joinsBefore).filter((s) => s.includes("error=1")).length;
    const spaces = (process.env.SPACES_IMAGE_TO_3D ?? "").split(",").length;
    console.log(`spaces-down: image-to-3D down, build ended in ${elapsedMs} ms after ${jobs} jobs sent to ${spaces} dead Spaces`);
    expect(jobs).toBeGreaterThanOrEqual(spaces); // each was really tried
    expect(jobs).toBeLessThanOrEqual(spaces * (6 + 2));

    // The pictures were kept: stored, and the cache holds them.
    const drawn = await doneEvents(buildId, "text-to-image");
    expect(drawn.length).toBeGreaterThanOrEqual(6);
    for (const d of drawn) expect(await getAssetStore().stat(d.asset!.sha256)).not.toBeNull();
    // …and each failed exhibit still has its picture, in the record and in the gallery's JSON view.
    const drawnShas = new Set(drawn.map((d) => d.asset!.sha256));
    const failedView = (await getGalleryView(galleryId))!;
    for (const e of exhibits) {
      expect(e.imageSha, e.key).not.toBeNull();
      expect(drawnShas.has(e.imageSha!)).toBe(true);
      const shown = failedView.exhibits.find((x) => x.id === e.id)!;
      expect(shown).toMatchObject({ status: "failed", imageUrl: `/assets/${e.imageSha}.png`, modelUrl: null });
    }

    // The Spaces come back; the owner retries each exhibit: every one is modelled from the picture it kept, with
    // no text-to-image call at all (not even a cached one).
    configure({});
    const retries = await Promise.all(exhibits.map(async (e) => (await startExhibitBuild(galleryId, e.id, { kind: "retry" })).buildId));
    const done = await Promise.all(retries.map((id) => waitForBuild(id)));
    expect(done.map((b) => b?.status)).toEqual(Array(6).fill("succeeded"));
    expect((await listExhibits(galleryId)).map((e) => e.status)).toEqual(Array(6).fill("ready"));
    for (const id of retries) {
      expect(await doneEvents(id, "text-to-image")).toEqual([]);
      expect((await doneEvents(id, "image-to-3d")).map((p) => p.cached)).toEqual([false]);
    }
    for (const e of exhibits) {
      const made = (await getExhibit(e.id))!;
      expect(made.imageSha).toBe(e.imageSha);
      // The new version's provenance still says how its picture was drawn.
      const calls = made.provenance as SpaceCallRecord[];
      expect(calls.filter((c) => c.capability === "text-to-image" && c.ok)).toHaveLength(1);
      expect(calls.filter((c) => c.capability === "image-to-3d" && c.ok)).toHaveLength(1);
    }
  }, 120_000);

  it("text-to-image down: every exhibit says it could not be drawn, and no image-to-3D call is made", async () => {
    configure({ images: allDown("sketch-image", "ink-image") });
    const { galleryId, buildId } = await startGalleryBuild("six monuments of Rome at night");
    const build = await waitForBuild(buildId);
    expect(build).toMatchObject({ status: "failed", error: "No exhibit could be made." });
    expect((await eventsSince(buildId)).at(-1)).toMatchObject({ type: "build.finished", payload: { status: "failed", ready: 0, failed: 6 } });
    const exhibits = await listExhibits(galleryId);
    expect(exhibits).toHaveLength(6);
    for (const e of exhibits) {
      expect(e.status).toBe("failed");
      expect(e.error).toMatch(/^Could not draw it: Every text-to-image Space failed — builtin:sketch-image~error=1~seed=\d+: (GPU task aborted|Skipped: .* is failing)/);
    }
    expect((await eventsSince(buildId)).filter((e) => e.type === "tool.queued" && e.payload.capability === "image-to-3d")).toEqual([]);
    expect(await doneEvents(buildId, "image-to-3d")).toEqual([]);
  }, 120_000);

  it("an outage during a remake keeps the finished exhibit as it was, and the rest of the gallery", async () => {
    configure({});
    const { galleryId, buildId } = await startGalleryBuild("six monuments of London in the snow");
    expect((await waitForBuild(buildId))?.status).toBe("succeeded");
    const before = await listExhibits(galleryId);
    expect(before.map((e) => e.status)).toEqual(Array(6).fill("ready"));

    configure({ models: allDown("shape-3d", "relief-3d") });
    const target = before[2]!;
    const remake = await startExhibitBuild(galleryId, target.id, { kind: "regenerate", newSeed: true });
    const ended = await waitForBuild(remake.buildId);
    expect(ended?.status).toBe("failed");
    expect(ended?.error).toMatch(/Every image-to-3d Space failed/);
    expect((await eventsSince(remake.buildId)).at(-1)).toMatchObject({ type: "build.finished", payload: { status: "failed", ready: 1, failed: 0 } });

    // The exhibit still shows its finished version, and nothing else moved.
    const after = (await getExhibit(target.id))!;
    expect(after).toMatchObject({ status: "ready", error: null, version: target.version, modelSha: target.modelSha, imageSha: target.imageSha });
    expect((await listExhibits(galleryId)).map((e) => [e.id, e.status, e.version, e.modelSha])).toEqual(before.map((e) => [e.id, e.status, e.version, e.modelSha]));
  }, 120_000);
});
