import "server-only";
import { assetUrl, modelKindOf, type AssetMediaType } from "@/lib/contracts/asset-store";
import type { ExhibitView, GalleryView } from "@/lib/contracts/gallery-view";
import { getDb, stmt, type Db } from "./connection";
import { latestBuild } from "./builds";
import { getExhibit, listExhibits, toExhibitVersionRecord, type ExhibitRecord, type ExhibitVersionRow } from "./exhibits";
import { getGallery } from "./galleries";

/**
 * The gallery as the browser sees it (GET /api/galleries/{id}): exhibits in hall order with immutable asset
 * URLs, their version history and provenance, and the latest build. Read in one transaction, so a build
 * writing meanwhile never shows half an update.
 */
export function getGalleryView(id: string, db: Db = getDb()): GalleryView | null {
  return db.transaction((): GalleryView | null => {
    const gallery = getGallery(id, db);
    if (!gallery) return null;
    const build = latestBuild(id, db);
    return {
      id: gallery.id,
      title: gallery.title,
      goal: gallery.goal,
      theme: gallery.theme,
      createdAt: gallery.createdAt,
      exhibits: exhibitViews(listExhibits(id, db), db),
      build: build ? { id: build.id, status: build.status } : null,
    };
  })();
}

/** One exhibit as getGalleryView shows it (what a live update sends), without reading the rest of the gallery. */
export function getExhibitView(galleryId: string, exhibitId: string, db: Db = getDb()): ExhibitView | null {
  return db.transaction((): ExhibitView | null => {
    const exhibit = getExhibit(exhibitId, db);
    if (!exhibit || exhibit.galleryId !== galleryId) return null;
    return exhibitViews([exhibit], db)[0] ?? null;
  })();
}

function exhibitViews(exhibits: ExhibitRecord[], db: Db): ExhibitView[] {
  if (exhibits.length === 0) return [];
  const versionRows = stmt(db, `SELECT * FROM exhibit_versions WHERE exhibit_id IN (SELECT value FROM json_each(?)) ORDER BY exhibit_id, version`).all(
    JSON.stringify(exhibits.map((e) => e.id)),
  ) as ExhibitVersionRow[];
  const versions = versionRows.map(toExhibitVersionRecord);

  // Asset URLs carry the extension of the stored media type: look them all up at once.
  const shas = new Set<string>();
  for (const e of exhibits) for (const s of [e.imageSha, e.modelSha, e.originalModelSha]) if (s) shas.add(s);
  for (const v of versions) for (const s of [v.imageSha, v.modelSha]) if (s) shas.add(s);
  const mediaTypes = new Map<string, AssetMediaType>();
  if (shas.size > 0) {
    const rows = stmt(db, `SELECT sha256, media_type FROM assets WHERE sha256 IN (SELECT value FROM json_each(?))`).all(JSON.stringify([...shas])) as {
      sha256: string;
      media_type: AssetMediaType;
    }[];
    for (const r of rows) mediaTypes.set(r.sha256, r.media_type);
  }
  const kind = (sha: string | null) => {
    const mediaType = sha ? mediaTypes.get(sha) : undefined;
    return mediaType ? modelKindOf(mediaType) : "mesh";
  };
  const url = (sha: string | null): string | null => {
    const mediaType = sha ? mediaTypes.get(sha) : undefined;
    return sha && mediaType ? assetUrl({ sha256: sha, mediaType }) : null;
  };

  return exhibits.map((e) => ({
    id: e.id,
    key: e.key,
    title: e.title,
    description: e.description,
    prompt: e.prompt,
    seed: e.seed,
    status: e.status,
    error: e.error,
    order: e.order,
    placement: e.placement,
    kind: kind(e.modelSha),
    modelUrl: url(e.modelSha),
    originalModelUrl: url(e.originalModelSha),
    imageUrl: url(e.imageSha),
    height: e.height,
    version: e.version,
    versions: versions
      .filter((v) => v.exhibitId === e.id)
      .map((v) => ({ version: v.version, kind: kind(v.modelSha), prompt: v.prompt, seed: v.seed, imageUrl: url(v.imageSha), modelUrl: url(v.modelSha), createdAt: v.createdAt })),
    provenance: e.provenance,
  }));
}
