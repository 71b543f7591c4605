import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrate } from "./migrations";
import { configValue } from "@/lib/platform/config";
import { processSingleton } from "@/lib/platform/singleton";

export type Db = Database.Database;

/** Where the database and the assets live: `DATA_DIR`, or `./data` beside the process. */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ configValue("DATA_DIR"));
}

export const DB_FILE_NAME = "vernissage.db";

/**
 * Opens (creating on first use) the database in `dir` and brings its schema up to date.
 * Tests call this with a temp dir; the app uses {@link getDb}.
 */
export function openDb(dir: string = dataDir()): Db {
  fs.mkdirSync(dir, { recursive: true });
  const db = new Database(path.join(dir, DB_FILE_NAME));
  try {
    // WAL: readers (page renders, the asset route) never block the writer (a running build), and a
    // commit is one sequential append.
    db.pragma("journal_mode = WAL");
    // With WAL, NORMAL is safe: a commit is fsynced at checkpoint instead of per transaction, so a crash of
    // the process (even SIGKILL) loses nothing and an OS crash/power loss can only roll back the last few
    // commits — the file is never corrupted. FULL would buy durability of those last commits for an
    // fsync on every event append.
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    // Another process (a second Next worker, a script) may hold the write lock for a moment: wait for it
    // instead of failing with SQLITE_BUSY.
    db.pragma("busy_timeout = 5000");
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

// Compiling a statement costs more than running a small one, and a build runs the same few hundred times
// (an event append per progress report): each connection keeps its statements, compiled once. Only fixed SQL
// text goes through here, so the cache is bounded by the code.
const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/** `db.prepare(sql)`, compiled once per connection. */
export function stmt(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

/** The process-wide connection for `DATA_DIR`. */
export function getDb(): Db {
  const handles = processSingleton("db", () => new Map<string, Db>());
  const dir = dataDir();
  let db = handles.get(dir);
  if (!db || !db.open) {
    db = openDb(dir);
    handles.set(dir, db);
  }
  return db;
}

/** Closes the singleton connections (tests, graceful shutdown). */
export function closeDbs(): void {
  const handles = processSingleton("db", () => new Map<string, Db>());
  for (const db of handles.values()) if (db.open) db.close();
  handles.clear();
}
