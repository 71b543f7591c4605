import "server-only";
import type Database from "better-sqlite3";

/**
 * The schema, as an append-only list: migration i brings the database to `user_version` i + 1.
 * Never edit a shipped entry; add a new one.
 */
export const migrations: readonly string[] = [
  /* 1: initial schema */ `
  CREATE TABLE galleries (
    id              TEXT PRIMARY KEY,
    title           TEXT NOT NULL,
    goal            TEXT NOT NULL,
    theme           TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    edit_token_hash BLOB NOT NULL CHECK (length(edit_token_hash) = 32),
    remixed_from    TEXT REFERENCES galleries(id) ON DELETE SET NULL
  );

  CREATE TABLE assets (
    sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    media_type TEXT NOT NULL,
    bytes      INTEGER NOT NULL CHECK (bytes >= 0),
    created_at TEXT NOT NULL
  );

  CREATE TABLE exhibits (
    id                 TEXT PRIMARY KEY,
    gallery_id         TEXT NOT NULL REFERENCES galleries(id) ON DELETE CASCADE,
    key                TEXT NOT NULL,
    ord                INTEGER NOT NULL,
    title              TEXT NOT NULL,
    description        TEXT NOT NULL DEFAULT '',
    prompt             TEXT NOT NULL,
    seed               INTEGER NOT NULL DEFAULT 0,
    status             TEXT NOT NULL CHECK (status IN ('planned','drawing','modelling','ready','failed')),
    error              TEXT,
    placement          TEXT NOT NULL,
    image_sha          TEXT REFERENCES assets(sha256),
    model_sha          TEXT REFERENCES assets(sha256),
    original_model_sha TEXT REFERENCES assets(sha256),
    height             REAL NOT NULL DEFAULT 0,
    version            INTEGER NOT NULL DEFAULT 0,
    provenance         TEXT NOT NULL DEFAULT '[]',
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    UNIQUE (gallery_id, key)
  );
  CREATE INDEX exhibits_by_gallery ON exhibits (gallery_id, ord);

  CREATE TABLE exhibit_versions (
    exhibit_id         TEXT NOT NULL REFERENCES exhibits(id) ON DELETE CASCADE,
    version            INTEGER NOT NULL CHECK (version >= 1),
    title              TEXT NOT NULL,
    description        TEXT NOT NULL DEFAULT '',
    prompt             TEXT NOT NULL,
    seed               INTEGER NOT NULL,
    image_sha          TEXT REFERENCES assets(sha256),
    model_sha          TEXT REFERENCES assets(sha256),
    original_model_sha TEXT REFERENCES assets(sha256),
    height             REAL NOT NULL DEFAULT 0,
    provenance         TEXT NOT NULL DEFAULT '[]',
    created_at         TEXT NOT NULL,
    PRIMARY KEY (exhibit_id, version)
  ) WITHOUT ROWID;

  CREATE TABLE builds (
    id           TEXT PRIMARY KEY,
    gallery_id   TEXT NOT NULL REFERENCES galleries(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('gallery','regenerate','swap')),
    exhibit_id   TEXT REFERENCES exhibits(id) ON DELETE SET NULL,
    status       TEXT NOT NULL CHECK (status IN ('queued','running','succeeded','failed','cancelled','interrupted')),
    goal         TEXT NOT NULL DEFAULT '',
    budget       TEXT NOT NULL DEFAULT '{}',
    counters     TEXT NOT NULL DEFAULT '{}',
    error        TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    heartbeat_at TEXT
  );
  CREATE INDEX builds_by_gallery ON builds (gallery_id, created_at);
  CREATE INDEX builds_active ON builds (status) WHERE status IN ('queued','running');

  CREATE TABLE build_events (
    build_id TEXT NOT NULL REFERENCES builds(id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL CHECK (seq >= 1),
    type     TEXT NOT NULL,
    payload  TEXT NOT NULL,
    at       TEXT NOT NULL,
    PRIMARY KEY (build_id, seq)
  ) WITHOUT ROWID;

  CREATE TABLE space_call_cache (
    key         TEXT PRIMARY KEY,
    space       TEXT NOT NULL,
    endpoint    TEXT NOT NULL,
    outputs     TEXT NOT NULL,
    duration_ms INTEGER NOT NULL,
    created_at  TEXT NOT NULL
  );

  CREATE TABLE gallery_tools (
    gallery_id TEXT NOT NULL REFERENCES galleries(id) ON DELETE CASCADE,
    space      TEXT NOT NULL,
    tool       TEXT NOT NULL,
    added_at   TEXT NOT NULL,
    PRIMARY KEY (gallery_id, space)
  );
  `,
  /* 2: builds run by workers (PostgreSQL deployments): who holds a build's lease, and a cancel request any
     process can make. The embedded default leaves them empty. */ `
  ALTER TABLE builds ADD COLUMN owner TEXT;
  ALTER TABLE builds ADD COLUMN cancel_requested INTEGER NOT NULL DEFAULT 0;
  `,
];

/**
 * The same schema for PostgreSQL, as its own append-only list (version kept in `vernissage_schema`). Differences:
 * BYTEA for the token hash, BIGINT for seeds, DOUBLE PRECISION for heights, and `builds.rowid`, an identity
 * column standing in for SQLite's implicit rowid (the tie-break of builds created in the same millisecond).
 */
export const postgresMigrations: readonly string[] = [
  /* 1: initial schema */ `
  CREATE TABLE galleries (
    id              TEXT PRIMARY KEY,
    title           TEXT NOT NULL,
    goal            TEXT NOT NULL,
    theme           TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    edit_token_hash BYTEA NOT NULL CHECK (length(edit_token_hash) = 32),
    remixed_from    TEXT REFERENCES galleries(id) ON DELETE SET NULL
  );

  CREATE TABLE assets (
    sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    media_type TEXT NOT NULL,
    bytes      BIGINT NOT NULL CHECK (bytes >= 0),
    created_at TEXT NOT NULL
  );

  CREATE TABLE exhibits (
    id                 TEXT PRIMARY KEY,
    gallery_id         TEXT NOT NULL REFERENCES galleries(id) ON DELETE CASCADE,
    key                TEXT NOT NULL,
    ord                INTEGER NOT NULL,
    title              TEXT NOT NULL,
    description        TEXT NOT NULL DEFAULT '',
    prompt             TEXT NOT NULL,
    seed               BIGINT NOT NULL DEFAULT 0,
    status             TEXT NOT NULL CHECK (status IN ('planned','drawing','modelling','ready','failed')),
    error              TEXT,
    placement          TEXT NOT NULL,
    image_sha          TEXT REFERENCES assets(sha256),
    model_sha          TEXT REFERENCES assets(sha256),
    original_model_sha TEXT REFERENCES assets(sha256),
    height             DOUBLE PRECISION NOT NULL DEFAULT 0,
    version            INTEGER NOT NULL DEFAULT 0,
    provenance         TEXT NOT NULL DEFAULT '[]',
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    UNIQUE (gallery_id, key)
  );
  CREATE INDEX exhibits_by_gallery ON exhibits (gallery_id, ord);

  CREATE TABLE exhibit_versions (
    exhibit_id         TEXT NOT NULL REFERENCES exhibits(id) ON DELETE CASCADE,
    version            INTEGER NOT NULL CHECK (version >= 1),
    title              TEXT NOT NULL,
    description        TEXT NOT NULL DEFAULT '',
    prompt             TEXT NOT NULL,
    seed               BIGINT NOT NULL,
    image_sha          TEXT REFERENCES assets(sha256),
    model_sha          TEXT REFERENCES assets(sha256),
    original_model_sha TEXT REFERENCES assets(sha256),
    height             DOUBLE PRECISION NOT NULL DEFAULT 0,
    provenance         TEXT NOT NULL DEFAULT '[]',
    created_at         TEXT NOT NULL,
    PRIMARY KEY (exhibit_id, version)
  );

  CREATE TABLE builds (
    id           TEXT PRIMARY KEY,
    rowid        BIGINT GENERATED ALWAYS AS IDENTITY,
    gallery_id   TEXT NOT NULL REFERENCES galleries(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('gallery','regenerate','swap')),
    exhibit_id   TEXT REFERENCES exhibits(id) ON DELETE SET NULL,
    status       TEXT NOT NULL CHECK (status IN ('queued','running','succeeded','failed','cancelled','interrupted')),
    goal         TEXT NOT NULL DEFAULT '',
    budget       TEXT NOT NULL DEFAULT '{}',
    counters     TEXT NOT NULL DEFAULT '{}',
    error        TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    heartbeat_at TEXT
  );
  CREATE INDEX builds_by_gallery ON builds (gallery_id, created_at);
  CREATE INDEX builds_active ON builds (status) WHERE status IN ('queued','running');

  CREATE TABLE build_events (
    build_id TEXT NOT NULL REFERENCES builds(id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL CHECK (seq >= 1),
    type     TEXT NOT NULL,
    payload  TEXT NOT NULL,
    at       TEXT NOT NULL,
    PRIMARY KEY (build_id, seq)
  );

  CREATE TABLE space_call_cache (
    key         TEXT PRIMARY KEY,
    space       TEXT NOT NULL,
    endpoint    TEXT NOT NULL,
    outputs     TEXT NOT NULL,
    duration_ms BIGINT NOT NULL,
    created_at  TEXT NOT NULL
  );

  CREATE TABLE gallery_tools (
    gallery_id TEXT NOT NULL REFERENCES galleries(id) ON DELETE CASCADE,
    space      TEXT NOT NULL,
    tool       TEXT NOT NULL,
    added_at   TEXT NOT NULL,
    PRIMARY KEY (gallery_id, space)
  );
  `,
  /* 2: as SQLite's 2 */ `
  ALTER TABLE builds ADD COLUMN owner TEXT;
  ALTER TABLE builds ADD COLUMN cancel_requested INTEGER NOT NULL DEFAULT 0;
  `,
];

export class DatabaseTooNewError extends Error {
  constructor(found: number, known: number) {
    super(
      `The database has schema version ${found}, but this build of Vernissage only knows versions up to ${known}. ` +
        `It was written by a newer release: run that release, or point DATA_DIR at another directory.`,
    );
    this.name = "DatabaseTooNewError";
  }
}

function userVersion(db: Database.Database): number {
  return db.pragma("user_version", { simple: true }) as number;
}

/** Applies the pending migrations, each in its own transaction with its `user_version` bump. */
export function migrate(db: Database.Database, list: readonly string[] = migrations): void {
  const found = userVersion(db);
  if (found > list.length) throw new DatabaseTooNewError(found, list.length);
  for (let target = found + 1; target <= list.length; target++) {
    const sql = list[target - 1]!;
    // IMMEDIATE takes the write lock before reading the version, so two processes opening a fresh file at
    // once don't both apply the same migration: the second waits, then sees it is already done.
    db.transaction(() => {
      const current = userVersion(db);
      if (current >= target) return;
      db.exec(sql);
      db.pragma(`user_version = ${target}`);
    }).immediate();
  }
}
