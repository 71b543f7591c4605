// Records a Space into the fixture layout (fixtures/README.md): its real /config and /gradio_api/info, and one
// call's queue messages and output files, so the replay tests can be refreshed from the real thing. It speaks the
// wire protocol itself (upload, queue/join, the session's event stream) rather than through @gradio/client,
// because the fixture keeps the raw messages the client never shows. Works against any Gradio URL; a Hub id is
// resolved to its host as the client does. Run by `npm run record-space -- <space id | URL>` (scripts/record-space.ts).
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { readImageHeader } from "@/lib/media/image-header";
import { parseApiInfo, withComponentProps, type EndpointSpec } from "../api-info";
import { bestFit } from "../endpoint-fit";
import { chooseEndpoint } from "../discover";
import { fitArgs } from "../input-fit";
import { capabilities } from "../types";
import { fixturesDir, type FixtureMeta } from "./fixtures";
import type { ReplayMessage } from "./replay-server";

export interface RecordOptions {
  /** A Hub id (`owner/name`) or any Gradio app's URL. */
  target: string;
  /** Sent to Hugging Face hosts only: a ZeroGPU call spends this token's quota. */
  token?: string;
  /** The endpoint to call; default: the one the endpoint judge picks (else discovery's main action). */
  endpoint?: string;
  /** Named inputs; the others get the Space's defaults (a required text a sample prompt, a required image `image`). */
  data?: Record<string, unknown>;
  /**
   * Endpoints called first on the same session, each recorded too (`/start_session`, `/preprocess_image`): a
   * step's output file becomes the picture the next one is given, as in the app's UI.
   */
  before?: string[];
  /** The picture sent to an image parameter; default a generated 512² PNG. */
  image?: Uint8Array;
  /** The fixture folder; default fixtures/<slug of the Space>. */
  out?: string;
  /** The name the fixture goes by (`space` in its files); default the id, or the URL. */
  space?: string;
  fetchImpl?: typeof fetch;
  /** Gives up on the call after this long (default 15 minutes: a sleeping ZeroGPU Space wakes slowly). */
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface Recorded {
  out: string;
  endpoint: string;
  messages: number;
  files: Record<string, string>;
}

const SAMPLE_PROMPT = "a lighthouse on a cliff at dusk";

export async function recordSpace(opts: RecordOptions): Promise<Recorded> {
  const fetchImpl = opts.fetchImpl ?? fetch;
  const log = opts.log ?? (() => undefined);
  const isUrl = /^https?:\/\//i.test(opts.target);
  const space = opts.space ?? opts.target.replace(/\/+$/, "");
  const base = isUrl ? opts.target.replace(/\/+$/, "") : await hostOf(opts.target, opts.token, fetchImpl);
  const hf = (u: string) => /(^|\.)hf\.space$|(^|\.)huggingface\.co$/i.test(new URL(u).hostname);
  const auth = (u: string): Record<string, string> => (opts.token && hf(u) ? { authorization: `Bearer ${opts.token}` } : {});
  const getJson = async (u: string) => {
    const res = await fetchImpl(u, { headers: auth(u) });
    if (!res.ok) throw new Error(`GET ${u} answered ${res.status}`);
    return (await res.json()) as Record<string, unknown>;
  };

  log(`reading ${base}/config`);
  const config = await getJson(`${base}/config`);
  const root = (typeof config.root === "string" && config.root ? config.root : base).replace(/\/+$/, "");
  const prefix = typeof config.api_prefix === "string" ? config.api_prefix : "/gradio_api";
  const api = `${root}${prefix}`;
  log(`reading ${api}/info`);
  const info = await getJson(`${api}/info`);
  const endpoints = withComponentProps(parseApiInfo(info), config);

  const ep = pickEndpoint(endpoints, opts.endpoint);
  const before = (opts.before ?? []).map((name) => chooseEndpoint(endpoints, name));
  const deps = (config.dependencies as { id: number; api_name?: unknown; inputs: number[] }[]) ?? [];
  const states = new Set(((config.components as { id: number; type: string }[]) ?? []).filter((c) => c.type === "state").map((c) => c.id));
  const session = randomBytes(8).toString("hex").slice(0, 11);
  const timeoutMs = opts.timeoutMs ?? 15 * 60_000;

  /** One call on the recording's session: its inputs fitted to the schema, its messages as the Space sent them. */
  const call = async (e: EndpointSpec, given: Record<string, unknown>): Promise<{ messages: ReplayMessage[]; data: unknown }> => {
    const dep = deps.find((d) => typeof d.api_name === "string" && `/${d.api_name.replace(/^\//, "")}` === e.name);
    if (!dep) throw new Error(`${e.name} is in /info but not among /config's dependencies`);
    const named = fitArgs(e, given);
    const values = e.params.map((p) => named[p.name]);
    const data = dep.inputs.map((id) => (states.has(id) ? null : values.shift()));
    log(`calling ${e.name}`);
    const join = await fetchImpl(`${api}/queue/join`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-gradio-user": "api", ...auth(api) },
      body: JSON.stringify({ data, fn_index: dep.id, session_hash: session, event_data: null, trigger_id: null }),
    });
    if (!join.ok) throw new Error(`queue/join answered ${join.status}: ${await join.text()}`);
    const { event_id: eventId } = (await join.json()) as { event_id: string };
    const messages = await readEvents(`${api}/queue/data?session_hash=${session}`, eventId, auth(api), fetchImpl, timeoutMs);
    const completed = messages.find((m) => m.msg === "process_completed");
    if (!completed) throw new Error(`${e.name} ended without process_completed`);
    if (completed.success !== true) throw new Error(`${e.name} failed: ${JSON.stringify(completed.output ?? completed)}`);
    return { messages, data: (completed.output as { data?: unknown } | undefined)?.data };
  };

  // The picture: uploaded once, then carried through the steps before the call (a session's start, a
  // preprocessing step whose output file is what the UI hands on), as the adapters do.
  let picture: unknown = null;
  const pictureFor = async () => (picture ??= await upload(api, opts.image ?? (await samplePicture()), auth(api), fetchImpl));
  const inputsOf = async (e: EndpointSpec, given: Record<string, unknown>) => {
    const out = { ...given };
    const fileParams = e.params.filter((p) => p.kind === "file");
    const mainFile = fileParams.find((p) => p.required) ?? fileParams[0];
    for (const p of e.params) {
      if (p.name in out) continue;
      if (p.kind === "file" && (p.required || p === mainFile)) out[p.name] = await pictureFor();
      else if (p.required && p.kind === "string") out[p.name] = SAMPLE_PROMPT;
    }
    return out;
  };

  const recorded: Record<string, ReplayMessage[]> = {};
  const outputs: unknown[] = [];
  for (const b of before) {
    const r = await call(b, await inputsOf(b, {}));
    recorded[b.name] = r.messages.map(({ event_id: _e, ...m }) => m);
    outputs.push(r.data);
    const produced = fileDatas(r.data)[0];
    if (produced && picture !== null) picture = { path: produced.path, meta: { _type: "gradio.FileData" } };
  }
  const main = await call(ep, await inputsOf(ep, { ...opts.data }));
  recorded[ep.name] = main.messages.map(({ event_id: _e, ...m }) => m);
  outputs.push(main.data);

  // The files the outputs name, as the kind of bytes the replay will serve.
  const files: Record<string, string> = {};
  for (const f of fileDatas(outputs)) {
    if (files[f.path]) continue;
    const url = f.url ?? `${api}/file=${f.path}`;
    const res = await fetchImpl(url, { headers: auth(url) });
    files[f.path] = res.ok ? kindOf(new Uint8Array(await res.arrayBuffer()), f.path) : `bytes:missing`;
    log(`  ${f.path}: ${files[f.path]}`);
  }

  const out = opts.out ?? path.join(fixturesDir, slug(space));
  mkdirSync(out, { recursive: true });
  const meta: FixtureMeta & Record<string, unknown> = {
    space,
    origin: "recorded",
    recordedAt: new Date().toISOString(),
    from: root,
    gradioVersion: typeof config.version === "string" ? config.version : null,
    endpoint: ep.name,
    ...(before.length ? { before: before.map((b) => b.name) } : {}),
    sources: [{ fact: "config.json, info.json and the calls in call.json, as the Space served them", source: root, commit: null }],
  };
  const write = (name: string, v: unknown) => writeFileSync(path.join(out, name), `${JSON.stringify(v, null, 1)}\n`);
  write("meta.json", meta);
  write("config.json", config);
  write("info.json", info);
  write("call.json", { space, host: root, messages: recorded, files });
  return { out, endpoint: ep.name, messages: main.messages.length, files };
}

/** The Hub's host for a Space id (as @gradio/client resolves it). */
async function hostOf(id: string, token: string | undefined, fetchImpl: typeof fetch): Promise<string> {
  const res = await fetchImpl(`https://huggingface.co/api/spaces/${id}/host`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error(`Space "${id}" could not be resolved (the Hub answered ${res.status})`);
  const { host } = (await res.json()) as { host?: string };
  if (!host) throw new Error(`The Hub named no host for ${id}`);
  return host.replace(/\/+$/, "");
}

function pickEndpoint(endpoints: Record<string, EndpointSpec>, wanted?: string): EndpointSpec {
  if (wanted) return chooseEndpoint(endpoints, wanted);
  const fits = capabilities.map((c) => bestFit(endpoints, c)).filter((f) => f !== null);
  fits.sort((a, b) => b.score - a.score);
  return fits[0] ? endpoints[fits[0].endpoint]! : chooseEndpoint(endpoints);
}

async function upload(api: string, bytes: Uint8Array, headers: Record<string, string>, fetchImpl: typeof fetch) {
  const form = new FormData();
  form.append("files", new File([new Uint8Array(bytes)], "input.png", { type: "image/png" }));
  const res = await fetchImpl(`${api}/upload`, { method: "POST", headers, body: form });
  const paths = res.ok ? ((await res.json()) as unknown) : null;
  if (!Array.isArray(paths) || typeof paths[0] !== "string") throw new Error(`upload answered ${res.status}`);
  return { path: paths[0], orig_name: "input.png", meta: { _type: "gradio.FileData" } };
}

/** A picture with a subject on a plain ground: something every image-to-3D app can segment. */
async function samplePicture(): Promise<Uint8Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512"><rect width="512" height="512" fill="#fff"/><path d="M256 60 L330 452 H182 Z" fill="#b5523b"/><circle cx="256" cy="80" r="28" fill="#f3c74f"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** The session's event stream until our event completes (or fails). */
async function readEvents(url: string, eventId: string, headers: Record<string, string>, fetchImpl: typeof fetch, timeoutMs: number): Promise<ReplayMessage[]> {
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
  const res = await fetchImpl(url, { headers: { accept: "text/event-stream", ...headers }, signal: ac.signal });
  if (!res.ok || !res.body) throw new Error(`queue/data answered ${res.status}`);
  const out: ReplayMessage[] = [];
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let at: number;
      while ((at = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        const line = block.split("\n").find((l) => l.startsWith("data:"));
        if (!line) continue;
        const msg = JSON.parse(line.slice(5).trim()) as ReplayMessage;
        if (msg.msg === "heartbeat" || msg.msg === "close_stream") continue;
        if (msg.event_id !== eventId) continue;
        out.push(msg);
        if (msg.msg === "process_completed" || msg.msg === "unexpected_error") return out;
      }
    }
  } finally {
    clearTimeout(timer);
    ac.abort();
  }
  return out;
}

interface FileRefLike {
  path: string;
  url?: string;
}

/** Every FileData an output names (inside gr.update values, video dicts, galleries…). */
function fileDatas(v: unknown): FileRefLike[] {
  if (Array.isArray(v)) return v.flatMap(fileDatas);
  if (!v || typeof v !== "object") return [];
  const o = v as Record<string, unknown>;
  if (typeof o.path === "string" && (o.meta as { _type?: unknown } | undefined)?._type === "gradio.FileData") {
    return [{ path: o.path, ...(typeof o.url === "string" ? { url: o.url } : {}) }];
  }
  return Object.values(o).flatMap(fileDatas);
}

/** The kind of bytes a file is, as testing/fixtures.ts materialises them: `webp:1024x1024`, `glb`, `ply:64`… */
export function kindOf(bytes: Uint8Array, name: string): string {
  const img = readImageHeader(bytes);
  if (img && (img.format === "webp" || img.format === "png")) return `${img.format}:${img.width}x${img.height}`;
  const head = Buffer.from(bytes.subarray(0, 4)).toString("latin1");
  if (head === "glTF") return "glb";
  if (head === "ply\n" || head === "ply\r") {
    const header = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
    const n = /element vertex (\d+)/.exec(header);
    return `ply:${n ? Math.min(Number(n[1]), 4096) : 16}`;
  }
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "bin";
  return `bytes:${ext === "mp4" || ext === "webm" ? "video" : ext}`;
}

/** The fixture folder's name: the Space id in lower case, `/` and `.` as `-` (a URL by its host and path). */
export function slug(space: string): string {
  const s = /^https?:\/\//i.test(space) ? new URL(space).host + new URL(space).pathname : space;
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}
