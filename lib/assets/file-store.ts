import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { getDb, dataDir, type Db } from "@/lib/db/connection";
import { assertSha256 } from "./names";
import { IndexedAssetStore } from "./indexed-store";
import { extensionFor, type AssetStore, type StoredAsset } from "../contracts/asset-store";
import { processSingleton } from "@/lib/platform/singleton";
import { objectStorage, usesObjectStorage } from "@/lib/platform/object-storage";
import { ObjectAssetStore } from "./object-store";

/**
 * Assets as files under `{root}/assets/ab/abcdef….ext`, indexed in the `assets` table (indexed-store.ts). The file
 * is written atomically (temp file, fsync, rename), so a crash leaves at worst an unreferenced file or temp file,
 * never a row pointing at missing or partial bytes.
 */
export class FileAssetStore extends IndexedAssetStore {
  /** Shard folders known to exist, so a put does not ask the filesystem again. */
  private readonly knownDirs = new Set<string>();

  /** `db`: a handle, or a function giving one (resolved lazily, so construction opens nothing). */
  constructor(
    private readonly root: string,
    db: Db | (() => Db),
  ) {
    super(db);
  }

  /** Where an asset's bytes live on disk. */
  filePath(asset: Pick<StoredAsset, "sha256" | "mediaType">): string {
    assertSha256(asset.sha256);
    return path.join(this.root, "assets", asset.sha256.slice(0, 2), `${asset.sha256}.${extensionFor(asset.mediaType)}`);
  }

  protected async writeBytes(asset: StoredAsset, bytes: Uint8Array, indexed: boolean): Promise<void> {
    const file = this.filePath(asset);
    // No row: a file there is at most the leftover of a put that crashed before its row, and is rewritten.
    if (!(indexed && (await hasSize(file, bytes.byteLength)))) await writeAtomically(file, bytes, this.knownDirs);
  }

  /**
   * A fresh copy of the bytes each call (read from the file): callers may transfer or change it. Nothing is kept
   * in memory: a model is validated and prepared as it arrives and never read back, and the pictures a build reads
   * again (inspect_image, the upload to an image-to-3D Space) cost about a millisecond from the OS's page cache.
   */
  protected async readBytes(asset: StoredAsset): Promise<Buffer | null> {
    try {
      return await fsp.readFile(this.filePath(asset));
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  protected async streamBytes(asset: StoredAsset): Promise<ReadableStream<Uint8Array> | null> {
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(this.filePath(asset), "r");
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
    return Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
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
