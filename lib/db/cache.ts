import "server-only";
import { z } from "zod";
import type { CachedCall, CallCache } from "@/lib/contracts/call-cache";
import { getDb, type Db } from "./connection";
import { parseJson } from "./schemas";

const cachedCallSchema = z.object({
  space: z.string(),
  endpoint: z.string(),
  outputs: z.array(z.unknown()),
  durationMs: z.number().nonnegative(),
  createdAt: z.string(),
});

/**
 * The Space-call cache on the `space_call_cache` table: survives restarts, shared by all galleries — and, on
 * PostgreSQL, by every worker, so a build resumed on another machine finds the calls its first worker finished.
 */
export class DbCallCache implements CallCache {
  // Resolved lazily so constructing the cache at module load does not open the database.
  constructor(private readonly db: () => Db = getDb) {}

  async get(key: string): Promise<CachedCall | null> {
    const row = await this.db()
      .selectFrom("space_call_cache")
      .select(["space", "endpoint", "outputs", "duration_ms", "created_at"])
      .where("key", "=", key)
      .executeTakeFirst();
    if (!row) return null;
    return { space: row.space, endpoint: row.endpoint, outputs: parseJson<unknown[]>(row.outputs), durationMs: row.duration_ms, createdAt: row.created_at };
  }

  async put(key: string, value: CachedCall): Promise<void> {
    const v = cachedCallSchema.parse(value);
    const row = { space: v.space, endpoint: v.endpoint, outputs: JSON.stringify(v.outputs), duration_ms: Math.round(v.durationMs), created_at: v.createdAt };
    // Last write wins: two builds racing on the same key computed equivalent results.
    await this.db()
      .insertInto("space_call_cache")
      .values({ key, ...row })
      .onConflict((oc) => oc.column("key").doUpdateSet(row))
      .execute();
  }

  /** Drops one entry (e.g. an output later found broken). */
  async delete(key: string): Promise<void> {
    await this.db().deleteFrom("space_call_cache").where("key", "=", key).execute();
  }
}

/** A cache bound to one handle (tests) or, by default, to the process-wide database (SQLite or PostgreSQL). */
export function dbCallCache(db?: Db): DbCallCache {
  return new DbCallCache(db ? () => db : getDb);
}
