import "server-only";
import { z } from "zod";
import type { BuildStatus } from "@/lib/contracts/gallery-view";
import { sql, type Selectable } from "kysely";
import type { BuildsTable } from "./schema";
import { getDb, inTransaction, lockRow, type Db } from "./connection";
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

// The columns a BuildRecord is read from (the lease and cancel columns belong to the queue: lib/builds/worker.ts).
type BuildRow = Omit<Selectable<BuildsTable>, "owner" | "cancel_requested">;

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

export async function createBuild(input: NewBuild, db: Db = getDb()): Promise<BuildRecord> {
  const data = newBuildSchema.parse(input);
  const id = newId();
  const now = nowIso();
  const row = await db
    .insertInto("builds")
    .values({
      id,
      gallery_id: data.galleryId,
      kind: data.kind,
      exhibit_id: data.exhibitId,
      status: data.status,
      goal: data.goal,
      budget: JSON.stringify(data.budget),
      counters: "{}",
      created_at: now,
      updated_at: now,
      heartbeat_at: now,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toBuildRecord(row);
}

const COLUMNS = ["id", "gallery_id", "kind", "exhibit_id", "status", "goal", "budget", "counters", "error", "created_at", "updated_at", "heartbeat_at"] as const;

export async function getBuild(id: string, db: Db = getDb()): Promise<BuildRecord | null> {
  const row = await db.selectFrom("builds").select(COLUMNS).where("id", "=", id).executeTakeFirst();
  return row ? toBuildRecord(row) : null;
}

/** The gallery's most recent build (any status), or null. */
export async function latestBuild(galleryId: string, db: Db = getDb()): Promise<BuildRecord | null> {
  const row = await db
    .selectFrom("builds")
    .select(COLUMNS)
    .where("gallery_id", "=", galleryId)
    .orderBy("created_at", "desc")
    .orderBy(sql`rowid`, "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? toBuildRecord(row) : null;
}

/** The gallery's queued or running builds, oldest first. */
export async function activeBuilds(galleryId: string, db: Db = getDb()): Promise<BuildRecord[]> {
  const rows = await db
    .selectFrom("builds")
    .select(COLUMNS)
    .where("gallery_id", "=", galleryId)
    .where("status", "in", activeBuildStatuses)
    .orderBy("created_at")
    .orderBy(sql`rowid`)
    .execute();
  return rows.map(toBuildRecord);
}

async function mustGetActive(id: string, db: Db): Promise<BuildRecord> {
  await lockRow(db, "builds", id);
  const build = await getBuild(id, db);
  if (!build) throw new NotFoundError("build", id);
  if (!(activeBuildStatuses as readonly string[]).includes(build.status)) {
    throw new InvalidTransitionError(`build ${id} has already finished (${build.status})`);
  }
  return build;
}

/** Updates a live build (status queued→running, counters replaced, error). Also beats its heart. */
export async function updateBuild(id: string, patch: BuildPatch, db: Db = getDb()): Promise<BuildRecord> {
  const data = buildPatchSchema.parse(patch);
  return inTransaction(db, async (trx) => {
    await mustGetActive(id, trx);
    const now = nowIso();
    await trx
      .updateTable("builds")
      .set({
        ...(data.status ? { status: data.status } : {}),
        ...(data.counters ? { counters: JSON.stringify(data.counters) } : {}),
        ...(data.error !== undefined ? { error: data.error } : {}),
        updated_at: now,
        heartbeat_at: now,
      })
      .where("id", "=", id)
      .execute();
    return (await getBuild(id, trx))!;
  });
}

/** Adds to counters (read-modify-write in one transaction, so parallel tool calls don't lose counts). */
export async function incrementCounters(id: string, delta: BuildCounters, db: Db = getDb()): Promise<BuildRecord> {
  const d = countersSchema.parse(delta);
  return inTransaction(db, async (trx) => {
    const build = await mustGetActive(id, trx);
    const counters = { ...build.counters };
    for (const [name, n] of Object.entries(d)) counters[name] = (counters[name] ?? 0) + n;
    const now = nowIso();
    await trx.updateTable("builds").set({ counters: JSON.stringify(counters), updated_at: now, heartbeat_at: now }).where("id", "=", id).execute();
    return (await getBuild(id, trx))!;
  });
}

/** Marks the build alive; a running build whose heartbeat stops was cut off. */
export async function heartbeatBuild(id: string, db: Db = getDb()): Promise<void> {
  await db.updateTable("builds").set({ heartbeat_at: nowIso() }).where("id", "=", id).execute();
}

/** Ends a build. Finishing twice is an error, so a late finisher cannot overwrite a cancellation. */
export async function finishBuild(id: string, status: FinalBuildStatus, error: string | null = null, db: Db = getDb()): Promise<BuildRecord> {
  if (!(finalBuildStatuses as readonly string[]).includes(status)) {
    throw new InvalidTransitionError(`${status} is not a final build status`);
  }
  return inTransaction(db, async (trx) => {
    await mustGetActive(id, trx);
    const now = nowIso();
    await trx.updateTable("builds").set({ status, error, updated_at: now, heartbeat_at: now }).where("id", "=", id).execute();
    return (await getBuild(id, trx))!;
  });
}

/**
 * Builds left queued or running. In the embedded shape builds run inside the server process, so at start-up
 * every one of these was cut off by a restart or crash: the caller marks them `interrupted` (or resumes them).
 */
export async function findInterruptedBuilds(db: Db = getDb()): Promise<BuildRecord[]> {
  const rows = await db
    .selectFrom("builds")
    .select(COLUMNS)
    .where("status", "in", activeBuildStatuses)
    .orderBy("created_at")
    .orderBy(sql`rowid`)
    .execute();
  return rows.map(toBuildRecord);
}

// ── Leases (PostgreSQL deployments): a build runs in the one worker holding its lease ──────────────────────
// A worker claims a build atomically, then renews the lease (heartbeat_at) every few seconds while it runs it.
// A lease not renewed for `leaseMs` has lapsed: its worker died or hung, and any worker may claim the build
// and resume it. Renewal is fenced on the owner: a worker that lost its lease learns so and stops.

function lapsedBefore(leaseMs: number): string {
  return new Date(Date.now() - leaseMs).toISOString();
}

/** Takes the build's lease for `owner` when it is free (never claimed, lapsed, or already ours); null otherwise. */
export async function claimBuild(id: string, owner: string, leaseMs: number, db: Db = getDb()): Promise<BuildRecord | null> {
  const row = await db
    .updateTable("builds")
    .set({ owner, heartbeat_at: nowIso() })
    .where("id", "=", id)
    .where("status", "in", activeBuildStatuses)
    .where((eb) => eb.or([eb("owner", "is", null), eb("owner", "=", owner), eb("heartbeat_at", "<", lapsedBefore(leaseMs))]))
    .returning(COLUMNS)
    .executeTakeFirst();
  return row ? toBuildRecord(row) : null;
}

/**
 * Renews `owner`'s lease on a live build. Null when the owner no longer holds it (taken over, or the build
 * ended elsewhere): it must stop. Otherwise says whether a cancel was asked for.
 */
export async function renewBuildLease(id: string, owner: string, db: Db = getDb()): Promise<{ cancelRequested: boolean } | null> {
  const row = await db
    .updateTable("builds")
    .set({ heartbeat_at: nowIso() })
    .where("id", "=", id)
    .where("owner", "=", owner)
    .where("status", "in", activeBuildStatuses)
    .returning("cancel_requested")
    .executeTakeFirst();
  return row ? { cancelRequested: Number(row.cancel_requested) === 1 } : null;
}

/** Asks every live build of the gallery to stop (its owner does, at once when signalled); returns their ids. */
export async function requestCancel(galleryId: string, db: Db = getDb()): Promise<string[]> {
  const rows = await db
    .updateTable("builds")
    .set({ cancel_requested: 1 })
    .where("gallery_id", "=", galleryId)
    .where("status", "in", activeBuildStatuses)
    .returning("id")
    .execute();
  return rows.map((r) => r.id);
}

/** Whether a cancel was asked for the build. */
export async function cancelRequested(id: string, db: Db = getDb()): Promise<boolean> {
  const row = await db.selectFrom("builds").select("cancel_requested").where("id", "=", id).executeTakeFirst();
  return Number(row?.cancel_requested ?? 0) === 1;
}

/** Live builds whose lease lapsed (or that no worker has taken for `leaseMs`): to be handed to a worker again. */
export async function findLapsedBuilds(leaseMs: number, db: Db = getDb()): Promise<BuildRecord[]> {
  const rows = await db
    .selectFrom("builds")
    .select(COLUMNS)
    .where("status", "in", activeBuildStatuses)
    .where((eb) => eb.or([eb("heartbeat_at", "is", null), eb("heartbeat_at", "<", lapsedBefore(leaseMs))]))
    .orderBy("created_at")
    .limit(100)
    .execute();
  return rows.map(toBuildRecord);
}

/** Gives the lease back (a worker stopping): another worker may claim the build at once. */
export async function releaseBuildLease(id: string, owner: string, db: Db = getDb()): Promise<void> {
  await db.updateTable("builds").set({ owner: null, heartbeat_at: null }).where("id", "=", id).where("owner", "=", owner).execute();
}
