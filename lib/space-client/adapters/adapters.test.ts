// Each real Space's adapter, run through the REAL @gradio/client against a loopback replay of that Space's
// /config, /gradio_api/info and a completed call (fixtures/<space>/: hand-written from the Spaces' sources, as
// each folder's meta.json says, until `npm run record-space` replaces them with recordings).
import { afterEach, describe, expect, it } from "vitest";
import { SpaceClientError } from "../call-runner";
import { loadFixture, replay } from "../testing/fixtures";
import { makeGlb, makePng } from "../testing/media";
import { ReplayError, type ReplayServer } from "../testing/replay-server";
import { entry, eventsOf, testSpaceClient } from "../testing/space-client";
import type { AdapterId, Capability } from "../types";

const servers: ReplayServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function serve(...args: Parameters<typeof replay>): Promise<ReplayServer> {
  const s = await replay(...args);
  servers.push(s);
  return s;
}

/** A replay of one recorded Space, and a Space client whose only Space of `capability` it is (under `key`, by default its id). */
async function onlySpace(fixture: string, capability: Capability, adapter: AdapterId, key?: string) {
  const fx = await loadFixture(fixture);
  const server = await serve(fx);
  const t = testSpaceClient({ [capability]: [entry(key ?? fx.space, server.url, capability, adapter)] }, { trusted: [server.url] });
  return { fx, server, t };
}

describe("black-forest-labs/FLUX.1-schnell", () => {
  it("maps prompt/seed/size onto /infer, forwards queue and progress, stores the validated WebP", async () => {
    const { fx, server, t } = await onlySpace("black-forest-labs-flux-1-schnell", "text-to-image", "flux-schnell");
    const r = await t.spaceClient.textToImage({ prompt: "  the Eiffel Tower at dusk ", seed: 7, width: 1000, height: 700 }, { emit: t.emit, exhibit: "ex1", callId: "c1" });

    expect(r).toMatchObject({ space: fx.space, endpoint: "/infer", cached: false, seed: 1234 });
    expect(r.asset).toMatchObject({ mediaType: "image/webp", width: 1024, height: 1024 });
    expect(t.assets.items.has(r.asset.sha256)).toBe(true);
    expect(server.calls).toHaveLength(1);
    // [prompt, seed, randomize_seed, width, height, steps]: randomize off, sizes snapped to multiples of 32.
    expect(server.calls[0]!.data).toEqual(["the Eiffel Tower at dusk", 7, false, 992, 704, 4]);
    expect(server.downloads).toHaveLength(1);
    expect(r.calls).toEqual([
      expect.objectContaining({ capability: "text-to-image", space: fx.space, endpoint: "/infer", cached: false, attempts: 1, ok: true }),
    ]);
    const progress = eventsOf(t.events, "tool.progress");
    expect(progress).toContainEqual(expect.objectContaining({ stage: "queue", position: 0, size: 1, eta: 3.48, exhibit: "ex1", callId: "c1" }));
    expect(progress.some((p) => p.stage === "running" && typeof p.fraction === "number")).toBe(true);
    expect(eventsOf(t.events, "tool.done")).toEqual([expect.objectContaining({ space: fx.space, cached: false, attempts: 1, width: 1024 })]);
  });

  it("fails with a clear message when no endpoint fits any more, without retrying, and falls back", async () => {
    const changed = await loadFixture("black-forest-labs-flux-1-schnell", "info.changed.json");
    const klein = await loadFixture("black-forest-labs-flux-klein-9b-kv");
    const s1 = await serve(changed);
    const s2 = await serve(klein);
    const t = testSpaceClient(
      {
        "text-to-image": [entry(changed.space, s1.url, "text-to-image", "flux-schnell"), entry(klein.space, s2.url, "text-to-image", "flux-klein")],
      },
      { trusted: [s1.url, s2.url] },
    );
    const r = await t.spaceClient.textToImage({ prompt: "a lighthouse", seed: 3 }, { emit: t.emit });
    expect(r.space).toBe(klein.space);
    expect(r.calls[0]).toMatchObject({ space: changed.space, ok: false, attempts: 1 });
    expect(r.calls[0]!.error).toBe(
      "Space black-forest-labs/FLUX.1-schnell changed its API: /infer no longer takes `seed`; /infer now requires `guidance`, which Vernissage does not send; and no other endpoint takes a prompt and returns an image (it has /infer)",
    );
    expect(s1.calls).toHaveLength(0); // refused before submitting anything
    expect(eventsOf(t.events, "tool.retried")).toHaveLength(0);
    expect(eventsOf(t.events, "tool.fellback")).toEqual([expect.objectContaining({ from: changed.space, to: klein.space, kind: "api" })]);
  });
});

describe("black-forest-labs/flux-klein-9b-kv", () => {
  it("sends randomize_seed and prompt_upsampling off, sizes within 256–1024, default input_images", async () => {
    const { server, t } = await onlySpace("black-forest-labs-flux-klein-9b-kv", "text-to-image", "flux-klein");
    const r = await t.spaceClient.textToImage({ prompt: "a castle", seed: 42, width: 2048, height: 100 });
    expect(r.asset).toMatchObject({ mediaType: "image/webp", width: 768, height: 1024 });
    expect(server.calls[0]!.data).toEqual(["a castle", [], 42, false, 1024, 256, 4, false]);
  });
});

describe("microsoft/TRELLIS.2", () => {
  it("runs start_session → preprocess_image → image_to_3d → extract_glb on ONE session per call, never sharing sessions", async () => {
    const fx = await loadFixture("microsoft-trellis-2");
    const glb = await makeGlb();
    const server = await serve(fx, {
      handlers: {
        "/start_session": (c) => {
          c.state.set("dir", true);
          return [];
        },
        "/preprocess_image": (c) => [c.file("image.png", c.readFile(c.named.input))],
        "/image_to_3d": (c) => {
          if (!c.state.get("dir")) throw new Error("FileNotFoundError: session folder missing");
          c.state.set("latents", c.readFile(c.named.image).length);
          expect(c.named.resolution).toBe("1024");
          return ["<div>preview</div>"];
        },
        "/extract_glb": (c) => {
          if (!c.state.get("latents")) throw new ReplayError("Nothing to extract yet. Click **Generate** first.");
          const f = c.file("sample.glb", glb);
          return [f, f];
        },
      },
    });
    const t = testSpaceClient(
      { "image-to-3d": [entry(fx.space, server.url, "image-to-3d", "trellis2")] },
      { trusted: [server.url], config: { concurrency: { "microsoft/trellis.2": 2 } } },
    );
    const [a, b] = await Promise.all([
      t.spaceClient.imageToModel({ image: { bytes: await makePng(300, 300, { r: 1, g: 2, b: 3 }) }, seed: 1 }, { emit: t.emit }),
      t.spaceClient.imageToModel({ image: { bytes: await makePng(300, 300, { r: 9, g: 8, b: 7 }) }, seed: 2 }, { emit: t.emit }),
    ]);
    for (const r of [a, b]) {
      expect(r).toMatchObject({ space: fx.space, endpoint: "/image_to_3d+/extract_glb", cached: false });
      expect(r.asset).toMatchObject({ mediaType: "model/gltf-binary", vertices: 4 });
    }
    const chain = ["/start_session", "/preprocess_image", "/image_to_3d", "/extract_glb"];
    const sessions = [...new Set(server.calls.map((c) => c.sessionHash))];
    expect(sessions).toHaveLength(2);
    for (const s of sessions) expect(server.calls.filter((c) => c.sessionHash === s).map((c) => c.endpoint)).toEqual(chain);
    // Inputs reached the Space as bytes uploaded to IT (two uploads), never as another server's path.
    expect(server.uploads).toHaveLength(2);
    expect(a.calls[0]!.inputs).toMatchObject({ seed: 1, resolution: "1024", decimation_target: 300000, texture_size: 2048 });
    expect(eventsOf(t.events, "tool.progress").some((p) => p.desc === "Sampling shape SLat")).toBe(true);
  });
});

describe("tencent/Hunyuan3D-2", () => {
  it("calls /generation_all with every input by name, caption \"\", the seed pinned, and keeps the TEXTURED glb (output 1, a gr.update)", async () => {
    const { server, t } = await onlySpace("tencent-hunyuan3d-2", "image-to-3d", "hunyuan3d2");
    const r = await t.spaceClient.imageToModel({ image: { bytes: await makePng() }, seed: 99 });
    expect(r.asset).toMatchObject({ mediaType: "model/gltf-binary", vertices: 4 });
    const data = server.calls[0]!.data;
    // caption, image, 4 multi-view images, steps, guidance, seed, octree, rembg, chunks, randomize: the ones we do
    // not name at the Space's own defaults.
    expect(data[0]).toBe("");
    expect(data[1]).toMatchObject({ path: expect.stringMatching(/^\/tmp\/gradio\//), meta: { _type: "gradio.FileData" } });
    expect(data.slice(2, 6)).toEqual([null, null, null, null]);
    expect(data.slice(6)).toEqual([30, 5, 99, 256, true, 8000, false]);
    expect(server.downloads).toEqual([expect.stringMatching(/textured_mesh\.glb$/)]);
  });
});

describe("VAST-AI/TripoSplat", () => {
  it("calls its one handler, /generate, with every input by name, and stores the .ply its DownloadButton names", async () => {
    const { server, t } = await onlySpace("vast-ai-triposplat", "image-to-splat", "triposplat");
    const r = await t.spaceClient.imageToSplat({ image: { bytes: await makePng() }, seed: 5 });
    expect(r).toMatchObject({ endpoint: "/generate", asset: { mediaType: "application/ply", vertices: 64 } });
    expect(t.assets.items.has(r.asset.sha256)).toBe(true);
    // image, seed, steps (default 20), guidance (default 3), Gaussians (131072, a listed choice), format "ply".
    expect(server.calls[0]).toMatchObject({ endpoint: "/generate" });
    expect(server.calls[0]!.data.slice(1)).toEqual([5, 20, 3, "131072", "ply"]);
    expect(server.downloads).toEqual([expect.stringMatching(/splat\.ply$/)]);
  });

  it("refuses a Space with no image-to-splat endpoint, clearly", async () => {
    const { t } = await onlySpace("black-forest-labs-flux-1-schnell", "image-to-splat", "triposplat", "VAST-AI/TripoSplat");
    const err = await t.spaceClient.imageToSplat({ image: { bytes: await makePng() }, seed: 5 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpaceClientError);
    expect((err as SpaceClientError).message).toMatch(/changed its API: \/generate no longer exists .*; and no other endpoint takes an image and returns a splat file/);
  });
});

describe("a Space nobody wrote an adapter for (generic)", () => {
  it("calls the endpoint the endpoint-fit judge picks, filling seed and size, randomize off, the rest at their defaults", async () => {
    const { fx, server, t } = await onlySpace("black-forest-labs-flux-1-schnell", "text-to-image", "generic");
    const r = await t.spaceClient.textToImage({ prompt: "a harbour", seed: 11, width: 1000, height: 700 });
    expect(r).toMatchObject({ space: fx.space, endpoint: "/infer", seed: 1234, asset: { mediaType: "image/webp" } });
    // [prompt, seed, randomize_seed, width, height, steps]: steps keeps the Space's default.
    expect(server.calls[0]!.data).toEqual(["a harbour", 11, false, 992, 704, 4]);
  });
});

describe("hostile or dead Spaces", () => {
  it("refuses an output file URL that points into the private network", async () => {
    const fx = await loadFixture("black-forest-labs-flux-1-schnell");
    const server = await serve(fx, {
      handlers: {
        "/infer": () => [
          { path: "/x.webp", url: "http://169.254.169.254/latest/meta-data/iam", orig_name: "x.webp", size: null, mime_type: null, is_stream: false, meta: { _type: "gradio.FileData" } },
          1,
        ],
      },
    });
    const t = testSpaceClient({ "text-to-image": [entry(fx.space, server.url, "text-to-image", "flux-schnell")] }, { trusted: [server.url] });
    const err = (await t.spaceClient.textToImage({ prompt: "x", seed: 1 }).catch((e: unknown) => e)) as SpaceClientError;
    expect(err.calls[0]!.error).toMatch(/169\.254\.169\.254.*not allowed/);
  });

  it("classifies a Space that does not answer as transient (retried), then fails with every attempt recorded", async () => {
    const t = testSpaceClient({ "text-to-image": [entry("someone/down", "http://127.0.0.1:9", "text-to-image", "flux-schnell")] }, { trusted: ["http://127.0.0.1:9"] });
    const err = (await t.spaceClient.textToImage({ prompt: "x", seed: 1 }, { emit: t.emit }).catch((e: unknown) => e)) as SpaceClientError;
    expect(err).toBeInstanceOf(SpaceClientError);
    expect(err.calls).toEqual([expect.objectContaining({ space: "someone/down", attempts: 3, ok: false })]);
    expect(eventsOf(t.events, "tool.retried").map((e) => e.kind)).toEqual(["transient", "transient"]);
  });
});
