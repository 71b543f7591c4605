// The PostgreSQL + S3 shape on loopback, with a production build (`next build` first when there is none): a
// throwaway PostgreSQL cluster, s3rver, two web processes and up to two workers, driven with the scale suite's
// helpers (scripts/lib/cluster.mjs). Figures:
//  - scale.builds_per_min_1_worker / _2_workers / _ratio: BUILDS gallery builds with one worker, then with two
//    (WORKER_CONCURRENCY=1 each), the built-in Spaces at fixed latencies (image 3 s, 3D 8 s: a real Space's
//    seconds, so the figure measures what a second worker adds, not how much CPU is left on a small machine whose
//    cores also run the Spaces, both web nodes and the database) and no Space limit in the way — neither the
//    client's (SPACE_CONCURRENCY) nor the Space's own queue (`concurrency=` in the fault profile: a built-in
//    Space otherwise runs as many calls at once as it has engine threads, one on a 2-core machine, which
//    serialised every 3D call in the deployment and held the ratio at 1.03). Goal: ratio ≥ 1.8.
//  - scale.gallery_json_p95_1_web / _2_web: 50 viewers fetching a finished gallery's JSON in a loop, against one
//    web process, then spread over two.
//  - scale.event_delay_median: from an event's emission on a worker (its `at`; the write follows) to its arrival
//    in a tab (a watch stream) on another web process. Goal: ≤ 50 ms.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { actionId, killAll, nextStart, postGoal, waitFor, watch } from "../scripts/lib/cluster.mjs";
import { startPostgres } from "../scripts/lib/postgres.mjs";
import { run as runCommand } from "../scripts/lib/run.mjs";
import { percentile, type Figure } from "./support/figures";

const BASE = 3160;
const PORTS = { webA: BASE, webB: BASE + 1, w1: BASE + 2, w2: BASE + 3, s3: BASE + 5, pg: BASE + 6 };
const BUILDS = 6; // per phase: with two workers, three rounds of two, so one slow build skews the figure less
const VIEWERS = 50;
const ROUNDS = 10;
// Every built-in Space a build may call, at its fixed latency and with room for every call at once.
const LATENCY_MS: Record<string, number> = { "sketch-image": 3000, "ink-image": 3000, "shape-3d": 8000, "relief-3d": 8000, "splat-3d": 8000 };
const SPACES = Object.keys(LATENCY_MS);
const FAULTS = SPACES.map((s) => `${s}:latency=${LATENCY_MS[s]},concurrency=16`).join(";");
const GOALS = [
  "three bridges", "three towers of the world", "three windmills", "three lighthouses", "three pagodas", "three temples",
  "three castles", "three cathedrals", "three palaces", "three fountains", "three statues", "three arches",
];

interface BuildState {
  build: { status: string } | null;
  exhibits: unknown[];
}

export async function run(): Promise<Figure[]> {
  const root = mkdtempSync(path.join(os.tmpdir(), "vernissage-bench-scale-"));
  const pgServer = startPostgres(PORTS.pg);
  const s3 = new S3rver({ port: PORTS.s3, address: "127.0.0.1", directory: path.join(root, "s3"), silent: true, configureBuckets: [{ name: "vernissage" }] });
  try {
    await s3.run();
    if (!existsSync(".next/BUILD_ID")) {
      if ((await runCommand("npx", ["next", "build"], { env: { NEXT_TELEMETRY_DISABLED: "1" } })) !== 0) throw new Error("next build failed");
    }
    const common = {
      DATABASE_URL: pgServer.url,
      ASSET_STORE: "s3",
      S3_ENDPOINT: `http://127.0.0.1:${PORTS.s3}`,
      S3_BUCKET: "vernissage",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: "true",
      BUILTIN_SPACES_URL: `http://127.0.0.1:${PORTS.webA}/spaces`,
      SPACE_CONCURRENCY: SPACES.map((s) => `${s}=16`).join(","),
      WORKER_CONCURRENCY: "1",
      MODEL_WORKERS: "1",
    };
    const webA = nextStart("webA", PORTS.webA, { ...common, DATA_DIR: path.join(root, "a"), BUILTIN_SPACE_FAULTS: FAULTS });
    const webB = nextStart("webB", PORTS.webB, { ...common, DATA_DIR: path.join(root, "b") });
    for (const n of [webA, webB]) await waitFor(`${n.name} to answer`, async () => (await fetch(`${n.url}/`)).ok);
    const worker = (name: string, port: number) => nextStart(name, port, { ...common, DATA_DIR: path.join(root, name), VERNISSAGE_ROLE: "worker" });
    const view = async (id: string) => (await (await fetch(`${webB.url}/api/galleries/${id}`)).json()) as BuildState;

    const buildsPerMinute = async (goals: string[]) => {
      const t0 = performance.now();
      const seconds = () => ((performance.now() - t0) / 1000).toFixed(1);
      const ids = await Promise.all(goals.map((g, i) => postGoal(i % 2 ? webB.url : webA.url, g).then((r) => r.id)));
      const ended = await Promise.all(
        ids.map((id, i) => {
          let ran: string | null = null;
          return waitFor(`gallery ${id}`, async () => {
            const v = await view(id);
            const status = v.build?.status;
            if (status === "running" && ran === null) ran = seconds();
            if (status !== "succeeded" && status !== "failed" && status !== "cancelled") return null;
            // Progress note (stderr): when each build started running and ended, so a serialised queue shows.
            console.error(`bench scale: "${goals[i]}" ran from ${ran ?? "?"} s to ${seconds()} s: ${status}, ${v.exhibits.length} exhibits`);
            return status;
          }, 600_000, 200);
        }),
      );
      if (ended.some((s) => s !== "succeeded")) throw new Error(`builds ended ${ended.join(", ")}`);
      return goals.length / ((performance.now() - t0) / 60_000);
    };

    const w1 = worker("w1", PORTS.w1);
    await waitFor("w1 to take builds", () => w1.out.some((l) => l.includes("takes builds")));
    await buildsPerMinute(["one bridge"]); // warm-up: first render, model worker, sandbox
    const one = await buildsPerMinute(GOALS.slice(0, BUILDS));
    const w2 = worker("w2", PORTS.w2);
    await waitFor("w2 to take builds", () => w2.out.some((l) => l.includes("takes builds")));
    await buildsPerMinute(["one tower"]);
    const two = await buildsPerMinute(GOALS.slice(BUILDS, 2 * BUILDS));

    // Viewers of a finished gallery: one web process, then two.
    const { id: galleryId } = await postGoal(webA.url, "three monuments of Rome");
    await waitFor("the viewers' gallery", async () => (await view(galleryId)).build?.status === "succeeded", 300_000, 300);
    const viewers = async (bases: string[]) => {
      const ms: number[] = [];
      await Promise.all(
        Array.from({ length: VIEWERS }, async (_, v) => {
          for (let r = 0; r < ROUNDS; r++) {
            const t = performance.now();
            const res = await fetch(`${bases[(v + r) % bases.length]}/api/galleries/${galleryId}`);
            await res.arrayBuffer();
            if (res.ok) ms.push(performance.now() - t);
          }
        }),
      );
      return percentile(ms, 95);
    };
    // Warm-up on both nodes: the route's first requests on a process compile and open its database pool, which
    // the two-process figure otherwise paid on web B alone.
    await viewers([webA.url, webB.url]);
    const p95One = await viewers([webA.url]);
    const p95Two = await viewers([webA.url, webB.url]);

    // The delay from a worker's write to a tab on another web process.
    const watchId = actionId("watchGallery");
    const { id: liveId } = await postGoal(webA.url, "three monuments of Paris");
    const tab = watch(webB.url, liveId, watchId);
    await waitFor("the live build to end", () => tab.seen.some((e) => e.type === "build.finished"), 300_000, 100);
    const started = tab.seen.find((e) => e.type === "build.started")?.arrived ?? 0;
    const delays = tab.seen.filter((e) => e.arrived > started).map((e) => e.arrived - e.at);

    return [
      { name: "scale.builds_per_min_1_worker", value: Number(one.toFixed(2)), unit: "builds/min" },
      { name: "scale.builds_per_min_2_workers", value: Number(two.toFixed(2)), unit: "builds/min" },
      { name: "scale.builds_per_min_ratio", value: Number((two / one).toFixed(2)), unit: "ratio" }, // goal ≥ 1.8
      { name: "scale.gallery_json_p95_1_web", value: Math.round(p95One), unit: "ms" },
      { name: "scale.gallery_json_p95_2_web", value: Math.round(p95Two), unit: "ms" },
      { name: "scale.event_delay_median", value: percentile(delays, 50), unit: "ms" }, // goal ≤ 50
    ];
  } finally {
    killAll();
    await s3.close().catch(() => {});
    pgServer.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
