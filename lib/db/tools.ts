import "server-only";
import { z } from "zod";
import { getDb, type Db } from "./connection";
import { nowIso } from "./ids";
import { jsonObjectSchema, parseJson } from "./schemas";

/** A Space discovered into a gallery's toolbox. `tool` is the toolbox's own description of it (JSON). */
export interface GalleryTool {
  galleryId: string;
  /** Space id (`owner/name`) or URL. */
  space: string;
  tool: Record<string, unknown>;
  addedAt: string;
}

interface ToolRow {
  gallery_id: string;
  space: string;
  tool: string;
  added_at: string;
}

const spaceSchema = z.string().min(1).max(500);

function toTool(row: ToolRow): GalleryTool {
  return { galleryId: row.gallery_id, space: row.space, tool: parseJson<Record<string, unknown>>(row.tool), addedAt: row.added_at };
}

/** Adds the Space to the gallery's toolbox, or replaces its description (keeping when it was first added). */
export async function putGalleryTool(galleryId: string, space: string, tool: Record<string, unknown>, db: Db = getDb()): Promise<GalleryTool> {
  const s = spaceSchema.parse(space);
  const json = JSON.stringify(jsonObjectSchema.parse(tool));
  await db
    .insertInto("gallery_tools")
    .values({ gallery_id: galleryId, space: s, tool: json, added_at: nowIso() })
    .onConflict((oc) => oc.columns(["gallery_id", "space"]).doUpdateSet({ tool: json }))
    .execute();
  return (await getGalleryTool(galleryId, s, db))!;
}

export async function getGalleryTool(galleryId: string, space: string, db: Db = getDb()): Promise<GalleryTool | null> {
  const row = await db.selectFrom("gallery_tools").selectAll().where("gallery_id", "=", galleryId).where("space", "=", space).executeTakeFirst();
  return row ? toTool(row) : null;
}

/** The gallery's discovered tools, in the order they were added. */
export async function listGalleryTools(galleryId: string, db: Db = getDb()): Promise<GalleryTool[]> {
  const rows = await db.selectFrom("gallery_tools").selectAll().where("gallery_id", "=", galleryId).orderBy("added_at").orderBy("space").execute();
  return rows.map(toTool);
}

export async function removeGalleryTool(galleryId: string, space: string, db: Db = getDb()): Promise<boolean> {
  const result = await db.deleteFrom("gallery_tools").where("gallery_id", "=", galleryId).where("space", "=", space).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
