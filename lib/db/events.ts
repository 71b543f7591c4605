import "server-only";
import { z } from "zod";
import { buildEventTypes, type BuildEvent, type BuildEventType } from "@/lib/contracts/build-events";
import { getDb, stmt, type Db } from "./connection";
import { nowIso } from "./ids";
import { jsonObjectSchema, parseJson } from "./schemas";

interface EventRow {
  build_id: string;
  seq: number;
  type: BuildEventType;
  payload: string;
  at: string;
}

const typeSchema = z.enum(buildEventTypes);

function toEvent(row: EventRow): BuildEvent {
  return { buildId: row.build_id, seq: row.seq, type: row.type, payload: parseJson<Record<string, unknown>>(row.payload), at: row.at };
}

/**
 * Persists an event with the build's next sequence number (1, 2, 3…, no gaps) and returns it.
 * The max+1 is read and written inside one IMMEDIATE transaction, so appends from parallel tool calls, or
 * from another process on the same file, are serialised; PRIMARY KEY(build_id, seq) backs it up.
 */
export function appendEvent(buildId: string, type: BuildEventType, payload: Record<string, unknown>, db: Db = getDb()): BuildEvent {
  const t = typeSchema.parse(type);
  const json = JSON.stringify(jsonObjectSchema.parse(payload));
  const at = nowIso();
  return db.transaction(() => {
    const row = stmt(db, 
        `INSERT INTO build_events (build_id, seq, type, payload, at)
         SELECT ?, coalesce(max(seq), 0) + 1, ?, ?, ? FROM build_events WHERE build_id = ?
         RETURNING build_id, seq, type, payload, at`,
      )
      .get(buildId, t, json, at, buildId) as EventRow;
    return toEvent(row);
  }).immediate();
}

/** Events with seq > afterSeq, in order (afterSeq 0: from the start). `limit` pages a long replay. */
export function eventsSince(buildId: string, afterSeq = 0, limit = 10_000, db: Db = getDb()): BuildEvent[] {
  const rows = stmt(db, `SELECT build_id, seq, type, payload, at FROM build_events WHERE build_id = ? AND seq > ? ORDER BY seq LIMIT ?`)
    .all(buildId, afterSeq, limit) as EventRow[];
  return rows.map(toEvent);
}

/** How many events of `type` the build has (e.g. its runs: one `build.started` each). */
export function countEvents(buildId: string, type: BuildEventType, db: Db = getDb()): number {
  return (stmt(db, `SELECT count(*) AS n FROM build_events WHERE build_id = ? AND type = ?`).get(buildId, typeSchema.parse(type)) as { n: number }).n;
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
