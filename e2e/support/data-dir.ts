// Reads a Vernissage DATA_DIR from outside the server: the SQLite file (integrity, every row that must never be
// lost or changed), the content-addressed asset files, and the output folders of the built-in Spaces.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

export const DB_FILE = "vernissage.db";

export interface ExhibitRow {
  id: string;
  gallery_id: string;
  key: string;
  status: string;
  version: number;
  image_sha: string | null;
  model_sha: string | null;
  original_model_sha: string | null;
}

export interface CacheRow {
  key: string;
  space: string;
  outputs: string;
  created_at: string;
}

export interface Snapshot {
  integrity: string;
  foreignKeyProblems: number;
  /** Rows that must survive unchanged, by table and primary key, as their JSON. */
  galleries: Map<string, string>;
  versions: Map<string, string>;
  events: Map<string, string>;
  assets: Map<string, string>;
  exhibits: Map<string, ExhibitRow>;
  builds: Map<string, { gallery_id: string; status: string; kind: string }>;
  cache: Map<string, CacheRow>;
}

function read(db: Database.Database): Snapshot {
  const rows = <T>(sql: string) => db.prepare(sql).all() as T[];
  const byKey = <T>(list: T[], key: (r: T) => string) => new Map(list.map((r) => [key(r), JSON.stringify(r)]));
  return {
    integrity: (db.prepare("PRAGMA integrity_check").all() as { integrity_check: string }[]).map((r) => r.integrity_check).join("; "),
    foreignKeyProblems: db.prepare("PRAGMA foreign_key_check").all().length,
    galleries: byKey(rows<{ id: string }>("SELECT * FROM galleries"), (r) => r.id),
    versions: byKey(rows<{ exhibit_id: string; version: number }>("SELECT * FROM exhibit_versions"), (r) => `${r.exhibit_id}#${r.version}`),
    events: byKey(rows<{ build_id: string; seq: number }>("SELECT * FROM build_events"), (r) => `${r.build_id}#${r.seq}`),
    assets: byKey(rows<{ sha256: string }>("SELECT * FROM assets"), (r) => r.sha256),
    exhibits: new Map(rows<ExhibitRow>("SELECT * FROM exhibits").map((r) => [r.id, r])),
    builds: new Map(rows<{ id: string; gallery_id: string; status: string; kind: string }>("SELECT id, gallery_id, status, kind FROM builds").map((r) => [r.id, r])),
    cache: new Map(rows<CacheRow>("SELECT key, space, outputs, created_at FROM space_call_cache").map((r) => [r.key, r])),
  };
}

/**
 * Everything in the database of a server that is NOT running (e.g. just SIGKILLed), read from a copy of the
 * files as the crash left them — so the next server start still does its own recovery from the raw state.
 */
export function snapshotStopped(dataDir: string): Snapshot {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vernissage-crash-copy-"));
  try {
    for (const suffix of ["", "-wal", "-shm"]) {
      const from = path.join(dataDir, DB_FILE + suffix);
      if (fs.existsSync(from)) fs.copyFileSync(from, path.join(tmp, DB_FILE + suffix));
    }
    const db = new Database(path.join(tmp, DB_FILE), { fileMustExist: true });
    try {
      return read(db);
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** A quick read-only look at the database of a running server. */
export function peek<T>(dataDir: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path.join(dataDir, DB_FILE), { readonly: true, fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    return fn(db);
  } finally {
    db.close();
  }
}

const sha256 = (bytes: Buffer) => crypto.createHash("sha256").update(bytes).digest("hex");

/**
 * Asset files that are broken: a row whose file is missing or does not hash to its name, or any file named
 * like an asset whose bytes do not hash to its name. (Temp files a crash left mid-write are not assets.)
 */
export function assetFileProblems(dataDir: string, snapshot: Snapshot): string[] {
  const problems: string[] = [];
  const root = path.join(dataDir, "assets");
  const onDisk = new Map<string, string>();
  for (const dir of fs.existsSync(root) ? fs.readdirSync(root) : []) {
    for (const name of fs.readdirSync(path.join(root, dir))) {
      const m = /^([0-9a-f]{64})\.[a-z]+$/.exec(name);
      if (!m) continue;
      const file = path.join(root, dir, name);
      const actual = sha256(fs.readFileSync(file));
      if (actual !== m[1]) problems.push(`${name}: bytes hash to ${actual}`);
      onDisk.set(m[1]!, file);
    }
  }
  for (const [sha, json] of snapshot.assets) {
    if (!onDisk.has(sha)) problems.push(`${sha}: row without a file`);
    const { bytes } = JSON.parse(json) as { bytes: number };
    const file = onDisk.get(sha);
    if (file && fs.statSync(file).size !== bytes) problems.push(`${sha}: ${fs.statSync(file).size} bytes on disk, ${bytes} in its row`);
  }
  return problems;
}

export interface SpaceOutput {
  space: string;
  file: string;
  mtimeMs: number;
}

/**
 * The files the built-in Spaces wrote, by "<space>/<sha256 of the bytes>" (their store is content-addressed:
 * <dir>/<space>/<sha256>/<name>; it holds uploads too). A Space that runs a call again writes the same bytes to
 * the same file and refreshes its mtime, so an unchanged mtime means the call was not executed again.
 */
export function spaceOutputs(filesDir: string): Map<string, SpaceOutput> {
  const out = new Map<string, SpaceOutput>();
  for (const space of fs.existsSync(filesDir) ? fs.readdirSync(filesDir) : []) {
    for (const sha of fs.readdirSync(path.join(filesDir, space))) {
      if (!/^[0-9a-f]{64}$/.test(sha)) continue;
      for (const name of fs.readdirSync(path.join(filesDir, space, sha))) {
        if (name.startsWith(".")) continue; // a temp file of a write cut short
        const file = path.join(filesDir, space, sha, name);
        out.set(`${space}/${sha}`, { space, file, mtimeMs: fs.statSync(file).mtimeMs });
      }
    }
  }
  return out;
}

/** Where a cached call's output lives in the built-in Spaces' stores: "<space>/<sha256>" (null: not a built-in file). */
export function cachedOutputKey(row: CacheRow): string | null {
  const space = /^builtin:([a-z0-9-]+)/.exec(row.space)?.[1];
  const outputs = JSON.parse(row.outputs) as unknown[];
  const first = outputs[0] as { kind?: string; sha256?: string } | undefined;
  return space && first?.kind === "asset" && typeof first.sha256 === "string" ? `${space}/${first.sha256}` : null;
}
