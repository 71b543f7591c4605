import "server-only";
import { getDb, stmt, type Db } from "./connection";
import { createGallery, getGallery } from "./galleries";
import { newId, nowIso } from "./ids";

/**
 * Copies a gallery into a new one a visitor owns: new id and edit token, the same exhibits with their full
 * version history and the discovered tools. Assets are shared by hash, so nothing is copied on disk.
 * Builds and their events stay with the original. Exhibits caught mid-generation come over as their last
 * result (ready) or, without one, as planned, since no build will finish them in the copy.
 */
export function remixGallery(sourceId: string, opts: { title?: string } = {}, db: Db = getDb()): { id: string; editToken: string } | null {
  return db.transaction(() => {
    const source = getGallery(sourceId, db);
    if (!source) return null;
    const { id, editToken } = createGallery(
      { title: opts.title ?? source.title, goal: source.goal, theme: source.theme, remixedFrom: source.id },
      db,
    );
    const now = nowIso();
    const exhibits = stmt(db, `SELECT id FROM exhibits WHERE gallery_id = ?`).all(sourceId) as { id: string }[];
    const copyExhibit = stmt(db, 
      `INSERT INTO exhibits (id, gallery_id, key, ord, title, description, prompt, seed, status, error, placement, image_sha,
         model_sha, original_model_sha, height, version, provenance, created_at, updated_at)
       SELECT @newId, @galleryId, key, ord, title, description, prompt, seed,
         CASE WHEN status IN ('drawing','modelling') THEN (CASE WHEN version > 0 THEN 'ready' ELSE 'planned' END) ELSE status END,
         CASE WHEN status IN ('drawing','modelling') THEN NULL ELSE error END,
         placement, image_sha, model_sha, original_model_sha, height, version, provenance, @now, @now
       FROM exhibits WHERE id = @oldId`,
    );
    const copyVersions = stmt(db, 
      `INSERT INTO exhibit_versions (exhibit_id, version, title, description, prompt, seed, image_sha, model_sha,
         original_model_sha, height, provenance, created_at)
       SELECT @newId, version, title, description, prompt, seed, image_sha, model_sha, original_model_sha, height, provenance, created_at
       FROM exhibit_versions WHERE exhibit_id = @oldId`,
    );
    for (const { id: oldId } of exhibits) {
      const params = { newId: newId(), oldId, galleryId: id, now };
      copyExhibit.run(params);
      copyVersions.run(params);
    }
    stmt(db, 
      `INSERT INTO gallery_tools (gallery_id, space, tool, added_at) SELECT ?, space, tool, added_at FROM gallery_tools WHERE gallery_id = ?`,
    ).run(id, sourceId);
    return { id, editToken };
  }).immediate();
}
