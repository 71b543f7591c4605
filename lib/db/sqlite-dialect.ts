import "server-only";
import type Database from "better-sqlite3";
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDriver,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type SqliteDatabase,
} from "kysely";

/**
 * Kysely's SQLite dialect over one better-sqlite3 connection, with two changes:
 * - statements are compiled once per connection (Kysely's driver prepares every query afresh, and a build runs
 *   the same few statements hundreds of times: an event append per progress report);
 * - a transaction begins IMMEDIATE (takes the write lock before its first read), so a read-modify-write such as
 *   "next seq = max + 1" cannot be overtaken by another process on the same file, as before.
 * Kysely's driver serialises everything on the one connection with a mutex that a transaction holds until it
 * ends: two async transactions in this process never interleave, and a query outside one waits for it.
 */
export function immediateSqliteDialect(raw: Database.Database): Dialect {
  const database = cachingDatabase(raw);
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: (): Driver => new ImmediateSqliteDriver({ database }),
    createQueryCompiler: () => new SqliteQueryCompiler(),
    createIntrospector: (db: Kysely<unknown>) => new SqliteIntrospector(db),
  };
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

// Kysely compiles values to parameters, so the SQL texts are those of the code, times the lengths of the
// `IN (…)` lists the gallery view builds: bounded anyway, oldest dropped first.
const MAX_STATEMENTS = 500;

function cachingDatabase(raw: Database.Database): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => raw.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
        statements.set(sql, (statement = raw.prepare(sql)));
      }
      return statement as unknown as ReturnType<SqliteDatabase["prepare"]>;
    },
  };
}
