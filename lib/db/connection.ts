import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Kysely, PostgresAdapter } from "kysely";
import { migrate } from "./migrations";
import { postgresDialect } from "./postgres";
import type { Schema } from "./schema";
import { immediateSqliteDialect } from "./sqlite-dialect";
import { configValue } from "@/lib/platform/config";
import { processSingleton } from "@/lib/platform/singleton";

/**
 * A handle on the database: Kysely over SQLite (the embedded default) or PostgreSQL (`DATABASE_URL`). Every
 * repository takes one (default: the process's), or a transaction, which is a handle too.
 */
export type Db = Kysely<Schema>;

/** Where the database and the assets live: `DATA_DIR`, or `./data` beside the process. */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ configValue("DATA_DIR"));
}

export const DB_FILE_NAME = "vernissage.db";

/**
 * Opens (creating on first use) the SQLite database in `dir` and brings its schema up to date.
 * Tests call this with a temp dir; the app uses {@link getDb}.
 */
export function openDb(dir: string = dataDir()): Db {
  fs.mkdirSync(dir, { recursive: true });
  const raw = new Database(path.join(dir, DB_FILE_NAME));
  try {
    // WAL: readers (page renders, the asset route) never block the writer (a running build), and a
    // commit is one sequential append.
    raw.pragma("journal_mode = WAL");
    // With WAL, NORMAL is safe: a commit is fsynced at checkpoint instead of per transaction, so a crash of
    // the process (even SIGKILL) loses nothing and an OS crash/power loss can only roll back the last few
    // commits — the file is never corrupted. FULL would buy durability of those last commits for an
    // fsync on every event append.
    raw.pragma("synchronous = NORMAL");
    raw.pragma("foreign_keys = ON");
    // Another process (a second Next worker, a script) may hold the write lock for a moment: wait for it
    // instead of failing with SQLITE_BUSY.
    raw.pragma("busy_timeout = 5000");
    migrate(raw);
  } catch (err) {
    raw.close();
    throw err;
  }
  return new Kysely<Schema>({ dialect: immediateSqliteDialect(raw) });
}

/** A handle on the PostgreSQL database at `url`; its schema is brought up to date on first use. */
export function openPostgres(url: string): Db {
  return new Kysely<Schema>({ dialect: postgresDialect(url) });
}

/** True when `db` (a handle or a transaction) speaks to PostgreSQL. */
export function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** True when the deployment's data lives in PostgreSQL (`DATABASE_URL` set): builds then run in workers. */
export function usesPostgres(): boolean {
  return configValue("DATABASE_URL") !== undefined;
}

/**
 * The process-wide handle: PostgreSQL when `DATABASE_URL` is set, else SQLite under `DATA_DIR`.
 */
export function getDb(): Db {
  const handles = processSingleton("db", () => new Map<string, Db>());
  const url = configValue("DATABASE_URL");
  const key = url ?? dataDir();
  let db = handles.get(key);
  if (!db) {
    db = url ? openPostgres(url) : openDb(key);
    handles.set(key, db);
  }
  return db;
}

/** Closes the singleton connections (tests, graceful shutdown). */
export async function closeDbs(): Promise<void> {
  const handles = processSingleton("db", () => new Map<string, Db>());
  const all = [...handles.values()];
  handles.clear();
  await Promise.all(all.map((db) => db.destroy()));
}

/**
 * Runs `fn` in a transaction: all of it or none. Inside one already (a repository called by another's
 * transaction), `fn` joins it. On SQLite the transaction holds the one connection, so it runs alone; on
 * PostgreSQL, repositories that read-modify-write lock their row first ({@link lockRow}).
 */
export async function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute(fn);
}

/**
 * A read-only transaction that sees one moment of the database (the gallery view: never half of a build's
 * update). SQLite's transaction already does; PostgreSQL needs REPEATABLE READ for it.
 */
export async function inSnapshot<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  if (isPostgres(db)) return db.transaction().setIsolationLevel("repeatable read").setAccessMode("read only").execute(fn);
  return db.transaction().execute(fn);
}

type LockableTable = "builds" | "exhibits" | "galleries";

/**
 * Inside a transaction, locks one row until it ends (PostgreSQL `SELECT … FOR UPDATE`), so read-modify-writes
 * by several processes on the same row queue up instead of losing an update. SQLite needs nothing: an IMMEDIATE
 * transaction already holds the whole database's write lock.
 */
export async function lockRow(trx: Db, table: LockableTable, id: string): Promise<void> {
  if (!isPostgres(trx)) return;
  await trx.selectFrom(table).select("id").where("id", "=", id).forUpdate().execute();
}
