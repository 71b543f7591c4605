import "server-only";
import { sql } from "kysely";
import { getDb, inTransaction, type Db } from "./connection";
import { createGallery, getGallery } from "./galleries";
import { newId, nowIso } from "./ids";

/**
 * Copies a gallery into a new one a visitor owns: new id and edit token, the same exhibits with their full
 * version history and the discovered tools. Assets are shared by hash, so nothing is copied on disk.
 * Builds and their events stay with the original. Exhibits caught mid-generation come over as their last
 * result (ready) or, without one, as planned, since no build will finish them in the copy.
 */
export async function remixGallery(sourceId: string, opts: { title?: string } = {}, db: Db = getDb()): Promise<{ id: string; editToken: string } | null> {
  return inTransaction(db, async (trx) => {
    const source = await getGallery(sourceId, trx);
    if (!source) return null;
    const { id, editToken } = await createGallery(
      { title: opts.title ?? source.title, goal: source.goal, theme: source.theme, remixedFrom: source.id },
      trx,
    );
    const now = nowIso();
    const exhibits = await trx.selectFrom("exhibits").select("id").where("gallery_id", "=", sourceId).execute();
    for (const { id: oldId } of exhibits) {
      const fresh = newId();
      await trx
        .insertInto("exhibits")
        .columns(["id", "gallery_id", "key", "ord", "title", "description", "prompt", "seed", "status", "error", "placement", "image_sha",
          "model_sha", "original_model_sha", "height", "version", "provenance", "created_at", "updated_at"])
        .expression(
          trx
            .selectFrom("exhibits")
            .select([
              sql.val(fresh).as("id"),
              sql.val(id).as("gallery_id"),
              "key",
              "ord",
              "title",
              "description",
              "prompt",
              "seed",
              sql<string>`CASE WHEN status IN ('drawing','modelling') THEN (CASE WHEN version > 0 THEN 'ready' ELSE 'planned' END) ELSE status END`.as("status"),
              sql<string | null>`CASE WHEN status IN ('drawing','modelling') THEN NULL ELSE error END`.as("error"),
              "placement",
              "image_sha",
              "model_sha",
              "original_model_sha",
              "height",
              "version",
              "provenance",
              sql.val(now).as("created_at"),
              sql.val(now).as("updated_at"),
            ])
            .where("id", "=", oldId),
        )
        .execute();
      await trx
        .insertInto("exhibit_versions")
        .columns(["exhibit_id", "version", "title", "description", "prompt", "seed", "image_sha", "model_sha", "original_model_sha", "height", "provenance", "created_at"])
        .expression(
          trx
            .selectFrom("exhibit_versions")
            .select([sql.val(fresh).as("exhibit_id"), "version", "title", "description", "prompt", "seed", "image_sha", "model_sha", "original_model_sha", "height", "provenance", "created_at"])
            .where("exhibit_id", "=", oldId),
        )
        .execute();
    }
    await trx
      .insertInto("gallery_tools")
      .columns(["gallery_id", "space", "tool", "added_at"])
      .expression(trx.selectFrom("gallery_tools").select([sql.val(id).as("gallery_id"), "space", "tool", "added_at"]).where("gallery_id", "=", sourceId))
      .execute();
    return { id, editToken };
  });
}
