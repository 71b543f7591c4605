// The scale suite (a step of `npm test`): the PostgreSQL + S3 shape with real parts, on loopback.
// A throwaway PostgreSQL cluster (Debian's package, installed when missing), s3rver (npm), one production build,
// two web processes and two workers (`next start`, as `npm start` and `npm run worker` run them). It proves:
//  1. the repositories, leases, signal and slots on real PostgreSQL (lib/db/postgres.test.ts), and the worker
//     loop's slots with real pg-boss (lib/builds/worker.postgres.test.ts);
//  2. a build started on web A is watched live on web B (events arrive before the build ends, in order);
//  3. a worker SIGKILLed mid-build is replaced by the other, the build ends ready, no completed Space call is
//     repeated (calls counted at the built-in Spaces), nothing lost (events numbered without gaps, every asset
//     row's object in the bucket with the bytes its name promises);
//  4. per-Space limits hold across workers (a Space at 1: never two of its calls at once, whichever worker), and
//     each worker runs at most WORKER_CONCURRENCY builds at once;
//  5. a view link refuses edits on every node, and an owner's edit on one node reaches a tab on another;
//  6. regenerate, swap, cancel and retry asked on either web node are carried out by the workers.
// Everything it starts is stopped at the end, also on failure. `SCALE_SKIP_BUILD=1` reuses the last build.
import crypto from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import S3rver from "s3rver";
import { startPostgres } from "./lib/postgres.mjs";
import { run } from "./lib/run.mjs";
import { actionId, actionResult, callAction, findOwnerWorker, killAll, nextStart, postGoal, startSpacesProxy, waitFor, watch } from "./lib/cluster.mjs";

const BASE_PORT = Number(process.env.SCALE_PORT ?? 3140);
const PORTS = { webA: BASE_PORT, webB: BASE_PORT + 1, w1: BASE_PORT + 2, w2: BASE_PORT + 3, spaces: BASE_PORT + 4, s3: BASE_PORT + 5, pg: BASE_PORT + 6 };
const BUCKET = "vernissage";
const cleanups = [];
const root = mkdtempSync(path.join(os.tmpdir(), "vernissage-scale-"));
const log = (...args) => console.log(`[scale +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...args);
const t0 = Date.now();

function check(ok, what) {
  if (!ok) throw new Error(`FAILED: ${what}`);
  log(`ok: ${what}`);
}

async function cleanup() {
  killAll();
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch (err) {
      console.error(String(err));
    }
  }
  rmSync(root, { recursive: true, force: true });
}
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => void cleanup().finally(() => process.exit(130)));

async function main() {
  // ── the real parts ────────────────────────────────────────────────────────────────────────────────────────
  const pgServer = startPostgres(PORTS.pg);
  cleanups.push(() => pgServer.stop());
  log(`PostgreSQL at ${pgServer.url}`);
  const s3dir = path.join(root, "s3");
  const s3 = new S3rver({ port: PORTS.s3, address: "127.0.0.1", directory: s3dir, silent: true, configureBuckets: [{ name: BUCKET }] });
  await s3.run();
  cleanups.push(() => s3.close());
  log(`s3rver at http://127.0.0.1:${PORTS.s3}`);

  // The repositories' own tests get a database of their own: their fake rows must not meet the checks below.
  pgServer.psql("CREATE DATABASE unit", "postgres");
  const unitUrl = pgServer.url.replace(/\/vernissage$/, "/unit");
  const unit = await run("npx", ["vitest", "run", "lib/db/postgres.test.ts", "lib/builds/worker.postgres.test.ts"], { env: { VERNISSAGE_TEST_DATABASE_URL: unitUrl, DATABASE_URL: unitUrl } });
  check(unit === 0, "the data layer's and the worker loop's PostgreSQL tests pass on the real server");

  if (!process.env.SCALE_SKIP_BUILD || !existsSync(".next/BUILD_ID")) {
    const code = await run("npx", ["next", "build"], { env: { NEXT_TELEMETRY_DISABLED: "1" } });
    if (code !== 0) throw new Error("next build failed");
  }

  const spaces = await startSpacesProxy(PORTS.webA, PORTS.spaces);
  cleanups.push(() => spaces.close());
  const common = {
    DATABASE_URL: pgServer.url,
    ASSET_STORE: "s3",
    S3_ENDPOINT: `http://127.0.0.1:${PORTS.s3}`,
    S3_BUCKET: BUCKET,
    S3_REGION: "us-east-1",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    S3_FORCE_PATH_STYLE: "true",
    // Every node calls the built-in Spaces through the counting proxy, in front of web A.
    BUILTIN_SPACES_URL: `http://127.0.0.1:${PORTS.spaces}/spaces`,
    BUILTIN_SPACE_WORKERS: "1",
    MODEL_WORKERS: "1",
    // Light splats for the swap to a splat (section 6), as the browser tests use.
    BUILTIN_SPLAT_GAUSSIANS: "4096",
    // The 3D Space takes one call at a time in the whole deployment (as a ZeroGPU Space would).
    SPACE_CONCURRENCY: "shape-3d=1,relief-3d=1,sketch-image=4,ink-image=4",
    WORKER_CONCURRENCY: "1",
  };
  const dataDir = (n) => path.join(root, `data-${n}`);
  const webA = nextStart("webA", PORTS.webA, { ...common, DATA_DIR: dataDir("a"), BUILTIN_SPACE_FAULTS: "sketch-image:latency=800;shape-3d:latency=2500" });
  const webB = nextStart("webB", PORTS.webB, { ...common, DATA_DIR: dataDir("b") });
  const worker = (name, port) => nextStart(name, port, { ...common, DATA_DIR: dataDir(name), VERNISSAGE_ROLE: "worker" });
  let w1 = worker("w1", PORTS.w1);
  let w2 = worker("w2", PORTS.w2);
  const nodes = () => [webA, webB, w1, w2];
  const dump = () => {
    for (const n of nodes()) console.log(n.out.slice(-60).join("\n"));
  };
  try {
    for (const n of [webA, webB]) await waitFor(`${n.name} to answer`, async () => (await fetch(`${n.url}/`)).ok);
    for (const n of [w1, w2]) await waitFor(`${n.name} to take builds`, () => n.out.some((l) => l.includes("takes builds")));
    log("2 web nodes and 2 workers are up");

    const db = new pg.Pool({ connectionString: pgServer.url, max: 2 });
    cleanups.push(() => db.end());
    const q = async (text, params = []) => (await db.query(text, params)).rows;
    const watchId = actionId("watchGallery");
    const moveId = actionId("moveExhibit");
    const reorderId = actionId("reorderExhibits");

    // ── 2 + 3: started on A, watched on B, its worker killed mid-build ────────────────────────────────────────
    const { id: galleryId, cookie } = await postGoal(webA.url, "three monuments of Rome");
    check(Boolean(cookie), "web A started a build and gave its owner the edit cookie");
    const live = watch(webB.url, galleryId, watchId);
    const build = await waitFor("the build to be claimed", async () => (await q("SELECT id, owner FROM builds WHERE gallery_id = $1 AND owner IS NOT NULL", [galleryId]))[0]);
    await waitFor("an exhibit to be ready and a call in flight", async () => {
      const ready = (await q("SELECT count(*)::int AS n FROM exhibits WHERE gallery_id = $1 AND status = 'ready'", [galleryId]))[0].n;
      return ready >= 1;
    }, 120_000, 100);
    // Which worker runs it: the one whose `next start` process group holds the lease's pid.
    const owner = (await q("SELECT owner FROM builds WHERE id = $1", [build.id]))[0].owner;
    const target = await findOwnerWorker(owner, [w1, w2]);
    process.kill(-target.child.pid, "SIGKILL");
    const killedAt = Date.now();
    await new Promise((r) => setTimeout(r, 300));
    const joinsAtKill = spaces.joins.length;
    const cacheAtKill = (await q("SELECT count(*)::int AS n FROM space_call_cache"))[0].n;
    log(`SIGKILLed ${target.name} (owner ${owner}) with ${cacheAtKill} Space calls done, ${joinsAtKill} calls made`);
    check(joinsAtKill > 0, "the Space calls go through the counting proxy");

    const finished = await waitFor("the build to end", async () => {
      const b = (await q("SELECT status, owner FROM builds WHERE id = $1", [build.id]))[0];
      return ["succeeded", "failed", "cancelled"].includes(b.status) ? b : null;
    }, 180_000, 250);
    const takenOverAt = (await q("SELECT min(at) AS at FROM build_events WHERE build_id = $1 AND type = 'build.started' AND payload LIKE '%\"resumed\":true%'", [build.id]))[0].at;
    check(finished.status === "succeeded", `the build ends succeeded after the kill (got ${finished.status})`);
    check(finished.owner !== owner, `another worker took it over (${owner} → ${finished.owner})`);
    check(Date.parse(takenOverAt) - killedAt < 60_000, `the takeover began ${((Date.parse(takenOverAt) - killedAt) / 1000).toFixed(1)} s after the kill (< 60 s)`);
    const exhibits = await q("SELECT status FROM exhibits WHERE gallery_id = $1", [galleryId]);
    check(exhibits.length >= 3 && exhibits.every((e) => e.status === "ready"), `all ${exhibits.length} exhibits ready`);
    // Run 1's finished calls (tool.done, not from the cache) must come back from the cache in run 2, never from a
    // Space; and the Spaces must see no more calls after the kill than run 2's uncached results.
    const events = await q("SELECT type, payload, at FROM build_events WHERE build_id = $1 ORDER BY seq", [build.id]);
    const restart = events.findIndex((e) => e.type === "build.started" && e.payload.includes('"resumed":true'));
    const doneIn = (list, cached) =>
      list.filter((e) => e.type === "tool.done").map((e) => JSON.parse(e.payload)).filter((p) => p.cached === cached).map((p) => `${p.capability}:${p.exhibit}:${p.asset?.sha256}`);
    const finishedBefore = doneIn(events.slice(0, restart), false);
    const cachedAfter = doneIn(events.slice(restart), true);
    const freshAfter = doneIn(events.slice(restart), false);
    check(finishedBefore.length >= 2 && finishedBefore.every((k) => cachedAfter.includes(k)), `the ${finishedBefore.length} calls finished before the kill came from the shared cache after it`);
    check(!freshAfter.some((k) => finishedBefore.includes(k)), "none of them was made again");
    const joinsAfter = spaces.joins.filter((j) => j.at > killedAt).length;
    const bySpace = (list) => Object.entries(list.reduce((m, j) => ((m[j.space] = (m[j.space] ?? 0) + 1), m), {})).map(([k, v]) => `${k} ${v}`).join(", ");
    log(`calls at the Spaces: ${joinsAtKill} before the kill (${bySpace(spaces.joins.slice(0, joinsAtKill))}), ${joinsAfter} after (${bySpace(spaces.joins.filter((j) => j.at > killedAt))}); run 2 made ${freshAfter.length} new results`);

    await waitFor("the watch on B to see the end", () => live.seen.some((e) => e.buildId === build.id && e.type === "build.finished"), 30_000);
    const mine = live.seen.filter((e) => e.buildId === build.id);
    const endAt = mine.find((e) => e.type === "build.finished").arrived;
    const before = mine.filter((e) => e.arrived < endAt - 1000);
    check(before.length >= 5, `web B's tab saw ${before.length} events live before the build ended (of ${mine.length})`);
    const seqs = mine.map((e) => e.seq);
    check(seqs.every((s, i) => i === 0 || s > seqs[i - 1]), "in order, no duplicates");
    const delays = mine.filter((e) => e.arrived > killedAt + 5000).map((e) => e.arrived - e.at).sort((a, b) => a - b);
    if (delays.length) log(`event delay worker → tab on B: median ${delays[Math.floor(delays.length / 2)]} ms over ${delays.length} events`);

    // ── the killed worker comes back; 4: per-Space limits across workers ─────────────────────────────────────
    if (target === w1) w1 = worker("w1", PORTS.w1);
    else w2 = worker("w2", PORTS.w2);
    const back = target === w1 ? w1 : w2;
    await waitFor(`${back.name} to take builds again`, () => back.out.some((l) => l.includes("takes builds")));
    // Three builds for two workers at WORKER_CONCURRENCY=1: each worker runs one at a time, the third waits.
    const mostPerWorker = { seen: 0, polls: 0 };
    const sampler = setInterval(() => {
      void q("SELECT owner, count(*)::int AS n FROM builds WHERE status = 'running' AND owner IS NOT NULL GROUP BY owner").then((rows) => {
        mostPerWorker.polls++;
        for (const r of rows) mostPerWorker.seen = Math.max(mostPerWorker.seen, r.n);
      }, () => {});
    }, 100);
    const sectionStart = Date.now();
    const two = await Promise.all([postGoal(webB.url, "three cathedrals"), postGoal(webA.url, "three castles"), postGoal(webB.url, "three lighthouses")]);
    const twoBuilds = await waitFor("the three builds to end", async () => {
      const rows = await q("SELECT id, status, owner FROM builds WHERE gallery_id = ANY($1)", [two.map((g) => g.id)]);
      return rows.length === 3 && rows.every((r) => !["queued", "running"].includes(r.status)) ? rows : null;
    }, 240_000, 500);
    clearInterval(sampler);
    check(twoBuilds.every((b) => b.status === "succeeded"), "the three builds succeeded");
    check(new Set(twoBuilds.map((b) => b.owner)).size === 2, "they ran on both workers");
    check(mostPerWorker.polls > 20 && mostPerWorker.seen === 1, `no worker ran more than WORKER_CONCURRENCY=1 build at a time (at most ${mostPerWorker.seen}, ${mostPerWorker.polls} samples)`);
    // Measured twice. At the Space: each job's life from its queue join to the Space sending process_completed,
    // seen by the proxy, outside every node. In the build logs: each call from the Space's first answer to its job
    // (queue place, running) until its result is ready to download — a call holds its slot between the two
    // (call-runner.ts), and events are stamped when emitted (recorder.ts). Each per Space: the limit is per Space.
    const mostAtOnce = (intervals) => {
      let most = 0;
      let worst = [];
      for (const [s] of intervals) {
        const overlapping = intervals.filter(([a, z]) => a <= s && s < z);
        if (overlapping.length > most) [most, worst] = [overlapping.length, overlapping];
      }
      return { most, worst };
    };
    const clock = (ms) => (Number.isFinite(ms) ? new Date(ms).toISOString().slice(11, 23) : "never");
    const describe = (list) => list.map(([a, z, what]) => `${what} ${clock(a)}–${clock(z)}`).join("; ");
    const atSpace = spaces.joins.filter((j) => j.space === "shape-3d" && j.at >= sectionStart).map((j) => [j.at, j.completedAt ?? Infinity, j.eventId ?? "?"]);
    const fromLogs = new Map();
    for (const b of twoBuilds) {
      const events = await q("SELECT type, payload, at FROM build_events WHERE build_id = $1 ORDER BY seq", [b.id]);
      const open = new Map();
      const closed = new Set();
      for (const e of events) {
        const p = JSON.parse(e.payload);
        if (p.capability !== "image-to-3d" || !p.callId || !p.space || closed.has(p.callId)) continue;
        if (e.type === "tool.progress" && (p.stage === "queue" || p.stage === "running") && !open.has(p.callId)) open.set(p.callId, Date.parse(e.at));
        const ends = e.type === "tool.done" || e.type === "tool.failed" || (e.type === "tool.progress" && (p.stage === "downloading" || p.stage === "validating"));
        if (ends && open.has(p.callId)) {
          if (!fromLogs.has(p.space)) fromLogs.set(p.space, []);
          fromLogs.get(p.space).push([open.get(p.callId), Date.parse(e.at), `${p.space} ${p.callId} (${b.owner})`]);
          closed.add(p.callId);
        }
      }
    }
    const seen = mostAtOnce(atSpace);
    check(
      atSpace.length >= 6 && atSpace.every(([, z]) => z !== Infinity) && seen.most === 1,
      `the 3D Space (limit 1) never had two jobs at once from both workers, seen at the Space (${atSpace.length} jobs, at most ${seen.most} at a time${seen.most > 1 ? `: ${describe(seen.worst)}` : ""})`,
    );
    const logged = [...fromLogs.entries()].map(([space, list]) => ({ space, count: list.length, ...mostAtOnce(list) }));
    const total = logged.reduce((n, l) => n + l.count, 0);
    const over = logged.filter((l) => l.most > 1);
    check(
      total >= 6 && over.length === 0,
      `and in the build logs, no Space at limit 1 held two calls at once (${logged.map((l) => `${l.space}: ${l.count} calls, at most ${l.most}`).join("; ")}${over.length ? `: ${over.map((l) => describe(l.worst)).join("; ")}` : ""})`,
    );

    // ── 5: a view link refuses edits on every node; an owner's edit on B reaches a tab on A ──────────────────
    const view = await (await fetch(`${webB.url}/api/galleries/${galleryId}`)).json();
    const first = view.exhibits[0];
    for (const n of nodes()) {
      const r = actionResult(await (await callAction(n.url, `/g/${galleryId}`, moveId, [galleryId, first.id, first.placement])).text());
      check(r && r.ok === false && /only view/i.test(r.error), `${n.name} refuses an edit from a view link`);
    }
    const tabOnA = watch(webA.url, galleryId, watchId);
    await new Promise((r) => setTimeout(r, 1500));
    const galleriesBefore = tabOnA.galleries.length;
    const ids = view.exhibits.map((e) => e.id).reverse();
    const edited = actionResult(await (await callAction(webB.url, `/g/${galleryId}`, reorderId, [galleryId, ids], cookie)).text());
    check(edited?.ok === true, "the owner's reorder on web B is accepted");
    await waitFor("the edit to reach the tab on A", () => tabOnA.galleries.length > galleriesBefore, 10_000, 50);
    check(true, "the edit made on B reached the tab watching on A");

    // ── 6: cancel, regenerate, swap and retry across processes: asked on a web node, run by a worker ─────────
    const endOf = (buildId) =>
      waitFor(`build ${buildId} to end`, async () => {
        const b = (await q("SELECT status, owner FROM builds WHERE id = $1", [buildId]))[0];
        return b && !["queued", "running"].includes(b.status) ? b : null;
      }, 180_000, 250);
    const exhibitRow = async (id) => (await q("SELECT e.status, e.version, a.media_type FROM exhibits e LEFT JOIN assets a ON a.sha256 = e.model_sha WHERE e.id = $1", [id]))[0];
    const edit = async (node, id, args, gallery = galleryId, owner = cookie) => actionResult(await (await callAction(node.url, `/g/${gallery}`, id, args, owner)).text());

    const [ex0, ex1] = view.exhibits;
    const before0 = await exhibitRow(ex0.id);
    const regen = await edit(webB, actionId("regenerateExhibit"), [galleryId, ex0.id, null]);
    check(regen?.ok === true, "web B accepts the owner's regenerate");
    const regenBuild = await endOf(regen.value);
    const after0 = await exhibitRow(ex0.id);
    check(regenBuild.status === "succeeded" && regenBuild.owner && after0.status === "ready" && after0.version === before0.version + 1, `a worker (${regenBuild.owner}) regenerated it: version ${before0.version} → ${after0.version}`);

    const swapped = await edit(webA, actionId("swapExhibit"), [galleryId, ex1.id, { kind: "as-kind", to: "splat" }]);
    check(swapped?.ok === true && swapped.value.buildId, "web A accepts the owner's swap to a splat");
    const swapBuild = await endOf(swapped.value.buildId);
    const after1 = await exhibitRow(ex1.id);
    check(swapBuild.status === "succeeded" && after1.status === "ready" && after1.media_type === "application/x-spz", `a worker (${swapBuild.owner}) swapped it to a splat (${after1.media_type})`);

    const other = await postGoal(webA.url, "three fountains");
    const otherBuild = await waitFor("the new build to be under way on a worker", async () => {
      const b = (await q("SELECT id, owner FROM builds WHERE gallery_id = $1 AND owner IS NOT NULL AND status = 'running'", [other.id]))[0];
      const busy = (await q("SELECT count(*)::int AS n FROM exhibits WHERE gallery_id = $1 AND status IN ('drawing', 'modelling')", [other.id]))[0]?.n;
      return b && busy > 0 ? b : null;
    }, 120_000, 100);
    const cancelAt = Date.now();
    const cancelled = await edit(webB, actionId("cancelBuild"), [other.id], other.id, other.cookie);
    check(cancelled?.ok === true && cancelled.value >= 1, "web B accepts the owner's cancel of a build running on a worker");
    const cancelEnd = await endOf(otherBuild.id);
    const stoppedIn = (Date.parse((await q("SELECT max(at) AS at FROM build_events WHERE build_id = $1", [otherBuild.id]))[0].at) - cancelAt) / 1000;
    check(cancelEnd.status === "cancelled" && stoppedIn < 10, `the worker stopped it: cancelled, its last event ${stoppedIn.toFixed(1)} s after the cancel`);
    const unfinished = (await q("SELECT id FROM exhibits WHERE gallery_id = $1 AND status <> 'ready' ORDER BY ord", [other.id]))[0];
    check(Boolean(unfinished), "the cancel left an exhibit unfinished");
    const retried = await edit(webA, actionId("retryExhibit"), [other.id, unfinished.id], other.id, other.cookie);
    check(retried?.ok === true, "web A accepts the owner's retry of it");
    const retryBuild = await endOf(retried.value);
    check(retryBuild.status === "succeeded" && (await exhibitRow(unfinished.id)).status === "ready", `a worker (${retryBuild.owner}) made it: ready`);

    // ── nothing lost ─────────────────────────────────────────────────────────────────────────────────────────
    const gaps = await q("SELECT build_id FROM build_events GROUP BY build_id HAVING min(seq) <> 1 OR max(seq) <> count(*)");
    check(gaps.length === 0, "every build's events are numbered 1..n without a gap");
    const assets = await q("SELECT sha256, media_type, bytes FROM assets");
    const ext = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp", "model/gltf-binary": "glb", "application/ply": "ply", "application/x-spz": "spz" };
    const broken = assets.filter((a) => {
      const file = path.join(s3dir, BUCKET, `assets/${a.sha256}.${ext[a.media_type]}._S3rver_object`);
      if (!existsSync(file)) return true;
      const bytes = readFileSync(file);
      return bytes.length !== Number(a.bytes) || crypto.createHash("sha256").update(bytes).digest("hex") !== a.sha256;
    });
    if (broken.length) console.error("broken assets:", broken.slice(0, 5), readdirSync(path.join(s3dir, BUCKET, "assets")).slice(0, 5));
    check(assets.length > 0 && broken.length === 0, `all ${assets.length} assets are in the bucket with the bytes their names promise`);
    const dangling = await q(
      "SELECT id FROM exhibits e WHERE (model_sha IS NOT NULL AND NOT EXISTS (SELECT 1 FROM assets a WHERE a.sha256 = e.model_sha)) OR (status = 'ready' AND model_sha IS NULL)",
    );
    check(dangling.length === 0, "every ready exhibit's model is a stored asset");
    const asset = await fetch(`${webB.url}${view.exhibits[0].modelUrl}`);
    check(asset.ok && asset.headers.get("content-type") === "model/gltf-binary", "web B serves a model from the bucket");
  } catch (err) {
    dump();
    throw err;
  }
}

main().then(
  async () => {
    await cleanup();
    log("scale suite passed");
    process.exit(0);
  },
  async (err) => {
    console.error(err);
    await cleanup();
    process.exit(1);
  },
);
