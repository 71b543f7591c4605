// The recorder's writing logic against local Gradio servers (it cannot reach Hugging Face here): it records a
// replayed Space into a temp folder, and the recording must then replay through the real @gradio/client and
// the Space's adapter exactly as the fixture it came from.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadFixture, replay } from "./fixtures";
import { makeGlb, makePng } from "./media";
import { recordSpace, slug } from "./record-space";
import type { ReplayServer } from "./replay-server";
import { entry, testSpaceClient } from "./space-client";

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});
function tempDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), "vernissage-record-"));
  cleanup.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
}
async function serve(...args: Parameters<typeof replay>): Promise<ReplayServer> {
  const s = await replay(...args);
  cleanup.push(() => s.close());
  return s;
}

describe("npm run record-space", () => {
  it("writes a Space's /config, /info and one call into the fixture layout, marked recorded, and the recording replays", async () => {
    const source = await serve(await loadFixture("tencent-hunyuan3d-2"));
    const out = tempDir();
    const r = await recordSpace({ target: source.url, space: "tencent/Hunyuan3D-2", endpoint: "/generation_all", data: { caption: "", seed: 77 }, out });

    expect(r).toMatchObject({ out, endpoint: "/generation_all" });
    // One call, every input as the Space's schema allows (the picture uploaded, the rest at its defaults).
    expect(source.uploads).toHaveLength(1);
    expect(source.calls).toEqual([expect.objectContaining({ endpoint: "/generation_all" })]);
    expect(source.calls[0]!.data.slice(6)).toEqual([30, 5, 77, 256, true, 8000, true]);

    const meta = JSON.parse(readFileSync(path.join(out, "meta.json"), "utf8")) as Record<string, unknown>;
    expect(meta).toMatchObject({ space: "tencent/Hunyuan3D-2", origin: "recorded", from: source.url, gradioVersion: "5.23.1", endpoint: "/generation_all" });
    const call = JSON.parse(readFileSync(path.join(out, "call.json"), "utf8")) as { messages: Record<string, { msg: string; event_id?: string }[]>; files: Record<string, string> };
    expect(call.messages["/generation_all"]!.map((m) => m.msg)).toEqual(["estimation", "process_starts", "progress", "progress", "progress", "process_completed"]);
    expect(call.messages["/generation_all"]!.every((m) => m.event_id === undefined)).toBe(true);
    expect(Object.values(call.files).sort()).toEqual(["glb", "glb"]);

    // The recording is a fixture: served again, the real client and the Space's adapter get a textured model.
    const recorded = await loadFixture(out);
    expect(recorded.meta.origin).toBe("recorded");
    const again = await serve(recorded);
    const t = testSpaceClient({ "image-to-3d": [entry(recorded.space, again.url, "image-to-3d", "hunyuan3d2")] }, { trusted: [again.url] });
    const model = await t.spaceClient.imageToModel({ image: { bytes: await makePng() }, seed: 3 });
    expect(model.asset).toMatchObject({ mediaType: "model/gltf-binary" });
    expect(again.downloads).toEqual([expect.stringMatching(/textured_mesh\.glb$/)]);
  });

  it("picks the endpoint the judge would, sends a picture, and names the files by kind (the .ply by its vertex count)", async () => {
    const source = await serve(await loadFixture("vast-ai-triposplat"));
    const out = tempDir();
    const r = await recordSpace({ target: `${source.url}/`, out });
    expect(r.endpoint).toBe("/generate");
    expect(source.uploads).toHaveLength(1);
    expect(Object.values(r.files).sort()).toEqual(["ply:64", "png:518x518"]);
    expect(JSON.parse(readFileSync(path.join(out, "meta.json"), "utf8"))).toMatchObject({ space: source.url, origin: "recorded" });
  });

  it("records a session's steps before the call (trellis-community/TRELLIS: start_session, preprocess_image), and the recording drives its adapter", async () => {
    const fx = await loadFixture("trellis-community-trellis");
    const glb = await makeGlb();
    const source = await serve(fx, {
      handlers: {
        "/start_session": (c) => {
          c.state.set("dir", true);
          return [];
        },
        "/preprocess_image": (c) => [c.file("image.png", c.readFile(c.named.image))],
        "/generate_and_extract_glb": (c) => {
          if (!c.state.get("dir")) throw new Error("FileNotFoundError: the session's folder is missing");
          c.readFile(c.named.image);
          const f = c.file("sample.glb", glb);
          return [{ video: null, subtitles: null }, f, f];
        },
      },
    });
    const out = tempDir();
    const r = await recordSpace({ target: source.url, space: fx.space, endpoint: "/generate_and_extract_glb", before: ["/start_session", "/preprocess_image"], out });
    expect(r.endpoint).toBe("/generate_and_extract_glb");
    expect(new Set(source.calls.map((c) => c.sessionHash)).size).toBe(1);
    expect(source.calls.map((c) => c.endpoint)).toEqual(["/start_session", "/preprocess_image", "/generate_and_extract_glb"]);
    // The main call was given the preprocessed picture, not the upload.
    expect(source.calls[2]!.data[0]).toMatchObject({ path: expect.stringMatching(/image\.png$/) });

    const recorded = await loadFixture(out);
    expect(Object.keys(recorded.messages)).toEqual(["/start_session", "/preprocess_image", "/generate_and_extract_glb"]);
    expect(Object.values(JSON.parse(readFileSync(path.join(out, "call.json"), "utf8")).files as Record<string, string>).sort()).toEqual(["glb", "png:512x512"]);
    const again = await serve(recorded);
    const t = testSpaceClient({ "image-to-3d": [entry(recorded.space, again.url, "image-to-3d", "trellis-community")] }, { trusted: [again.url] });
    const model = await t.spaceClient.imageToModel({ image: { bytes: await makePng() }, seed: 3 });
    expect(model).toMatchObject({ endpoint: "/generate_and_extract_glb", asset: { mediaType: "model/gltf-binary" } });
  });

  it("names a fixture folder as the existing ones are named", () => {
    expect(slug("black-forest-labs/FLUX.1-schnell")).toBe("black-forest-labs-flux-1-schnell");
    expect(slug("trellis-community/TRELLIS")).toBe("trellis-community-trellis");
    expect(slug("http://127.0.0.1:7860/")).toBe("127-0-0-1-7860");
  });

  it("says clearly when the Space cannot be reached", async () => {
    await expect(recordSpace({ target: "http://127.0.0.1:9", out: tempDir() })).rejects.toThrow(/fetch failed|ECONNREFUSED/);
  });
});
