import "server-only";
import pg from "pg";
import { PostgresDialect, type Dialect } from "kysely";
import { postgresMigrations } from "./migrations";

// int8 (count(*), bigint columns): numbers, not strings. Every such value here is a count or a seed, both far
// below 2^53.
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === pg.types.builtins.INT8) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

/** A pool for `url` with the app's type parsing (also used by the live signal and the queue's own client). */
export function postgresPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types });
  // An idle client that loses its server (a restart, a failover) emits here; the next query reconnects.
  pool.on("error", (err) => console.warn(`vernissage: postgres pool: ${err.message}`));
  return pool;
}

/**
 * Kysely's PostgreSQL dialect, with the schema brought up to date before the first query runs (Kysely creates
 * the pool lazily, so opening a handle costs nothing and cannot fail).
 */
export function postgresDialect(url: string): Dialect {
  return new PostgresDialect({
    pool: async () => {
      const pool = postgresPool(url);
      try {
        await migratePostgres(pool);
      } catch (err) {
        await pool.end();
        throw err;
      }
      return pool;
    },
  });
}

// Any 64-bit number shared by every process of the deployment: migrations run one at a time under it.
const MIGRATION_LOCK = 0x7665726e; // "vern"

/**
 * Applies the pending PostgreSQL migrations, each in its own transaction with its version bump, under an
 * advisory lock: web nodes and workers starting at once apply each migration exactly once.
 */
export async function migratePostgres(pool: pg.Pool, list: readonly string[] = postgresMigrations): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await client.query("CREATE TABLE IF NOT EXISTS vernissage_schema (version integer NOT NULL)");
      const { rows } = await client.query<{ version: number }>("SELECT version FROM vernissage_schema");
      let found = rows[0]?.version ?? 0;
      if (rows.length === 0) await client.query("INSERT INTO vernissage_schema (version) VALUES (0)");
      if (found > list.length) {
        throw new Error(
          `The database has schema version ${found}, but this build of Vernissage only knows versions up to ${list.length}. ` +
            `It was written by a newer release: run that release, or point DATABASE_URL at another database.`,
        );
      }
      for (; found < list.length; found++) {
        await client.query("BEGIN");
        try {
          await client.query(list[found]!);
          await client.query("UPDATE vernissage_schema SET version = $1", [found + 1]);
          await client.query("COMMIT");
        } catch (err) {
          await client.query("ROLLBACK");
          throw err;
        }
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
