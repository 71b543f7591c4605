// Calls that fit each Space as it is now: through the REAL @gradio/client, against replay servers built from the
// (hand-written, see fixtures/README.md) fixtures. The replay server refuses a slider value outside its range
// and a choice outside its list as Gradio ≥ 5.39 does, so each of these tests fails if the call does not fit.
import { Client } from "@gradio/client";
import { afterEach, describe, expect, it } from "vitest";
import { loadFixture, renameEndpoint, replay, withComponent, type Fixture } from "../testing/fixtures";
import { makeGlb, makePng } from "../testing/media";
import { ReplayError, type ReplayOptions, type ReplayServer } from "../testing/replay-server";
import { entry, eventsOf, testSpaceClient } from "../testing/space-client";
import type { AdapterId, Capability } from "../types";

const servers: ReplayServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function serve(fx: Fixture, extra: Partial<ReplayOptions> = {}): Promise<ReplayServer> {
  const s = await replay(fx, extra);
  servers.push(s);
  return s;
}

/** A Space client whose `capability` Spaces are these replays, in this order. */
function clientFor(capability: Capability, spaces: { fx: Fixture; server: ReplayServer; adapter: AdapterId }[]) {
  return testSpaceClient(
    { [capability]: spaces.map((s) => entry(s.fx.space, s.server.url, capability, s.adapter)) },
    { trusted: spaces.map((s) => s.server.url) },
  );
}

const BIG_SEED = 2_147_483_000;
const logLines = (events: Parameters<typeof eventsOf>[0]) =>
  eventsOf(events, "tool.progress")
    .filter((p) => p.stage === "log")
    .map((p) => p.message as string);

describe("slider ranges", () => {
  it("the replay refuses a seed above Hunyuan3D-2's maximum, as Gradio ≥ 5.39 does (so the next test can fail)", async () => {
    const fx = await loadFixture("tencent-hunyuan3d-2");
    const server = await serve(fx);
    const client = await Client.connect(server.url);
    try {
      const upload = await client.upload_files(server.url, [new File([new Uint8Array(await makePng())], "x.png", { type: "image/png" })]);
      const image = { path: upload.files![0], meta: { _type: "gradio.FileData" } };
      await expect(client.predict("/generation_all", { caption: "", image, seed: BIG_SEED })).rejects.toMatchObject({
        message: `Value ${BIG_SEED} is greater than maximum value 10000000.`,
      });
    } finally {
      client.close();
    }
  });

  it("folds a seed above the slider's maximum into its range instead of being refused", async () => {
    const fx = await loadFixture("tencent-hunyuan3d-2");
    const server = await serve(fx);
    const t = clientFor("image-to-3d", [{ fx, server, adapter: "hunyuan3d2" }]);
    const r = await t.spaceClient.imageToModel({ image: { bytes: await makePng() }, seed: BIG_SEED }, { emit: t.emit });
    expect(r.asset).toMatchObject({ mediaType: "model/gltf-binary" });
    const sent = server.calls[0]!.data[8] as number;
    // 0…10,000,000 holds 10,000,001 seeds: the big one lands where its remainder says, not on the maximum.
    expect(sent).toBe(BIG_SEED % 10_000_001);
    expect(r.calls[0]).toMatchObject({ attempts: 1, ok: true, inputs: expect.objectContaining({ seed: BIG_SEED }) });
  });

  it("does not retry Gradio's slider-range refusal: an input error, left at once for the next Space, the schema read afresh", async () => {
    // The Space tightened its seed slider after we read its schema: it now refuses what the schema allowed.
    const fx = await loadFixture("black-forest-labs-flux-1-schnell");
    const narrowed = await serve(fx, {
      handlers: {
        "/infer": (c) => {
          throw new ReplayError(`Value ${String(c.named.seed)} is greater than maximum value 1000000.`);
        },
      },
    });
    const klein = await loadFixture("black-forest-labs-flux-klein-9b-kv");
    const next = await serve(klein);
    const t = clientFor("text-to-image", [
      { fx, server: narrowed, adapter: "flux-schnell" },
      { fx: klein, server: next, adapter: "flux-klein" },
    ]);
    const r = await t.spaceClient.textToImage({ prompt: "a lighthouse", seed: 1_500_000 }, { emit: t.emit });
    expect(r.space).toBe(klein.space);
    expect(narrowed.calls).toHaveLength(1);
    expect(r.calls[0]).toMatchObject({ space: fx.space, attempts: 1, ok: false, error: "Value 1500000 is greater than maximum value 1000000." });
    expect(eventsOf(t.events, "tool.retried")).toHaveLength(0);
    expect(eventsOf(t.events, "tool.fellback")).toEqual([expect.objectContaining({ from: fx.space, to: klein.space, kind: "input" })]);
    // Our copy of the Space's schema was dropped: the next call reads /config and /info again.
    const reads = narrowed.schemaReads;
    await t.spaceClient.textToImage({ prompt: "a harbour", seed: 3 });
    expect(narrowed.schemaReads).toBe(reads + 1);
  });
});

describe("choices", () => {
  it("maps a value outside a dropdown's choices onto the nearest listed one", async () => {
    // TripoSplat lists fewer Gaussian counts than the adapter's 131072.
    const fx = withComponent(await loadFixture("vast-ai-triposplat"), "Number of gaussians", {
      choices: [
        ["65536", "65536"],
        ["262144", "262144"],
      ],
      value: "262144",
    });
    const server = await serve(fx);
    const t = clientFor("image-to-splat", [{ fx, server, adapter: "triposplat" }]);
    const r = await t.spaceClient.imageToSplat({ image: { bytes: await makePng() }, seed: 4 });
    expect(r.asset).toMatchObject({ mediaType: "application/ply" });
    expect(server.calls[0]!.data[4]).toBe("65536");
  });

  it("the replay refuses an unlisted choice (so the test above can fail)", async () => {
    const fx = withComponent(await loadFixture("vast-ai-triposplat"), "Number of gaussians", { choices: [["65536", "65536"]], value: "65536" });
    const server = await serve(fx);
    const client = await Client.connect(server.url);
    try {
      const upload = await client.upload_files(server.url, [new File([new Uint8Array(await makePng())], "x.png", { type: "image/png" })]);
      const image = { path: upload.files![0], meta: { _type: "gradio.FileData" } };
      await expect(client.predict("/generate", { image, seed: 1, num_gaussians: "131072" })).rejects.toMatchObject({
        message: 'Value: "131072" is not in the list of choices: ["65536"]',
      });
    } finally {
      client.close();
    }
  });
});

describe("renamed endpoints", () => {
  it("re-resolves a renamed endpoint through the endpoint judge, says so in the log, and ends with the splat", async () => {
    const fx = renameEndpoint(await loadFixture("vast-ai-triposplat"), "/generate", "/generate_splat");
    const server = await serve(fx);
    const t = clientFor("image-to-splat", [{ fx, server, adapter: "triposplat" }]);
    const r = await t.spaceClient.imageToSplat({ image: { bytes: await makePng() }, seed: 8 }, { emit: t.emit });
    expect(r).toMatchObject({ endpoint: "/generate_splat", asset: { mediaType: "application/ply", vertices: 64 } });
    expect(server.calls.map((c) => c.endpoint)).toEqual(["/generate_splat"]);
    expect(logLines(t.events)).toEqual([
      "VAST-AI/TripoSplat changed its API (/generate no longer exists (it has /generate_splat)): calling /generate_splat instead, the endpoint that now takes an image and returns a splat file",
    ]);
    expect(eventsOf(t.events, "tool.done")).toEqual([expect.objectContaining({ endpoint: "/generate_splat" })]);
  });

  it("re-resolves trellis-community/TRELLIS's one-call endpoint after its session steps", async () => {
    const fx = renameEndpoint(await loadFixture("trellis-community-trellis"), "/generate_and_extract_glb", "/image_to_glb");
    const glb = await makeGlb();
    const server = await serve(fx, { handlers: { "/image_to_glb": (c) => [{ video: null, subtitles: null }, c.file("sample.glb", glb), c.file("sample.glb", glb)] } });
    const t = clientFor("image-to-3d", [{ fx, server, adapter: "trellis-community" }]);
    const r = await t.spaceClient.imageToModel({ image: { bytes: await makePng() }, seed: 2 }, { emit: t.emit });
    expect(r).toMatchObject({ endpoint: "/image_to_glb", asset: { mediaType: "model/gltf-binary" } });
    expect(server.calls.map((c) => c.endpoint)).toEqual(["/start_session", "/preprocess_image", "/image_to_glb"]);
    expect(logLines(t.events)[0]).toMatch(/calling \/image_to_glb instead/);
  });
});

describe("ZeroGPU", () => {
  it('retries "No GPU was available" (even under the quota title) as transient, then falls back', async () => {
    const fx = await loadFixture("microsoft-trellis-2");
    const busy = await serve(fx, {
      handlers: {
        "/preprocess_image": () => {
          throw new ReplayError("No GPU was available after 60s. Retry later", "ZeroGPU quota exceeded");
        },
      },
    });
    const hy = await loadFixture("tencent-hunyuan3d-2");
    const next = await serve(hy);
    const t = clientFor("image-to-3d", [
      { fx, server: busy, adapter: "trellis2" },
      { fx: hy, server: next, adapter: "hunyuan3d2" },
    ]);
    const r = await t.spaceClient.imageToModel({ image: { bytes: await makePng() }, seed: 1 }, { emit: t.emit });
    expect(r.space).toBe(hy.space);
    expect(r.calls[0]).toMatchObject({ space: fx.space, attempts: 3, ok: false });
    expect(eventsOf(t.events, "tool.retried").map((e) => e.kind)).toEqual(["transient", "transient"]);
    expect(eventsOf(t.events, "tool.fellback")).toEqual([expect.objectContaining({ from: fx.space, kind: "transient" })]);
  });

  it("says a spent quota in words (when it refills, that PRO has more) and falls back at once", async () => {
    const fx = await loadFixture("microsoft-trellis-2");
    const spent = await serve(fx, {
      handlers: {
        "/preprocess_image": () => {
          throw new ReplayError("You have exceeded your free ZeroGPU quota (120s requested vs. 44s left). Try again in 23:14:07.", "ZeroGPU quota exceeded");
        },
      },
    });
    const hy = await loadFixture("tencent-hunyuan3d-2");
    const next = await serve(hy);
    const t = clientFor("image-to-3d", [
      { fx, server: spent, adapter: "trellis2" },
      { fx: hy, server: next, adapter: "hunyuan3d2" },
    ]);
    const r = await t.spaceClient.imageToModel({ image: { bytes: await makePng() }, seed: 1 }, { emit: t.emit });
    expect(r.space).toBe(hy.space);
    expect(eventsOf(t.events, "tool.retried")).toHaveLength(0);
    expect(eventsOf(t.events, "tool.fellback")).toEqual([
      expect.objectContaining({
        kind: "quota",
        attempts: 1,
        reason:
          "Your ZeroGPU quota is used up (this call needs 120 s of GPU time, 44 s are left); it refills in 23 h 14 min. A Hugging Face PRO token has several times more daily GPU time.",
      }),
    ]);
  });
});

describe("adapters corrected from their sources", () => {
  it("Hunyuan3D-2: /generation_all failing in the app falls back to /shape_generation on the same Space, said in the log", async () => {
    const fx = await loadFixture("tencent-hunyuan3d-2");
    const glb = await makeGlb();
    const server = await serve(fx, {
      handlers: {
        "/generation_all": () => {
          throw new Error("NameError: name 'mv_image' is not defined");
        },
        "/shape_generation": (c) => {
          expect(c.named.caption).toBe("");
          return [c.file("white_mesh.glb", glb), "<div></div>", {}, 5];
        },
      },
    });
    const t = clientFor("image-to-3d", [{ fx, server, adapter: "hunyuan3d2" }]);
    const r = await t.spaceClient.imageToModel({ image: { bytes: await makePng() }, seed: 5 }, { emit: t.emit });
    expect(r).toMatchObject({ endpoint: "/shape_generation", asset: { mediaType: "model/gltf-binary" } });
    expect(r.calls).toEqual([expect.objectContaining({ attempts: 1, ok: true, endpoint: "/shape_generation" })]);
    expect(server.calls.map((c) => c.endpoint)).toEqual(["/generation_all", "/shape_generation"]);
    expect(logLines(t.events)).toEqual(["/generation_all failed (An error occurred); trying /shape_generation"]);
  });

  it("TRELLIS.2: /image_to_3d gets all 15 inputs, the unnamed ones at the Space's defaults", async () => {
    const fx = await loadFixture("microsoft-trellis-2");
    const glb = await makeGlb();
    const server = await serve(fx, {
      handlers: {
        "/start_session": () => [],
        "/preprocess_image": (c) => [c.file("image.png", c.readFile(c.named.input))],
        "/image_to_3d": () => ["<div>preview</div>"],
        "/extract_glb": (c) => {
          const f = c.file("sample.glb", glb);
          return [f, f];
        },
      },
    });
    const t = clientFor("image-to-3d", [{ fx, server, adapter: "trellis2" }]);
    await t.spaceClient.imageToModel({ image: { bytes: await makePng() }, seed: BIG_SEED });
    const call = server.calls.find((c) => c.endpoint === "/image_to_3d")!;
    expect(call.data).toHaveLength(15);
    expect(call.data.slice(1)).toEqual([BIG_SEED, "1024", 7.5, 0.7, 12, 5, 7.5, 0.5, 12, 3, 1, 0, 12, 3]);
    // [state (the latents, kept on the Space), decimation_target, texture_size]
    expect(server.calls.find((c) => c.endpoint === "/extract_glb")!.data).toEqual([null, 300000, 2048]);
  });

  it("trellis-community/TRELLIS: start_session → preprocess_image → generate_and_extract_glb, the GLB found among video and download", async () => {
    const fx = await loadFixture("trellis-community-trellis");
    const server = await serve(fx);
    const t = clientFor("image-to-3d", [{ fx, server, adapter: "trellis-community" }]);
    const r = await t.spaceClient.imageToModel({ image: { bytes: await makePng() }, seed: 12 });
    expect(r).toMatchObject({ endpoint: "/generate_and_extract_glb", asset: { mediaType: "model/gltf-binary" } });
    expect(server.calls.map((c) => c.endpoint)).toEqual(["/start_session", "/preprocess_image", "/generate_and_extract_glb"]);
    const data = server.calls[2]!.data;
    // image (the preprocessed one, on the same Space), no extra views, seed, sampler defaults, mesh 0.95, texture 1024.
    expect(data[0]).toMatchObject({ path: expect.stringMatching(/image\.png$/) });
    expect(data.slice(1)).toEqual([[], 12, 7.5, 12, 3, 12, "stochastic", 0.95, 1024]);
    expect(server.downloads).toEqual([expect.stringMatching(/sample\.glb$/)]);
  });
});
