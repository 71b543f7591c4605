import type { AssetMediaType } from "@/lib/contracts/asset-store";
import type { GalleryView } from "@/lib/contracts/gallery-view";

// The stored files a gallery view points at, by their immutable URLs (/assets/{sha}.{ext}).

const ASSET_URL = /^\/assets\/([0-9a-f]{64})\.(png|jpg|webp|glb|ply|spz)$/;

const MEDIA_TYPES: Record<string, AssetMediaType> = {
  png: "image/png",
  jpg: "image/jpeg",
  webp: "image/webp",
  glb: "model/gltf-binary",
  ply: "application/ply",
  spz: "application/x-spz",
};

export interface AssetRef {
  sha256: string;
  ext: string;
  mediaType: AssetMediaType;
  /** Its path inside an export: assets/{sha}.{ext} (the URL without its leading slash). */
  path: string;
}

export function assetRef(url: string | null): AssetRef | null {
  const m = url ? ASSET_URL.exec(url) : null;
  if (!m) return null;
  return { sha256: m[1]!, ext: m[2]!, mediaType: MEDIA_TYPES[m[2]!]!, path: `assets/${m[1]}.${m[2]}` };
}

/** Each file the gallery shows now (served models, pictures, originals), once, in exhibit order. */
export function currentAssets(view: GalleryView): AssetRef[] {
  const seen = new Map<string, AssetRef>();
  for (const e of view.exhibits) {
    for (const url of [e.modelUrl, e.imageUrl, e.originalModelUrl]) {
      const ref = assetRef(url);
      if (ref && !seen.has(ref.sha256)) seen.set(ref.sha256, ref);
    }
  }
  return [...seen.values()];
}

/** The view with every asset URL made relative to the export's root (`assets/…`), as the zip's gallery.json. */
export function relativeView(view: GalleryView): GalleryView {
  const rel = (url: string | null) => assetRef(url)?.path ?? null;
  return {
    ...view,
    exhibits: view.exhibits.map((e) => ({
      ...e,
      modelUrl: rel(e.modelUrl),
      imageUrl: rel(e.imageUrl),
      originalModelUrl: rel(e.originalModelUrl),
      // Earlier versions' files are not exported: only what the gallery shows now.
      versions: e.versions.map((v) => ({ ...v, imageUrl: v.version === e.version ? rel(v.imageUrl) : null, modelUrl: v.version === e.version ? rel(v.modelUrl) : null })),
    })),
  };
}
