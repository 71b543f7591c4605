// splat-3d as a caller sees it: the real @gradio/client against /spaces/splat-3d on a loopback server, the
// engine in a real worker thread, the .ply downloaded and read back.
import { Client } from "@gradio/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveFetch, type FetchServer } from "@/lib/builtin-spaces/gradio-server/testing/node-server";
import { centreBounds } from "@/lib/splats/cloud";
import { readSplatPly } from "@/lib/splats/ply";
import { frontCoverage, iou } from "@/lib/splats/testing/coverage";
import { FAULTS_ENV, handleBuiltinSpaceRequest, resetBuiltinSpaces } from "./registry";
import { decodeImage } from "./shape/decode";
import { findSubject } from "./shape/subject";
import { DOME, renderFixture, TOWER } from "./shape/testing/fixtures";

let server: FetchServer;
beforeAll(async () => {
  server = await serveFetch(handleBuiltinSpaceRequest);
});
afterAll(async () => {
  resetBuiltinSpaces();
  await server.close();
});

type FileData = { path: string; url: string; orig_name: string; mime_type: string | null };

describe("splat-3d through @gradio/client", () => {
  it("has TripoSplat's API: /generate(image, seed, steps, guidance_scale, num_gaussians, output_format) → 4 outputs", async () => {
    const client = await Client.connect(`${server.url}/spaces/splat-3d`);
    const api = await client.view_api();
    const generate = api.named_endpoints["/generate"]!;
    expect(generate.parameters.map((p) => p.parameter_name)).toEqual(["image", "seed", "steps", "guidance_scale", "num_gaussians", "output_format"]);
    expect(generate.parameters.find((p) => p.parameter_name === "output_format")).toMatchObject({ parameter_default: "ply", component: "Dropdown" });
    // TripoSplat's counts are a dropdown of strings; ours lists smaller ones too.
    const counts = generate.parameters.find((p) => p.parameter_name === "num_gaussians")!;
    expect(counts).toMatchObject({ parameter_default: "262144", component: "Dropdown" });
    for (const n of ["32768", "65536", "131072", "262144"]) expect(counts.python_type.type).toContain(`'${n}'`);
    expect(generate.returns.map((r) => r.component)).toEqual(["Image", "Html", "Downloadbutton", "Textbox"]);
    client.close();
  });

  it.each([TOWER, DOME].map((f) => [f.name, f] as const))("turns %s into a Y-down splat whose front view matches the picture", async (_name, fixture) => {
    const png = new Uint8Array(await renderFixture(fixture));
    const client = await Client.connect(`${server.url}/spaces/splat-3d`);
    const result = await client.predict("/generate", { image: new Blob([png], { type: "image/png" }), seed: 3, num_gaussians: "8192" });
    const [preview, html, download, info] = result.data as [FileData, string, { __type__: string; visible: boolean; value: FileData }, string];
    expect(preview.orig_name).toBe("preprocessed.png");
    expect(html).toContain("8,192 Gaussians");
    expect(info).toMatch(/^8,192 Gaussians · seed 3 · 20 steps · guidance 3/);
    // A DownloadButton update, as Gradio sends gr.DownloadButton(value=…, visible=True).
    expect(download).toMatchObject({ __type__: "update", visible: true, value: { orig_name: "splat.ply" } });
    const res = await fetch(download.value.url);
    const cloud = readSplatPly(new Uint8Array(await res.arrayBuffer()));
    expect(cloud.count).toBe(8192);
    expect(cloud.sh).toBeUndefined(); // base colour only, like TripoSplat

    // Front view, orthographic, on the subject mask's grid. Y down: the file's smallest y is the picture's top.
    const { mask } = findSubject((await decodeImage(png)).image);
    const { min, max } = centreBounds(cloud);
    const perUnit = mask.width / (max[0] - min[0]);
    const front = frontCoverage(cloud, {
      width: mask.width,
      height: mask.height,
      pixelsPerUnit: perUnit,
      toPixel: (x, y) => [(x - min[0]) * perUnit, (y - min[1]) * (mask.height / (max[1] - min[1]))],
    });
    expect(iou(front, mask.data)).toBeGreaterThanOrEqual(0.9);
    // Upside down it would not match: the picture is not symmetric top to bottom.
    const flipped = frontCoverage(cloud, {
      width: mask.width,
      height: mask.height,
      pixelsPerUnit: perUnit,
      toPixel: (x, y) => [(x - min[0]) * perUnit, (max[1] - y) * (mask.height / (max[1] - min[1]))],
    });
    expect(iou(flipped, mask.data)).toBeLessThan(0.85);
    client.close();
  }, 60_000);

  it("refuses what the real Space would: a file that is not a picture, a format it does not write", async () => {
    const client = await Client.connect(`${server.url}/spaces/splat-3d`);
    const notImage = (await client.predict("/generate", { image: new Blob([new TextEncoder().encode("not an image")]) }).catch((e: unknown) => e)) as Error;
    expect(notImage.message).toMatch(/not an image/);
    const png = new Uint8Array(await renderFixture(TOWER));
    await expect(client.predict("/generate", { image: new Blob([png]), output_format: "ksplat" })).rejects.toMatchObject({
      message: expect.stringMatching(/not in the list of choices/),
    });
    await expect(client.predict("/generate", { image: new Blob([png]), num_gaussians: "10" })).rejects.toMatchObject({ message: expect.stringMatching(/not in the list of choices/) });
    client.close();
  }, 60_000);

  it("writes the .splat format when asked, and caps its count at BUILTIN_SPLAT_GAUSSIANS", async () => {
    const png = new Uint8Array(await renderFixture(TOWER));
    process.env.BUILTIN_SPLAT_GAUSSIANS = "1024";
    try {
      const client = await Client.connect(`${server.url}/spaces/splat-3d`);
      const result = await client.predict("/generate", { image: new Blob([png]), num_gaussians: "4096", output_format: "splat" });
      const [, , download, info] = result.data as [unknown, string, { value: FileData }, string];
      expect(download.value.orig_name).toBe("splat.splat");
      expect(info).toMatch(/^1,024 Gaussians \(capped from 4,096 by BUILTIN_SPLAT_GAUSSIANS\)/);
      const bytes = new Uint8Array(await (await fetch(download.value.url)).arrayBuffer());
      expect(bytes.length).toBe(1024 * 32);
      client.close();
    } finally {
      delete process.env.BUILTIN_SPLAT_GAUSSIANS;
    }
  }, 60_000);

  it("fails on demand like the other built-ins: by URL and from the environment", async () => {
    const png = new Uint8Array(await renderFixture(TOWER));
    const faulty = await Client.connect(`${server.url}/spaces/splat-3d~error=1~seed=7`);
    await expect(faulty.predict("/generate", { image: new Blob([png]) })).rejects.toMatchObject({ message: "GPU task aborted" });
    faulty.close();
    process.env[FAULTS_ENV] = "splat-3d:quota=1";
    try {
      const quota = await Client.connect(`${server.url}/spaces/splat-3d`);
      await expect(quota.predict("/generate", { image: new Blob([png]) })).rejects.toMatchObject({ title: "ZeroGPU quota exceeded" });
      quota.close();
    } finally {
      delete process.env[FAULTS_ENV];
    }
  }, 60_000);
});
