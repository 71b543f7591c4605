import "server-only";
import { z } from "zod";
import { exhibitStatuses, statusChangeProblem, type ExhibitStatus } from "@/lib/contracts/exhibit-status";
import { placementSchema, spaceCallRecordSchema, vec3Schema, type ExhibitCore, type Placement, type SpaceCallRecord } from "@/lib/contracts/gallery-view";
import { sql, type Selectable } from "kysely";
import type { ExhibitsTable, ExhibitVersionsTable } from "./schema";
import { getDb, inTransaction, lockRow, type Db } from "./connection";
import { InvalidTransitionError, NotFoundError } from "./errors";
import { newId, nowIso } from "./ids";
import { DEFAULT_PLACEMENT, parseJson, seedSchema, sha256Schema } from "./schemas";

const provenanceSchema = z.array(spaceCallRecordSchema);

/** An exhibit as stored: the fields every view shows (ExhibitCore), plus where its assets and gallery are. */
export interface ExhibitRecord extends ExhibitCore {
  galleryId: string;
  imageSha: string | null;
  modelSha: string | null;
  originalModelSha: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One result in an exhibit's history: what it was made from and what it made. */
export interface ExhibitVersionRecord extends Pick<ExhibitCore, "version" | "title" | "description" | "prompt" | "seed" | "height" | "provenance"> {
  exhibitId: string;
  imageSha: string | null;
  modelSha: string | null;
  originalModelSha: string | null;
  createdAt: string;
}

/** An exhibit row as the database returns it (the table as Kysely sees it: schema.ts). */
export type ExhibitRow = Selectable<ExhibitsTable>;

export type ExhibitVersionRow = Selectable<ExhibitVersionsTable>;

export function toExhibitRecord(row: ExhibitRow): ExhibitRecord {
  return {
    id: row.id,
    galleryId: row.gallery_id,
    key: row.key,
    order: row.ord,
    title: row.title,
    description: row.description,
    prompt: row.prompt,
    seed: row.seed,
    status: row.status,
    error: row.error,
    placement: parseJson<Placement>(row.placement),
    imageSha: row.image_sha,
    modelSha: row.model_sha,
    originalModelSha: row.original_model_sha,
    height: row.height,
    version: row.version,
    provenance: parseJson<SpaceCallRecord[]>(row.provenance),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toExhibitVersionRecord(row: ExhibitVersionRow): ExhibitVersionRecord {
  return {
    exhibitId: row.exhibit_id,
    version: row.version,
    title: row.title,
    description: row.description,
    prompt: row.prompt,
    seed: row.seed,
    imageSha: row.image_sha,
    modelSha: row.model_sha,
    originalModelSha: row.original_model_sha,
    height: row.height,
    provenance: parseJson<SpaceCallRecord[]>(row.provenance),
    createdAt: row.created_at,
  };
}

const newExhibitSchema = z.object({
  key: z.string().min(1).max(100).optional(),
  title: z.string().max(200),
  description: z.string().max(4000).default(""),
  prompt: z.string().max(4000),
  seed: seedSchema.default(0),
  order: z.number().int().optional(),
  placement: placementSchema.optional(),
  status: z.enum(exhibitStatuses).exclude(["ready"]).default("planned"),
});
export type NewExhibit = z.input<typeof newExhibitSchema>;

const specPatchSchema = z.object({
  title: z.string().max(200).optional(),
  description: z.string().max(4000).optional(),
  prompt: z.string().max(4000).optional(),
  seed: seedSchema.optional(),
});
export type ExhibitSpecPatch = z.input<typeof specPatchSchema>;

const resultSchema = z
  .object({
    imageSha: sha256Schema.nullable(),
    modelSha: sha256Schema.nullable(),
    originalModelSha: sha256Schema.nullable().default(null),
    height: z.number().finite().nonnegative(),
    provenance: provenanceSchema.default([]),
    // What the result was actually made from, when the agent changed it on the way.
    title: z.string().max(200).optional(),
    description: z.string().max(4000).optional(),
    prompt: z.string().max(4000).optional(),
    seed: seedSchema.optional(),
  })
  .refine((r) => r.imageSha !== null || r.modelSha !== null, "a result needs an image or a model");
export type ExhibitResult = z.input<typeof resultSchema>;

const placementPatchSchema = z.object({
  position: vec3Schema.optional(),
  rotationY: z.number().finite().optional(),
  scale: z.number().finite().positive().optional(),
});

const COLUMNS = [
  "id", "gallery_id", "key", "ord", "title", "description", "prompt", "seed", "status", "error", "placement", "image_sha",
  "model_sha", "original_model_sha", "height", "version", "provenance", "created_at", "updated_at",
] as const;

export async function getExhibit(id: string, db: Db = getDb()): Promise<ExhibitRecord | null> {
  const row = await db.selectFrom("exhibits").select(COLUMNS).where("id", "=", id).executeTakeFirst();
  return row ? toExhibitRecord(row) : null;
}

export async function getExhibitByKey(galleryId: string, key: string, db: Db = getDb()): Promise<ExhibitRecord | null> {
  const row = await db.selectFrom("exhibits").select(COLUMNS).where("gallery_id", "=", galleryId).where("key", "=", key).executeTakeFirst();
  return row ? toExhibitRecord(row) : null;
}

/** The gallery's exhibits in hall order. */
export async function listExhibits(galleryId: string, db: Db = getDb()): Promise<ExhibitRecord[]> {
  const rows = await db.selectFrom("exhibits").select(COLUMNS).where("gallery_id", "=", galleryId).orderBy("ord").orderBy("created_at").orderBy("id").execute();
  return rows.map(toExhibitRecord);
}

/** Every result the exhibit has had, oldest first. */
export async function listExhibitVersions(exhibitId: string, db: Db = getDb()): Promise<ExhibitVersionRecord[]> {
  const rows = await db.selectFrom("exhibit_versions").selectAll().where("exhibit_id", "=", exhibitId).orderBy("version").execute();
  return rows.map(toExhibitVersionRecord);
}

/** The exhibit, locked for the rest of the transaction (on PostgreSQL) so a read-modify-write sees its latest state. */
async function mustGet(id: string, db: Db): Promise<ExhibitRecord> {
  if (db.isTransaction) await lockRow(db, "exhibits", id);
  const exhibit = await getExhibit(id, db);
  if (!exhibit) throw new NotFoundError("exhibit", id);
  return exhibit;
}

function isForeignKeyViolation(err: unknown): boolean {
  // SQLite (better-sqlite3) and PostgreSQL (pg: SQLSTATE 23503) name it differently.
  return err instanceof Error && "code" in err && (err.code === "SQLITE_CONSTRAINT_FOREIGNKEY" || err.code === "23503");
}

/** Adds an exhibit at the end of the hall (or at `order`). */
export async function createExhibit(galleryId: string, input: NewExhibit, db: Db = getDb()): Promise<ExhibitRecord> {
  const data = newExhibitSchema.parse(input);
  return inTransaction(db, async (trx) => {
    // The gallery's row orders concurrent creators on PostgreSQL, so two never take the same next place.
    await lockRow(trx, "galleries", galleryId);
    const order =
      data.order ??
      Number(
        (
          await trx
            .selectFrom("exhibits")
            .select(sql<number>`coalesce(max(ord), -1) + 1`.as("next"))
            .where("gallery_id", "=", galleryId)
            .executeTakeFirstOrThrow()
        ).next,
      );
    const id = newId();
    const now = nowIso();
    try {
      await trx
        .insertInto("exhibits")
        .values({
          id,
          gallery_id: galleryId,
          key: data.key ?? id,
          ord: order,
          title: data.title,
          description: data.description,
          prompt: data.prompt,
          seed: data.seed,
          status: data.status,
          placement: JSON.stringify(data.placement ?? DEFAULT_PLACEMENT),
          created_at: now,
          updated_at: now,
        })
        .execute();
    } catch (err) {
      if (isForeignKeyViolation(err)) throw new NotFoundError("gallery", galleryId);
      throw err;
    }
    return mustGet(id, trx);
  });
}

/** Adds several exhibits at once (a plan): all or none. */
export async function createExhibits(galleryId: string, inputs: NewExhibit[], db: Db = getDb()): Promise<ExhibitRecord[]> {
  return inTransaction(db, async (trx) => {
    const created: ExhibitRecord[] = [];
    for (const input of inputs) created.push(await createExhibit(galleryId, input, trx));
    return created;
  });
}

/** Changes what the exhibit should depict (swap, edited prompt) without touching its current result. */
export async function updateExhibitSpec(id: string, patch: ExhibitSpecPatch, db: Db = getDb()): Promise<ExhibitRecord> {
  const data = specPatchSchema.parse(patch);
  const result = await db
    .updateTable("exhibits")
    .set({
      ...(data.title !== undefined ? { title: data.title } : {}),
      ...(data.description !== undefined ? { description: data.description } : {}),
      ...(data.prompt !== undefined ? { prompt: data.prompt } : {}),
      ...(data.seed !== undefined ? { seed: data.seed } : {}),
      updated_at: nowIso(),
    })
    .where("id", "=", id)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new NotFoundError("exhibit", id);
  return mustGet(id, db);
}

export interface StatusChange {
  /** Required when the new status is `failed`: what went wrong, in words a person can act on. */
  error?: string | null;
  /** The calls made so far, e.g. the failed ones, shown in the info panel. */
  provenance?: SpaceCallRecord[];
}

export async function setExhibitStatus(id: string, status: ExhibitStatus, change: StatusChange = {}, db: Db = getDb()): Promise<ExhibitRecord> {
  const provenance = change.provenance === undefined ? undefined : provenanceSchema.parse(change.provenance);
  return inTransaction(db, async (trx) => {
    const current = await mustGet(id, trx);
    // The lifecycle is a domain rule (lib/contracts/exhibit-status.ts); this is where it is enforced.
    const problem = statusChangeProblem({ from: current.status, to: status, hasResult: current.version > 0, error: change.error });
    if (problem) throw new InvalidTransitionError(`exhibit ${id}: ${problem}`);
    await trx
      .updateTable("exhibits")
      .set({
        status,
        error: change.error ?? null,
        ...(provenance ? { provenance: JSON.stringify(provenance) } : {}),
        updated_at: nowIso(),
      })
      .where("id", "=", id)
      .execute();
    return mustGet(id, trx);
  });
}

/**
 * Keeps a picture drawn for an exhibit that has no result yet, so it outlives a failure to model it (shown, and
 * modelled by a retry without drawing again). An exhibit with a result keeps showing that result's picture:
 * the new one becomes its picture only with the next version.
 */
export async function setExhibitPicture(id: string, imageSha: string, db: Db = getDb()): Promise<ExhibitRecord> {
  const sha = sha256Schema.parse(imageSha);
  await db.updateTable("exhibits").set({ image_sha: sha, updated_at: nowIso() }).where("id", "=", id).where("version", "=", 0).execute();
  return mustGet(id, db);
}

/**
 * Records a new result: appends version n+1 to the history and makes it current, ready. One transaction,
 * so the history and the exhibit never disagree.
 */
export async function setExhibitResult(id: string, result: ExhibitResult, db: Db = getDb()): Promise<ExhibitRecord> {
  const r = resultSchema.parse(result);
  return inTransaction(db, async (trx) => {
    const current = await mustGet(id, trx);
    const next = Number(
      (
        await trx
          .selectFrom("exhibit_versions")
          .select(sql<number>`coalesce(max(version), 0) + 1`.as("next"))
          .where("exhibit_id", "=", id)
          .executeTakeFirstOrThrow()
      ).next,
    );
    const spec = {
      title: r.title ?? current.title,
      description: r.description ?? current.description,
      prompt: r.prompt ?? current.prompt,
      seed: r.seed ?? current.seed,
    };
    const now = nowIso();
    const provenance = JSON.stringify(r.provenance);
    const assets = { image_sha: r.imageSha, model_sha: r.modelSha, original_model_sha: r.originalModelSha, height: r.height, provenance };
    await trx
      .insertInto("exhibit_versions")
      .values({ exhibit_id: id, version: next, ...spec, ...assets, created_at: now })
      .execute();
    await trx
      .updateTable("exhibits")
      .set({ ...spec, ...assets, status: "ready", error: null, version: next, updated_at: now })
      .where("id", "=", id)
      .execute();
    return mustGet(id, trx);
  });
}

/** Makes an earlier version current again (it stays in the history; the next result is still max + 1). */
export async function restoreExhibitVersion(id: string, version: number, db: Db = getDb()): Promise<ExhibitRecord> {
  return inTransaction(db, async (trx) => {
    await mustGet(id, trx);
    const v = await trx.selectFrom("exhibit_versions").selectAll().where("exhibit_id", "=", id).where("version", "=", version).executeTakeFirst();
    if (!v) throw new NotFoundError(`version ${version} of exhibit`, id);
    await trx
      .updateTable("exhibits")
      .set({
        title: v.title,
        description: v.description,
        prompt: v.prompt,
        seed: v.seed,
        status: "ready",
        error: null,
        image_sha: v.image_sha,
        model_sha: v.model_sha,
        original_model_sha: v.original_model_sha,
        height: v.height,
        version: v.version,
        provenance: v.provenance,
        updated_at: nowIso(),
      })
      .where("id", "=", id)
      .execute();
    return mustGet(id, trx);
  });
}

/** Moves/turns/scales an exhibit; fields left out keep their value. */
export async function updatePlacement(id: string, patch: Partial<Placement>, db: Db = getDb()): Promise<ExhibitRecord> {
  const data = placementPatchSchema.parse(patch);
  return inTransaction(db, async (trx) => {
    const current = await mustGet(id, trx);
    const placement: Placement = {
      position: data.position ?? current.placement.position,
      rotationY: data.rotationY ?? current.placement.rotationY,
      scale: data.scale ?? current.placement.scale,
    };
    await trx.updateTable("exhibits").set({ placement: JSON.stringify(placement), updated_at: nowIso() }).where("id", "=", id).execute();
    return mustGet(id, trx);
  });
}

/** Sets the hall order: `orderedIds` must name every exhibit of the gallery exactly once. */
export async function reorderExhibits(galleryId: string, orderedIds: readonly string[], db: Db = getDb()): Promise<void> {
  await inTransaction(db, async (trx) => {
    await lockRow(trx, "galleries", galleryId);
    const existing = (await trx.selectFrom("exhibits").select("id").where("gallery_id", "=", galleryId).execute()).map((r) => r.id);
    const given = new Set(orderedIds);
    if (given.size !== orderedIds.length || given.size !== existing.length || existing.some((id) => !given.has(id))) {
      throw new InvalidTransitionError(`reorder of gallery ${galleryId} must list each of its ${existing.length} exhibits once`);
    }
    const now = nowIso();
    for (const [index, id] of orderedIds.entries()) await trx.updateTable("exhibits").set({ ord: index, updated_at: now }).where("id", "=", id).execute();
  });
}

export async function deleteExhibit(id: string, db: Db = getDb()): Promise<boolean> {
  const result = await db.deleteFrom("exhibits").where("id", "=", id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
