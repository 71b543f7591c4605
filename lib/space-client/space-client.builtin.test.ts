// The Space client against the built-in Spaces (lib/builtin-spaces) served on a loopback server, through the real
// @gradio/client, with faults injected per Space URL variant (`/spaces/shape-3d~malformed=1~seed=3`).
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { EmittedEvent } from "@/lib/contracts/build-events";
import { serveFetch, type FetchServer } from "@/lib/builtin-spaces/gradio-server/testing/node-server";
import { FAULTS_ENV, handleBuiltinSpaceRequest, resetBuiltinSpaces } from "@/lib/builtin-spaces/registry";
import { measurePipelining } from "../../bench/support/pipelining";
import { loadSpaceClientConfig } from "./config";
import { SpaceClientError } from "./call-runner";
import { MemoryAssetStore, MemoryCallCache } from "./testing/memory";
import { eventsOf } from "./testing/space-client";
import { createSpaceClient } from "./space-client";
import type { ModelAsset, ServedModel } from "./types";
import { modelPool } from "@/lib/model-worker/pool";
import { centreBounds } from "@/lib/splats/cloud";
import { readSpz } from "@/lib/splats/spz";

let server: FetchServer;
let base: string;
beforeAll(async () => {
  server = await serveFetch(handleBuiltinSpaceRequest);
  base = `${server.url}/spaces`;
});
afterAll(async () => {
  resetBuiltinSpaces();
  await server.close();
});

let variantSeed = 1000;
/** A fresh fault variant of a built-in Space (its own queue and dice). */
const variant = (name: "sketch-image" | "shape-3d" | "ink-image" | "relief-3d", faults: string, seed = variantSeed++) =>
  `${base}/${name}~${faults}~seed=${seed}`;

function setup(env: Record<string, string> = {}) {
  const config = loadSpaceClientConfig({ BUILTIN_SPACES_URL: base, SPACE_RETRY_BASE_MS: "20", ...env });
  const assets = new MemoryAssetStore();
  const cache = new MemoryCallCache();
  const events: EmittedEvent[] = [];
  const spaceClient = createSpaceClient({ assets, cache, config });
  return { spaceClient, assets, cache, events, emit: (e: EmittedEvent) => events.push(e) };
}

const draw = { prompt: "the Eiffel Tower at dusk", seed: 11, width: 256, height: 256 };

function servedOf(asset: Pick<ModelAsset, "served">): ServedModel {
  if ("error" in asset.served) throw new Error(`the model has no web version: ${asset.served.error}`);
  return asset.served;
}

describe("Space client × built-in Spaces", () => {
  it("draws an exhibit and models it; the same call again comes from the cache with no network call", async () => {
    const t = setup();
    const img = await t.spaceClient.textToImage(draw, { emit: t.emit, exhibit: "ex-1" });
    expect(img).toMatchObject({ space: "builtin:sketch-image", endpoint: "/generate", cached: false, seed: 11 });
    expect(img.asset).toMatchObject({ mediaType: "image/png", width: 256, height: 256 });
    const model = await t.spaceClient.imageToModel({ image: { sha256: img.asset.sha256 }, seed: 11 }, { emit: t.emit, exhibit: "ex-1" });
    expect(model).toMatchObject({ space: "builtin:shape-3d", endpoint: "/reconstruct", cached: false });
    expect(model.asset.mediaType).toBe("model/gltf-binary");
    expect(model.asset.vertices).toBeGreaterThan(0);
    expect(model.calls[0]!.inputs).toEqual({ image: img.asset.sha256, seed: 11 });
    // Its web version came back with it, stored beside the original.
    const served = servedOf(model.asset);
    expect(served).toMatchObject({ mediaType: "model/gltf-binary", height: expect.closeTo(1.6, 2) });
    expect(await t.assets.stat(served.sha256)).toMatchObject({ bytes: served.bytes });
    expect(eventsOf(t.events, "tool.progress").some((p) => typeof p.fraction === "number" && p.exhibit === "ex-1")).toBe(true);

    const fetchSpy = vi.spyOn(globalThis, "fetch");
    try {
      const again = await t.spaceClient.textToImage({ ...draw, prompt: "  the Eiffel Tower at dusk" }, { emit: t.emit });
      const againModel = await t.spaceClient.imageToModel({ image: { sha256: img.asset.sha256 }, seed: 11 }, { emit: t.emit });
      expect(fetchSpy).not.toHaveBeenCalled();
      expect(again).toMatchObject({ cached: true, asset: img.asset, seed: 11 });
      expect(again.calls).toEqual([expect.objectContaining({ cached: true, attempts: 0, ok: true, space: "builtin:sketch-image" })]);
      expect(againModel).toMatchObject({ cached: true, asset: model.asset });
    } finally {
      fetchSpy.mockRestore();
    }
    // A different seed is a different picture: not cached.
    expect((await t.spaceClient.textToImage({ ...draw, seed: 12 })).cached).toBe(false);
  });

  it("sends a model to the model worker once: validated and prepared in one task, never read back; a cached call sends nothing", async () => {
    const t = setup();
    const img = await t.spaceClient.textToImage({ ...draw, seed: 41 });
    const run = vi.spyOn(modelPool(), "run"); // calls through: the real worker does the work
    const tasks = () => run.mock.calls.map(([task]) => task);
    const reads = vi.spyOn(t.assets, "get");
    try {
      const model = await t.spaceClient.imageToModel({ image: { sha256: img.asset.sha256 }, seed: 41 });
      expect(tasks()).toEqual(["validate-and-prepare"]);
      expect(reads.mock.calls.map(([sha]) => sha)).not.toContain(model.asset.sha256);
      const again = await t.spaceClient.imageToModel({ image: { sha256: img.asset.sha256 }, seed: 41 });
      expect(again).toMatchObject({ cached: true, asset: model.asset });
      expect(tasks()).toHaveLength(1);
    } finally {
      run.mockRestore();
      reads.mockRestore();
    }
  });

  it("gives a cached model from before models were prepared on arrival its web version, from the stored original", async () => {
    const t = setup();
    const img = await t.spaceClient.textToImage({ ...draw, seed: 42 });
    const model = await t.spaceClient.imageToModel({ image: { sha256: img.asset.sha256 }, seed: 42 });
    // The entry as the Space client wrote it before: the original's reference, with no web version.
    let rewritten = 0;
    for (const [key, entry] of t.cache.items) {
      const { served: _served, ...out } = entry.outputs[0] as { sha256?: string; served?: unknown };
      if (out.sha256 === model.asset.sha256 && ++rewritten) t.cache.items.set(key, { ...entry, outputs: [out] });
    }
    expect(rewritten).toBe(1);
    const again = await t.spaceClient.imageToModel({ image: { sha256: img.asset.sha256 }, seed: 42 });
    expect(again).toMatchObject({ cached: true, asset: { sha256: model.asset.sha256, served: servedOf(model.asset) } });
  });

  it("says it is connecting only while it connects: a call on an already connected Space goes straight to its call", async () => {
    const t = setup({ SPACES_TEXT_TO_IMAGE: variant("sketch-image", "latency=1") });
    const stages = (exhibit: string) =>
      eventsOf(t.events, "tool.progress")
        .filter((p) => p.exhibit === exhibit)
        .map((p) => p.stage);
    await t.spaceClient.textToImage({ ...draw, seed: 21 }, { emit: t.emit, exhibit: "first" });
    await t.spaceClient.textToImage({ ...draw, seed: 22 }, { emit: t.emit, exhibit: "second" });
    expect(stages("first")[0]).toBe("connecting");
    expect(stages("second")).not.toContain("connecting");
    expect(stages("second")).toContain("running");
  });

  it("retries transient faults (GPU task aborted) with backoff and still delivers every exhibit", async () => {
    const t = setup({ SPACES_TEXT_TO_IMAGE: variant("sketch-image", "error=0.5", 7), SPACE_RETRIES: "4" });
    const results = [];
    for (const subject of ["a lighthouse", "a windmill", "an obelisk", "a pagoda"]) {
      results.push(await t.spaceClient.textToImage({ ...draw, prompt: subject }, { emit: t.emit }));
    }
    expect(results.every((r) => r.asset.mediaType === "image/png")).toBe(true);
    const retried = eventsOf(t.events, "tool.retried");
    expect(retried.length).toBeGreaterThan(0);
    expect(retried[0]).toMatchObject({ kind: "transient", reason: "GPU task aborted" });
    expect(results.some((r) => r.calls[0]!.attempts > 1)).toBe(true);
  });

  it("falls back when a Space keeps failing, then skips it at once while its circuit is open", async () => {
    const broken = variant("sketch-image", "error=1");
    const t = setup({ SPACES_TEXT_TO_IMAGE: `${broken},sketch-image` });
    const first = await t.spaceClient.textToImage(draw, { emit: t.emit });
    expect(first.space).toBe("builtin:sketch-image");
    expect(first.calls.map((c) => [c.attempts, c.ok])).toEqual([
      [3, false],
      [1, true],
    ]);
    expect(first.calls[0]!.error).toBe("GPU task aborted");
    expect(eventsOf(t.events, "tool.fellback")).toEqual([
      expect.objectContaining({ from: expect.stringContaining("builtin:sketch-image~error=1"), to: "builtin:sketch-image", kind: "transient" }),
    ]);
    expect(t.spaceClient.health().find((h) => h.space.includes("error=1"))?.breaker).toBe("open");

    const second = await t.spaceClient.textToImage({ ...draw, prompt: "a clock tower" }, { emit: t.emit });
    // Skipped without a single attempt: the open breaker costs no call at all.
    expect(second.calls[0]).toMatchObject({ attempts: 0, ok: false, error: expect.stringMatching(/^Skipped: .* is failing \(GPU task aborted\)/) });
  });

  it("treats a ZeroGPU quota error as permanent: no retry, immediate fallback", async () => {
    const t = setup({ SPACES_TEXT_TO_IMAGE: `${variant("sketch-image", "quota=1")},sketch-image` });
    const r = await t.spaceClient.textToImage(draw, { emit: t.emit });
    expect(r.calls[0]).toMatchObject({ attempts: 1, ok: false, error: expect.stringMatching(/quota/i) });
    expect(eventsOf(t.events, "tool.retried")).toHaveLength(0);
    expect(eventsOf(t.events, "tool.fellback")[0]).toMatchObject({ kind: "quota" });
  });

  it("validates outputs: a malformed GLB is retried once, recorded with its reason, then the next Space is used", async () => {
    const t = setup({ SPACES_IMAGE_TO_3D: `${variant("shape-3d", "malformed=1")},shape-3d` });
    const img = await t.spaceClient.textToImage(draw);
    const r = await t.spaceClient.imageToModel({ image: { sha256: img.asset.sha256 }, seed: 1 }, { emit: t.emit });
    expect(r.space).toBe("builtin:shape-3d");
    expect(r.calls[0]).toMatchObject({ attempts: 2, ok: false });
    expect(r.calls[0]!.error).toMatch(/GLB|glTF|model/);
    expect(eventsOf(t.events, "tool.fellback")[0]).toMatchObject({ kind: "malformed" });
    // Nothing invalid was stored: only the input image, the good model and its web version.
    expect([...t.assets.items.values()].map((a) => a.meta.mediaType).sort()).toEqual(["image/png", "model/gltf-binary", "model/gltf-binary"]);
    expect([...t.assets.items.keys()].sort()).toEqual([img.asset.sha256, r.asset.sha256, servedOf(r.asset).sha256].sort());
  });

  it("queues exhibits FIFO on a one-at-a-time Space and says so", async () => {
    const shape = variant("shape-3d", "latency=300~concurrency=1");
    const t = setup({ SPACES_IMAGE_TO_3D: shape, SPACE_CONCURRENCY: "shape-3d=1" });
    const img = await t.spaceClient.textToImage(draw);
    await Promise.all(
      ["a", "b", "c"].map(async (ex, i) => {
        await new Promise((r) => setTimeout(r, i * 20)); // arrival order a, b, c
        await t.spaceClient.imageToModel({ image: { sha256: img.asset.sha256 }, seed: i }, { emit: t.emit, exhibit: ex });
      }),
    );
    // The order the Space ran them in. (Not the order they finish: validating and storing a model happen after
    // the Space's part, in a pool of worker threads, and may overtake each other.)
    const started = eventsOf(t.events, "tool.progress")
      .filter((p) => p.stage === "running")
      .map((p) => p.exhibit);
    expect([...new Set(started)]).toEqual(["a", "b", "c"]);
    // Each waiting exhibit's place in line: b next, c behind it — until b starts, when c moves up to next.
    // (Which of the two asked for a slot first depends on their uploads; their places on when they arrived.)
    const queued = eventsOf(t.events, "tool.queued");
    const places = (ex: string) => queued.filter((q) => q.exhibit === ex).map((q) => q.position);
    expect(queued.map((q) => q.exhibit)).not.toContain("a");
    expect(queued.filter((q) => q.exhibit === "b").at(-1)).toMatchObject({ position: 1, limit: 1 });
    expect(places("c")).toContain(2);
    expect(places("c").at(-1)).toBe(1);
  });

  // Three jobs waiting behind a running one, in our own line (SPACE_CONCURRENCY) or in the Space's (its queue,
  // told through Gradio's `estimation` messages): each job's place is updated as the jobs ahead finish, down to
  // next in line, and never goes back up.
  async function queueFour(t: ReturnType<typeof setup>) {
    const img = await t.spaceClient.textToImage(draw);
    await Promise.all(
      ["a", "b", "c", "d"].map(async (ex, i) => {
        await new Promise((r) => setTimeout(r, i * 30)); // arrival order a, b, c, d
        await t.spaceClient.imageToModel({ image: { sha256: img.asset.sha256 }, seed: 100 + i }, { emit: t.emit, exhibit: ex });
      }),
    );
  }

  it("updates a job's place in our own line as the jobs ahead finish", async () => {
    const shape = variant("shape-3d", "latency=300");
    const t = setup({ SPACES_IMAGE_TO_3D: shape, SPACE_CONCURRENCY: "shape-3d=1" });
    await queueFour(t);
    const queued = eventsOf(t.events, "tool.queued");
    const places = (ex: string) => queued.filter((q) => q.exhibit === ex).map((q) => q.position as number);
    // d arrived last: third in line, then second, then next.
    expect(places("d")).toEqual([3, 2, 1]);
    expect(places("c").at(-1)).toBe(1);
    for (const ex of ["b", "c", "d"]) expect(places(ex)).toEqual([...places(ex)].sort((x, y) => y - x));
  });

  it("updates a job's place in the Space's own queue from Gradio's estimation messages", async () => {
    const shape = variant("shape-3d", "latency=300~concurrency=1");
    // Our own line lets all four through at once: they wait in the Space's queue instead.
    const t = setup({ SPACES_IMAGE_TO_3D: shape, SPACE_CONCURRENCY: `${shape.slice(base.length + 1)}=8` });
    await queueFour(t);
    expect(eventsOf(t.events, "tool.queued")).toEqual([]);
    const inQueue = eventsOf(t.events, "tool.progress").filter((p) => p.stage === "queue" && typeof p.position === "number");
    const ranks = (ex: string) => inQueue.filter((p) => p.exhibit === ex).map((p) => p.position as number);
    // The last to join saw its rank fall as each job ahead of it finished, to the head of the queue (rank 0).
    const last = ["b", "c", "d"].reduce((a, ex) => (Math.max(...ranks(ex)) > Math.max(...ranks(a)) ? ex : a));
    expect(Math.max(...ranks(last))).toBeGreaterThanOrEqual(2);
    expect(new Set(ranks(last)).size).toBeGreaterThanOrEqual(3);
    expect(ranks(last).at(-1)).toBe(0);
    for (const ex of ["b", "c", "d"]) expect(ranks(ex)).toEqual([...ranks(ex)].sort((x, y) => y - x));
  });

  it("cancels a hung job at its time limit and moves on", async () => {
    const hung = variant("sketch-image", "timeout=1");
    const t = setup({ SPACES_TEXT_TO_IMAGE: `${hung},sketch-image`, SPACE_RETRIES: "0", SPACE_TIMEOUTS: `${hung.slice(base.length + 1)}=1` });
    const r = await t.spaceClient.textToImage(draw, { emit: t.emit });
    expect(r.calls[0]).toMatchObject({ ok: false, error: expect.stringMatching(/No answer from .* within 1 s \(job cancelled\)/) });
    expect(eventsOf(t.events, "tool.fellback")[0]).toMatchObject({ kind: "timeout" });
  });

  it("stops at once when the caller aborts, without falling back", async () => {
    const t = setup({ SPACES_TEXT_TO_IMAGE: `${variant("sketch-image", "latency=5000")},sketch-image` });
    const ac = new AbortController();
    setTimeout(() => ac.abort(new Error("Build cancelled")), 300);
    const t0 = Date.now();
    const err = await t.spaceClient.textToImage(draw, { signal: ac.signal, emit: t.emit }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpaceClientError);
    expect(err).toMatchObject({ kind: "aborted", message: "Build cancelled" });
    // A causal bound, not a speed target: waiting for the Space would take its full 5 s latency.
    expect(Date.now() - t0).toBeLessThan(4500);
    expect(eventsOf(t.events, "tool.fellback")).toHaveLength(0);
  });

  it("refuses bad requests with a precise message and no Space call", async () => {
    const t = setup();
    await expect(t.spaceClient.textToImage({ prompt: "  ", seed: 1 }, { emit: t.emit })).rejects.toThrow(/prompt: the prompt is empty/);
    await expect(t.spaceClient.imageToModel({ image: { sha256: "0".repeat(64) }, seed: 1 })).rejects.toThrow(/No stored asset/);
    expect(eventsOf(t.events, "tool.failed")[0]).toMatchObject({ kind: "input" });
  });

  it("discovers a built-in Space as a typed tool and calls it", async () => {
    const t = setup();
    const tool = await t.spaceClient.discover("sketch-image");
    expect(tool).toMatchObject({ name: "sketch_image_generate", endpoint: "/generate" });
    expect(tool.parameters.map((p) => [p.name, p.kind, p.required])).toEqual([
      ["prompt", "string", true],
      ["seed", "integer", false],
      ["width", "integer", false],
      ["height", "integer", false],
    ]);
    expect(tool.signature).toContain("async function sketch_image_generate(args: {");
    expect(tool.signature).toContain("prompt: string;");
    const r = await t.spaceClient.callTool(tool, { prompt: "a red arch", width: 128, height: 128 }, { emit: t.emit });
    expect(r.outputs[0]).toMatchObject({ kind: "asset", mediaType: "image/png", width: 128, height: 128 });
    expect(r.outputs[1]).toBe(0);
    expect(r.calls[0]).toMatchObject({ capability: "custom", endpoint: "/generate", ok: true });
    await expect(t.spaceClient.callTool(tool, { prompt: 5 })).rejects.toThrow(/`prompt`: /);
    await expect(t.spaceClient.callTool(tool, { prompt: "x", colour: "red" })).rejects.toThrow(/colour/);
    const again = await t.spaceClient.callTool(tool, { prompt: "a red arch", width: 128, height: 128 });
    expect(again.cached).toBe(true);
  });

  it("a discovered Space's GLB output arrives validated with its web version, which a cached call keeps", async () => {
    const t = setup();
    const img = await t.spaceClient.textToImage({ ...draw, seed: 43 });
    const tool = await t.spaceClient.discover("shape-3d");
    const args = Object.fromEntries(tool.parameters.map((p) => [p.name, p.kind === "file" ? { sha256: img.asset.sha256 } : 43]));
    const run = vi.spyOn(modelPool(), "run");
    try {
      const r = await t.spaceClient.callTool(tool, args, { emit: t.emit });
      const glb = r.outputs.find((o) => (o as { mediaType?: string }).mediaType === "model/gltf-binary") as ModelAsset;
      expect(glb).toMatchObject({ kind: "asset", vertices: expect.any(Number) });
      const served = servedOf(glb);
      expect(await t.assets.stat(served.sha256)).not.toBeNull();
      expect(run).toHaveBeenCalledTimes(1);
      const again = await t.spaceClient.callTool(tool, args);
      expect(again.cached).toBe(true);
      expect(again.outputs).toContainEqual(expect.objectContaining({ sha256: glb.sha256, served }));
      expect(run).toHaveBeenCalledTimes(1);
    } finally {
      run.mockRestore();
    }
  });

  it("lists two built-ins per capability offline, the original first", () => {
    const t = setup();
    expect(t.spaceClient.spaces("text-to-image").map((e) => [e.key, e.adapter])).toEqual([
      ["builtin:sketch-image", "sketch"],
      ["builtin:ink-image", "sketch"],
    ]);
    expect(t.spaceClient.spaces("image-to-3d").map((e) => [e.key, e.adapter])).toEqual([
      ["builtin:shape-3d", "builtin-shape"],
      ["builtin:relief-3d", "builtin-shape"],
    ]);
    expect(t.spaceClient.spaces("image-to-splat").map((e) => [e.key, e.adapter])).toEqual([["builtin:splat-3d", "triposplat"]]);
  });

  it("splats a picture with splat-3d through TripoSplat's adapter: the .ply kept, its SPZ served upright, 1.6 m tall, a fifth of the bytes", async () => {
    const t = setup();
    const img = await t.spaceClient.textToImage(draw);
    const splat = await t.spaceClient.imageToSplat({ image: { sha256: img.asset.sha256 }, seed: 11 }, { emit: t.emit, exhibit: "ex-s" });
    expect(splat).toMatchObject({ space: "builtin:splat-3d", endpoint: "/generate", cached: false });
    expect(splat.asset.mediaType).toBe("application/ply");
    expect(splat.asset.vertices).toBeGreaterThanOrEqual(32_768); // one of TripoSplat's counts, as the adapter asks
    const served = servedOf(splat.asset);
    expect(served).toMatchObject({ mediaType: "application/x-spz" });
    expect(served.height).toBeCloseTo(1.6, 3);
    expect(served.bytes).toBeLessThanOrEqual(splat.asset.bytes / 5);
    expect(await t.assets.stat(splat.asset.sha256)).toMatchObject({ mediaType: "application/ply" });
    const spz = await t.assets.get(served.sha256);
    const { cloud, info } = readSpz(spz!);
    expect(info.version).toBe(3);
    expect(centreBounds(cloud).min[1]).toBeCloseTo(0, 3);
    // Again: from the cache, served version and all.
    const again = await t.spaceClient.imageToSplat({ image: { sha256: img.asset.sha256 }, seed: 11 });
    expect(again.cached).toBe(true);
    expect(again.asset.served).toEqual(served);
  });

  it("refuses a splat Space's output that is not a valid splat, and says so", async () => {
    const t = setup({ SPACES_IMAGE_TO_SPLAT: `${base}/splat-3d~malformed=1~seed=5` });
    const img = await t.spaceClient.textToImage(draw);
    const err = await t.spaceClient.imageToSplat({ image: { sha256: img.asset.sha256 }, seed: 11 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpaceClientError);
    expect((err as SpaceClientError).calls.at(-1)).toMatchObject({ ok: false });
  });

  it("falls back from a failing shape-3d to relief-3d with the default order", async () => {
    const t = setup();
    const img = await t.spaceClient.textToImage(draw);
    process.env[FAULTS_ENV] = "shape-3d:error=1";
    try {
      const r = await t.spaceClient.imageToModel({ image: { sha256: img.asset.sha256 }, seed: 4 }, { emit: t.emit });
      expect(r).toMatchObject({ space: "builtin:relief-3d", endpoint: "/reconstruct", cached: false });
      expect(r.asset.mediaType).toBe("model/gltf-binary");
      expect(r.asset.vertices).toBeGreaterThan(0);
      expect(r.calls.map((c) => [c.space, c.ok])).toEqual([
        ["builtin:shape-3d", false],
        ["builtin:relief-3d", true],
      ]);
      expect(r.calls[0]!.error).toBe("GPU task aborted");
      expect(eventsOf(t.events, "tool.fellback")).toEqual([
        expect.objectContaining({ from: "builtin:shape-3d", to: "builtin:relief-3d", kind: "transient" }),
      ]);
    } finally {
      delete process.env[FAULTS_ENV];
    }
  });

  it("falls back from a failing sketch-image to ink-image, and swaps to either on request", async () => {
    const t = setup({ SPACES_TEXT_TO_IMAGE: `${variant("sketch-image", "quota=1")},ink-image` });
    const r = await t.spaceClient.textToImage(draw, { emit: t.emit });
    expect(r).toMatchObject({ space: "builtin:ink-image", endpoint: "/generate", seed: 11 });
    expect(r.asset).toMatchObject({ mediaType: "image/png", width: 256, height: 256 });
    expect(eventsOf(t.events, "tool.fellback")[0]).toMatchObject({ to: "builtin:ink-image", kind: "quota" });

    // A swap names the other built-in: it is tried first, whatever the configured order.
    const u = setup();
    const swapped = await u.spaceClient.textToImage(draw, { space: "ink-image" });
    expect(swapped.space).toBe("builtin:ink-image");
    const model = await u.spaceClient.imageToModel({ image: { sha256: swapped.asset.sha256 }, seed: 2 }, { space: "relief-3d" });
    expect(model).toMatchObject({ space: "builtin:relief-3d", endpoint: "/reconstruct" });
    expect(model.calls[0]!.inputs).toEqual({ image: swapped.asset.sha256, seed: 2 });
  });

  it(
    "pipelines two Spaces: all 6 chains finish, models arriving one per 3D slot (the ratio is in npm run bench)",
    async () => {
      const r = await measurePipelining({ origin: server.url });
      expect(r.readyAtMs).toHaveLength(6);
      // The image Space works while the 3D Space is busy: sequential chains would need ≥ 18 s; pipelined ones
      // finish well before. A structural check (less than the serial sum), not a speed target.
      expect(r.elapsedMs).toBeLessThan(r.serialMs);
    },
    90_000,
  );
});

describe("Space client × built-in Spaces: a picture goes from the drawing Space to the 3D Space by its URL", () => {
  // A server of its own, so that the requests each Space receives can be listed.
  let recording: FetchServer;
  let rbase: string;
  const requests: { method: string; path: string }[] = [];
  beforeAll(async () => {
    recording = await serveFetch((req) => {
      requests.push({ method: req.method, path: decodeURIComponent(new URL(req.url).pathname) });
      return handleBuiltinSpaceRequest(req);
    });
    rbase = `${recording.url}/spaces`;
  });
  afterAll(() => recording.close());

  const under = (space: string) => requests.filter((r) => r.path.startsWith(`/spaces/${space}/`));
  const uploadsTo = (space: string) => under(space).filter((r) => r.method === "POST" && r.path.endsWith("/upload"));
  const setupOn = (seed: number) => {
    const assets = new MemoryAssetStore();
    const config = loadSpaceClientConfig({
      BUILTIN_SPACES_URL: rbase,
      SPACES_TEXT_TO_IMAGE: `${rbase}/sketch-image~seed=${seed}`,
      SPACES_IMAGE_TO_3D: `${rbase}/shape-3d~seed=${seed}`,
    });
    const spaceClient = createSpaceClient({ assets, cache: new MemoryCallCache(), config });
    return { spaceClient, assets, sketch: `sketch-image~seed=${seed}`, shape: `shape-3d~seed=${seed}` };
  };

  it("sends no upload, and the model is the one an upload of the same picture makes", async () => {
    const a = setupOn(501);
    const img = await a.spaceClient.textToImage({ ...draw, seed: 31 });
    const handed = await a.spaceClient.imageToModel({ image: { sha256: img.asset.sha256 }, seed: 31 });
    expect(under(a.shape).some((r) => r.path.endsWith("/queue/join"))).toBe(true);
    expect(uploadsTo(a.shape)).toEqual([]);
    expect(handed.calls[0]).toMatchObject({ ok: true, attempts: 1, inputs: { image: img.asset.sha256, seed: 31 } });

    // The same picture given as bytes, as a person's own picture is: uploaded, and the same model comes back.
    const b = setupOn(502);
    const picture = (await a.assets.get(img.asset.sha256))!;
    const uploaded = await b.spaceClient.imageToModel({ image: { bytes: picture }, seed: 31 });
    expect(uploadsTo(b.shape)).toHaveLength(1);
    expect(uploaded.asset.sha256).toBe(handed.asset.sha256);
  });

  it("uploads to a Space that is not built-in, even a picture a built-in Space drew", async () => {
    // The drawing Space is built-in (under BUILTIN_SPACES_URL); the 3D Space is any other Gradio server, which
    // cannot be assumed to reach ours.
    const config = loadSpaceClientConfig({
      BUILTIN_SPACES_URL: base,
      SPACES_TEXT_TO_IMAGE: `${base}/sketch-image~seed=504`,
      SPACES_IMAGE_TO_3D: `${rbase}/shape-3d~seed=504`,
    });
    const spaceClient = createSpaceClient({ assets: new MemoryAssetStore(), cache: new MemoryCallCache(), config, trustedBases: [rbase] });
    const img = await spaceClient.textToImage({ ...draw, seed: 34 });
    const model = await spaceClient.imageToModel({ image: { sha256: img.asset.sha256 }, seed: 34 });
    expect(model.space).not.toMatch(/^builtin:/);
    expect(uploadsTo("shape-3d~seed=504")).toHaveLength(1);
  });

  it("uploads the picture after all when the drawing Space no longer has it", async () => {
    const a = setupOn(503);
    const img = await a.spaceClient.textToImage({ ...draw, seed: 32 });
    // The drawing Space's file store sweeps old files (and a restart may empty it): take this one away.
    const served = under(a.sketch).find((r) => r.method === "GET" && r.path.includes("/gradio_api/file="))!;
    rmSync(served.path.slice(served.path.indexOf("/gradio_api/file=") + "/gradio_api/file=".length));

    const model = await a.spaceClient.imageToModel({ image: { sha256: img.asset.sha256 }, seed: 32 });
    expect(model.asset.mediaType).toBe("model/gltf-binary");
    expect(uploadsTo(a.shape)).toHaveLength(1);
    // One attempt in the record: the refused URL was the Space client's own shortcut, not the Space failing.
    expect(model.calls).toEqual([expect.objectContaining({ ok: true, attempts: 1 })]);

    // Forgotten: the next model of this picture goes straight to an upload.
    const joins = () => under(a.shape).filter((r) => r.path.endsWith("/queue/join")).length;
    const before = joins();
    await a.spaceClient.imageToModel({ image: { sha256: img.asset.sha256 }, seed: 33 });
    expect(joins() - before).toBe(1);
    expect(uploadsTo(a.shape)).toHaveLength(2);
  });
});
