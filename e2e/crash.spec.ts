// The server is SIGKILLed while galleries are being built, several times, and restarted. Nothing may be lost or
// corrupted (galleries, exhibits and their versions, assets, events, the SQLite file), interrupted builds must
// resume on their own and finish, and no Space call that had completed may run again (the call cache serves it).
//
// This spec starts and kills ITS OWN `next start` (own port, own DATA_DIR) from the build Playwright's webServer
// uses; the built-in Spaces run inside it, slowed by a latency fault so builds are still going when it dies.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { HomePage } from "./pages/home";
import { AppServer, freePort } from "./support/app-server";
import { assetFileProblems, cachedOutputKey, DB_FILE, peek, snapshotStopped, spaceOutputs, type Snapshot, type SpaceOutput } from "./support/data-dir";

const ROUNDS = 3;
const EXPECTED_CALLS = 36;
const GOALS = ["six monuments of Paris at dusk", "six monuments of Rome at night", "six monuments of Egypt in gold"];
// Every call waits 0.3–1 s (pictures) or 0.6–1.5 s (models) before it runs, so a build takes tens of seconds and
// is mid-way at each kill; 4 calls at once per Space (as many as the toolbox sends a built-in) keep it from
// taking minutes.
const FAULTS = "sketch-image:latency=300-1000,concurrency=4;shape-3d:latency=600-1500,concurrency=4";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sha256 = (bytes: Buffer) => crypto.createHash("sha256").update(bytes).digest("hex");

/**
 * Starts a build the way a visitor does, with the home page's form, and returns the new gallery's id from the
 * page the form opens.
 */
async function startBuild(page: Page, origin: string, goal: string): Promise<string> {
  await page.goto(`${origin}/`);
  const home = new HomePage(page);
  await home.goal.fill(goal);
  await home.build.click();
  await page.waitForURL(/\/g\/[A-Za-z0-9_-]+/, { waitUntil: "commit" });
  const id = /\/g\/([A-Za-z0-9_-]+)/.exec(page.url())![1]!;
  await page.goto("about:blank");
  return id;
}

// The form without JavaScript: a plain POST to its server action, answered with a redirect to the new gallery.
// The same server code runs as with JavaScript, without hydrating the home page's 3D preview and the gallery's
// scene in software WebGL (tens of seconds on a busy machine, during which the builds would run unkilled).
test.use({ javaScriptEnabled: false });

interface Kill {
  round: number;
  snapshot: Snapshot;
  outputs: Map<string, SpaceOutput>;
  /** Builds not finished when the server died: each must be resumed. */
  interrupted: string[];
}

test("SIGKILL during builds loses nothing; interrupted builds resume, finish, and repeat no finished Space call", async ({ page }) => {
  test.setTimeout(300_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vernissage-crash-data-"));
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), "vernissage-crash-spaces-"));
  const server = new AppServer(await freePort(), {
    DATA_DIR: dataDir,
    BUILTIN_SPACE_FILES_DIR: filesDir,
    BUILTIN_SPACE_FAULTS: FAULTS,
    // The deterministic offline planner: a resumed build plans the same exhibits again.
    AGENT_PLANNER: "offline",
    HF_TOKEN: "",
    AGENT_ENDPOINT_URL: "",
  });
  const note = (msg: string) => console.log(`crash: ${msg}`);
  const completedCalls = () => peek(dataDir, (db) => (db.prepare("SELECT count(*) AS n FROM space_call_cache").get() as { n: number }).n);
  const unfinished = () =>
    peek(dataDir, (db) => (db.prepare("SELECT id FROM builds WHERE status IN ('queued','running')").all() as { id: string }[]).map((r) => r.id));
  const t0 = Date.now();
  const elapsed = () => ((Date.now() - t0) / 1000).toFixed(1);
  let ok = false;
  try {
    await server.start();
    // The server creates its database on first use (the resume check right after start-up).
    const hasSchema = () => fs.existsSync(path.join(dataDir, DB_FILE)) && peek(dataDir, (db) => db.pragma("user_version", { simple: true }) as number) > 0;
    await expect.poll(hasSchema, { timeout: 30_000 }).toBe(true);
    // Three galleries of 6 exhibits: about 36 Space calls (a picture and a model each, plus any redraw).
    const galleries: string[] = [];
    for (const goal of GOALS) {
      galleries.push(await startBuild(page, server.origin, goal));
      note(`${elapsed()} s: started "${goal}"`);
    }

    const kills: Kill[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // A random moment during the builds: once a random number of Space calls have completed (persisted in the
      // cache) — about 20 %, 45 % and 70 % of them, give or take 2, so every round moves the builds on and none
      // comes after the end — plus 0–700 ms.
      const target = Math.round((EXPECTED_CALLS * (0.2 + 0.25 * (round - 1)))) + Math.floor(Math.random() * 5) - 2;
      const extraMs = Math.floor(Math.random() * 700);
      await expect.poll(() => completedCalls() >= target || unfinished().length === 0, { timeout: 90_000, intervals: [50] }).toBe(true);
      await sleep(extraMs);
      expect(unfinished().length, `round ${round}: every build finished before the kill (make the Spaces slower)`).toBeGreaterThan(0);
      // Kill the whole process group at once: no shutdown code runs, writes in flight are cut where they are.
      await server.kill("SIGKILL");

      // What the crash left: the file is sound, and every asset row has its bytes.
      const snapshot = snapshotStopped(dataDir);
      expect(snapshot.integrity).toBe("ok");
      expect(snapshot.foreignKeyProblems).toBe(0);
      expect(assetFileProblems(dataDir, snapshot)).toEqual([]);
      const interrupted = [...snapshot.builds].filter(([, b]) => b.status === "queued" || b.status === "running").map(([id]) => id);
      kills.push({ round, snapshot, outputs: spaceOutputs(filesDir), interrupted });
      note(
        `${elapsed()} s: round ${round}: killed at ${target} completed Space calls + ${extraMs} ms — ${snapshot.cache.size} calls done, ` +
          `${[...snapshot.exhibits.values()].filter((e) => e.status === "ready").length} exhibits ready, ${interrupted.length} build(s) interrupted`,
      );

      // Restart: the interrupted builds resume on their own.
      await server.start();
      if (interrupted.length > 0) {
        await expect.poll(() => server.currentOutput, { timeout: 30_000 }).toContain(`resumed ${interrupted.length} interrupted build(s)`);
      }
      note(`${elapsed()} s: restarted`);
    }

    // Every build finishes, every exhibit is made.
    await expect.poll(() => unfinished().length, { timeout: 120_000, intervals: [500] }).toBe(0);
    note(`${elapsed()} s: every build finished`);
    for (const id of galleries) {
      const res = await fetch(`${server.origin}/api/galleries/${id}`);
      expect(res.status).toBe(200);
      const view = (await res.json()) as {
        build: { status: string } | null;
        exhibits: { key: string; status: string; version: number; versions: unknown[]; imageUrl: string | null; modelUrl: string | null; originalModelUrl: string | null }[];
      };
      expect(view.build?.status).toBe("succeeded");
      expect(view.exhibits).toHaveLength(6);
      for (const e of view.exhibits) {
        expect({ key: e.key, status: e.status }).toEqual({ key: e.key, status: "ready" });
        // Each asset URL serves the bytes its name promises.
        for (const url of [e.imageUrl, e.modelUrl, e.originalModelUrl]) {
          expect(url).toMatch(/^\/assets\/[0-9a-f]{64}\.(png|glb)$/);
          const r = await fetch(`${server.origin}${url}`);
          expect(r.status, url!).toBe(200);
          expect(sha256(Buffer.from(await r.arrayBuffer()))).toBe(/[0-9a-f]{64}/.exec(url!)![0]);
        }
      }
    }
    await server.kill("SIGTERM");

    const end = snapshotStopped(dataDir);
    const outputs = spaceOutputs(filesDir);
    expect(end.integrity).toBe("ok");
    expect(end.foreignKeyProblems).toBe(0);
    expect(assetFileProblems(dataDir, end)).toEqual([]);

    // Nothing that existed at any kill was lost or changed since.
    for (const { round, snapshot } of kills) {
      for (const table of ["galleries", "versions", "events", "assets"] as const) {
        const changed = [...snapshot[table]].filter(([key, row]) => end[table].get(key) !== row).map(([key]) => key);
        expect(changed, `round ${round}: ${table} rows lost or changed`).toEqual([]);
      }
      for (const [id, e] of snapshot.exhibits) {
        const now = end.exhibits.get(id);
        expect(now, `round ${round}: exhibit ${e.key} lost`).toBeDefined();
        if (e.status === "ready") expect(now!.status, `round ${round}: exhibit ${e.key} was ready`).toBe("ready");
      }
    }

    // A resumed build re-places the exhibits it had finished (from the cache): that must not stack up copies
    // of the same result in their version history.
    const versionsPerExhibit = [...end.exhibits.values()].map((e) => [e.key, e.version, [...end.versions.keys()].filter((k) => k.startsWith(`${e.id}#`)).length]);
    expect(versionsPerExhibit).toEqual([...end.exhibits.values()].map((e) => [e.key, 1, 1]));

    // Every build's log is whole: seqs 1…n with no gap, one build.started per run (resumed ones say so), and
    // build.finished once, last.
    const events = new Map<string, { seq: number; type: string; payload: Record<string, unknown> }[]>();
    for (const json of end.events.values()) {
      const row = JSON.parse(json) as { build_id: string; seq: number; type: string; payload: string };
      if (!events.has(row.build_id)) events.set(row.build_id, []);
      events.get(row.build_id)!.push({ seq: row.seq, type: row.type, payload: JSON.parse(row.payload) as Record<string, unknown> });
    }
    expect([...end.builds.values()].map((b) => b.status)).toEqual(Array(galleries.length).fill("succeeded"));
    for (const [buildId, list] of events) {
      list.sort((a, b) => a.seq - b.seq);
      expect(list.map((e) => e.seq)).toEqual(list.map((_, i) => i + 1));
      const resumes = kills.filter((k) => k.interrupted.includes(buildId)).length;
      const starts = list.filter((e) => e.type === "build.started");
      expect(starts.map((e) => e.payload.resumed)).toEqual([false, ...Array(resumes).fill(true)]);
      expect(list.filter((e) => e.type === "build.finished")).toHaveLength(1);
      expect(list.at(-1)!.type).toBe("build.finished");
      // No Space call reported as executed twice: a deterministic Space gives the same file for the same call.
      const executed = list.filter((e) => e.type === "tool.done" && e.payload.cached === false).map((e) => (e.payload.asset as { sha256: string }).sha256);
      expect(executed.filter((sha, i) => executed.indexOf(sha) !== i), `build ${buildId}: Space calls executed twice`).toEqual([]);
    }

    // No completed Space call ran again. Its cache entry was not rewritten, and — the Spaces' own evidence — the
    // file it produced in the built-in Space's store was not written again (same mtime).
    let checked = 0;
    for (const { round, snapshot, outputs: then } of kills) {
      for (const [key, row] of snapshot.cache) {
        expect(end.cache.get(key)?.created_at, `round ${round}: cached call ${row.space} re-run`).toBe(row.created_at);
        const file = cachedOutputKey(row);
        expect(file, `round ${round}: ${row.space} output is not a built-in file`).not.toBeNull();
        expect(then.get(file!), `round ${round}: ${file} missing from the Space's store`).toBeDefined();
        expect(outputs.get(file!)?.mtimeMs, `round ${round}: the Space ran ${file} again`).toBe(then.get(file!)!.mtimeMs);
        checked++;
      }
    }
    const reused = [...events.values()].flat().filter((e) => e.type === "tool.done" && e.payload.cached === true).length;
    note(
      `${galleries.length} galleries, ${end.exhibits.size} exhibits, ${end.cache.size} Space calls, ${reused} served from the cache after restarts, ` +
        `${checked} completed-call checks, ${server.runs} server runs, ${elapsed()} s`,
    );
    ok = true;
  } finally {
    await server.kill("SIGKILL");
    if (ok) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(filesDir, { recursive: true, force: true });
    } else {
      console.log(`crash: kept ${dataDir} and ${filesDir}; server output:\n${server.output.join("").slice(-8000)}`);
    }
  }
});
