// The repositories on a real PostgreSQL: run by the scale step of `npm test` (scripts/test.mjs starts a
// throwaway cluster and sets VERNISSAGE_TEST_DATABASE_URL); skipped in a plain `vitest run`, where the same
// repositories are tested on SQLite (db.test.ts). What only PostgreSQL can show is here: concurrent writers on
// separate connections and processes, row locks, the migration lock, leases, advisory-lock slots, the signal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import pg from "pg";
import { openPostgres, type Db } from "./connection";
import { postgresPool, migratePostgres } from "./postgres";
import { createGallery, verifyEditToken } from "./galleries";
import { createExhibits, getExhibit, listExhibits, setExhibitResult, setExhibitStatus } from "./exhibits";
import { claimBuild, createBuild, finishBuild, findLapsedBuilds, incrementCounters, latestBuild, renewBuildLease, requestCancel } from "./builds";
import { appendCheckedEvents, appendEvent, eventsSince } from "./events";
import { dbCallCache } from "./cache";
import { advisorySpaceSlots } from "./space-slots";
import { getGalleryView } from "./view";
import { remixGallery } from "./remix";
import { InvalidTransitionError } from "./errors";
import type { EmittedEvent } from "@/lib/contracts/build-events";

const url = process.env.VERNISSAGE_TEST_DATABASE_URL;

const delta = (i: number): EmittedEvent => ({ type: "thought.delta", payload: { step: i, phase: "step", delta: `${i} ` } });

describe.skipIf(!url)("the data layer on PostgreSQL", () => {
  let a: Db;
  let b: Db;
  beforeAll(async () => {
    // Two handles = two pools: writers that really run at the same time, as two processes would.
    a = openPostgres(url!);
    b = openPostgres(url!);
    // Both migrate on first use, at once: the advisory lock lets exactly one apply each migration.
    await Promise.all([sql`SELECT 1`.execute(a), sql`SELECT 1`.execute(b)]);
  });
  afterAll(async () => {
    await a?.destroy();
    await b?.destroy();
  });

  async function asset(tag: string, mediaType: "image/png" | "model/gltf-binary" = "model/gltf-binary"): Promise<string> {
    const sha = Buffer.from(tag.padEnd(32, "_")).toString("hex").slice(0, 64);
    await a.insertInto("assets").values({ sha256: sha, media_type: mediaType, bytes: 10, created_at: "now" }).onConflict((oc) => oc.doNothing()).execute();
    return sha;
  }

  it("migrates once, and again is a no-op", async () => {
    const pool = postgresPool(url!);
    try {
      await migratePostgres(pool);
      const { rows } = await pool.query<{ version: number }>("SELECT version FROM vernissage_schema");
      expect(rows).toHaveLength(1);
      expect(rows[0]!.version).toBeGreaterThanOrEqual(2);
    } finally {
      await pool.end();
    }
  });

  it("stores galleries with their token hash as bytes, and builds with a stable latest", async () => {
    const { id, editToken } = await createGallery({ title: "t", goal: "g" }, a);
    expect(await verifyEditToken(id, editToken, b)).toBe(true);
    expect(await verifyEditToken(id, "nope", b)).toBe(false);
    const first = await createBuild({ galleryId: id, kind: "gallery", goal: "g" }, a);
    const second = await createBuild({ galleryId: id, kind: "regenerate", goal: "g" }, a);
    expect((await latestBuild(id, b))?.id).toBe([first, second].at(-1)!.id);
  });

  it("numbers events 1..n under concurrent appends through two pools", async () => {
    const { id } = await createGallery({ title: "t", goal: "g" }, a);
    const build = await createBuild({ galleryId: id, kind: "gallery", goal: "g" }, a);
    await Promise.all(Array.from({ length: 60 }, (_, i) => appendEvent(build.id, delta(i), i % 2 ? a : b)));
    const events = await eventsSince(build.id, 0, undefined, a);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it("numbers batches and single events together, each batch in its order and with its own times", async () => {
    const { id } = await createGallery({ title: "t", goal: "g" }, a);
    const build = await createBuild({ galleryId: id, kind: "gallery", goal: "g" }, a);
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 10, 0, 0, i)).toISOString();
    const batch = (from: number) => Array.from({ length: 5 }, (_, i) => ({ event: delta(from + i), at: at(from + i) }));
    await Promise.all([
      appendCheckedEvents(build.id, batch(100), a),
      appendCheckedEvents(build.id, batch(200), b),
      ...Array.from({ length: 10 }, (_, i) => appendEvent(build.id, delta(i), i % 2 ? a : b)),
    ]);
    const events = await eventsSince(build.id, 0, undefined, b);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const from of [100, 200]) {
      const mine = events.filter((e) => e.type === "thought.delta" && e.payload.step >= from && e.payload.step < from + 5);
      // Consecutive seqs, in the order given, each with the time it was given.
      expect(mine.map((e) => e.seq)).toEqual(Array.from({ length: 5 }, (_, i) => mine[0]!.seq + i));
      expect(mine.map((e) => [e.type === "thought.delta" ? e.payload.step : -1, e.at])).toEqual(batch(from).map((x, i) => [from + i, x.at]));
    }
  });

  it("loses no counter increment and keeps the exhibit lifecycle under concurrent writers", async () => {
    const { id } = await createGallery({ title: "t", goal: "g" }, a);
    const build = await createBuild({ galleryId: id, kind: "gallery", goal: "g" }, a);
    await Promise.all(Array.from({ length: 20 }, (_, i) => incrementCounters(build.id, { calls: 1 }, i % 2 ? a : b)));
    expect((await incrementCounters(build.id, {}, a)).counters).toEqual({ calls: 20 });
    await finishBuild(build.id, "succeeded", null, a);
    await expect(finishBuild(build.id, "failed", "late", b)).rejects.toThrow(InvalidTransitionError);

    const [ex] = await createExhibits(id, [{ title: "e", prompt: "p" }], a);
    await setExhibitStatus(ex!.id, "drawing", {}, a);
    // Two versions at once through two pools: numbered 1 and 2, never twice the same.
    const [r1, r2] = await Promise.all([
      setExhibitResult(ex!.id, { imageSha: null, modelSha: await asset("m1"), height: 1 }, a),
      setExhibitResult(ex!.id, { imageSha: null, modelSha: await asset("m2"), height: 1 }, b),
    ]);
    expect([r1.version, r2.version].sort()).toEqual([1, 2]);
    expect((await getExhibit(ex!.id, b))?.version).toBe(2);
  });

  it("creates a plan's exhibits in order and all or none, reads the view, remixes", async () => {
    const { id } = await createGallery({ title: "t", goal: "g" }, a);
    await expect(createExhibits(id, [{ key: "k", title: "a", prompt: "a" }, { key: "k", title: "b", prompt: "b" }], a)).rejects.toThrow();
    expect(await listExhibits(id, a)).toEqual([]);
    const created = await createExhibits(id, [{ title: "a", prompt: "a", seed: 2 ** 40 }, { title: "b", prompt: "b" }], a);
    expect(created.map((e) => e.order)).toEqual([0, 1]);
    expect(created[0]!.seed).toBe(2 ** 40);
    await setExhibitResult(created[0]!.id, { imageSha: await asset("i", "image/png"), modelSha: await asset("m"), height: 1.6 }, a);
    const view = (await getGalleryView(id, b))!;
    expect(view.exhibits.map((e) => [e.title, e.status, e.version])).toEqual([["a", "ready", 1], ["b", "planned", 0]]);
    const remix = (await remixGallery(id, {}, b))!;
    expect((await getGalleryView(remix.id, a))!.exhibits.map((e) => e.modelUrl)).toEqual(view.exhibits.map((e) => e.modelUrl));
    const cache = dbCallCache(a);
    await cache.put("k1", { space: "s", endpoint: "/e", outputs: [1], durationMs: 3, createdAt: "x" });
    expect(await dbCallCache(b).get("k1")).toMatchObject({ outputs: [1], durationMs: 3 });
  });

  it("leases a build to one worker, lets it lapse, and fences the old owner out", async () => {
    const { id } = await createGallery({ title: "t", goal: "g" }, a);
    const build = await createBuild({ galleryId: id, kind: "gallery", goal: "g" }, a);
    const claims = await Promise.all([claimBuild(build.id, "w1", 60_000, a), claimBuild(build.id, "w2", 60_000, b)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    const owner = claims[0] ? "w1" : "w2";
    const other = owner === "w1" ? "w2" : "w1";
    expect(await renewBuildLease(build.id, owner, a)).toEqual({ cancelRequested: false });
    expect(await renewBuildLease(build.id, other, a)).toBeNull();
    // A lease of 0 ms has lapsed at once: the other worker may take it, and the first learns it lost it.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await findLapsedBuilds(1, a)).map((x) => x.id)).toContain(build.id);
    expect(await claimBuild(build.id, other, 1, b)).not.toBeNull();
    expect(await renewBuildLease(build.id, owner, a)).toBeNull();
    expect(await requestCancel(id, a)).toEqual([build.id]);
    expect(await renewBuildLease(build.id, other, b)).toEqual({ cancelRequested: true });
  });

  it("signals between connections (LISTEN/NOTIFY) and holds Space slots across processes", async () => {
    const listener = new pg.Client({ connectionString: url });
    await listener.connect();
    try {
      const got = new Promise<string>((resolve) => listener.on("notification", (m) => resolve(m.payload ?? "")));
      await listener.query("LISTEN vernissage_test");
      await sql`SELECT pg_notify('vernissage_test', 'hello')`.execute(a);
      expect(await got).toBe("hello");
    } finally {
      await listener.end();
    }
    // Two "processes", a Space limited to 1: the second waits for the first's release; a holder whose
    // connection dies (a killed worker) frees its slot with it.
    const p1 = advisorySpaceSlots(url!);
    const p2 = advisorySpaceSlots(url!);
    try {
      const never = new AbortController().signal;
      const held = await p1.acquire("owner/zero-gpu", 1, never);
      let second = false;
      const waiting = p2.acquire("owner/zero-gpu", 1, never).then((release) => ((second = true), release));
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(second).toBe(false);
      held();
      const release2 = await waiting;
      expect(second).toBe(true);
      // Limit 2: both at once; a third waits, and gets one when the connection of a holder is cut.
      const r3 = await p1.acquire("owner/zero-gpu", 2, never);
      let third = false;
      const p3 = advisorySpaceSlots(url!);
      const waiting3 = p3.acquire("owner/zero-gpu", 2, never).then((release) => ((third = true), release));
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(third).toBe(false);
      await p1.close(); // as if that process was killed: its session, and its locks, are gone
      (await waiting3)();
      expect(third).toBe(true);
      r3();
      release2();
      await p3.close();
    } finally {
      await p1.close();
      await p2.close();
    }
  });
});
