import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDataDir } from "@/lib/db/testing/temp-dir";
import { closeDbs, getDb } from "@/lib/db/connection";
import { createGallery } from "@/lib/db/galleries";
import { createBuild, finishBuild } from "@/lib/db/builds";
import { getGalleryView } from "@/lib/db/view";
import { closeModelPool } from "@/lib/model-worker/pool";
import { makeZUpBoxGlb } from "@/lib/models/testing/fixtures";
import { FileAssetStore } from "@/lib/assets/file-store";
import { acceptUpload } from "./accept-upload";
import { readUpload, UploadRefusedError } from "./read-upload";
import { cleanFileName, sniffUpload, titleFromFileName } from "./sniff";
import { hugePngHeader, truncatedGlb } from "./testing/bad-files";
import { gzipSync } from "fflate";
import { writeSplatPly } from "@/lib/splats/ply";
import { writeSpz } from "@/lib/splats/spz";
import { yDownTower } from "@/lib/splats/testing/fixtures";

const temp = makeTempDataDir("vernissage-uploads-");
afterAll(async () => {
  await closeDbs();
  temp.cleanup();
  await closeModelPool();
});

function streamOf(...chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(c) {
      for (const chunk of chunks) c.enqueue(chunk);
      c.close();
    },
  });
}

describe("readUpload", () => {
  it("reads a body under the cap", async () => {
    expect(new Uint8Array(await readUpload(streamOf(new Uint8Array([1, 2]), new Uint8Array([3])), 3))).toEqual(new Uint8Array([1, 2, 3]));
  });
  it("refuses a declared length over the cap before reading, and a body that passes it while streaming", async () => {
    await expect(readUpload(streamOf(new Uint8Array(1)), 10, "11")).rejects.toMatchObject({ status: 413 });
    await expect(readUpload(streamOf(new Uint8Array(6), new Uint8Array(6)), 10)).rejects.toMatchObject({ status: 413 });
  });
  it("refuses an empty or missing body", async () => {
    await expect(readUpload(streamOf(), 10)).rejects.toMatchObject({ status: 400, message: "The file is empty." });
    await expect(readUpload(null, 10)).rejects.toBeInstanceOf(UploadRefusedError);
  });
});

describe("sniffUpload", () => {
  it("knows a picture and a GLB by their bytes, and refuses the rest with what is accepted", async () => {
    const png = await sharp({ create: { width: 80, height: 80, channels: 3, background: "#a33" } }).png().toBuffer();
    const jpeg = await sharp(png).jpeg().toBuffer();
    const webp = await sharp(png).webp().toBuffer();
    const gif = await sharp(png).gif().toBuffer();
    expect(sniffUpload(png)).toEqual({ kind: "picture", format: "png" });
    expect(sniffUpload(jpeg)).toEqual({ kind: "picture", format: "jpeg" });
    expect(sniffUpload(webp)).toEqual({ kind: "picture", format: "webp" });
    expect(sniffUpload(await makeZUpBoxGlb([64, 64]))).toEqual({ kind: "model", format: "glb" });
    expect(sniffUpload(writeSplatPly(yDownTower(500)))).toEqual({ kind: "splat", format: "ply" });
    expect(sniffUpload(writeSpz(yDownTower(500)))).toEqual({ kind: "splat", format: "spz" });
    expect(sniffUpload(gif)).toEqual({ refused: expect.stringContaining("GIF") });
    expect(sniffUpload(new TextEncoder().encode("hello, this is text"))).toEqual({ refused: expect.stringContaining("PNG, JPEG or WebP") });
    expect(sniffUpload(new TextEncoder().encode('{"asset":{"version":"2.0"}}'))).toEqual({ refused: expect.stringContaining(".gltf") });
  });
  it("makes a title and a provenance name from the file name", () => {
    expect(titleFromFileName("C:\\fakepath\\red_vase-2.png", "x")).toBe("Red vase 2");
    expect(titleFromFileName("<script>.glb", "Uploaded model")).toBe("Script");
    expect(titleFromFileName(".png", "Uploaded picture")).toBe("Uploaded picture");
    expect(titleFromFileName(null, "Uploaded picture")).toBe("Uploaded picture");
    expect(cleanFileName("a/b/c\u0000.png")).toBe("c.png");
  });
});

describe("acceptUpload", () => {
  let galleryId = "";
  beforeAll(async () => {
    galleryId = (await createGallery({ title: "Mine", goal: "my own work" })).id;
  });
  const assets = new FileAssetStore(temp.dir, getDb);
  const storedCount = async () => Number((await getDb().selectFrom("assets").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

  it.each([
    ["a truncated GLB", () => truncatedGlb(), 422, /GLB|glTF|truncat|length/i],
    ["a 30000×30000 PNG header", async () => hugePngHeader(30_000, 30_000), 422, /30000×30000/],
    ["a file that is not an image", async () => new TextEncoder().encode("just some text, not a picture"), 415, /not a picture/],
    ["a PLY cut short", async () => writeSplatPly(yDownTower(2000)).subarray(0, 5000), 422, /splat|PLY|vertex|bytes/i],
    ["an SPZ whose gzip claims 4 GB", async () => {
      const spz = gzipSync(new Uint8Array(64));
      new DataView(spz.buffer, spz.byteOffset).setUint32(spz.byteLength - 4, 0xfffffff0, true);
      return spz;
    }, 422, /inflates to/],
  ])("refuses %s with a message, storing and changing nothing", async (_name, make, status, message) => {
    const before = JSON.stringify(await getGalleryView(galleryId));
    const stored = await storedCount();
    const err = await acceptUpload({ galleryId, fileName: "bad.bin", bytes: await make(), assets }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UploadRefusedError);
    expect((err as UploadRefusedError).status).toBe(status);
    expect((err as Error).message).toMatch(message);
    expect(JSON.stringify(await getGalleryView(galleryId))).toBe(before);
    expect(await storedCount()).toBe(stored);
  });

  it.each([
    ["tower.ply", () => writeSplatPly(yDownTower(3000))],
    ["tower.spz", () => writeSpz(yDownTower(3000))],
  ])("places a Gaussian splat (%s) at once: served as SPZ, its original a PLY", async (name, make) => {
    const { exhibit, buildId } = await acceptUpload({ galleryId, fileName: name, bytes: make(), assets });
    expect(buildId).toBeNull();
    expect(exhibit).toMatchObject({ status: "ready", kind: "splat" });
    expect(exhibit.modelUrl).toMatch(/\.spz$/);
    expect(exhibit.originalModelUrl).toMatch(/\.ply$/);
    expect(exhibit.provenance[0]).toMatchObject({ capability: "upload", endpoint: "splat" });
  }, 60_000);

  it("refuses a file while the gallery's own build is queued or running in any process (409), and accepts it once it ends", async () => {
    // The build row alone, as a web node sees a build that a worker runs (PostgreSQL): nothing runs in this process.
    const { id } = await createGallery({ title: "Busy", goal: "three towers" });
    const build = await createBuild({ galleryId: id, kind: "gallery", goal: "three towers" });
    const glb = await makeZUpBoxGlb([64, 64]);
    const stored = await storedCount();
    const err = await acceptUpload({ galleryId: id, fileName: "tower.glb", bytes: glb, assets }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UploadRefusedError);
    expect(err).toMatchObject({ status: 409, message: expect.stringMatching(/still building/) as unknown });
    expect(await storedCount()).toBe(stored);
    expect((await getGalleryView(id))!.exhibits).toHaveLength(0);
    await finishBuild(build.id, "succeeded");
    expect((await acceptUpload({ galleryId: id, fileName: "tower.glb", bytes: glb, assets })).exhibit.status).toBe("ready");
  }, 60_000);

  it("places a valid GLB at once, prepared for the web, its provenance saying uploaded", async () => {
    const { exhibit, buildId } = await acceptUpload({ galleryId, fileName: "tower.glb", bytes: await makeZUpBoxGlb([128, 128]), assets });
    expect(buildId).toBeNull();
    expect(exhibit).toMatchObject({ title: "Tower", status: "ready", version: 1, kind: "mesh" });
    expect(exhibit.modelUrl).toMatch(/^\/assets\/[0-9a-f]{64}\.glb$/);
    expect(exhibit.originalModelUrl).not.toBe(exhibit.modelUrl);
    expect(exhibit.provenance).toEqual([expect.objectContaining({ capability: "upload", space: "uploaded", endpoint: "model", inputs: expect.objectContaining({ file: "tower.glb" }) })]);
    expect((await getGalleryView(galleryId))!.exhibits.map((e) => e.title)).toContain("Tower");
  }, 60_000);
});
