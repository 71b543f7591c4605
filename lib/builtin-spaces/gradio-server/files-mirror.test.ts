// The built-in Spaces' files shared through object storage (ASSET_STORE=s3): a picture one node's Space drew
// opens on another node, whose folder never had it. A real S3-compatible server (s3rver), started here.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3rver } from "@/lib/testing/object-storage";
import { FileStore } from "./files";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "vernissage-files-mirror-"));
let s3: Awaited<ReturnType<typeof startS3rver>>;
beforeAll(async () => {
  s3 = await startS3rver();
});
afterAll(async () => {
  await s3?.close();
  fs.rmSync(root, { recursive: true, force: true });
});
const sha = (b: Uint8Array) => crypto.createHash("sha256").update(b).digest("hex");

describe("the built-in Spaces' files, shared through the bucket", () => {
  it("a file written on one node resolves on another whose folder never had it", async () => {
    const dir = path.join(root, "spaces", "shape-3d");
    const nodeA = new FileStore({ dir, mirror: s3.storage, mirrorPrefix: "spaces/shape-3d/" });
    const picture = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(5000)]);
    const written = await nodeA.write(picture, "drawn.png");
    // Another machine: the same path (the default folder is the same everywhere), an empty disk.
    fs.rmSync(dir, { recursive: true, force: true });
    const nodeB = new FileStore({ dir, mirror: s3.storage, mirrorPrefix: "spaces/shape-3d/" });
    const resolved = await nodeB.resolve(written.path);
    expect(resolved).not.toBeNull();
    expect(sha(fs.readFileSync(resolved!))).toBe(sha(picture));
    // Paths outside the store, or not named by their hash, are still refused, mirror or not.
    expect(await nodeB.resolve(path.join(dir, "..", "etc"))).toBeNull();
    expect(await nodeB.resolve(path.join(dir, "0".repeat(64), "missing.png"))).toBeNull();
  });
});
