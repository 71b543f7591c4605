import "server-only";
import { getDb, type Db } from "@/lib/db/connection";
import type { ObjectStorage } from "@/lib/platform/object-storage";
import { IndexedAssetStore } from "./indexed-store";
import { extensionFor, type StoredAsset } from "../contracts/asset-store";

/**
 * Assets in S3-compatible storage (ASSET_STORE=s3), indexed in the `assets` table exactly like the file store
 * (indexed-store.ts). The key is the public file name under `assets/`, so a CDN in front of the bucket
 * (ASSET_PUBLIC_URL) serves `/<sha>.<ext>` with nothing to translate.
 */
export class ObjectAssetStore extends IndexedAssetStore {
  constructor(
    private readonly storage: ObjectStorage,
    db: Db | (() => Db) = getDb,
  ) {
    super(db);
  }

  /** The object key of an asset. */
  static key(asset: Pick<StoredAsset, "sha256" | "mediaType">): string {
    return `assets/${asset.sha256}.${extensionFor(asset.mediaType)}`;
  }

  protected async writeBytes(asset: StoredAsset, bytes: Uint8Array, indexed: boolean): Promise<void> {
    // Immutable: an object with a row is complete; without a row it may be a crashed put's, and is written again.
    if (!indexed) await this.storage.put(ObjectAssetStore.key(asset), bytes, asset.mediaType);
  }

  protected readBytes(asset: StoredAsset): Promise<Buffer | null> {
    return this.storage.get(ObjectAssetStore.key(asset));
  }

  protected streamBytes(asset: StoredAsset): Promise<ReadableStream<Uint8Array> | null> {
    return this.storage.stream(ObjectAssetStore.key(asset));
  }
}
