import "server-only";
import { z } from "zod";
import type { CachedCall, CallCache } from "@/lib/contracts/call-cache";
import { getDb, stmt, type Db } from "./connection";
import { parseJson } from "./schemas";

const cachedCallSchema = z.object({
  space: z.string(),
  endpoint: z.string(),
  outputs: z.array(z.unknown()),
  durationMs: z.number().nonnegative(),
  createdAt: z.string(),
});

interface CacheRow {
  space: string;
  endpoint: string;
  outputs: string;
  duration_ms: number;
  created_at: string;
}

/** The Space-call cache on the `space_call_cache` table: survives restarts, shared by all galleries. */
export class SqliteCallCache implements CallCache {
  // Resolved lazily so constructing the cache at module load does not open the database.
  constructor(private readonly db: () => Db = getDb) {}

  async get(key: string): Promise<CachedCall | null> {
    const row = stmt(this.db(), `SELECT space, endpoint, outputs, duration_ms, created_at FROM space_call_cache WHERE key = ?`)
      .get(key) as CacheRow | undefined;
    if (!row) return null;
    return { space: row.space, endpoint: row.endpoint, outputs: parseJson<unknown[]>(row.outputs), durationMs: row.duration_ms, createdAt: row.created_at };
  }

  async put(key: string, value: CachedCall): Promise<void> {
    const v = cachedCallSchema.parse(value);
    // Last write wins: two builds racing on the same key computed equivalent results.
    stmt(this.db(), 
        `INSERT INTO space_call_cache (key, space, endpoint, outputs, duration_ms, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET space = excluded.space, endpoint = excluded.endpoint, outputs = excluded.outputs,
           duration_ms = excluded.duration_ms, created_at = excluded.created_at`,
      )
      .run(key, v.space, v.endpoint, JSON.stringify(v.outputs), Math.round(v.durationMs), v.createdAt);
  }

  /** Drops one entry (e.g. an output later found broken). */
  async delete(key: string): Promise<void> {
    stmt(this.db(), `DELETE FROM space_call_cache WHERE key = ?`).run(key);
  }
}

/** A cache bound to one handle (tests) or, by default, to the process-wide database. */
export function sqliteCallCache(db?: Db): SqliteCallCache {
  return new SqliteCallCache(db ? () => db : getDb);
}
