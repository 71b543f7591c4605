import "server-only";
import { assetUrl, modelKindOf, type AssetMediaType } from "@/lib/contracts/asset-store";
import type { ExhibitView, GalleryView } from "@/lib/contracts/gallery-view";
import { getDb, inSnapshot, type Db } from "./connection";
import { configValue } from "@/lib/platform/config";
import { latestBuild } from "./builds";
import { getExhibit, listExhibits, toExhibitVersionRecord, type ExhibitRecord } from "./exhibits";
import { getGallery } from "./galleries";

/**
 * The gallery as the browser sees it (GET /api/galleries/{id}): exhibits in hall order with immutable asset
 * URLs, their version history and provenance, and the latest build. Read in one transaction, so a build
 * writing meanwhile never shows half an update.
 */
export async function getGalleryView(id: string, db: Db = getDb()): Promise<GalleryView | null> {
  return inSnapshot(db, async (trx): Promise<GalleryView | null> => {
    const gallery = await getGallery(id, trx);
    if (!gallery) return null;
    const build = await latestBuild(id, trx);
    return {
      id: gallery.id,
      title: gallery.title,
      goal: gallery.goal,
      theme: gallery.theme,
      createdAt: gallery.createdAt,
      exhibits: await exhibitViews(await listExhibits(id, trx), trx),
      build: build ? { id: build.id, status: build.status } : null,
    };
  });
}

/** One exhibit as getGalleryView shows it (what a live update sends), without reading the rest of the gallery. */
export async function getExhibitView(galleryId: string, exhibitId: string, db: Db = getDb()): Promise<ExhibitView | null> {
  return inSnapshot(db, async (trx): Promise<ExhibitView | null> => {
    const exhibit = await getExhibit(exhibitId, trx);
    if (!exhibit || exhibit.galleryId !== galleryId) return null;
    return (await exhibitViews([exhibit], trx))[0] ?? null;
  });
}

async function exhibitViews(exhibits: ExhibitRecord[], db: Db): Promise<ExhibitView[]> {
  if (exhibits.length === 0) return [];
  const versionRows = await db
    .selectFrom("exhibit_versions")
    .selectAll()
    .where("exhibit_id", "in", exhibits.map((e) => e.id))
    .orderBy("exhibit_id")
    .orderBy("version")
    .execute();
  const versions = versionRows.map(toExhibitVersionRecord);

  // Asset URLs carry the extension of the stored media type: look them all up at once.
  const shas = new Set<string>();
  for (const e of exhibits) for (const s of [e.imageSha, e.modelSha, e.originalModelSha]) if (s) shas.add(s);
  for (const v of versions) for (const s of [v.imageSha, v.modelSha]) if (s) shas.add(s);
  const mediaTypes = new Map<string, AssetMediaType>();
  if (shas.size > 0) {
    const rows = await db.selectFrom("assets").select(["sha256", "media_type"]).where("sha256", "in", [...shas]).execute();
    for (const r of rows) mediaTypes.set(r.sha256, r.media_type);
  }
  const publicBase = configValue("ASSET_PUBLIC_URL");
  const kind = (sha: string | null) => {
    const mediaType = sha ? mediaTypes.get(sha) : undefined;
    return mediaType ? modelKindOf(mediaType) : "mesh";
  };
  const url = (sha: string | null): string | null => {
    const mediaType = sha ? mediaTypes.get(sha) : undefined;
    return sha && mediaType ? assetUrl({ sha256: sha, mediaType }, publicBase) : null;
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
