import "server-only";
import crypto from "node:crypto";
import { getDb, type Db } from "@/lib/db/connection";
import { nowIso } from "@/lib/db/ids";
import type { ObjectStorage } from "@/lib/platform/object-storage";
import { assertSha256, assetMediaTypeSchema, looksLike } from "./names";
import { extensionFor, type AssetMediaType, type AssetStore, type StoredAsset } from "../contracts/asset-store";

/**
 * Assets in S3-compatible storage (ASSET_STORE=s3), indexed in the `assets` table exactly like the file store:
 * content-addressed, immutable, the object written before its row (a crash leaves at worst an unreferenced
 * object, never a row without bytes). The key is the public file name under `assets/`, so a CDN in front of
 * the bucket (ASSET_PUBLIC_URL) serves `/<sha>.<ext>` with nothing to translate.
 */
export class ObjectAssetStore implements AssetStore {
  private readonly db: () => Db;

  constructor(
    private readonly storage: ObjectStorage,
    db: Db | (() => Db) = getDb,
  ) {
    this.db = typeof db === "function" ? db : () => db;
  }

  /** The object key of an asset. */
  static key(asset: Pick<StoredAsset, "sha256" | "mediaType">): string {
    return `assets/${asset.sha256}.${extensionFor(asset.mediaType)}`;
  }

  async put(bytes: Uint8Array, mediaType: AssetMediaType): Promise<StoredAsset> {
    const type = assetMediaTypeSchema.parse(mediaType);
    if (!looksLike(bytes, type)) throw new Error(`asset bytes are not ${type} (bad magic number)`);
    const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
    const existing = await this.row(sha256);
    if (existing && existing.media_type !== type) throw new Error(`asset ${sha256} is already stored as ${existing.media_type}, not ${type}`);
    const asset: StoredAsset = { sha256, mediaType: type, bytes: bytes.byteLength };
    // Immutable: an object with a row is complete; without a row it may be a crashed put's, and is written again.
    if (!existing) await this.storage.put(ObjectAssetStore.key(asset), bytes, type);
    await this.db()
      .insertInto("assets")
      .values({ sha256, media_type: type, bytes: bytes.byteLength, created_at: nowIso() })
      .onConflict((oc) => oc.column("sha256").doNothing())
      .execute();
    return asset;
  }

  async get(sha256: string): Promise<Buffer | null> {
    const asset = await this.stat(sha256);
    return asset ? this.storage.get(ObjectAssetStore.key(asset)) : null;
  }

  async stat(sha256: string): Promise<StoredAsset | null> {
    assertSha256(sha256);
    const row = await this.row(sha256);
    return row ? { sha256: row.sha256, mediaType: row.media_type, bytes: Number(row.bytes) } : null;
  }

  async stream(sha256: string): Promise<ReadableStream<Uint8Array> | null> {
    const asset = await this.stat(sha256);
    return asset ? this.storage.stream(ObjectAssetStore.key(asset)) : null;
  }

  private async row(sha256: string) {
    return this.db().selectFrom("assets").select(["sha256", "media_type", "bytes"]).where("sha256", "=", sha256).executeTakeFirst();
  }
}
