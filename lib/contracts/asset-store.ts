// Content-addressed asset storage: bytes in, sha256 out. Immutable once written, so URLs can be cached forever.
// The embedded implementation writes files under DATA_DIR; an S3-compatible store can implement the same interface.

export type AssetMediaType = "image/png" | "image/jpeg" | "image/webp" | "model/gltf-binary" | "application/ply" | "application/x-spz" | "text/html";

export interface StoredAsset {
  sha256: string;
  mediaType: AssetMediaType;
  bytes: number;
}

export interface AssetStore {
  /** Stores bytes (idempotent: the same bytes give the same sha256) and returns their address. */
  put(bytes: Uint8Array, mediaType: AssetMediaType): Promise<StoredAsset>;
  /** The bytes, or null when no such asset exists. */
  get(sha256: string): Promise<Buffer | null>;
  /** Metadata without reading the bytes. */
  stat(sha256: string): Promise<StoredAsset | null>;
  /** The bytes as a stream, for serving large files without holding them in memory (optional). */
  stream?(sha256: string): Promise<ReadableStream<Uint8Array> | null>;
}

/**
 * The immutable URL the browser loads an asset from: served by the app at /assets/…, or from `publicBase` (a
 * CDN in front of the asset bucket, ASSET_PUBLIC_URL) when one is set.
 */
export function assetUrl(asset: Pick<StoredAsset, "sha256" | "mediaType">, publicBase?: string): string {
  return `${publicBase ?? "/assets"}/${asset.sha256}.${extensionFor(asset.mediaType)}`;
}

export function extensionFor(mediaType: AssetMediaType): string {
  switch (mediaType) {
    case "image/png":
      return "png";
    case "image/jpeg":
      return "jpg";
    case "image/webp":
      return "webp";
    case "model/gltf-binary":
      return "glb";
    case "application/ply":
      return "ply";
    case "application/x-spz":
      return "spz";
    case "text/html":
      return "html";
  }
}

/** What kind of 3D model a media type holds: a Gaussian splat (`.ply` from a splat Space, `.spz` served) or a mesh (GLB). */
export function modelKindOf(mediaType: AssetMediaType): "mesh" | "splat" {
  return mediaType === "application/ply" || mediaType === "application/x-spz" ? "splat" : "mesh";
}
