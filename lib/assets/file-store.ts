import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { getDb, dataDir, type Db } from "@/lib/db/connection";
import { nowIso } from "@/lib/db/ids";
import { assertSha256, assetMediaTypeSchema, looksLike } from "./names";
import { extensionFor, type AssetMediaType, type AssetStore, type StoredAsset } from "../contracts/asset-store";
import { processSingleton } from "@/lib/platform/singleton";
import { objectStorage, usesObjectStorage } from "@/lib/platform/object-storage";
import { ObjectAssetStore } from "./object-store";

interface AssetRow {
  sha256: string;
  media_type: AssetMediaType;
  bytes: number;
}

/**
 * Assets as files under `{root}/assets/ab/abcdef….ext`, indexed in the `assets` table.
 * The file is written before its row, and atomically (temp file, fsync, rename), so a crash leaves at
 * worst an unreferenced file or temp file, never a row pointing at missing or partial bytes.
 */
export class FileAssetStore implements AssetStore {
  private readonly db: () => Db;
  /** Shard folders known to exist, so a put does not ask the filesystem again. */
  private readonly knownDirs = new Set<string>();

  /** `db`: a handle, or a function giving one (resolved lazily, so construction opens nothing). */
  constructor(
    private readonly root: string,
    db: Db | (() => Db),
  ) {
    this.db = typeof db === "function" ? db : () => db;
  }

  /** Where an asset's bytes live on disk. */
  filePath(asset: Pick<StoredAsset, "sha256" | "mediaType">): string {
    assertSha256(asset.sha256);
    return path.join(this.root, "assets", asset.sha256.slice(0, 2), `${asset.sha256}.${extensionFor(asset.mediaType)}`);
  }

  async put(bytes: Uint8Array, mediaType: AssetMediaType): Promise<StoredAsset> {
    const type = assetMediaTypeSchema.parse(mediaType);
    if (!looksLike(bytes, type)) throw new Error(`asset bytes are not ${type} (bad magic number)`);
    const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
    const existing = await this.row(sha256);
    // One address, one type: the same bytes cannot be served under two extensions.
    if (existing && existing.media_type !== type) {
      throw new Error(`asset ${sha256} is already stored as ${existing.media_type}, not ${type}`);
    }
    const asset: StoredAsset = { sha256, mediaType: type, bytes: bytes.byteLength };
    const file = this.filePath(asset);
    // No row: a file there is at most the leftover of a put that crashed before its row, and is rewritten.
    if (!(existing && (await hasSize(file, bytes.byteLength)))) await writeAtomically(file, bytes, this.knownDirs);
    await this.db()
      .insertInto("assets")
      .values({ sha256, media_type: type, bytes: bytes.byteLength, created_at: nowIso() })
      .onConflict((oc) => oc.column("sha256").doNothing())
      .execute();
    return asset;
  }

  /**
   * A fresh copy of the bytes each call (read from the file): callers may transfer or change it. Nothing is kept
   * in memory: a model is validated and prepared as it arrives and never read back, and the pictures a build reads
   * again (inspect_image, the upload to an image-to-3D Space) cost about a millisecond from the OS's page cache.
   */
  async get(sha256: string): Promise<Buffer | null> {
    const asset = await this.stat(sha256);
    if (!asset) return null;
    try {
      return await fsp.readFile(this.filePath(asset));
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async stat(sha256: string): Promise<StoredAsset | null> {
    assertSha256(sha256);
    const row = await this.row(sha256);
    return row ? { sha256: row.sha256, mediaType: row.media_type, bytes: row.bytes } : null;
  }

  async stream(sha256: string): Promise<ReadableStream<Uint8Array> | null> {
    const asset = await this.stat(sha256);
    if (!asset) return null;
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(this.filePath(asset), "r");
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
    const nodeStream = handle.createReadStream();
    return Readable.toWeb(nodeStream) as ReadableStream<Uint8Array>;
  }

  private async row(sha256: string): Promise<AssetRow | undefined> {
    return this.db().selectFrom("assets").select(["sha256", "media_type", "bytes"]).where("sha256", "=", sha256).executeTakeFirst();
  }
}

async function hasSize(file: string, size: number): Promise<boolean> {
  try {
    return (await fsp.stat(file)).size === size;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}

async function writeAtomically(file: string, bytes: Uint8Array, knownDirs: Set<string>): Promise<void> {
  const dir = path.dirname(file);
  if (!knownDirs.has(dir)) {
    await fsp.mkdir(dir, { recursive: true });
    knownDirs.add(dir);
  }
  // Unique per writer, so concurrent puts of the same bytes never share a temp file; the renames then
  // replace identical content with identical content.
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(6).toString("hex")}.tmp`;
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(tmp, "wx");
  } catch (err) {
    if (!isNotFound(err)) throw err;
    // The folder went away under us (removed by hand, a restored backup): make it again, once.
    await fsp.mkdir(dir, { recursive: true });
    handle = await fsp.open(tmp, "wx");
  }
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await fsp.rm(tmp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    await fsp.rename(tmp, file);
  } catch (err) {
    await fsp.rm(tmp, { force: true });
    throw err;
  }
  // The rename itself is durable only once the directory is synced.
  await syncDir(dir);
}

async function syncDir(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, fs.constants.O_RDONLY);
    await handle.sync();
  } catch {
    // Some platforms/filesystems refuse fsync on a directory; the data itself is already synced.
  } finally {
    await handle?.close();
  }
}

function isNotFound(err: unknown): boolean {
  return err instanceof Error && "code" in err && err.code === "ENOENT";
}

/**
 * The process-wide asset store: files under `DATA_DIR` (the embedded default), or S3-compatible object storage
 * with ASSET_STORE=s3 (object-store.ts).
 */
export function getAssetStore(): AssetStore {
  if (usesObjectStorage()) return processSingleton("objectAssetStore", () => new ObjectAssetStore(objectStorage()));
  return getFileAssetStore();
}

/** The store under `DATA_DIR`. */
export function getFileAssetStore(): FileAssetStore {
  const stores = processSingleton("assetStore", () => new Map<string, FileAssetStore>());
  const root = dataDir();
  let store = stores.get(root);
  if (!store) {
    store = new FileAssetStore(root, getDb);
    stores.set(root, store);
  }
  return store;
}
