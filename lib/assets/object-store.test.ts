// The asset store on a real S3-compatible server (s3rver from npm, started here on a loopback port), and the
// built-in Spaces' files shared through the same bucket: what ASSET_STORE=s3 gives a multi-node deployment.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/lib/db/connection";
import type { ObjectStorage } from "@/lib/platform/object-storage";
import { startS3rver } from "@/lib/testing/object-storage";
import { ObjectAssetStore } from "./object-store";
import { serveAsset } from "./serve";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "vernissage-s3-"));
let s3: Awaited<ReturnType<typeof startS3rver>>;
let storage: ObjectStorage;
let db: Db;

beforeAll(async () => {
  s3 = await startS3rver();
  storage = s3.storage;
  db = openDb(path.join(root, "db"));
});
afterAll(async () => {
  await db?.destroy();
  await s3?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const glb = (tag: string) => Buffer.concat([Buffer.from("glTF"), Buffer.from(tag), crypto.randomBytes(200_000)]);
const sha = (b: Uint8Array) => crypto.createHash("sha256").update(b).digest("hex");

describe("ObjectAssetStore on s3rver", () => {
  it("stores content-addressed objects, idempotently, and gives back exactly the bytes", async () => {
    const store = new ObjectAssetStore(storage, db);
    const bytes = glb("a");
    const [a, b] = await Promise.all([store.put(bytes, "model/gltf-binary"), store.put(new Uint8Array(bytes), "model/gltf-binary")]);
    expect(a).toEqual({ sha256: sha(bytes), mediaType: "model/gltf-binary", bytes: bytes.length });
    expect(b).toEqual(a);
    expect(sha((await store.get(a.sha256))!)).toBe(a.sha256);
    // On the server's disk the object is the bytes, no checksum trailer mixed in.
    const onDisk = fs.readFileSync(path.join(s3.dir, "vernissage-test", `assets/${a.sha256}.glb._S3rver_object`));
    expect(sha(onDisk)).toBe(a.sha256);
    expect(await store.stat("0".repeat(64))).toBeNull();
    await expect(store.put(Buffer.from("not a glb"), "model/gltf-binary")).rejects.toThrow(/magic/);
  });

  it("serves an asset through the app's route, streamed", async () => {
    const store = new ObjectAssetStore(storage, db);
    const bytes = glb("b");
    const a = await store.put(bytes, "model/gltf-binary");
    const res = await serveAsset(store, `${a.sha256}.glb`, null);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("model/gltf-binary");
    expect(sha(new Uint8Array(await res.arrayBuffer()))).toBe(a.sha256);
    expect((await serveAsset(store, `${a.sha256}.png`, null)).status).toBe(404);
  });
});

