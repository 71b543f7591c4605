// A real Space that renamed its endpoint does not break a build: the whole runner (offline agent → sandboxed code
// → tools → Space client) builds a gallery whose models come from a replay of trellis-community/TRELLIS
// (hand-written fixture, lib/space-client/fixtures/) with /generate_and_extract_glb renamed. The Space client
// re-resolves the endpoint through the endpoint judge, every exhibit ends ready, and the build log says so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAssetStore } from "@/lib/assets/file-store";
import { dbCallCache } from "@/lib/db/cache";
import { listExhibits } from "@/lib/db/exhibits";
import { makeZUpBoxGlb } from "@/lib/models/testing/fixtures";
import { replaceProcessSingleton } from "@/lib/platform/singleton";
import { loadSpaceClientConfig } from "@/lib/space-client/config";
import { createSpaceClient } from "@/lib/space-client/space-client";
import { loadFixture, renameEndpoint, replay } from "@/lib/space-client/testing/fixtures";
import type { ReplayServer } from "@/lib/space-client/testing/replay-server";
import { entry } from "@/lib/space-client/testing/space-client";
import { startGalleryBuild, waitForBuild } from "./build-runner";
import { SPACE_CLIENT_SINGLETON } from "./space-client";
import { allEvents, startBuildHarness, withDefaultImageSide, type BuildHarness } from "./testing/harness";

let h: BuildHarness;
let space: ReplayServer;

beforeAll(async () => {
  h = await startBuildHarness();
  h.configure({});
  const glb = await makeZUpBoxGlb([64, 64]);
  const fx = renameEndpoint(await loadFixture("trellis-community-trellis"), "/generate_and_extract_glb", "/image_to_glb");
  space = await replay(fx, {
    handlers: {
      "/preprocess_image": (c) => [c.file("image.png", c.readFile(c.named.image))],
      "/image_to_glb": (c) => {
        c.readFile(c.named.image);
        const f = c.file("sample.glb", glb);
        return [{ video: null, subtitles: null }, f, f];
      },
    },
  });
  const base = loadSpaceClientConfig({ BUILTIN_SPACES_URL: h.spacesBase });
  const config = { ...base, spaces: { ...base.spaces, "image-to-3d": [entry(fx.space, space.url, "image-to-3d", "trellis-community")] } };
  const toolbox = createSpaceClient({ assets: getAssetStore(), cache: dbCallCache(), config, trustedBases: [space.url] });
  replaceProcessSingleton(SPACE_CLIENT_SINGLETON, withDefaultImageSide(toolbox, 256));
});

afterAll(async () => {
  await space?.close();
  await h?.close();
});

describe("a Space whose endpoint was renamed", () => {
  it("is re-resolved: the build ends with every exhibit ready, and the log says which endpoint was called instead", async () => {
    const s = await startGalleryBuild("three monuments of Paris");
    const build = await waitForBuild(s.buildId);
    expect(build?.status).toBe("succeeded");
    const exhibits = await listExhibits(s.galleryId);
    expect(exhibits.length).toBeGreaterThan(0);
    for (const e of exhibits) expect({ key: e.key, status: e.status, error: e.error }).toEqual({ key: e.key, status: "ready", error: null });

    const modelled = space.calls.filter((c) => c.endpoint === "/image_to_glb");
    expect(modelled).toHaveLength(exhibits.length);
    const lines = (await allEvents("tool.progress"))
      .filter((e) => e.buildId === s.buildId && e.payload.stage === "log")
      .map((e) => e.payload.message);
    expect(lines).toHaveLength(exhibits.length);
    for (const line of lines) expect(line).toMatch(/^trellis-community\/TRELLIS changed its API \(\/generate_and_extract_glb no longer exists .*\): calling \/image_to_glb instead/);
    const done = (await allEvents("tool.done")).filter((e) => e.buildId === s.buildId && e.payload.capability === "image-to-3d");
    expect(done.map((e) => e.payload.endpoint)).toEqual(Array(exhibits.length).fill("/image_to_glb"));
  });
});
