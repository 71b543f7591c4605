import "server-only";
import { z } from "zod";
import { exhibitStatuses, statusChangeProblem, type ExhibitStatus } from "@/lib/contracts/exhibit-status";
import { placementSchema, spaceCallRecordSchema, vec3Schema, type ExhibitCore, type Placement, type SpaceCallRecord } from "@/lib/contracts/gallery-view";
import { getDb, stmt, type Db } from "./connection";
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

export interface ExhibitRow {
  id: string;
  gallery_id: string;
  key: string;
  ord: number;
  title: string;
  description: string;
  prompt: string;
  seed: number;
  status: ExhibitStatus;
  error: string | null;
  placement: string;
  image_sha: string | null;
  model_sha: string | null;
  original_model_sha: string | null;
  height: number;
  version: number;
  provenance: string;
  created_at: string;
  updated_at: string;
}

export interface ExhibitVersionRow {
  exhibit_id: string;
  version: number;
  title: string;
  description: string;
  prompt: string;
  seed: number;
  image_sha: string | null;
  model_sha: string | null;
  original_model_sha: string | null;
  height: number;
  provenance: string;
  created_at: string;
}

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

const COLUMNS = `id, gallery_id, key, ord, title, description, prompt, seed, status, error, placement, image_sha,
  model_sha, original_model_sha, height, version, provenance, created_at, updated_at`;

export function getExhibit(id: string, db: Db = getDb()): ExhibitRecord | null {
  const row = stmt(db, `SELECT ${COLUMNS} FROM exhibits WHERE id = ?`).get(id) as ExhibitRow | undefined;
  return row ? toExhibitRecord(row) : null;
}

export function getExhibitByKey(galleryId: string, key: string, db: Db = getDb()): ExhibitRecord | null {
  const row = stmt(db, `SELECT ${COLUMNS} FROM exhibits WHERE gallery_id = ? AND key = ?`).get(galleryId, key) as
    | ExhibitRow
    | undefined;
  return row ? toExhibitRecord(row) : null;
}

/** The gallery's exhibits in hall order. */
export function listExhibits(galleryId: string, db: Db = getDb()): ExhibitRecord[] {
  const rows = stmt(db, `SELECT ${COLUMNS} FROM exhibits WHERE gallery_id = ? ORDER BY ord, created_at, id`).all(galleryId) as ExhibitRow[];
  return rows.map(toExhibitRecord);
}

/** Every result the exhibit has had, oldest first. */
export function listExhibitVersions(exhibitId: string, db: Db = getDb()): ExhibitVersionRecord[] {
  const rows = stmt(db, `SELECT * FROM exhibit_versions WHERE exhibit_id = ? ORDER BY version`)
    .all(exhibitId) as ExhibitVersionRow[];
  return rows.map(toExhibitVersionRecord);
}

function mustGet(id: string, db: Db): ExhibitRecord {
  const exhibit = getExhibit(id, db);
  if (!exhibit) throw new NotFoundError("exhibit", id);
  return exhibit;
}

/** Adds an exhibit at the end of the hall (or at `order`). */
export function createExhibit(galleryId: string, input: NewExhibit, db: Db = getDb()): ExhibitRecord {
  const data = newExhibitSchema.parse(input);
  return db.transaction(() => {
    const order =
      data.order ??
      (stmt(db, `SELECT coalesce(max(ord), -1) + 1 AS next FROM exhibits WHERE gallery_id = ?`).get(galleryId) as { next: number }).next;
    const id = newId();
    const now = nowIso();
    try {
      stmt(db, 
        `INSERT INTO exhibits (id, gallery_id, key, ord, title, description, prompt, seed, status, placement, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        galleryId,
        data.key ?? id,
        order,
        data.title,
        data.description,
        data.prompt,
        data.seed,
        data.status,
        JSON.stringify(data.placement ?? DEFAULT_PLACEMENT),
        now,
        now,
      );
    } catch (err) {
      if (err instanceof Error && "code" in err && err.code === "SQLITE_CONSTRAINT_FOREIGNKEY") {
        throw new NotFoundError("gallery", galleryId);
      }
      throw err;
    }
    return mustGet(id, db);
  }).immediate();
}

/** Adds several exhibits at once (a plan): all or none. */
export function createExhibits(galleryId: string, inputs: NewExhibit[], db: Db = getDb()): ExhibitRecord[] {
  return db.transaction(() => inputs.map((input) => createExhibit(galleryId, input, db))).immediate();
}

/** Changes what the exhibit should depict (swap, edited prompt) without touching its current result. */
export function updateExhibitSpec(id: string, patch: ExhibitSpecPatch, db: Db = getDb()): ExhibitRecord {
  const data = specPatchSchema.parse(patch);
  const { changes } = stmt(db, 
      `UPDATE exhibits SET title = coalesce(?, title), description = coalesce(?, description), prompt = coalesce(?, prompt),
         seed = coalesce(?, seed), updated_at = ? WHERE id = ?`,
    )
    .run(data.title ?? null, data.description ?? null, data.prompt ?? null, data.seed ?? null, nowIso(), id);
  if (changes === 0) throw new NotFoundError("exhibit", id);
  return mustGet(id, db);
}

export interface StatusChange {
  /** Required when the new status is `failed`: what went wrong, in words a person can act on. */
  error?: string | null;
  /** The calls made so far, e.g. the failed ones, shown in the info panel. */
  provenance?: SpaceCallRecord[];
}

export function setExhibitStatus(id: string, status: ExhibitStatus, change: StatusChange = {}, db: Db = getDb()): ExhibitRecord {
  const provenance = change.provenance === undefined ? undefined : provenanceSchema.parse(change.provenance);
  return db.transaction(() => {
    const current = mustGet(id, db);
    // The lifecycle is a domain rule (lib/contracts/exhibit-status.ts); this is where it is enforced.
    const problem = statusChangeProblem({ from: current.status, to: status, hasResult: current.version > 0, error: change.error });
    if (problem) throw new InvalidTransitionError(`exhibit ${id}: ${problem}`);
    stmt(db, 
      `UPDATE exhibits SET status = ?, error = ?, provenance = coalesce(?, provenance), updated_at = ? WHERE id = ?`,
    ).run(
      status,
      status === "failed" ? change.error : (change.error ?? null),
      provenance ? JSON.stringify(provenance) : null,
      nowIso(),
      id,
    );
    return mustGet(id, db);
  }).immediate();
}

/**
 * Keeps a picture drawn for an exhibit that has no result yet, so it outlives a failure to model it (shown, and
 * modelled by a retry without drawing again). An exhibit with a result keeps showing that result's picture:
 * the new one becomes its picture only with the next version.
 */
export function setExhibitPicture(id: string, imageSha: string, db: Db = getDb()): ExhibitRecord {
  const sha = sha256Schema.parse(imageSha);
  stmt(db, `UPDATE exhibits SET image_sha = ?, updated_at = ? WHERE id = ? AND version = 0`).run(sha, nowIso(), id);
  return mustGet(id, db);
}

/**
 * Records a new result: appends version n+1 to the history and makes it current, ready. One transaction,
 * so the history and the exhibit never disagree.
 */
export function setExhibitResult(id: string, result: ExhibitResult, db: Db = getDb()): ExhibitRecord {
  const r = resultSchema.parse(result);
  return db.transaction(() => {
    const current = mustGet(id, db);
    const { next } = stmt(db, `SELECT coalesce(max(version), 0) + 1 AS next FROM exhibit_versions WHERE exhibit_id = ?`)
      .get(id) as { next: number };
    const spec = {
      title: r.title ?? current.title,
      description: r.description ?? current.description,
      prompt: r.prompt ?? current.prompt,
      seed: r.seed ?? current.seed,
    };
    const now = nowIso();
    const provenance = JSON.stringify(r.provenance);
    stmt(db, 
      `INSERT INTO exhibit_versions (exhibit_id, version, title, description, prompt, seed, image_sha, model_sha,
         original_model_sha, height, provenance, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, next, spec.title, spec.description, spec.prompt, spec.seed, r.imageSha, r.modelSha, r.originalModelSha, r.height, provenance, now);
    stmt(db, 
      `UPDATE exhibits SET title = ?, description = ?, prompt = ?, seed = ?, status = 'ready', error = NULL, image_sha = ?,
         model_sha = ?, original_model_sha = ?, height = ?, version = ?, provenance = ?, updated_at = ? WHERE id = ?`,
    ).run(spec.title, spec.description, spec.prompt, spec.seed, r.imageSha, r.modelSha, r.originalModelSha, r.height, next, provenance, now, id);
    return mustGet(id, db);
  }).immediate();
}

/** Makes an earlier version current again (it stays in the history; the next result is still max + 1). */
export function restoreExhibitVersion(id: string, version: number, db: Db = getDb()): ExhibitRecord {
  return db.transaction(() => {
    mustGet(id, db);
    const v = stmt(db, `SELECT * FROM exhibit_versions WHERE exhibit_id = ? AND version = ?`).get(id, version) as
      | ExhibitVersionRow
      | undefined;
    if (!v) throw new NotFoundError(`version ${version} of exhibit`, id);
    stmt(db, 
      `UPDATE exhibits SET title = ?, description = ?, prompt = ?, seed = ?, status = 'ready', error = NULL, image_sha = ?,
         model_sha = ?, original_model_sha = ?, height = ?, version = ?, provenance = ?, updated_at = ? WHERE id = ?`,
    ).run(v.title, v.description, v.prompt, v.seed, v.image_sha, v.model_sha, v.original_model_sha, v.height, v.version, v.provenance, nowIso(), id);
    return mustGet(id, db);
  }).immediate();
}

/** Moves/turns/scales an exhibit; fields left out keep their value. */
export function updatePlacement(id: string, patch: Partial<Placement>, db: Db = getDb()): ExhibitRecord {
  const data = placementPatchSchema.parse(patch);
  return db.transaction(() => {
    const current = mustGet(id, db);
    const placement: Placement = {
      position: data.position ?? current.placement.position,
      rotationY: data.rotationY ?? current.placement.rotationY,
      scale: data.scale ?? current.placement.scale,
    };
    stmt(db, `UPDATE exhibits SET placement = ?, updated_at = ? WHERE id = ?`).run(JSON.stringify(placement), nowIso(), id);
    return mustGet(id, db);
  }).immediate();
}

/** Sets the hall order: `orderedIds` must name every exhibit of the gallery exactly once. */
export function reorderExhibits(galleryId: string, orderedIds: readonly string[], db: Db = getDb()): void {
  db.transaction(() => {
    const existing = (stmt(db, `SELECT id FROM exhibits WHERE gallery_id = ?`).all(galleryId) as { id: string }[]).map((r) => r.id);
    const given = new Set(orderedIds);
    if (given.size !== orderedIds.length || given.size !== existing.length || existing.some((id) => !given.has(id))) {
      throw new InvalidTransitionError(`reorder of gallery ${galleryId} must list each of its ${existing.length} exhibits once`);
    }
    const now = nowIso();
    const update = stmt(db, `UPDATE exhibits SET ord = ?, updated_at = ? WHERE id = ?`);
    orderedIds.forEach((id, index) => update.run(index, now, id));
  }).immediate();
}

export function deleteExhibit(id: string, db: Db = getDb()): boolean {
  return stmt(db, `DELETE FROM exhibits WHERE id = ?`).run(id).changes > 0;
}
