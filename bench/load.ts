// Load on loopback: 10 gallery builds started at once (through the home page form, as a browser without
// JavaScript submits it) while 50 viewers each fetch a finished gallery's page and its JSON
// (GET /g/{id}, GET /api/galleries/{id}) in a loop. Bounded: ROUNDS per viewer and MAX_SECONDS overall.
// Errors: failed requests, non-2xx answers, form posts that did not open a gallery, builds that did not
// succeed. Memory: VmHWM (peak resident set) of the `next start` process itself, from /proc.
import type { Figure } from "./support/figures";
import { percentile } from "./support/figures";
import { buildGallery, waitForBuild } from "./support/gallery";
import { memoryOf, startServer } from "./support/server";

const BUILDS = 10;
const VIEWERS = 50;
const ROUNDS = 6; // per viewer: page + JSON
const MAX_SECONDS = 240;
const GOALS = [
  "three monuments of Rome",
  "three Egyptian monuments",
  "three towers of the world",
  "three cathedrals",
  "three bridges",
  "three castles",
  "three pagodas",
  "three windmills",
  "three lighthouses",
  "three temples",
];

/** Submits the home page form the way a browser without JavaScript does (progressive enhancement). */
async function postGoal(base: string, goal: string): Promise<string> {
  const html = await (await fetch(`${base}/`)).text();
  const form = /<form[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1];
  if (!form) throw new Error("no form on the home page");
  const body = new FormData();
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1]!;
    const name = /\bname="([^"]*)"/.exec(attrs)?.[1];
    if (!name || name === "goal") continue;
    const value = /\bvalue="([^"]*)"/.exec(attrs)?.[1] ?? "";
    body.append(decodeEntities(name), decodeEntities(value));
  }
  body.append("goal", goal);
  const r = await fetch(`${base}/`, { method: "POST", body, redirect: "manual", headers: { origin: base } });
  const location = r.headers.get("location") ?? "";
  const id = /\/g\/([A-Za-z0-9_-]+)/.exec(location)?.[1];
  if (r.status < 300 || r.status >= 400 || !id) throw new Error(`the form post answered ${r.status} ${location}`);
  return id;
}

function decodeEntities(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

export async function run(): Promise<Figure[]> {
  const server = await startServer(3230);
  try {
    // One finished gallery for the viewers, made through the page like a person would.
    const viewPath = await buildGallery(server.url, "three monuments of Paris", { waitReady: true });
    const viewId = viewPath.split("/").pop()!;
    const pid = server.serverPid();
    const before = memoryOf(pid);

    const deadline = Date.now() + MAX_SECONDS * 1000;
    let errors = 0;
    const notes: string[] = [];
    const fail = (what: string) => {
      errors++;
      if (notes.length < 5) notes.push(what);
    };
    const pageMs: number[] = [];
    const jsonMs: number[] = [];
    const timed = async (url: string, into: number[]) => {
      const t0 = performance.now();
      try {
        const r = await fetch(url, { signal: AbortSignal.timeout(60_000) });
        await r.arrayBuffer();
        if (!r.ok) fail(`GET ${url}: ${r.status}`);
      } catch (err) {
        fail(`GET ${url}: ${(err as Error).message}`);
      }
      into.push(performance.now() - t0);
    };

    let peak = before.hwmKiB;
    const sampler = setInterval(() => {
      try {
        peak = Math.max(peak, memoryOf(pid).hwmKiB);
      } catch {
        // the server died: the errors say so
      }
    }, 250);

    const t0 = performance.now();
    const builds = Promise.all(
      GOALS.slice(0, BUILDS).map(async (goal) => {
        try {
          const id = await postGoal(server.url, goal);
          const view = await waitForBuild(server.url, id, Math.max(1000, deadline - Date.now()));
          if (view.build?.status !== "succeeded") fail(`build "${goal}": ${view.build?.status}`);
        } catch (err) {
          fail(`build "${goal}": ${(err as Error).message}`);
        }
      }),
    );
    const viewers = Promise.all(
      Array.from({ length: VIEWERS }, async () => {
        for (let i = 0; i < ROUNDS && Date.now() < deadline; i++) {
          await timed(`${server.url}/g/${viewId}`, pageMs);
          await timed(`${server.url}/api/galleries/${viewId}`, jsonMs);
        }
      }),
    );
    await Promise.all([builds, viewers]);
    const wallMs = performance.now() - t0;
    clearInterval(sampler);
    peak = Math.max(peak, memoryOf(pid).hwmKiB);
    for (const n of notes) console.error(`load: ${n}`);

    return [
      // target 0
      { name: "load_errors", value: errors, unit: "errors" },
      { name: "load_requests", value: pageMs.length + jsonMs.length, unit: "requests" },
      { name: "load_wall", value: Math.round(wallMs), unit: "ms" },
      { name: "load_server_rss_before", value: Math.round(before.rssKiB / 1024), unit: "MiB" },
      { name: "load_server_rss_peak", value: Math.round(peak / 1024), unit: "MiB" },
      { name: "load_gallery_page_p95", value: Math.round(percentile(pageMs, 95)), unit: "ms" },
      { name: "load_gallery_json_p95", value: Math.round(percentile(jsonMs, 95)), unit: "ms" },
    ];
  } finally {
    await server.stop();
  }
}
