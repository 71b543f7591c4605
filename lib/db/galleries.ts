import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { getDb, stmt, type Db } from "./connection";
import { NotFoundError } from "./errors";
import { hashToken, newEditToken, newId, nowIso } from "./ids";

export interface GalleryRecord {
  id: string;
  title: string;
  goal: string;
  theme: string;
  createdAt: string;
  remixedFrom: string | null;
}

interface GalleryRow {
  id: string;
  title: string;
  goal: string;
  theme: string;
  created_at: string;
  remixed_from: string | null;
}

const newGallerySchema = z.object({
  title: z.string().max(200),
  goal: z.string().max(4000),
  theme: z.string().max(200).default(""),
  remixedFrom: z.string().nullable().default(null),
});
export type NewGallery = z.input<typeof newGallerySchema>;

const galleryPatchSchema = z.object({
  title: z.string().max(200).optional(),
  goal: z.string().max(4000).optional(),
  theme: z.string().max(200).optional(),
});
export type GalleryPatch = z.input<typeof galleryPatchSchema>;

export function toGalleryRecord(row: GalleryRow): GalleryRecord {
  return {
    id: row.id,
    title: row.title,
    goal: row.goal,
    theme: row.theme,
    createdAt: row.created_at,
    remixedFrom: row.remixed_from,
  };
}

/**
 * Creates a gallery and its edit token. The token is returned once, here, and never stored: only its
 * SHA-256 is, so a leaked database does not grant editing.
 */
export function createGallery(input: NewGallery, db: Db = getDb()): { id: string; editToken: string; gallery: GalleryRecord } {
  const data = newGallerySchema.parse(input);
  const id = newId();
  const editToken = newEditToken();
  const createdAt = nowIso();
  stmt(db, 
    `INSERT INTO galleries (id, title, goal, theme, created_at, edit_token_hash, remixed_from)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, data.title, data.goal, data.theme, createdAt, hashToken(editToken), data.remixedFrom);
  return {
    id,
    editToken,
    gallery: { id, title: data.title, goal: data.goal, theme: data.theme, createdAt, remixedFrom: data.remixedFrom },
  };
}

export function getGallery(id: string, db: Db = getDb()): GalleryRecord | null {
  const row = stmt(db, `SELECT id, title, goal, theme, created_at, remixed_from FROM galleries WHERE id = ?`)
    .get(id) as GalleryRow | undefined;
  return row ? toGalleryRecord(row) : null;
}

export function updateGallery(id: string, patch: GalleryPatch, db: Db = getDb()): GalleryRecord {
  const data = galleryPatchSchema.parse(patch);
  const { changes } = stmt(db, `UPDATE galleries SET title = coalesce(?, title), goal = coalesce(?, goal), theme = coalesce(?, theme) WHERE id = ?`)
    .run(data.title ?? null, data.goal ?? null, data.theme ?? null, id);
  if (changes === 0) throw new NotFoundError("gallery", id);
  return getGallery(id, db)!;
}

// Compared against when the gallery does not exist, so a miss costs the same work as a wrong token.
const DUMMY_HASH = hashToken("vernissage: no such gallery");

/** True when `token` is the edit token of gallery `galleryId`. Constant-time in the token. */
export function verifyEditToken(galleryId: string, token: string | null | undefined, db: Db = getDb()): boolean {
  const row = stmt(db, `SELECT edit_token_hash FROM galleries WHERE id = ?`).get(galleryId) as
    | { edit_token_hash: Buffer }
    | undefined;
  const stored = row?.edit_token_hash ?? DUMMY_HASH;
  // Hash first: both sides are then 32 bytes whatever the input, as timingSafeEqual requires.
  const given = hashToken(typeof token === "string" ? token : "");
  const same = stored.length === given.length && crypto.timingSafeEqual(stored, given);
  return same && row !== undefined && typeof token === "string" && token.length > 0;
}

export function deleteGallery(id: string, db: Db = getDb()): boolean {
  return stmt(db, `DELETE FROM galleries WHERE id = ?`).run(id).changes > 0;
}
