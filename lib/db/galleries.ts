import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { getDb, type Db } from "./connection";
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
export async function createGallery(input: NewGallery, db: Db = getDb()): Promise<{ id: string; editToken: string; gallery: GalleryRecord }> {
  const data = newGallerySchema.parse(input);
  const id = newId();
  const editToken = newEditToken();
  const createdAt = nowIso();
  await db
    .insertInto("galleries")
    .values({ id, title: data.title, goal: data.goal, theme: data.theme, created_at: createdAt, edit_token_hash: hashToken(editToken), remixed_from: data.remixedFrom })
    .execute();
  return {
    id,
    editToken,
    gallery: { id, title: data.title, goal: data.goal, theme: data.theme, createdAt, remixedFrom: data.remixedFrom },
  };
}

export async function getGallery(id: string, db: Db = getDb()): Promise<GalleryRecord | null> {
  const row = await db.selectFrom("galleries").select(["id", "title", "goal", "theme", "created_at", "remixed_from"]).where("id", "=", id).executeTakeFirst();
  return row ? toGalleryRecord(row) : null;
}

export async function updateGallery(id: string, patch: GalleryPatch, db: Db = getDb()): Promise<GalleryRecord> {
  const data = galleryPatchSchema.parse(patch);
  const set = {
    ...(data.title !== undefined ? { title: data.title } : {}),
    ...(data.goal !== undefined ? { goal: data.goal } : {}),
    ...(data.theme !== undefined ? { theme: data.theme } : {}),
  };
  // Nothing to change still names the gallery: a missing one is reported either way.
  const result = Object.keys(set).length
    ? await db.updateTable("galleries").set(set).where("id", "=", id).executeTakeFirst()
    : { numUpdatedRows: (await getGallery(id, db)) ? 1n : 0n };
  if (result.numUpdatedRows === 0n) throw new NotFoundError("gallery", id);
  return (await getGallery(id, db))!;
}

// Compared against when the gallery does not exist, so a miss costs the same work as a wrong token.
const DUMMY_HASH = hashToken("vernissage: no such gallery");

/** True when `token` is the edit token of gallery `galleryId`. Constant-time in the token. */
export async function verifyEditToken(galleryId: string, token: string | null | undefined, db: Db = getDb()): Promise<boolean> {
  const row = await db.selectFrom("galleries").select("edit_token_hash").where("id", "=", galleryId).executeTakeFirst();
  const stored = row ? Buffer.from(row.edit_token_hash) : DUMMY_HASH;
  // Hash first: both sides are then 32 bytes whatever the input, as timingSafeEqual requires.
  const given = hashToken(typeof token === "string" ? token : "");
  const same = stored.length === given.length && crypto.timingSafeEqual(stored, given);
  return same && row !== undefined && typeof token === "string" && token.length > 0;
}

export async function deleteGallery(id: string, db: Db = getDb()): Promise<boolean> {
  const result = await db.deleteFrom("galleries").where("id", "=", id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
