import "server-only";
import { buildEventSchema, emittedEventSchema, type BuildEvent, type BuildEventType, type EmittedEvent } from "@/lib/contracts/build-events";
import { sql } from "kysely";
import { getDb, inTransaction, lockRow, type Db } from "./connection";
import { nowIso } from "./ids";

interface EventRow {
  build_id: string;
  seq: number;
  type: string;
  payload: string;
  at: string;
}

/**
 * A stored row as a typed event, or null when it no longer reads as one (written by an older version whose
 * payload differs, or damaged). Such a row is skipped with a warning, never thrown: one unreadable line of a
 * build's log must not take the gallery page, its live feed or a resume down with it.
 */
function toEvent(row: EventRow): BuildEvent | null {
  let payload: unknown;
  try {
    payload = JSON.parse(row.payload);
  } catch {
    payload = undefined;
  }
  const parsed = buildEventSchema.safeParse({ buildId: row.build_id, seq: row.seq, type: row.type, payload, at: row.at });
  if (parsed.success) return parsed.data;
  console.warn(`vernissage: skipped unreadable event ${row.build_id}#${row.seq} (${row.type}): ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return null;
}

/**
 * Persists an event with the build's next sequence number (1, 2, 3…, no gaps) and returns it.
 * The event is checked against its schema first (what is stored is what readers accept: a producer that breaks
 * the contract fails here, at its call). The max+1 is read and written in one statement inside a transaction
 * that holds the build's row (SQLite: the IMMEDIATE write lock; PostgreSQL: the row lock), so appends from
 * parallel tool calls, or from another process, are serialised; PRIMARY KEY(build_id, seq) backs it up.
 */
export async function appendEvent(buildId: string, event: EmittedEvent, db: Db = getDb()): Promise<BuildEvent> {
  return appendCheckedEvent(buildId, emittedEventSchema.parse(event), db);
}

/**
 * {@link appendEvent} for an event its producer has already checked against the contract. `at` is when the event
 * happened (default: now).
 */
export async function appendCheckedEvent(buildId: string, checked: EmittedEvent, db: Db = getDb(), at: string = nowIso()): Promise<BuildEvent> {
  const [stored] = await appendCheckedEvents(buildId, [{ event: checked, at }], db);
  return stored!;
}

/** How many events one append writes at most (a statement's parameters stay far below either engine's cap). */
export const MAX_EVENTS_PER_APPEND = 200;

/**
 * Appends several checked events in one transaction, numbered on from the build's last seq in the order given,
 * each with the time it happened (a producer whose writes queue up passes the time it emitted each one, so a
 * slow write does not move an event later than what it reports). One row lock and one INSERT for the lot: a
 * burst of events (an agent's streamed thought) costs one round of the database, not one per event.
 */
export async function appendCheckedEvents(buildId: string, items: readonly { event: EmittedEvent; at: string }[], db: Db = getDb()): Promise<BuildEvent[]> {
  if (items.length === 0) return [];
  if (items.length > MAX_EVENTS_PER_APPEND) throw new Error(`at most ${MAX_EVENTS_PER_APPEND} events per append (got ${items.length})`);
  // One statement reads the last seq and writes the rows after it (VALUES columns are column1…4 in both
  // engines), so a batch costs what a single event did: the row lock, then this INSERT.
  const rows = sql.join(items.map(({ event, at }, i) => sql`(${sql.lit(i)}, ${event.type}, ${JSON.stringify(event.payload)}, ${at})`));
  const first = await inTransaction(db, async (trx) => {
    await lockRow(trx, "builds", buildId);
    const { rows: written } = await sql<{ seq: number }>`
      INSERT INTO build_events (build_id, seq, type, payload, at)
      SELECT ${buildId}, last.seq + 1 + v.column1, v.column2, v.column3, v.column4
      FROM (SELECT coalesce(max(seq), 0) AS seq FROM build_events WHERE build_id = ${buildId}) AS last, (VALUES ${rows}) AS v
      RETURNING seq`.execute(trx);
    if (written.length !== items.length) throw new Error(`wrote ${written.length} of ${items.length} events`);
    return Math.min(...written.map((r) => Number(r.seq)));
  });
  return items.map(({ event, at }, i) => ({ buildId, seq: first + i, at, ...event }) as BuildEvent);
}

export interface EventPage {
  /** The readable events of the page, in order. */
  events: BuildEvent[];
  /** The seq to read on after (the last row read, readable or not), or null when this was the last page. */
  next: number | null;
}

/** One page of the build's events with seq > afterSeq: `limit` rows at most, unreadable ones skipped. */
export async function eventPage(buildId: string, afterSeq: number, limit: number, db: Db = getDb()): Promise<EventPage> {
  const rows = await db
    .selectFrom("build_events")
    .select(["build_id", "seq", "type", "payload", "at"])
    .where("build_id", "=", buildId)
    .where("seq", ">", afterSeq)
    .orderBy("seq")
    .limit(limit)
    .execute();
  const events = rows.map(toEvent).filter((e): e is BuildEvent => e !== null);
  return { events, next: rows.length < limit ? null : rows[rows.length - 1]!.seq };
}

/** Events with seq > afterSeq, in order (afterSeq 0: from the start). `limit` caps the rows read. */
export async function eventsSince(buildId: string, afterSeq = 0, limit = 10_000, db: Db = getDb()): Promise<BuildEvent[]> {
  return (await eventPage(buildId, afterSeq, limit, db)).events;
}

/** How many events of `type` the build has (e.g. its runs: one `build.started` each). */
export async function countEvents(buildId: string, type: BuildEventType, db: Db = getDb()): Promise<number> {
  const row = await db
    .selectFrom("build_events")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("build_id", "=", buildId)
    .where("type", "=", type)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * How long the build's runs so far have worked, in ms: each run from its `build.started` to its last event. A
 * run cut off by a crash ends at the last event it wrote; the time the server was down is not counted.
 */
export async function timeSpentInRuns(buildId: string, db: Db = getDb()): Promise<number> {
  const rows = await db.selectFrom("build_events").select(["type", "at"]).where("build_id", "=", buildId).orderBy("seq").execute();
  let spent = 0;
  let runStart: number | null = null;
  let last = 0;
  for (const row of rows) {
    const at = Date.parse(row.at);
    if (row.type === "build.started") {
      if (runStart !== null) spent += Math.max(0, last - runStart);
      runStart = at;
    }
    last = at;
  }
  if (runStart !== null) spent += Math.max(0, last - runStart);
  return spent;
}

/** The last seq of the build, 0 when it has none. */
export async function lastSeq(buildId: string, db: Db = getDb()): Promise<number> {
  const row = await db
    .selectFrom("build_events")
    .select(sql<number>`coalesce(max(seq), 0)`.as("seq"))
    .where("build_id", "=", buildId)
    .executeTakeFirstOrThrow();
  return Number(row.seq);
}
