import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { sql } from "kysely";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { DB_FILE_NAME, closeDbs, getDb, inTransaction, openDb, type Db } from "./connection";
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
import { appendCheckedEvents, appendEvent, eventPage, eventsSince, lastSeq, MAX_EVENTS_PER_APPEND, timeSpentInRuns } from "./events";
import { dbCallCache } from "./cache";
import { listGalleryTools, putGalleryTool, removeGalleryTool } from "./tools";
import { getExhibitView, getGalleryView } from "./view";
import { remixGallery } from "./remix";
import { InvalidTransitionError } from "./errors";
import { makeTempDataDir } from "./testing/temp-dir";

const temp = makeTempDataDir("vernissage-db-");
afterAll(async () => {
  await closeDbs();
  temp.cleanup();
});

let dir: string;
let db: Db;
let counter = 0;
beforeEach(() => {
  dir = path.join(temp.dir, `case-${counter++}`);
  db = openDb(dir);
});
afterEach(() => db.destroy());

/** The file itself, beside the handle under test: pragmas and raw rows. */
function rawDb(): Database.Database {
  return new Database(path.join(dir, DB_FILE_NAME));
}

async function rows<T>(query: string, ...params: unknown[]): Promise<T[]> {
  const parts = query.split("?");
  const compiled = sql.join(
    parts.map((part, i) => (i < params.length ? sql`${sql.raw(part)}${params[i]}` : sql.raw(part))),
    sql.raw(""),
  );
  return (await sql<T>`${compiled}`.execute(db)).rows;
}

/** Registers an asset row directly (the FileAssetStore is tested on its own). */
async function fakeAsset(name: string, mediaType = "model/gltf-binary"): Promise<string> {
  const sha = Buffer.from(name.padEnd(32, "_")).toString("hex").slice(0, 64);
  await rows(`INSERT OR IGNORE INTO assets (sha256, media_type, bytes, created_at) VALUES (?, ?, 10, 'now')`, sha, mediaType);
  return sha;
}

async function result(tag: string) {
  return { imageSha: await fakeAsset(`img-${tag}`, "image/png"), modelSha: await fakeAsset(`glb-${tag}`), originalModelSha: await fakeAsset(`raw-${tag}`), height: 1.6 };
}

const started = (resumed: boolean): EmittedEvent => ({ type: "build.started", payload: { kind: "gallery", resumed, message: "Build started." } });
const delta = (i: number): EmittedEvent => ({ type: "thought.delta", payload: { step: i, phase: "step", delta: `${i} ` } });
const progress = (i: number): EmittedEvent => ({
  type: "tool.progress",
  payload: { capability: "image-to-3d", space: "s", endpoint: "/e", stage: "running", position: i },
});
const eventIndex = (e: BuildEvent) => (e.type === "thought.delta" ? e.payload.step : e.type === "tool.progress" ? e.payload.position : null);

describe("connection and migrations", () => {
  it("creates the schema on an empty directory, in WAL mode", async () => {
    expect(fs.existsSync(path.join(dir, DB_FILE_NAME))).toBe(true);
    const raw = rawDb();
    try {
      expect(raw.pragma("user_version", { simple: true })).toBe(migrations.length);
      expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      raw.close();
    }
    expect((await rows<{ foreign_keys: number }>(`PRAGMA foreign_keys`))[0]!.foreign_keys).toBe(1);
    const tables = (await rows<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)).map((t) => t.name);
    expect(tables).toEqual(
      ["assets", "build_events", "builds", "exhibit_versions", "exhibits", "gallery_tools", "galleries", "space_call_cache"].sort(),
    );
  });

  it("keeps data across a reopen", async () => {
    const { id } = await createGallery({ title: "Birds", goal: "birds of the north" }, db);
    await db.destroy();
    db = openDb(dir);
    expect((await getGallery(id, db))?.title).toBe("Birds");
  });

  it("applies a later migration to an existing database, keeping its data", async () => {
    const { id } = await createGallery({ title: "Birds", goal: "g" }, db);
    const next = [...migrations, `ALTER TABLE galleries ADD COLUMN subtitle TEXT NOT NULL DEFAULT 'new'`];
    const raw = rawDb();
    try {
      migrate(raw, next);
      migrate(raw, next); // idempotent
      expect(raw.pragma("user_version", { simple: true })).toBe(next.length);
      expect(raw.prepare(`SELECT title, subtitle FROM galleries WHERE id = ?`).get(id)).toEqual({ title: "Birds", subtitle: "new" });
    } finally {
      raw.close();
    }
  });

  it("rolls back a migration that fails, version included", () => {
    const raw = rawDb();
    try {
      expect(() => migrate(raw, [...migrations, `CREATE TABLE extra (x); INSERT INTO nowhere VALUES (1);`])).toThrow(/nowhere/);
      expect(raw.pragma("user_version", { simple: true })).toBe(migrations.length);
      expect(raw.prepare(`SELECT name FROM sqlite_master WHERE name = 'extra'`).get()).toBeUndefined();
    } finally {
      raw.close();
    }
  });

  it("refuses a database written by a newer release", async () => {
    await db.destroy();
    const raw = rawDb();
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();
    expect(() => openDb(dir)).toThrow(DatabaseTooNewError);
    db = openDb(path.join(dir, "fresh")); // for afterEach
  });

  it("getDb is one handle per DATA_DIR", async () => {
    expect(getDb()).toBe(getDb());
    await createGallery({ title: "here", goal: "g" }, getDb());
    const raw = new Database(path.join(temp.dir, DB_FILE_NAME));
    try {
      expect(raw.prepare(`SELECT title FROM galleries`).all()).toEqual([{ title: "here" }]);
    } finally {
      raw.close();
    }
  });
});

describe("galleries", () => {
  it("issues unguessable ids and tokens and stores only the token's hash", async () => {
    const { id, editToken } = await createGallery({ title: "t", goal: "g" }, db);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(editToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const dump = JSON.stringify(await rows(`SELECT * FROM galleries`));
    expect(dump).not.toContain(editToken);
  });

  it("verifies the right token only for its own gallery", async () => {
    const a = await createGallery({ title: "a", goal: "a" }, db);
    const b = await createGallery({ title: "b", goal: "b" }, db);
    expect(await verifyEditToken(a.id, a.editToken, db)).toBe(true);
    expect(await verifyEditToken(a.id, b.editToken, db)).toBe(false);
    expect(await verifyEditToken(a.id, a.editToken.slice(0, -1), db)).toBe(false);
    expect(await verifyEditToken(a.id, "", db)).toBe(false);
    expect(await verifyEditToken(a.id, null, db)).toBe(false);
    expect(await verifyEditToken("no-such-gallery", a.editToken, db)).toBe(false);
  });
});

describe("exhibits", () => {
  it("walks the lifecycle, versions each result and restores an earlier one", async () => {
    const { id: galleryId } = await createGallery({ title: "t", goal: "g" }, db);
    const ex = await createExhibit(galleryId, { key: "owl", title: "Owl", prompt: "a snowy owl", seed: 7 }, db);
    expect(ex.status).toBe("planned");
    await expect(setExhibitStatus(ex.id, "ready", {}, db)).rejects.toThrow(InvalidTransitionError);
    await setExhibitStatus(ex.id, "drawing", {}, db);
    await setExhibitStatus(ex.id, "modelling", {}, db);
    const v1 = await setExhibitResult(ex.id, await result("1"), db);
    expect(v1).toMatchObject({ status: "ready", version: 1, height: 1.6 });

    await setExhibitStatus(ex.id, "drawing", {}, db);
    const v2 = await setExhibitResult(ex.id, { ...(await result("2")), prompt: "a great grey owl", seed: 8 }, db);
    expect(v2).toMatchObject({ version: 2, prompt: "a great grey owl", seed: 8 });

    const back = await restoreExhibitVersion(ex.id, 1, db);
    expect(back).toMatchObject({ version: 1, prompt: "a snowy owl", seed: 7, modelSha: v1.modelSha, status: "ready" });
    // History is kept, and the next result goes after the newest, not after the current.
    expect((await listExhibitVersions(ex.id, db)).map((v) => v.version)).toEqual([1, 2]);
    expect((await setExhibitResult(ex.id, await result("3"), db)).version).toBe(3);
  });

  it("fails with a message, and needs one", async () => {
    const { id: galleryId } = await createGallery({ title: "t", goal: "g" }, db);
    const ex = await createExhibit(galleryId, { title: "Owl", prompt: "owl" }, db);
    await expect(setExhibitStatus(ex.id, "failed", {}, db)).rejects.toThrow(/error message/);
    expect((await setExhibitStatus(ex.id, "failed", { error: "The 3D Space timed out" }, db)).error).toBe("The 3D Space timed out");
    expect((await setExhibitStatus(ex.id, "drawing", {}, db)).error).toBeNull();
  });

  it("places and reorders", async () => {
    const { id: galleryId } = await createGallery({ title: "t", goal: "g" }, db);
    const [a, b, c] = await createExhibits(galleryId, [{ title: "a", prompt: "a" }, { title: "b", prompt: "b" }, { title: "c", prompt: "c" }], db);
    expect([a!.order, b!.order, c!.order]).toEqual([0, 1, 2]);
    expect((await updatePlacement(a!.id, { position: [1, 0, -2] }, db)).placement).toEqual({ position: [1, 0, -2], rotationY: 0, scale: 1 });
    await expect(updatePlacement(a!.id, { scale: -1 }, db)).rejects.toThrow();
    await reorderExhibits(galleryId, [c!.id, a!.id, b!.id], db);
    expect((await listExhibits(galleryId, db)).map((e) => e.title)).toEqual(["c", "a", "b"]);
    await expect(reorderExhibits(galleryId, [c!.id, a!.id], db)).rejects.toThrow(InvalidTransitionError);
  });

  it("rolls back a batch that throws halfway", async () => {
    const { id: galleryId } = await createGallery({ title: "t", goal: "g" }, db);
    // The second has the first's key: UNIQUE(gallery_id, key) makes it throw after the first was inserted.
    await expect(createExhibits(galleryId, [{ key: "k", title: "a", prompt: "a" }, { key: "k", title: "b", prompt: "b" }], db)).rejects.toThrow();
    expect(await listExhibits(galleryId, db)).toEqual([]);
  });

  it("rolls back a result whose asset does not exist (no version row, no change)", async () => {
    const { id: galleryId } = await createGallery({ title: "t", goal: "g" }, db);
    const ex = await createExhibit(galleryId, { title: "a", prompt: "a" }, db);
    const missing = "f".repeat(64);
    await expect(setExhibitResult(ex.id, { imageSha: null, modelSha: missing, height: 1 }, db)).rejects.toThrow(/FOREIGN KEY/);
    expect(await listExhibitVersions(ex.id, db)).toEqual([]);
    expect(await getExhibit(ex.id, db)).toMatchObject({ status: "planned", version: 0, modelSha: null });
  });

  it("keeps the lifecycle rule under concurrent status changes (each read-check-write runs alone)", async () => {
    const { id: galleryId } = await createGallery({ title: "t", goal: "g" }, db);
    const ex = await createExhibit(galleryId, { title: "a", prompt: "a" }, db);
    await setExhibitStatus(ex.id, "drawing", {}, db);
    await setExhibitResult(ex.id, await result("c"), db);
    // ready → failed is refused; ready → drawing is allowed. Fired at once, every one sees the state the one
    // before it left, never a stale read.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => setExhibitStatus(ex.id, i % 2 ? "modelling" : "drawing", {}, db)),
    );
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
    expect((await getExhibit(ex.id, db))?.status).toBe("modelling");
  });
});

describe("builds and events", () => {
  it("measures the time a build's runs worked: each run from its start to its last event, downtime left out", async () => {
    const { id: galleryId } = await createGallery({ title: "t", goal: "g" }, db);
    const b = await createBuild({ galleryId, kind: "gallery", goal: "g" }, db);
    expect(await timeSpentInRuns(b.id, db)).toBe(0);
    const at = (seq: number, iso: string) => rows(`UPDATE build_events SET at = ? WHERE build_id = ? AND seq = ?`, iso, b.id, seq);
    // Run 1: 10:00 → 10:04 (then the server died); run 2 starts at 11:00 and has worked 2 minutes so far.
    for (const event of [started(false), delta(0), progress(0), started(true), progress(1)]) await appendEvent(b.id, event, db);
    await at(1, "2026-11-25T10:00:00.000Z");
    await at(2, "2026-11-25T10:01:00.000Z");
    await at(3, "2026-11-25T10:04:00.000Z");
    await at(4, "2026-11-25T11:00:00.000Z");
    await at(5, "2026-11-25T11:02:00.000Z");
    expect(await timeSpentInRuns(b.id, db)).toBe(6 * 60_000);
  });

  it("numbers events 1..n per build under concurrent appends from this process and another", async () => {
    const { id: galleryId } = await createGallery({ title: "t", goal: "g" }, db);
    const b1 = await createBuild({ galleryId, kind: "gallery", goal: "g" }, db);
    const b2 = await createBuild({ galleryId, kind: "gallery", goal: "g" }, db);
    // Another process appends to both builds as the old synchronous code did (IMMEDIATE transaction, max + 1),
    // while this one appends through the async layer. (One process keeps one handle per file: getDb.)
    const { spawn } = await import("node:child_process");
    const script = `
      const D = require("better-sqlite3");
      const db = new D(${JSON.stringify(path.join(dir, DB_FILE_NAME))});
      db.pragma("journal_mode = WAL"); db.pragma("busy_timeout = 5000");
      const add = db.prepare("INSERT INTO build_events (build_id, seq, type, payload, at) SELECT ?, coalesce(max(seq), 0) + 1, 'thought.delta', ?, ? FROM build_events WHERE build_id = ?");
      for (let i = 0; i < 25; i++) for (const b of ${JSON.stringify([b1.id, b2.id])}) {
        db.transaction(() => add.run(b, JSON.stringify({ step: 100 + i, phase: "step", delta: "x" }), new Date().toISOString(), b)).immediate();
      }
    `;
    const child = spawn(process.execPath, ["-e", script], { cwd: process.cwd(), stdio: "inherit" });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    const appends: Promise<unknown>[] = [];
    for (let i = 0; i < 25; i++) {
      appends.push(appendEvent(b1.id, delta(i), db));
      appends.push(appendEvent(b2.id, progress(i), db));
      if (i % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await Promise.all(appends);
    expect(await exited).toBe(0);
    for (const b of [b1, b2]) {
      const events = await eventsSince(b.id, 0, undefined, db);
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      // This process's own events kept their order among themselves.
      const own = events.map(eventIndex).filter((n): n is number => n !== null && n !== undefined && n < 100);
      expect(own).toEqual(Array.from({ length: 25 }, (_, i) => i));
    }
    expect((await eventsSince(b1.id, 47, undefined, db)).map((e) => e.seq)).toEqual([48, 49, 50]);
    expect(await lastSeq(b2.id, db)).toBe(50);
  });

  it("appends a batch in one go: numbered on from the last seq, in the order given, each with its own time", async () => {
    const { id: galleryId } = await createGallery({ title: "t", goal: "g" }, db);
    const b = await createBuild({ galleryId, kind: "gallery", goal: "g" }, db);
    await appendEvent(b.id, delta(0), db);
    const ats = ["2026-11-25T10:00:00.001Z", "2026-11-25T10:00:00.002Z", "2026-11-25T10:00:00.003Z"];
    const stored = await appendCheckedEvents(b.id, [delta(1), progress(2), delta(3)].map((event, i) => ({ event, at: ats[i]! })), db);
    expect(stored.map((e) => [e.seq, e.at, e.type])).toEqual([
      [2, ats[0], "thought.delta"],
      [3, ats[1], "tool.progress"],
      [4, ats[2], "thought.delta"],
    ]);
    const read = await eventsSince(b.id, 0, undefined, db);
    expect(read.map((e) => [e.seq, e.at, eventIndex(e)])).toEqual([[1, read[0]!.at, 0], ...stored.map((e, i) => [e.seq, ats[i], i + 1])]);
    expect(await appendCheckedEvents(b.id, [], db)).toEqual([]);
    const tooMany = Array.from({ length: MAX_EVENTS_PER_APPEND + 1 }, (_, i) => ({ event: delta(i), at: ats[0]! }));
    await expect(appendCheckedEvents(b.id, tooMany, db)).rejects.toThrow(/at most/);
    expect(await lastSeq(b.id, db)).toBe(4);
  });

  it("keeps one producer's events in the order it appended them", async () => {
    const { id: galleryId } = await createGallery({ title: "t", goal: "g" }, db);
    const b = await createBuild({ galleryId, kind: "gallery", goal: "g" }, db);
    for (let i = 0; i < 20; i++) await appendEvent(b.id, delta(i), db);
    expect((await eventsSince(b.id, 0, undefined, db)).map(eventIndex)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it("refuses an event that breaks its type's schema, and stores what the schema keeps", async () => {
    const { id: galleryId } = await createGallery({ title: "t", goal: "g" }, db);
    const b = await createBuild({ galleryId, kind: "gallery", goal: "g" }, db);
    const broken = { type: "step.started", payload: { step: "one" } } as unknown as EmittedEvent;
    await expect(appendEvent(b.id, broken, db)).rejects.toThrow();
    const extra = { type: "code", payload: { step: 1, code: "x()", secret: "not in the contract" } } as EmittedEvent;
    expect(await appendEvent(b.id, extra, db)).toMatchObject({ seq: 1, type: "code", payload: { step: 1, code: "x()" } });
    expect((await eventsSince(b.id, 0, undefined, db))[0]!.payload).toEqual({ step: 1, code: "x()" });
  });

  it("skips rows that no longer read as events (older payloads, damage) without losing the rest or the paging", async () => {
    const { id: galleryId } = await createGallery({ title: "t", goal: "g" }, db);
    const b = await createBuild({ galleryId, kind: "gallery", goal: "g" }, db);
    await appendEvent(b.id, started(false), db);
    const insert = (...params: unknown[]) => rows(`INSERT INTO build_events (build_id, seq, type, payload, at) VALUES (?, ?, ?, ?, ?)`, ...params);
    await insert(b.id, 2, "thought.delta", JSON.stringify({ text: "an old shape" }), new Date().toISOString());
    await insert(b.id, 3, "no.such.type", "{}", new Date().toISOString());
    await insert(b.id, 4, "code", "{not json", new Date().toISOString());
    await appendEvent(b.id, delta(5), db);
    const warn = console.warn;
    const warned: unknown[] = [];
    console.warn = (...args: unknown[]) => warned.push(args[0]);
    try {
      expect((await eventsSince(b.id, 0, undefined, db)).map((e) => [e.seq, e.type])).toEqual([
        [1, "build.started"],
        [5, "thought.delta"],
      ]);
      // A page that ends on unreadable rows still says where to read on.
      expect(await eventPage(b.id, 0, 3, db)).toMatchObject({ events: [{ seq: 1 }], next: 3 });
      expect(await eventPage(b.id, 3, 3, db)).toMatchObject({ events: [{ seq: 5 }], next: null });
    } finally {
      console.warn = warn;
    }
    expect(warned.join("\n")).toMatch(/#2[\s\S]*#3[\s\S]*#4/);
  });

  it("tracks status and counters, refuses finishing twice, and finds interrupted builds", async () => {
    const { id: galleryId } = await createGallery({ title: "t", goal: "g" }, db);
    const a = await createBuild({ galleryId, kind: "gallery", goal: "g", budget: { maxSeconds: 600 } }, db);
    const b = await createBuild({ galleryId, kind: "gallery", goal: "g" }, db);
    await updateBuild(a.id, { status: "running" }, db);
    await incrementCounters(a.id, { images: 1 }, db);
    expect((await incrementCounters(a.id, { images: 2, models: 1 }, db)).counters).toEqual({ images: 3, models: 1 });
    // Parallel increments lose nothing.
    await Promise.all(Array.from({ length: 10 }, () => incrementCounters(a.id, { images: 1 }, db)));
    expect((await updateBuild(a.id, {}, db)).counters).toEqual({ images: 13, models: 1 });
    expect((await findInterruptedBuilds(db)).map((x) => x.id)).toEqual([a.id, b.id]);
    await finishBuild(b.id, "succeeded", null, db);
    await expect(finishBuild(b.id, "cancelled", null, db)).rejects.toThrow(InvalidTransitionError);
    expect((await findInterruptedBuilds(db)).map((x) => x.id)).toEqual([a.id]);
    expect((await getGalleryView(galleryId, db))?.build).toEqual({ id: b.id, status: "succeeded" });
  });
});

describe("an exhibit's kept picture", () => {
  it("is kept on an exhibit with no result, failed or not, and shown; an exhibit with a result keeps its own", async () => {
    const { id: galleryId } = await createGallery({ title: "Owls", goal: "owls", theme: "night" }, db);
    const [owl, lark] = await createExhibits(galleryId, [{ title: "Owl", prompt: "owl" }, { title: "Lark", prompt: "lark" }], db);
    const picture = await fakeAsset("img-drawn", "image/png");
    await setExhibitStatus(owl!.id, "drawing", {}, db);
    expect(await setExhibitPicture(owl!.id, picture, db)).toMatchObject({ imageSha: picture, modelSha: null, version: 0 });
    await setExhibitStatus(owl!.id, "failed", { error: "Could not model it" }, db);
    expect(await getExhibitView(galleryId, owl!.id, db)).toMatchObject({ status: "failed", imageUrl: `/assets/${picture}.png`, modelUrl: null });

    const lark1 = await result("lark1");
    await setExhibitResult(lark!.id, lark1, db);
    await setExhibitPicture(lark!.id, picture, db);
    expect(await getExhibit(lark!.id, db)).toMatchObject({ imageSha: lark1.imageSha, version: 1 });
  });
});

describe("gallery view and remix", () => {
  it("assembles the browser's view and copies it into a remix that shares assets", async () => {
    const { id: galleryId, editToken } = await createGallery({ title: "Owls", goal: "owls of the world", theme: "night" }, db);
    const [owl, lark] = await createExhibits(galleryId, [{ title: "Owl", prompt: "owl" }, { title: "Lark", prompt: "lark" }], db);
    const owl1 = await result("owl1");
    const owl2 = await result("owl2");
    await setExhibitResult(owl!.id, owl1, db);
    await setExhibitResult(owl!.id, owl2, db);
    await setExhibitStatus(lark!.id, "drawing", {}, db);
    await putGalleryTool(galleryId, "someone/owl-sounds", { endpoint: "/predict" }, db);

    const view = (await getGalleryView(galleryId, db))!;
    expect(view.exhibits.map((e) => e.title)).toEqual(["Owl", "Lark"]);
    const v = view.exhibits[0]!;
    expect(v.modelUrl).toBe(`/assets/${owl2.modelSha}.glb`);
    expect(v.imageUrl).toBe(`/assets/${owl2.imageSha}.png`);
    expect(v.versions.map((x) => x.version)).toEqual([1, 2]);
    expect(v.versions[0]!.modelUrl).toBe(`/assets/${owl1.modelSha}.glb`);
    expect(await getGalleryView("nope", db)).toBeNull();
    // One exhibit alone (a live update) reads exactly as it does in the whole view, and only in its gallery.
    for (const e of view.exhibits) expect(await getExhibitView(galleryId, e.id, db)).toEqual(e);
    expect(await getExhibitView("another-gallery", v.id, db)).toBeNull();
    expect(await getExhibitView(galleryId, "nope", db)).toBeNull();

    const remix = (await remixGallery(galleryId, {}, db))!;
    expect(remix.id).not.toBe(galleryId);
    expect(await verifyEditToken(remix.id, remix.editToken, db)).toBe(true);
    expect(await verifyEditToken(remix.id, editToken, db)).toBe(false);
    expect((await getGallery(remix.id, db))?.remixedFrom).toBe(galleryId);
    const copy = (await getGalleryView(remix.id, db))!;
    expect(copy.build).toBeNull();
    expect(copy.exhibits.map((e) => [e.title, e.status, e.modelUrl])).toEqual([
      ["Owl", "ready", v.modelUrl],
      ["Lark", "planned", null], // was mid-generation with no result: nothing will finish it in the copy
    ]);
    expect(copy.exhibits[0]!.versions).toEqual(v.versions);
    expect(copy.exhibits[0]!.id).not.toBe(v.id);
    expect((await listGalleryTools(remix.id, db)).map((t) => t.space)).toEqual(["someone/owl-sounds"]);
    // Editing the copy leaves the original alone.
    await restoreExhibitVersion(copy.exhibits[0]!.id, 1, db);
    expect((await getGalleryView(galleryId, db))!.exhibits[0]!.version).toBe(2);
  });

  it("reads the view in one transaction: a result written meanwhile shows whole or not at all", async () => {
    const { id: galleryId } = await createGallery({ title: "t", goal: "g" }, db);
    const exhibits = await createExhibits(galleryId, Array.from({ length: 4 }, (_, i) => ({ title: `e${i}`, prompt: "p" })), db);
    const writes = exhibits.map(async (e, i) => setExhibitResult(e.id, await result(`w${i}`), db));
    const views = await Promise.all([getGalleryView(galleryId, db), getGalleryView(galleryId, db), getGalleryView(galleryId, db)]);
    await Promise.all(writes);
    for (const view of views) for (const e of view!.exhibits) expect(e.status === "ready").toBe(e.versions.length === 1 && e.modelUrl !== null);
  });
});

describe("call cache and tools", () => {
  it("stores and replaces cached calls", async () => {
    const cache = dbCallCache(db);
    expect(await cache.get("k")).toBeNull();
    const value = { space: "a/b", endpoint: "/infer", outputs: [{ kind: "asset", sha256: "0".repeat(64), mediaType: "image/png" }, 3], durationMs: 1234, createdAt: "2026-01-01T00:00:00.000Z" };
    await cache.put("k", value);
    expect(await cache.get("k")).toEqual(value);
    await cache.put("k", { ...value, durationMs: 5 });
    expect((await cache.get("k"))?.durationMs).toBe(5);
  });

  it("adds, replaces and removes a gallery's tools", async () => {
    const { id } = await createGallery({ title: "t", goal: "g" }, db);
    await putGalleryTool(id, "x/y", { v: 1 }, db);
    await putGalleryTool(id, "x/y", { v: 2 }, db);
    expect((await listGalleryTools(id, db)).map((t) => t.tool)).toEqual([{ v: 2 }]);
    expect(await removeGalleryTool(id, "x/y", db)).toBe(true);
    expect(await listGalleryTools(id, db)).toEqual([]);
  });
});

describe("transactions", () => {
  it("a transaction that throws leaves nothing behind", async () => {
    const before = await rows(`SELECT count(*) AS n FROM galleries`);
    await expect(
      inTransaction(db, async (trx) => {
        const { id } = await createGallery({ title: "t", goal: "g" }, trx);
        await createExhibit(id, { title: "a", prompt: "a" }, trx);
        throw new Error("crash");
      }),
    ).rejects.toThrow("crash");
    expect(await rows(`SELECT count(*) AS n FROM galleries`)).toEqual(before);
    expect(await rows(`SELECT count(*) AS n FROM exhibits`)).toEqual([{ n: 0 }]);
  });

  it("two transactions on one connection never interleave: a query outside one waits for it", async () => {
    const { id } = await createGallery({ title: "t", goal: "g" }, db);
    const seen: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = inTransaction(db, async (trx) => {
      await createExhibit(id, { key: "inside", title: "a", prompt: "a" }, trx);
      seen.push("written");
      await gate; // the transaction stays open across an await
      seen.push("committing");
    });
    const reader = listExhibits(id, db).then((list) => seen.push(`read ${list.length}`));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual(["written"]); // the reader is waiting, not seeing the uncommitted row
    release();
    await Promise.all([slow, reader]);
    expect(seen).toEqual(["written", "committing", "read 1"]);
  });
});
describe("crash safety", () => {
  it("a process killed mid-transaction leaves nothing; one killed after commit keeps everything", async () => {
    const { spawnSync } = await import("node:child_process");
    await db.destroy();
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
    expect(await rows(`SELECT id FROM galleries ORDER BY id`)).toEqual([{ id: "kept" }]);
    expect(await rows(`SELECT id FROM exhibits ORDER BY id`)).toEqual([{ id: "kept-ex" }]);
  });
});
