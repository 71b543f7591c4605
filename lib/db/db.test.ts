import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { DB_FILE_NAME, closeDbs, getDb, openDb, type Db } from "./connection";
import { DatabaseTooNewError, migrate, migrations } from "./migrations";
import { createGallery, getGallery, verifyEditToken } from "./galleries";
import {
  createExhibit,
  createExhibits,
  getExhibit,
  listExhibits,
  listExhibitVersions,
  reorderExhibits,
  restoreExhibitVersion,
  setExhibitPicture,
  setExhibitResult,
  setExhibitStatus,
  updatePlacement,
} from "./exhibits";
import { createBuild, finishBuild, findInterruptedBuilds, incrementCounters, updateBuild } from "./builds";
import type { BuildEvent, EmittedEvent } from "@/lib/contracts/build-events";
import { appendEvent, eventPage, eventsSince, lastSeq, timeSpentInRuns } from "./events";
import { sqliteCallCache } from "./cache";
import { listGalleryTools, putGalleryTool, removeGalleryTool } from "./tools";
import { getExhibitView, getGalleryView } from "./view";
import { remixGallery } from "./remix";
import { InvalidTransitionError } from "./errors";
import { makeTempDataDir } from "./testing/temp-dir";

const temp = makeTempDataDir("vernissage-db-");
afterAll(() => {
  closeDbs();
  temp.cleanup();
});

let dir: string;
let db: Db;
let counter = 0;
beforeEach(() => {
  dir = path.join(temp.dir, `case-${counter++}`);
  db = openDb(dir);
});
afterEach(() => db.close());

/** Registers an asset row directly (the FileAssetStore is tested on its own). */
function fakeAsset(name: string, mediaType = "model/gltf-binary"): string {
  const sha = Buffer.from(name.padEnd(32, "_")).toString("hex").slice(0, 64);
  db.prepare(`INSERT OR IGNORE INTO assets (sha256, media_type, bytes, created_at) VALUES (?, ?, 10, 'now')`).run(sha, mediaType);
  return sha;
}

function result(tag: string) {
  return { imageSha: fakeAsset(`img-${tag}`, "image/png"), modelSha: fakeAsset(`glb-${tag}`), originalModelSha: fakeAsset(`raw-${tag}`), height: 1.6 };
}

const started = (resumed: boolean): EmittedEvent => ({ type: "build.started", payload: { kind: "gallery", resumed, message: "Build started." } });
const delta = (i: number): EmittedEvent => ({ type: "thought.delta", payload: { step: i, phase: "step", delta: `${i} ` } });
const progress = (i: number): EmittedEvent => ({
  type: "tool.progress",
  payload: { capability: "image-to-3d", space: "s", endpoint: "/e", stage: "running", position: i },
});
const eventIndex = (e: BuildEvent) => (e.type === "thought.delta" ? e.payload.step : e.type === "tool.progress" ? e.payload.position : null);

describe("connection and migrations", () => {
  it("creates the schema on an empty directory, in WAL mode", () => {
    expect(fs.existsSync(path.join(dir, DB_FILE_NAME))).toBe(true);
    expect(db.pragma("user_version", { simple: true })).toBe(migrations.length);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(
      ["assets", "build_events", "builds", "exhibit_versions", "exhibits", "gallery_tools", "galleries", "space_call_cache"].sort(),
    );
  });

  it("keeps data across a reopen", () => {
    const { id } = createGallery({ title: "Birds", goal: "birds of the north" }, db);
    db.close();
    db = openDb(dir);
    expect(getGallery(id, db)?.title).toBe("Birds");
  });

  it("applies a later migration to an existing database, keeping its data", () => {
    const { id } = createGallery({ title: "Birds", goal: "g" }, db);
    const next = [...migrations, `ALTER TABLE galleries ADD COLUMN subtitle TEXT NOT NULL DEFAULT 'new'`];
    migrate(db, next);
    migrate(db, next); // idempotent
    expect(db.pragma("user_version", { simple: true })).toBe(next.length);
    expect(db.prepare(`SELECT title, subtitle FROM galleries WHERE id = ?`).get(id)).toEqual({ title: "Birds", subtitle: "new" });
  });

  it("rolls back a migration that fails, version included", () => {
    expect(() => migrate(db, [...migrations, `CREATE TABLE extra (x); INSERT INTO nowhere VALUES (1);`])).toThrow(/nowhere/);
    expect(db.pragma("user_version", { simple: true })).toBe(migrations.length);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'extra'`).get()).toBeUndefined();
  });

  it("refuses a database written by a newer release", () => {
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.close();
    expect(() => openDb(dir)).toThrow(DatabaseTooNewError);
    db = new Database(path.join(dir, DB_FILE_NAME)); // for afterEach
  });

  it("getDb is one handle per DATA_DIR", () => {
    expect(getDb()).toBe(getDb());
    expect(getDb().name).toBe(path.join(temp.dir, DB_FILE_NAME));
  });
});

describe("galleries", () => {
  it("issues unguessable ids and tokens and stores only the token's hash", () => {
    const { id, editToken } = createGallery({ title: "t", goal: "g" }, db);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(editToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const dump = JSON.stringify(db.prepare(`SELECT * FROM galleries`).all());
    expect(dump).not.toContain(editToken);
  });

  it("verifies the right token only for its own gallery", () => {
    const a = createGallery({ title: "a", goal: "a" }, db);
    const b = createGallery({ title: "b", goal: "b" }, db);
    expect(verifyEditToken(a.id, a.editToken, db)).toBe(true);
    expect(verifyEditToken(a.id, b.editToken, db)).toBe(false);
    expect(verifyEditToken(a.id, a.editToken.slice(0, -1), db)).toBe(false);
    expect(verifyEditToken(a.id, "", db)).toBe(false);
    expect(verifyEditToken(a.id, null, db)).toBe(false);
    expect(verifyEditToken("no-such-gallery", a.editToken, db)).toBe(false);
  });
});

describe("exhibits", () => {
  it("walks the lifecycle, versions each result and restores an earlier one", () => {
    const { id: galleryId } = createGallery({ title: "t", goal: "g" }, db);
    const ex = createExhibit(galleryId, { key: "owl", title: "Owl", prompt: "a snowy owl", seed: 7 }, db);
    expect(ex.status).toBe("planned");
    expect(() => setExhibitStatus(ex.id, "ready", {}, db)).toThrow(InvalidTransitionError);
    setExhibitStatus(ex.id, "drawing", {}, db);
    setExhibitStatus(ex.id, "modelling", {}, db);
    const v1 = setExhibitResult(ex.id, result("1"), db);
    expect(v1).toMatchObject({ status: "ready", version: 1, height: 1.6 });

    setExhibitStatus(ex.id, "drawing", {}, db);
    const v2 = setExhibitResult(ex.id, { ...result("2"), prompt: "a great grey owl", seed: 8 }, db);
    expect(v2).toMatchObject({ version: 2, prompt: "a great grey owl", seed: 8 });

    const back = restoreExhibitVersion(ex.id, 1, db);
    expect(back).toMatchObject({ version: 1, prompt: "a snowy owl", seed: 7, modelSha: v1.modelSha, status: "ready" });
    // History is kept, and the next result goes after the newest, not after the current.
    expect(listExhibitVersions(ex.id, db).map((v) => v.version)).toEqual([1, 2]);
    expect(setExhibitResult(ex.id, result("3"), db).version).toBe(3);
  });

  it("fails with a message, and needs one", () => {
    const { id: galleryId } = createGallery({ title: "t", goal: "g" }, db);
    const ex = createExhibit(galleryId, { title: "Owl", prompt: "owl" }, db);
    expect(() => setExhibitStatus(ex.id, "failed", {}, db)).toThrow(/error message/);
    expect(setExhibitStatus(ex.id, "failed", { error: "The 3D Space timed out" }, db).error).toBe("The 3D Space timed out");
    expect(setExhibitStatus(ex.id, "drawing", {}, db).error).toBeNull();
  });

  it("places and reorders", () => {
    const { id: galleryId } = createGallery({ title: "t", goal: "g" }, db);
    const [a, b, c] = createExhibits(galleryId, [{ title: "a", prompt: "a" }, { title: "b", prompt: "b" }, { title: "c", prompt: "c" }], db);
    expect([a!.order, b!.order, c!.order]).toEqual([0, 1, 2]);
    expect(updatePlacement(a!.id, { position: [1, 0, -2] }, db).placement).toEqual({ position: [1, 0, -2], rotationY: 0, scale: 1 });
    expect(() => updatePlacement(a!.id, { scale: -1 }, db)).toThrow();
    reorderExhibits(galleryId, [c!.id, a!.id, b!.id], db);
    expect(listExhibits(galleryId, db).map((e) => e.title)).toEqual(["c", "a", "b"]);
    expect(() => reorderExhibits(galleryId, [c!.id, a!.id], db)).toThrow(InvalidTransitionError);
  });

  it("rolls back a batch that throws halfway", () => {
    const { id: galleryId } = createGallery({ title: "t", goal: "g" }, db);
    // The second has the first's key: UNIQUE(gallery_id, key) makes it throw after the first was inserted.
    expect(() => createExhibits(galleryId, [{ key: "k", title: "a", prompt: "a" }, { key: "k", title: "b", prompt: "b" }], db)).toThrow();
    expect(listExhibits(galleryId, db)).toEqual([]);
  });

  it("rolls back a result whose asset does not exist (no version row, no change)", () => {
    const { id: galleryId } = createGallery({ title: "t", goal: "g" }, db);
    const ex = createExhibit(galleryId, { title: "a", prompt: "a" }, db);
    const missing = "f".repeat(64);
    expect(() => setExhibitResult(ex.id, { imageSha: null, modelSha: missing, height: 1 }, db)).toThrow(/FOREIGN KEY/);
    expect(listExhibitVersions(ex.id, db)).toEqual([]);
    expect(getExhibit(ex.id, db)).toMatchObject({ status: "planned", version: 0, modelSha: null });
  });
});

describe("builds and events", () => {
  it("measures the time a build's runs worked: each run from its start to its last event, downtime left out", () => {
    const { id: galleryId } = createGallery({ title: "t", goal: "g" }, db);
    const b = createBuild({ galleryId, kind: "gallery", goal: "g" }, db);
    expect(timeSpentInRuns(b.id, db)).toBe(0);
    const at = (seq: number, iso: string) => db.prepare(`UPDATE build_events SET at = ? WHERE build_id = ? AND seq = ?`).run(iso, b.id, seq);
    // Run 1: 10:00 → 10:04 (then the server died); run 2 starts at 11:00 and has worked 2 minutes so far.
    [started(false), delta(0), progress(0), started(true), progress(1)].forEach((event) => appendEvent(b.id, event, db));
    at(1, "2026-11-25T10:00:00.000Z");
    at(2, "2026-11-25T10:01:00.000Z");
    at(3, "2026-11-25T10:04:00.000Z");
    at(4, "2026-11-25T11:00:00.000Z");
    at(5, "2026-11-25T11:02:00.000Z");
    expect(timeSpentInRuns(b.id, db)).toBe(6 * 60_000);
  });

  it("numbers events 1..n per build under interleaved appends from two connections", () => {
    const { id: galleryId } = createGallery({ title: "t", goal: "g" }, db);
    const b1 = createBuild({ galleryId, kind: "gallery", goal: "g" }, db);
    const b2 = createBuild({ galleryId, kind: "gallery", goal: "g" }, db);
    const other = openDb(dir);
    try {
      for (let i = 0; i < 50; i++) {
        appendEvent(b1.id, delta(i), i % 2 ? db : other);
        appendEvent(b2.id, progress(i), i % 3 ? other : db);
      }
    } finally {
      other.close();
    }
    for (const b of [b1, b2]) {
      const events = eventsSince(b.id, 0, undefined, db);
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(events.map(eventIndex)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    }
    expect(eventsSince(b1.id, 47, undefined, db).map((e) => e.seq)).toEqual([48, 49, 50]);
    expect(lastSeq(b2.id, db)).toBe(50);
  });

  it("refuses an event that breaks its type's schema, and stores what the schema keeps", () => {
    const { id: galleryId } = createGallery({ title: "t", goal: "g" }, db);
    const b = createBuild({ galleryId, kind: "gallery", goal: "g" }, db);
    const broken = { type: "step.started", payload: { step: "one" } } as unknown as EmittedEvent;
    expect(() => appendEvent(b.id, broken, db)).toThrow();
    const extra = { type: "code", payload: { step: 1, code: "x()", secret: "not in the contract" } } as EmittedEvent;
    expect(appendEvent(b.id, extra, db)).toMatchObject({ seq: 1, type: "code", payload: { step: 1, code: "x()" } });
    expect(eventsSince(b.id, 0, undefined, db)[0]!.payload).toEqual({ step: 1, code: "x()" });
  });

  it("skips rows that no longer read as events (older payloads, damage) without losing the rest or the paging", () => {
    const { id: galleryId } = createGallery({ title: "t", goal: "g" }, db);
    const b = createBuild({ galleryId, kind: "gallery", goal: "g" }, db);
    appendEvent(b.id, started(false), db);
    const insert = db.prepare(`INSERT INTO build_events (build_id, seq, type, payload, at) VALUES (?, ?, ?, ?, ?)`);
    insert.run(b.id, 2, "thought.delta", JSON.stringify({ text: "an old shape" }), new Date().toISOString());
    insert.run(b.id, 3, "no.such.type", "{}", new Date().toISOString());
    insert.run(b.id, 4, "code", "{not json", new Date().toISOString());
    appendEvent(b.id, delta(5), db);
    const warn = console.warn;
    const warned: unknown[] = [];
    console.warn = (...args: unknown[]) => warned.push(args[0]);
    try {
      expect(eventsSince(b.id, 0, undefined, db).map((e) => [e.seq, e.type])).toEqual([
        [1, "build.started"],
        [5, "thought.delta"],
      ]);
      // A page that ends on unreadable rows still says where to read on.
      expect(eventPage(b.id, 0, 3, db)).toMatchObject({ events: [{ seq: 1 }], next: 3 });
      expect(eventPage(b.id, 3, 3, db)).toMatchObject({ events: [{ seq: 5 }], next: null });
    } finally {
      console.warn = warn;
    }
    expect(warned.join("\n")).toMatch(/#2[\s\S]*#3[\s\S]*#4/);
  });

  it("tracks status and counters, refuses finishing twice, and finds interrupted builds", () => {
    const { id: galleryId } = createGallery({ title: "t", goal: "g" }, db);
    const a = createBuild({ galleryId, kind: "gallery", goal: "g", budget: { maxSeconds: 600 } }, db);
    const b = createBuild({ galleryId, kind: "gallery", goal: "g" }, db);
    updateBuild(a.id, { status: "running" }, db);
    incrementCounters(a.id, { images: 1 }, db);
    expect(incrementCounters(a.id, { images: 2, models: 1 }, db).counters).toEqual({ images: 3, models: 1 });
    expect(findInterruptedBuilds(db).map((x) => x.id)).toEqual([a.id, b.id]);
    finishBuild(b.id, "succeeded", null, db);
    expect(() => finishBuild(b.id, "cancelled", null, db)).toThrow(InvalidTransitionError);
    expect(findInterruptedBuilds(db).map((x) => x.id)).toEqual([a.id]);
    expect(getGalleryView(galleryId, db)?.build).toEqual({ id: b.id, status: "succeeded" });
  });
});

describe("an exhibit's kept picture", () => {
  it("is kept on an exhibit with no result, failed or not, and shown; an exhibit with a result keeps its own", () => {
    const { id: galleryId } = createGallery({ title: "Owls", goal: "owls", theme: "night" }, db);
    const [owl, lark] = createExhibits(galleryId, [{ title: "Owl", prompt: "owl" }, { title: "Lark", prompt: "lark" }], db);
    const picture = fakeAsset("img-drawn", "image/png");
    setExhibitStatus(owl!.id, "drawing", {}, db);
    expect(setExhibitPicture(owl!.id, picture, db)).toMatchObject({ imageSha: picture, modelSha: null, version: 0 });
    setExhibitStatus(owl!.id, "failed", { error: "Could not model it" }, db);
    expect(getExhibitView(galleryId, owl!.id, db)).toMatchObject({ status: "failed", imageUrl: `/assets/${picture}.png`, modelUrl: null });

    setExhibitResult(lark!.id, result("lark1"), db);
    setExhibitPicture(lark!.id, picture, db);
    expect(getExhibit(lark!.id, db)).toMatchObject({ imageSha: result("lark1").imageSha, version: 1 });
  });
});

describe("gallery view and remix", () => {
  it("assembles the browser's view and copies it into a remix that shares assets", () => {
    const { id: galleryId, editToken } = createGallery({ title: "Owls", goal: "owls of the world", theme: "night" }, db);
    const [owl, lark] = createExhibits(galleryId, [{ title: "Owl", prompt: "owl" }, { title: "Lark", prompt: "lark" }], db);
    setExhibitResult(owl!.id, result("owl1"), db);
    setExhibitResult(owl!.id, result("owl2"), db);
    setExhibitStatus(lark!.id, "drawing", {}, db);
    putGalleryTool(galleryId, "someone/owl-sounds", { endpoint: "/predict" }, db);

    const view = getGalleryView(galleryId, db)!;
    expect(view.exhibits.map((e) => e.title)).toEqual(["Owl", "Lark"]);
    const v = view.exhibits[0]!;
    expect(v.modelUrl).toBe(`/assets/${result("owl2").modelSha}.glb`);
    expect(v.imageUrl).toBe(`/assets/${result("owl2").imageSha}.png`);
    expect(v.versions.map((x) => x.version)).toEqual([1, 2]);
    expect(v.versions[0]!.modelUrl).toBe(`/assets/${result("owl1").modelSha}.glb`);
    expect(getGalleryView("nope", db)).toBeNull();
    // One exhibit alone (a live update) reads exactly as it does in the whole view, and only in its gallery.
    for (const e of view.exhibits) expect(getExhibitView(galleryId, e.id, db)).toEqual(e);
    expect(getExhibitView("another-gallery", v.id, db)).toBeNull();
    expect(getExhibitView(galleryId, "nope", db)).toBeNull();

    const remix = remixGallery(galleryId, {}, db)!;
    expect(remix.id).not.toBe(galleryId);
    expect(verifyEditToken(remix.id, remix.editToken, db)).toBe(true);
    expect(verifyEditToken(remix.id, editToken, db)).toBe(false);
    expect(getGallery(remix.id, db)?.remixedFrom).toBe(galleryId);
    const copy = getGalleryView(remix.id, db)!;
    expect(copy.build).toBeNull();
    expect(copy.exhibits.map((e) => [e.title, e.status, e.modelUrl])).toEqual([
      ["Owl", "ready", v.modelUrl],
      ["Lark", "planned", null], // was mid-generation with no result: nothing will finish it in the copy
    ]);
    expect(copy.exhibits[0]!.versions).toEqual(v.versions);
    expect(copy.exhibits[0]!.id).not.toBe(v.id);
    expect(listGalleryTools(remix.id, db).map((t) => t.space)).toEqual(["someone/owl-sounds"]);
    // Editing the copy leaves the original alone.
    restoreExhibitVersion(copy.exhibits[0]!.id, 1, db);
    expect(getGalleryView(galleryId, db)!.exhibits[0]!.version).toBe(2);
  });
});

describe("call cache and tools", () => {
  it("stores and replaces cached calls", async () => {
    const cache = sqliteCallCache(db);
    expect(await cache.get("k")).toBeNull();
    const value = { space: "a/b", endpoint: "/infer", outputs: [{ kind: "asset", sha256: "0".repeat(64), mediaType: "image/png" }, 3], durationMs: 1234, createdAt: "2026-01-01T00:00:00.000Z" };
    await cache.put("k", value);
    expect(await cache.get("k")).toEqual(value);
    await cache.put("k", { ...value, durationMs: 5 });
    expect((await cache.get("k"))?.durationMs).toBe(5);
  });

  it("adds, replaces and removes a gallery's tools", () => {
    const { id } = createGallery({ title: "t", goal: "g" }, db);
    putGalleryTool(id, "x/y", { v: 1 }, db);
    putGalleryTool(id, "x/y", { v: 2 }, db);
    expect(listGalleryTools(id, db).map((t) => t.tool)).toEqual([{ v: 2 }]);
    expect(removeGalleryTool(id, "x/y", db)).toBe(true);
    expect(listGalleryTools(id, db)).toEqual([]);
  });
});

describe("transactions", () => {
  it("a transaction that throws leaves nothing behind", () => {
    const before = db.prepare(`SELECT count(*) AS n FROM galleries`).get() as { n: number };
    expect(() =>
      db.transaction(() => {
        const { id } = createGallery({ title: "t", goal: "g" }, db);
        createExhibit(id, { title: "a", prompt: "a" }, db);
        throw new Error("crash");
      })(),
    ).toThrow("crash");
    expect(db.prepare(`SELECT count(*) AS n FROM galleries`).get()).toEqual(before);
    expect(db.prepare(`SELECT count(*) AS n FROM exhibits`).get()).toEqual({ n: 0 });
  });
});

describe("crash safety", () => {
  it("a process killed mid-transaction leaves nothing; one killed after commit keeps everything", async () => {
    const { spawnSync } = await import("node:child_process");
    db.close();
    // Plain better-sqlite3 in a child, with the pragmas openDb sets, then SIGKILL: no chance to clean up.
    const script = (commit: boolean) => `
      const D = require("better-sqlite3");
      const db = new D(${JSON.stringify(path.join(dir, DB_FILE_NAME))});
      db.pragma("journal_mode = WAL"); db.pragma("synchronous = NORMAL"); db.pragma("foreign_keys = ON");
      db.exec("BEGIN IMMEDIATE");
      db.prepare("INSERT INTO galleries (id, title, goal, created_at, edit_token_hash) VALUES (?, 't', 'g', 'now', zeroblob(32))").run(${JSON.stringify(commit ? "kept" : "lost")});
      db.prepare("INSERT INTO exhibits (id, gallery_id, key, ord, title, prompt, status, placement, created_at, updated_at) VALUES (?, ?, 'k', 0, 't', 'p', 'planned', '{}', 'now', 'now')").run(${JSON.stringify(commit ? "kept-ex" : "lost-ex")}, ${JSON.stringify(commit ? "kept" : "lost")});
      ${commit ? 'db.exec("COMMIT");' : ""}
      process.kill(process.pid, "SIGKILL");
    `;
    for (const commit of [false, true]) {
      const child = spawnSync(process.execPath, ["-e", script(commit)], { cwd: process.cwd() });
      expect(child.signal).toBe("SIGKILL");
    }
    db = openDb(dir);
    expect(db.prepare(`SELECT id FROM galleries ORDER BY id`).all()).toEqual([{ id: "kept" }]);
    expect(db.prepare(`SELECT id FROM exhibits ORDER BY id`).all()).toEqual([{ id: "kept-ex" }]);
  });
});
