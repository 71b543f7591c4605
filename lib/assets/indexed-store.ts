import "server-only";
import crypto from "node:crypto";
import type { Db } from "@/lib/db/connection";
import { nowIso } from "@/lib/db/ids";
import { assertSha256, assetMediaTypeSchema, looksLike } from "./names";
import type { AssetMediaType, AssetStore, StoredAsset } from "../contracts/asset-store";

/**
 * What every asset store shares, whatever holds the bytes (files, an S3 bucket): content addressing, the magic-number
 * check at the door, one type per address, and the `assets` table as the index. The bytes are written before their
 * row, so a crash leaves at worst unreferenced bytes, never a row without them. A subclass says only how bytes are
 * written, read and streamed.
 */
export abstract class IndexedAssetStore implements AssetStore {
  private readonly db: () => Db;

  /** `db`: a handle, or a function giving one (resolved lazily, so construction opens nothing). */
  protected constructor(db: Db | (() => Db)) {
    this.db = typeof db === "function" ? db : () => db;
  }

  /** Writes the bytes unless they are known complete (`indexed`: a row exists, so an earlier put finished). */
  protected abstract writeBytes(asset: StoredAsset, bytes: Uint8Array, indexed: boolean): Promise<void>;
  /** A fresh copy of the bytes, or null when they are gone. */
  protected abstract readBytes(asset: StoredAsset): Promise<Buffer | null>;
  protected abstract streamBytes(asset: StoredAsset): Promise<ReadableStream<Uint8Array> | null>;

  async put(bytes: Uint8Array, mediaType: AssetMediaType): Promise<StoredAsset> {
    const type = assetMediaTypeSchema.parse(mediaType);
    if (!looksLike(bytes, type)) throw new Error(`asset bytes are not ${type} (bad magic number)`);
    const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
    const existing = await this.row(sha256);
    // One address, one type: the same bytes cannot be served under two extensions.
    if (existing && existing.media_type !== type) throw new Error(`asset ${sha256} is already stored as ${existing.media_type}, not ${type}`);
    const asset: StoredAsset = { sha256, mediaType: type, bytes: bytes.byteLength };
    await this.writeBytes(asset, bytes, existing !== undefined);
    await this.db()
      .insertInto("assets")
      .values({ sha256, media_type: type, bytes: bytes.byteLength, created_at: nowIso() })
      .onConflict((oc) => oc.column("sha256").doNothing())
      .execute();
    return asset;
  }

  async get(sha256: string): Promise<Buffer | null> {
    const asset = await this.stat(sha256);
    return asset ? this.readBytes(asset) : null;
  }

  async stat(sha256: string): Promise<StoredAsset | null> {
    assertSha256(sha256);
    const row = await this.row(sha256);
    return row ? { sha256: row.sha256, mediaType: row.media_type, bytes: Number(row.bytes) } : null;
  }

  async stream(sha256: string): Promise<ReadableStream<Uint8Array> | null> {
    const asset = await this.stat(sha256);
    return asset ? this.streamBytes(asset) : null;
  }

  private async row(sha256: string) {
    return this.db().selectFrom("assets").select(["sha256", "media_type", "bytes"]).where("sha256", "=", sha256).executeTakeFirst();
  }
}
