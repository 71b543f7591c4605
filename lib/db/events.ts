import "server-only";
import { buildEventSchema, emittedEventSchema, type BuildEvent, type BuildEventType, type EmittedEvent } from "@/lib/contracts/build-events";
import { getDb, stmt, type Db } from "./connection";
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
 * the contract fails here, at its call). The max+1 is read and written inside one IMMEDIATE transaction, so
 * appends from parallel tool calls, or from another process on the same file, are serialised;
 * PRIMARY KEY(build_id, seq) backs it up.
 */
export function appendEvent(buildId: string, event: EmittedEvent, db: Db = getDb()): BuildEvent {
  const checked = emittedEventSchema.parse(event);
  const json = JSON.stringify(checked.payload);
  const at = nowIso();
  return db.transaction(() => {
    const row = stmt(db,
        `INSERT INTO build_events (build_id, seq, type, payload, at)
         SELECT ?, coalesce(max(seq), 0) + 1, ?, ?, ? FROM build_events WHERE build_id = ?
         RETURNING build_id, seq, type, payload, at`,
      )
      .get(buildId, checked.type, json, at, buildId) as EventRow;
    return { buildId: row.build_id, seq: row.seq, at: row.at, ...checked };
  }).immediate();
}

export interface EventPage {
  /** The readable events of the page, in order. */
  events: BuildEvent[];
  /** The seq to read on after (the last row read, readable or not), or null when this was the last page. */
  next: number | null;
}

/** One page of the build's events with seq > afterSeq: `limit` rows at most, unreadable ones skipped. */
export function eventPage(buildId: string, afterSeq: number, limit: number, db: Db = getDb()): EventPage {
  const rows = stmt(db, `SELECT build_id, seq, type, payload, at FROM build_events WHERE build_id = ? AND seq > ? ORDER BY seq LIMIT ?`)
    .all(buildId, afterSeq, limit) as EventRow[];
  const events = rows.map(toEvent).filter((e): e is BuildEvent => e !== null);
  return { events, next: rows.length < limit ? null : rows[rows.length - 1]!.seq };
}

/** Events with seq > afterSeq, in order (afterSeq 0: from the start). `limit` caps the rows read. */
export function eventsSince(buildId: string, afterSeq = 0, limit = 10_000, db: Db = getDb()): BuildEvent[] {
  return eventPage(buildId, afterSeq, limit, db).events;
}

/** How many events of `type` the build has (e.g. its runs: one `build.started` each). */
export function countEvents(buildId: string, type: BuildEventType, db: Db = getDb()): number {
  return (stmt(db, `SELECT count(*) AS n FROM build_events WHERE build_id = ? AND type = ?`).get(buildId, type) as { n: number }).n;
}

/**
 * How long the build's runs so far have worked, in ms: each run from its `build.started` to its last event. A
 * run cut off by a crash ends at the last event it wrote; the time the server was down is not counted.
 */
export function timeSpentInRuns(buildId: string, db: Db = getDb()): number {
  const rows = stmt(db, `SELECT type, at FROM build_events WHERE build_id = ? ORDER BY seq`).all(buildId) as { type: string; at: string }[];
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
export function lastSeq(buildId: string, db: Db = getDb()): number {
  return (stmt(db, `SELECT coalesce(max(seq), 0) AS seq FROM build_events WHERE build_id = ?`).get(buildId) as { seq: number }).seq;
}
