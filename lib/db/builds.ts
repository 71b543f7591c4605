import "server-only";
import { z } from "zod";
import type { BuildStatus } from "@/lib/contracts/gallery-view";
import { getDb, stmt, type Db } from "./connection";
import { InvalidTransitionError, NotFoundError } from "./errors";
import { newId, nowIso } from "./ids";
import { jsonObjectSchema, parseJson } from "./schemas";

export type BuildKind = "gallery" | "regenerate" | "swap";
export type BuildCounters = Record<string, number>;

export interface BuildRecord {
  id: string;
  galleryId: string;
  kind: BuildKind;
  /** The exhibit a regenerate/swap build works on; null for a whole-gallery build. */
  exhibitId: string | null;
  status: BuildStatus;
  goal: string;
  budget: Record<string, unknown>;
  counters: BuildCounters;
  error: string | null;
  createdAt: string;
  updatedAt: string;
  heartbeatAt: string | null;
}

interface BuildRow {
  id: string;
  gallery_id: string;
  kind: BuildKind;
  exhibit_id: string | null;
  status: BuildStatus;
  goal: string;
  budget: string;
  counters: string;
  error: string | null;
  created_at: string;
  updated_at: string;
  heartbeat_at: string | null;
}

export const activeBuildStatuses = ["queued", "running"] as const satisfies readonly BuildStatus[];
export const finalBuildStatuses = ["succeeded", "failed", "cancelled", "interrupted"] as const satisfies readonly BuildStatus[];
export type FinalBuildStatus = (typeof finalBuildStatuses)[number];

const newBuildSchema = z.object({
  galleryId: z.string(),
  kind: z.enum(["gallery", "regenerate", "swap"]),
  exhibitId: z.string().nullable().default(null),
  goal: z.string().max(4000).default(""),
  budget: jsonObjectSchema.default({}),
  status: z.enum(activeBuildStatuses).default("queued"),
});
export type NewBuild = z.input<typeof newBuildSchema>;

const countersSchema = z.record(z.string(), z.number().finite());

const buildPatchSchema = z.object({
  status: z.enum(activeBuildStatuses).optional(),
  counters: countersSchema.optional(),
  error: z.string().nullable().optional(),
});
export type BuildPatch = z.input<typeof buildPatchSchema>;

function toBuildRecord(row: BuildRow): BuildRecord {
  return {
    id: row.id,
    galleryId: row.gallery_id,
    kind: row.kind,
    exhibitId: row.exhibit_id,
    status: row.status,
    goal: row.goal,
    budget: parseJson<Record<string, unknown>>(row.budget),
    counters: parseJson<BuildCounters>(row.counters),
    error: row.error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    heartbeatAt: row.heartbeat_at,
  };
}

export function createBuild(input: NewBuild, db: Db = getDb()): BuildRecord {
  const data = newBuildSchema.parse(input);
  const id = newId();
  const now = nowIso();
  stmt(db, 
    `INSERT INTO builds (id, gallery_id, kind, exhibit_id, status, goal, budget, counters, created_at, updated_at, heartbeat_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?)`,
  ).run(id, data.galleryId, data.kind, data.exhibitId, data.status, data.goal, JSON.stringify(data.budget), now, now, now);
  return getBuild(id, db)!;
}

export function getBuild(id: string, db: Db = getDb()): BuildRecord | null {
  const row = stmt(db, `SELECT * FROM builds WHERE id = ?`).get(id) as BuildRow | undefined;
  return row ? toBuildRecord(row) : null;
}

/** The gallery's most recent build (any status), or null. */
export function latestBuild(galleryId: string, db: Db = getDb()): BuildRecord | null {
  const row = stmt(db, `SELECT * FROM builds WHERE gallery_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1`)
    .get(galleryId) as BuildRow | undefined;
  return row ? toBuildRecord(row) : null;
}

/** The gallery's queued or running builds, oldest first. */
export function activeBuilds(galleryId: string, db: Db = getDb()): BuildRecord[] {
  const rows = stmt(db, `SELECT * FROM builds WHERE gallery_id = ? AND status IN ('queued','running') ORDER BY created_at, rowid`)
    .all(galleryId) as BuildRow[];
  return rows.map(toBuildRecord);
}

function mustGetActive(id: string, db: Db): BuildRecord {
  const build = getBuild(id, db);
  if (!build) throw new NotFoundError("build", id);
  if (!(activeBuildStatuses as readonly string[]).includes(build.status)) {
    throw new InvalidTransitionError(`build ${id} has already finished (${build.status})`);
  }
  return build;
}

/** Updates a live build (status queued→running, counters replaced, error). Also beats its heart. */
export function updateBuild(id: string, patch: BuildPatch, db: Db = getDb()): BuildRecord {
  const data = buildPatchSchema.parse(patch);
  return db.transaction(() => {
    mustGetActive(id, db);
    const now = nowIso();
    stmt(db, 
      `UPDATE builds SET status = coalesce(?, status), counters = coalesce(?, counters),
         error = CASE WHEN ? THEN ? ELSE error END, updated_at = ?, heartbeat_at = ? WHERE id = ?`,
    ).run(
      data.status ?? null,
      data.counters ? JSON.stringify(data.counters) : null,
      data.error !== undefined ? 1 : 0,
      data.error ?? null,
      now,
      now,
      id,
    );
    return getBuild(id, db)!;
  }).immediate();
}

/** Adds to counters (read-modify-write in one transaction, so parallel tool calls don't lose counts). */
export function incrementCounters(id: string, delta: BuildCounters, db: Db = getDb()): BuildRecord {
  const d = countersSchema.parse(delta);
  return db.transaction(() => {
    const build = mustGetActive(id, db);
    const counters = { ...build.counters };
    for (const [name, n] of Object.entries(d)) counters[name] = (counters[name] ?? 0) + n;
    const now = nowIso();
    stmt(db, `UPDATE builds SET counters = ?, updated_at = ?, heartbeat_at = ? WHERE id = ?`).run(JSON.stringify(counters), now, now, id);
    return getBuild(id, db)!;
  }).immediate();
}

/** Marks the build alive; a running build whose heartbeat stops was cut off. */
export function heartbeatBuild(id: string, db: Db = getDb()): void {
  stmt(db, `UPDATE builds SET heartbeat_at = ? WHERE id = ?`).run(nowIso(), id);
}

/** Ends a build. Finishing twice is an error, so a late finisher cannot overwrite a cancellation. */
export function finishBuild(id: string, status: FinalBuildStatus, error: string | null = null, db: Db = getDb()): BuildRecord {
  if (!(finalBuildStatuses as readonly string[]).includes(status)) {
    throw new InvalidTransitionError(`${status} is not a final build status`);
  }
  return db.transaction(() => {
    mustGetActive(id, db);
    const now = nowIso();
    stmt(db, `UPDATE builds SET status = ?, error = ?, updated_at = ?, heartbeat_at = ? WHERE id = ?`).run(status, error, now, now, id);
    return getBuild(id, db)!;
  }).immediate();
}

/**
 * Builds left queued or running. Builds run inside the server process, so at start-up every one of these
 * was cut off by a restart or crash: the caller marks them `interrupted` (or resumes them).
 */
export function findInterruptedBuilds(db: Db = getDb()): BuildRecord[] {
  const rows = stmt(db, `SELECT * FROM builds WHERE status IN ('queued','running') ORDER BY created_at, rowid`).all() as BuildRow[];
  return rows.map(toBuildRecord);
}
