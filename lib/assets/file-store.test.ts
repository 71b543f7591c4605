import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { closeDbs, getDb } from "@/lib/db/connection";
import { makeTempDataDir } from "@/lib/db/testing/temp-dir";
import { FileAssetStore, getAssetStore } from "./file-store";
import { InvalidAssetIdError, parseAssetFileName } from "./names";
import { serveAsset } from "./serve";

const temp = makeTempDataDir("vernissage-assets-");
afterAll(async () => {
  await closeDbs();
  temp.cleanup();
});

const png = (tag: string) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(tag)]);
const glb = (tag: string) => Buffer.concat([Buffer.from("glTF"), Buffer.from(tag)]);
const sha = (b: Uint8Array) => crypto.createHash("sha256").update(b).digest("hex");

describe("FileAssetStore", () => {
  it("stores content-addressed files, idempotently", async () => {
    const store = getAssetStore();
    expect(getAssetStore()).toBe(store);
    const bytes = png("hello");
    const a = await store.put(bytes, "image/png");
    const b = await store.put(new Uint8Array(bytes), "image/png");
    expect(a).toEqual({ sha256: sha(bytes), mediaType: "image/png", bytes: bytes.length });
    expect(b).toEqual(a);
    const file = path.join(temp.dir, "assets", a.sha256.slice(0, 2), `${a.sha256}.png`);
    expect(fs.readFileSync(file)).toEqual(bytes);
    expect(await store.get(a.sha256)).toEqual(bytes);
    expect(await store.stat(a.sha256)).toEqual(a);
    expect(await getDb().selectFrom("assets").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst()).toEqual({ n: 1 });
    // No temp files left behind.
    expect(fs.readdirSync(path.dirname(file))).toEqual([`${a.sha256}.png`]);
  });

  it("survives concurrent puts of the same bytes, also from two store instances", async () => {
    const bytes = glb(crypto.randomBytes(50_000).toString("hex"));
    const stores = [getAssetStore(), new FileAssetStore(temp.dir, getDb())];
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => stores[i % 2]!.put(bytes, "model/gltf-binary")));
    expect(new Set(results.map((r) => r.sha256)).size).toBe(1);
    const dir = path.join(temp.dir, "assets", results[0]!.sha256.slice(0, 2));
    expect(fs.readdirSync(dir).filter((f) => f.startsWith(results[0]!.sha256))).toEqual([`${results[0]!.sha256}.glb`]);
    expect(await getAssetStore().get(results[0]!.sha256)).toEqual(bytes);
  });

  it("hands out copies (the caller's bytes and what get returns are theirs to change), also from a fresh instance", async () => {
    const bytes = png(crypto.randomBytes(1000).toString("hex"));
    const store = new FileAssetStore(temp.dir, getDb());
    const a = await store.put(bytes, "image/png");
    bytes.fill(0); // the caller's buffer is theirs to reuse
    const first = (await store.get(a.sha256))!;
    expect(sha(first)).toBe(a.sha256);
    first.fill(0); // and so is what get returns
    expect(sha((await store.get(a.sha256))!)).toBe(a.sha256);
    // Another instance (another process, after a restart) has nothing in memory: it reads the file.
    const fresh = new FileAssetStore(temp.dir, getDb());
    expect(sha((await fresh.get(a.sha256))!)).toBe(a.sha256);
    expect(await fresh.get("0".repeat(64))).toBeNull();
  });

  it("makes a shard folder again if it was removed after the store first wrote there", async () => {
    const store = new FileAssetStore(temp.dir, getDb());
    const first = await store.put(png("shard-a"), "image/png");
    const shard = path.join(temp.dir, "assets", first.sha256.slice(0, 2));
    fs.rmSync(shard, { recursive: true });
    await getDb().deleteFrom("assets").where("sha256", "=", first.sha256).execute();
    // The same bytes again: the store remembers the folder, which is gone; the put must still land on disk.
    const again = await store.put(png("shard-a"), "image/png");
    expect(fs.readFileSync(path.join(shard, `${again.sha256}.png`))).toEqual(png("shard-a"));
  });

  it("refuses malformed ids, mislabelled bytes and a second type for the same bytes", async () => {
    const store = getAssetStore();
    for (const bad of ["../../etc/passwd", "A".repeat(64), "a".repeat(63), `${"a".repeat(64)}/..`, ""]) {
      await expect(store.get(bad)).rejects.toThrow(InvalidAssetIdError);
      await expect(store.stat(bad)).rejects.toThrow(InvalidAssetIdError);
    }
    await expect(store.put(glb("x"), "image/png")).rejects.toThrow(/not image\/png/);
    const html = Buffer.from("glTF-looking html");
    await store.put(html, "model/gltf-binary");
    await expect(store.put(html, "text/html")).rejects.toThrow(/already stored as model\/gltf-binary/);
    expect(await store.get("0".repeat(64))).toBeNull();
  });
});

describe("GET /assets/{file}", () => {
  it("serves bytes with immutable caching, an ETag and nosniff; 304 on If-None-Match", async () => {
    const store = getAssetStore();
    const bytes = png("served");
    const a = await store.put(bytes, "image/png");
    const res = await serveAsset(store, `${a.sha256}.png`, null);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("etag")).toBe(`"${a.sha256}"`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);

    const cached = await serveAsset(store, `${a.sha256}.png`, `W/"other", "${a.sha256}"`);
    expect(cached.status).toBe(304);
    expect(await cached.text()).toBe("");
  });

  it("404s unknown and malformed names and a wrong extension", async () => {
    const store = getAssetStore();
    const a = await store.put(png("ext"), "image/png");
    for (const name of [
      `${a.sha256}.glb`,
      `${a.sha256}.PNG`,
      `${a.sha256}`,
      `${"0".repeat(64)}.png`,
      `..%2F..%2Fvernissage.db`,
      `../vernissage.db`,
      `${a.sha256.toUpperCase()}.png`,
      `${a.sha256}.png.exe`,
    ]) {
      expect((await serveAsset(store, name, null)).status, name).toBe(404);
    }
    expect(parseAssetFileName(`${a.sha256}.jpg`)).toEqual({ sha256: a.sha256, mediaType: "image/jpeg" });
  });
});
