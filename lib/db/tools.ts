import "server-only";
import { z } from "zod";
import { getDb, stmt, type Db } from "./connection";
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
export function putGalleryTool(galleryId: string, space: string, tool: Record<string, unknown>, db: Db = getDb()): GalleryTool {
  const s = spaceSchema.parse(space);
  const json = JSON.stringify(jsonObjectSchema.parse(tool));
  stmt(db, 
    `INSERT INTO gallery_tools (gallery_id, space, tool, added_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (gallery_id, space) DO UPDATE SET tool = excluded.tool`,
  ).run(galleryId, s, json, nowIso());
  return getGalleryTool(galleryId, s, db)!;
}

export function getGalleryTool(galleryId: string, space: string, db: Db = getDb()): GalleryTool | null {
  const row = stmt(db, `SELECT * FROM gallery_tools WHERE gallery_id = ? AND space = ?`).get(galleryId, space) as ToolRow | undefined;
  return row ? toTool(row) : null;
}

/** The gallery's discovered tools, in the order they were added. */
export function listGalleryTools(galleryId: string, db: Db = getDb()): GalleryTool[] {
  const rows = stmt(db, `SELECT * FROM gallery_tools WHERE gallery_id = ? ORDER BY added_at, space`).all(galleryId) as ToolRow[];
  return rows.map(toTool);
}

export function removeGalleryTool(galleryId: string, space: string, db: Db = getDb()): boolean {
  return stmt(db, `DELETE FROM gallery_tools WHERE gallery_id = ? AND space = ?`).run(galleryId, space).changes > 0;
}
