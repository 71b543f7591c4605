// The built-in Spaces as a caller sees them: the real @gradio/client against /spaces/<name>[~faults] on a
// loopback server, with the real engines running in real worker threads.
import { Client, handle_file } from "@gradio/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveFetch, type FetchServer } from "@/lib/gradio-server/test-support/node-server";
import { builtinSpaceApp, builtinSpaceUrl, FAULTS_ENV, handleBuiltinSpaceRequest, resetBuiltinSpaces } from "./index";
import { parseEnvFaults, parseSpaceSegment, BuiltinFaultsError } from "./faults";
import { enginePool } from "./worker/engines";

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
