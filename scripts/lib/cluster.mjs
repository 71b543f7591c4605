// What the scale suite (scripts/scale.mjs) and the scale benchmark (bench/scale.ts) start and drive:
// `next start` processes in their own process groups, a counting proxy in front of the built-in Spaces, and
// the app's own HTTP surface (the home page's form, server actions, the live stream) as a browser uses it.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";

/** Every process started here, for the caller's cleanup (SIGKILL to each group). */
export const started = [];

export function killAll() {
  for (const child of started) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

/** A `next start` in its own process group (so a SIGKILL takes its children too), its output kept for failures. */
export function nextStart(name, port, env) {
  const out = [];
  const child = spawn("npx", ["next", "start", "-p", String(port)], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const keep = (chunk) => {
    for (const line of String(chunk).split("\n")) if (line.trim()) out.push(`[${name}] ${line}`);
    if (out.length > 400) out.splice(0, out.length - 400);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  started.push(child);
  return { name, port, child, out, url: `http://127.0.0.1:${port}` };
}

export async function waitFor(what, fn, timeoutMs = 120_000, everyMs = 250) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * A counting proxy in front of web A's built-in Spaces: every queue join is a Space call, by Space. It also reads
 * the Space's answers, so each join learns its job's event id and, from the event stream, when the Space sent
 * the job's process_completed: [at, completedAt] is the job's life at the Space, seen from outside every node.
 */
export function startSpacesProxy(targetPort, port) {
  const joins = [];
  const completed = new Map(); // event_id → when the Space sent process_completed
  const byEvent = new Map(); // event_id → its join
  const finish = (eventId, at) => {
    completed.set(eventId, at);
    const join = byEvent.get(eventId);
    if (join) join.completedAt = at;
  };
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const space = /^\/spaces\/([^/]+)/.exec(req.url ?? "")?.[1] ?? "?";
      const join = req.method === "POST" && /\/queue\/join/.test(req.url ?? "") ? { space, at: Date.now(), body: body.toString("utf8") } : null;
      if (join) joins.push(join);
      const stream = req.method === "GET" && /\/queue\/data/.test(req.url ?? "");
      const upstream = http.request(
        // The Host header stays the proxy's: a Gradio server names its own root from it, and the client then
        // sends every later request there, so they are all counted. Answers come uncompressed, so they can be read.
        { host: "127.0.0.1", port: targetPort, path: req.url, method: req.method, headers: { ...req.headers, "accept-encoding": "identity" } },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          if (join) {
            const answer = [];
            up.on("data", (c) => answer.push(c));
            up.on("end", () => {
              try {
                const eventId = JSON.parse(Buffer.concat(answer).toString("utf8")).event_id;
                if (typeof eventId !== "string") return;
                join.eventId = eventId;
                byEvent.set(eventId, join);
                if (completed.has(eventId)) join.completedAt = completed.get(eventId);
              } catch {
                // not a join the Space accepted
              }
            });
          }
          if (stream) {
            let pending = "";
            up.on("data", (c) => {
              pending += c.toString("utf8");
              const lines = pending.split("\n");
              pending = lines.pop() ?? "";
              for (const line of lines) {
                if (!line.startsWith("data:")) continue;
                try {
                  const m = JSON.parse(line.slice(5));
                  if (m.msg === "process_completed" && typeof m.event_id === "string") finish(m.event_id, Date.now());
                } catch {
                  // a heartbeat or a partial line
                }
              }
            });
          }
          up.pipe(res);
        },
      );
      upstream.on("error", () => {
        res.writeHead(502);
        res.end();
      });
      upstream.end(body);
    });
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve({ joins, close: () => new Promise((r) => server.close(r)) })));
}

/** A server action's id, by its exported name, from the build's manifest (or, failing that, its client chunks). */
export function actionId(name) {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8"));
  for (const [id, entry] of Object.entries(manifest.node ?? {})) {
    if (entry.exportedName === name) return id;
  }
  const dir = ".next/static/chunks";
  const files = readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith(".js"));
  for (const f of files) {
    const text = readFileSync(path.join(dir, String(f)), "utf8");
    const m = new RegExp(`"([0-9a-f]{40,64})"[^"]{0,120}"${name}"`).exec(text);
    if (m) return m[1];
  }
  throw new Error(`no server action named ${name} in the build`);
}

/** Calls a server action over HTTP as the page does; returns the response (a stream for watchGallery). */
export function callAction(base, pathname, id, args, cookie) {
  return fetch(`${base}${pathname}`, {
    method: "POST",
    headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: base, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(args),
  });
}

/** The action's `{ok…}` result in an RSC response. */
export function actionResult(text) {
  for (const line of text.split("\n")) {
    const m = /^[0-9a-f]+:(\{.*\})\s*$/.exec(line);
    if (!m) continue;
    try {
      const v = JSON.parse(m[1]);
      if (typeof v.ok === "boolean") return v;
    } catch {
      // another row
    }
  }
  return null;
}

/** Submits the home page's form as a browser without JavaScript does: the gallery's id and the owner's cookie. */
export async function postGoal(base, goal) {
  const html = await (await fetch(`${base}/`)).text();
  const form = /<form[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1] ?? "";
  const body = new FormData();
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    if (!name || name === "goal") continue;
    body.append(name.replace(/&quot;/g, '"'), (/\bvalue="([^"]*)"/.exec(m[1])?.[1] ?? "").replace(/&quot;/g, '"'));
  }
  body.append("goal", goal);
  const r = await fetch(`${base}/`, { method: "POST", body, redirect: "manual", headers: { origin: base } });
  const id = /\/g\/([A-Za-z0-9_-]+)/.exec(r.headers.get("location") ?? "")?.[1];
  if (!id) throw new Error(`the form post answered ${r.status}`);
  const cookie = (r.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).find((c) => c.startsWith(`ve_${id}=`));
  return { id, cookie };
}

/** Reads a watchGallery stream in the background: every event seq seen, with when it arrived. */
export function watch(base, galleryId, watchId) {
  const seen = [];
  const galleries = [];
  const done = (async () => {
    const r = await callAction(base, `/g/${galleryId}`, watchId, [galleryId, { buildId: null, afterSeq: 0 }]);
    const reader = r.body.getReader();
    const decoder = new TextDecoder();
    let text = "";
    for (;;) {
      const { value, done: end } = await reader.read();
      if (end) break;
      const now = Date.now();
      text += decoder.decode(value, { stream: true });
      for (const m of text.matchAll(/"buildId":"([^"]+)","seq":(\d+),"at":"([^"]+)","type":"([a-z.]+)"/g)) {
        const key = `${m[1]}#${m[2]}`;
        if (!seen.some((e) => e.key === key)) seen.push({ key, buildId: m[1], seq: Number(m[2]), type: m[4], at: Date.parse(m[3]), arrived: now });
      }
      for (const m of text.matchAll(/"type":"gallery","gallery":\{"id":"([^"]+)"/g)) galleries.push({ at: now, index: m.index });
      text = text.slice(Math.max(0, text.length - 4000));
    }
  })().catch(() => {});
  return { seen, galleries, done };
}

export async function findOwnerWorker(owner, workers) {
  // The lease's owner is "<host>:<pid>:<random>", the pid of the Next server process; its group is the worker's.
  const pid = Number(owner.split(":")[1]);
  for (const w of workers) {
    const group = await new Promise((resolve) => {
      const ps = spawn("ps", ["-o", "pgid=", "-p", String(pid)]);
      let out = "";
      ps.stdout.on("data", (c) => (out += c));
      ps.on("close", () => resolve(Number(out.trim())));
    });
    if (group === w.child.pid) return w;
  }
  throw new Error(`no worker runs the lease owner ${owner}`);
}

