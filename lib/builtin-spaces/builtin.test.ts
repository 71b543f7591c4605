// The built-in Spaces as a caller sees them: the real @gradio/client against /spaces/<name>[~faults] on a
// loopback server, with the real engines running in real worker threads.
import { Client, handle_file } from "@gradio/client";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveFetch, type FetchServer } from "@/lib/builtin-spaces/gradio-server/testing/node-server";
import { BUILTIN_SPACES, builtinSpaceApp, builtinSpaceUrl, FAULTS_ENV, handleBuiltinSpaceRequest, resetBuiltinSpaces } from "./registry";
import { parseEnvFaults, parseSpaceSegment, BuiltinFaultsError } from "./faults";
import { readGlb, validateGlb } from "./shape/testing/glb-inspect";
import { enginePool } from "./engines/engines";

let server: FetchServer;
beforeAll(async () => {
  server = await serveFetch(handleBuiltinSpaceRequest);
});
afterAll(async () => {
  resetBuiltinSpaces();
  await server.close();
});

type FileData = { path: string; url: string; orig_name: string; meta: unknown };

describe("fault syntax", () => {
  it("reads the environment and the URL segment", () => {
    const env = parseEnvFaults("shape-3d:latency=2000,concurrency=1; sketch-image:error=0.3", ["shape-3d", "sketch-image"]);
    expect(env.get("shape-3d")).toEqual({ latencyMs: { min: 2000, max: 2000 }, concurrency: 1 });
    expect(env.get("sketch-image")).toEqual({ error: 0.3 });
    expect(() => parseEnvFaults("nope:error=1", ["shape-3d"])).toThrow(BuiltinFaultsError);
    expect(() => parseEnvFaults("shape-3d:eror=1", ["shape-3d"])).toThrow(/unknown fault "eror"/);
    expect(parseSpaceSegment("shape-3d~latency=2000~error=0.3~seed=7")).toEqual({
      base: "shape-3d",
      profile: { latencyMs: { min: 2000, max: 2000 }, error: 0.3, seed: 7 },
    });
    expect(parseSpaceSegment("sketch-image")).toEqual({ base: "sketch-image", profile: {} });
    expect(builtinSpaceUrl("http://h:3000/", "shape-3d", "error=0.3,seed=7")).toBe("http://h:3000/spaces/shape-3d~error=0.3~seed=7");
  });

  it("gives each variant its own app, and refuses unknown Spaces and bad profiles", async () => {
    const a = builtinSpaceApp("shape-3d~error=0.5");
    const b = builtinSpaceApp("shape-3d~error=0.50");
    const c = builtinSpaceApp("shape-3d");
    expect(a.ok && b.ok && c.ok && a.app === b.app && a.app !== c.app).toBe(true);
    const unknown = await fetch(`${server.url}/spaces/nope/config`);
    expect(unknown.status).toBe(404);
    const bad = await fetch(`${server.url}/spaces/shape-3d~explode=1/config`);
    expect(bad.status).toBe(400);
    await expect(Client.connect(`${server.url}/spaces/shape-3d~explode=1`)).rejects.toThrow(/received status 400/);
  });
});

describe("sketch-image → shape-3d through @gradio/client", () => {
  it("draws a PNG, which shape-3d turns into a GLB", async () => {
    const sketch = await Client.connect(`${server.url}/spaces/sketch-image`);
    const api = await sketch.view_api();
    expect(api.named_endpoints["/generate"]!.parameters.map((p) => p.parameter_name)).toEqual(["prompt", "seed", "width", "height"]);
    const drawn = await sketch.predict("/generate", { prompt: "a lighthouse", seed: 3, width: 256, height: 256 });
    const [image, seed] = drawn.data as [FileData, number];
    expect(seed).toBe(3);
    expect(image.url).toBe(`${server.url}/spaces/sketch-image/gradio_api/file=${image.path}`);
    const png = new Uint8Array(await (await fetch(image.url)).arrayBuffer());
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    const shape = await Client.connect(`${server.url}/spaces/shape-3d`, { events: ["data", "status"] });
    const statuses: { stage?: string; progress_data?: unknown[] }[] = [];
    let model: FileData | undefined;
    for await (const m of shape.submit("/reconstruct", [new Blob([png], { type: "image/png" })])) {
      if (m.type === "status") statuses.push(m as never);
      if (m.type === "data") model = (m.data as [FileData])[0];
    }
    expect(statuses.at(-1)?.stage).toBe("complete");
    expect(statuses.some((s) => (s.progress_data?.length ?? 0) > 0)).toBe(true);
    expect(model!.orig_name).toBe("model.glb");
    const res = await fetch(model!.url);
    expect(res.headers.get("content-type")).toBe("model/gltf-binary");
    const glb = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(glb.slice(0, 4))).toBe("glTF");

    // handle_file(url) of the sketch's output works (a real Space would download it)…
    const viaUrl = await shape.predict("/reconstruct", [handle_file(image.url)]);
    expect((viaUrl.data as [FileData])[0].orig_name).toBe("model.glb");
    // …but the sketch's server path is refused, as a real Space refuses a foreign path.
    await expect(shape.predict("/reconstruct", [image])).rejects.toThrow(/not uploaded by a user/);
    sketch.close();
    shape.close();
  });

  it("reports the engine's own message for an image it cannot use", async () => {
    const shape = await Client.connect(`${server.url}/spaces/shape-3d`);
    const err = (await shape.predict("/reconstruct", [new Blob([new TextEncoder().encode("not an image at all")])]).catch((e: unknown) => e)) as Error & { title?: string };
    expect(err).toBeInstanceOf(Error);
    expect(err.message).not.toBe("An error occurred");
    expect(err.message).toMatch(/image/i); // the engine's ReconstructInputError text, e.g. "not an image: ..."
    shape.close();
  });

  it("serves a fault variant by URL and faults from the environment", async () => {
    const faulty = await Client.connect(`${server.url}/spaces/sketch-image~error=1~seed=7`);
    expect(faulty.config?.root).toBe(`${server.url}/spaces/sketch-image~error=1~seed=7`);
    await expect(faulty.predict("/generate", { prompt: "x", width: 64, height: 64 })).rejects.toMatchObject({ message: "GPU task aborted" });
    faulty.close();

    process.env[FAULTS_ENV] = "sketch-image:quota=1";
    try {
      const quota = await Client.connect(`${server.url}/spaces/sketch-image`);
      await expect(quota.predict("/generate", { prompt: "x", width: 64, height: 64 })).rejects.toMatchObject({ title: "ZeroGPU quota exceeded" });
      quota.close();
      process.env[FAULTS_ENV] = "sketch-image:nonsense";
      expect((await fetch(`${server.url}/spaces/sketch-image/config`)).status).toBe(500);
    } finally {
      delete process.env[FAULTS_ENV];
    }
    const healthy = await Client.connect(`${server.url}/spaces/sketch-image`);
    expect((await healthy.predict("/generate", { prompt: "x", width: 64, height: 64 })).data).toHaveLength(2);
    healthy.close();
  });

  it("ran the engines in worker threads", () => {
    expect(enginePool().stats().workers).toBeGreaterThanOrEqual(1);
  });
});

/** Draws with a text-to-image built-in and returns the PNG's bytes. */
async function draw(space: string, prompt: string, seed: number, side = 256): Promise<Uint8Array<ArrayBuffer>> {
  const client = await Client.connect(`${server.url}/spaces/${space}`);
  try {
    const out = await client.predict("/generate", { prompt, seed, width: side, height: side });
    const [image, seedOut] = out.data as [FileData, number];
    expect(seedOut).toBe(seed);
    expect(image.url).toBe(`${server.url}/spaces/${space}/gradio_api/file=${image.path}`);
    return new Uint8Array(await (await fetch(image.url)).arrayBuffer());
  } finally {
    client.close();
  }
}

describe("the second built-in of each capability: ink-image and relief-3d", () => {
  it("are registered beside the first ones", async () => {
    expect(BUILTIN_SPACES).toEqual(["sketch-image", "shape-3d", "ink-image", "relief-3d", "splat-3d"]);
    const unknown = await (await fetch(`${server.url}/spaces/nope/config`)).json();
    expect(unknown.detail).toMatch(/known: sketch-image, shape-3d, ink-image, relief-3d, splat-3d/);
  });

  it("ink-image has sketch-image's API and draws the same prompt and seed differently, still on pure black", async () => {
    const ink = await Client.connect(`${server.url}/spaces/ink-image`);
    const api = await ink.view_api();
    expect(api.named_endpoints["/generate"]!.parameters.map((p) => p.parameter_name)).toEqual(["prompt", "seed", "width", "height"]);
    expect(api.named_endpoints["/generate"]!.returns.map((r) => r.component)).toEqual(["Image", "Number"]);
    ink.close();

    const inked = await draw("ink-image", "a lighthouse", 3);
    const sketched = await draw("sketch-image", "a lighthouse", 3);
    expect([...inked.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(Buffer.compare(Buffer.from(inked), Buffer.from(sketched))).not.toBe(0);
    // Same size, different pixels, and a backdrop of pure black all round (what image-to-3D looks for).
    const pixels = async (png: Uint8Array) => sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const a = await pixels(inked);
    const b = await pixels(sketched);
    expect([a.info.width, a.info.height]).toEqual([256, 256]);
    let differing = 0;
    for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) differing++;
    expect(differing).toBeGreaterThan(0.01 * a.data.length);
    let border = 0;
    for (let k = 0; k < 256; k++) {
      for (const [x, y] of [[k, 0], [k, 255], [0, k], [255, k]] as const) {
        const o = (y * 256 + x) * 3;
        border += a.data[o]! + a.data[o + 1]! + a.data[o + 2]!;
      }
    }
    expect(border).toBe(0);
    // The same call again gives the same bytes: the seed decides.
    expect(Buffer.compare(Buffer.from(await draw("ink-image", "a lighthouse", 3)), Buffer.from(inked))).toBe(0);
  });

  it("relief-3d has shape-3d's API and turns sketch-image's picture into a valid GLB", async () => {
    const png = await draw("sketch-image", "a lighthouse", 5, 512);
    const relief = await Client.connect(`${server.url}/spaces/relief-3d`, { events: ["data", "status"] });
    const api = await relief.view_api();
    expect(api.named_endpoints["/reconstruct"]!.parameters.map((p) => p.parameter_name)).toEqual(["image", "seed"]);
    const statuses: { stage?: string; progress_data?: unknown[] }[] = [];
    let model: FileData | undefined;
    for await (const m of relief.submit("/reconstruct", [new Blob([png], { type: "image/png" }), 5])) {
      if (m.type === "status") statuses.push(m as never);
      if (m.type === "data") model = (m.data as [FileData])[0];
    }
    expect(statuses.at(-1)?.stage).toBe("complete");
    expect(model!.orig_name).toBe("model.glb");
    const res = await fetch(model!.url);
    expect(res.headers.get("content-type")).toBe("model/gltf-binary");
    const glb = new Uint8Array(await res.arrayBuffer());
    expect(glb.length).toBeLessThanOrEqual(1.5 * 1024 * 1024);
    const report = await validateGlb(glb);
    expect(report.issues.numErrors).toBe(0);
    const mesh = await readGlb(glb);
    let minY = Infinity;
    let maxY = -Infinity;
    for (let i = 1; i < mesh.positions.length; i += 3) {
      minY = Math.min(minY, mesh.positions[i]!);
      maxY = Math.max(maxY, mesh.positions[i]!);
    }
    expect(minY).toBeCloseTo(0, 6);
    expect(maxY).toBeCloseTo(2, 5);
    // ink-image's picture works too: its subject is as separable as sketch-image's.
    const fromInk = await relief.predict("/reconstruct", [new Blob([await draw("ink-image", "a lighthouse", 5, 512)], { type: "image/png" })]);
    expect((fromInk.data as [FileData])[0].orig_name).toBe("model.glb");
    relief.close();
  });

  it("refuse bad input with the engine's own message", async () => {
    const relief = await Client.connect(`${server.url}/spaces/relief-3d`);
    const refusal = (data: BlobPart) =>
      relief.predict("/reconstruct", [new Blob([data])]).then(
        () => new Error("accepted"),
        (e: unknown) => e as Error,
      );
    expect((await refusal(new TextEncoder().encode("not an image at all"))).message).toMatch(/not an image/);
    const black = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#000" } }).png().toBuffer();
    expect((await refusal(black)).message).toMatch(/no subject found/);
    const wide = await sharp({ create: { width: 5000, height: 10, channels: 3, background: "#888" } }).png().toBuffer();
    expect((await refusal(wide)).message).toMatch(/exceeds 4096×4096/);
    relief.close();

    const ink = await Client.connect(`${server.url}/spaces/ink-image`);
    await expect(ink.predict("/generate", { prompt: "x".repeat(2000), width: 64, height: 64 })).rejects.toThrow(/at most \d+ characters/);
    await expect(ink.predict("/generate", { prompt: "x", width: 8, height: 64 })).rejects.toThrow(/width/i);
    ink.close();
  });

  it("serve fault variants by URL and from the environment, like the first ones", async () => {
    const faulty = await Client.connect(`${server.url}/spaces/relief-3d~error=1~seed=7`);
    const png = await draw("ink-image", "an obelisk", 1, 128);
    await expect(faulty.predict("/reconstruct", [new Blob([png], { type: "image/png" })])).rejects.toMatchObject({ message: "GPU task aborted" });
    faulty.close();

    process.env[FAULTS_ENV] = "ink-image:quota=1";
    try {
      const quota = await Client.connect(`${server.url}/spaces/ink-image`);
      await expect(quota.predict("/generate", { prompt: "x", width: 64, height: 64 })).rejects.toMatchObject({ title: "ZeroGPU quota exceeded" });
      quota.close();
    } finally {
      delete process.env[FAULTS_ENV];
    }
  });
});
