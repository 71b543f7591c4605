// A loopback server that replays a real Space: its recorded /config and /gradio_api/info, and for each
// endpoint the status messages of a completed call (estimation, process_starts, progress, process_completed),
// over the same sse_v3 protocol Gradio speaks. The REAL @gradio/client connects to it, so adapter tests run the
// whole path (connect, /info check, upload, queue/join, event stream, file download) offline.
//
// Beyond replay it enforces what a real Space enforces and an adapter could get wrong: uploaded files are
// the only server paths accepted as file inputs (passing another Space's path fails like Gradio's
// InvalidPathError: "An error occurred"); a slider value outside the component's range and a choice outside its
// list are refused the way Gradio ≥ 5.39 refuses them (a gr.Error "Value X is greater than maximum value Y."),
// so a call that does not fit the Space's schema fails here as it would there; and handlers can keep
// per-session state (gr.State).
import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReplayMessage {
  msg: string;
  [k: string]: unknown;
}

export interface FileData {
  path: string;
  url: string;
  size: number | null;
  orig_name: string;
  mime_type: string | null;
  is_stream: boolean;
  meta: { _type: "gradio.FileData" };
}

export interface HandlerContext {
  sessionHash: string;
  /** Inputs by parameter name (state inputs left out), as Gradio would pass them to the function. */
  named: Record<string, unknown>;
  /** Per-session state, like gr.State. */
  state: Map<string, unknown>;
  /** Reads a file input; throws (→ "An error occurred") for paths this server did not hand out. */
  readFile(value: unknown): Buffer;
  /** Registers an output file and returns its FileData. */
  file(name: string, bytes: Uint8Array): FileData;
}

/** Returns non-state outputs, or throws ReplayError (a gr.Error) / any Error ("An error occurred"). */
export type Handler = (ctx: HandlerContext) => Promise<unknown[]> | unknown[];

export class ReplayError extends Error {
  constructor(
    message: string,
    readonly title = "Error",
  ) {
    super(message);
  }
}

export interface RecordedCall {
  endpoint: string;
  sessionHash: string;
  data: unknown[];
}

export interface ReplayOptions {
  /** The recorded /config. `root` and `space_id` are rewritten to this server. */
  config: Record<string, unknown>;
  /** The recorded /gradio_api/info. */
  info: Record<string, unknown>;
  /** The recorded host, replaced by this server's URL in every replayed string. */
  host?: string;
  /** Recorded messages per endpoint; the final process_completed's output is replaced by the handler's. */
  messages?: Record<string, ReplayMessage[]>;
  /** Files named in the recording, by server path → bytes. */
  files?: Record<string, Uint8Array>;
  /** Endpoint behaviour; without one, the recorded process_completed is replayed as is. */
  handlers?: Record<string, Handler>;
  /** Status for queue/join (e.g. 503 to simulate a full queue); called per join. */
  joinStatus?: (endpoint: string, n: number) => number;
  delayMs?: number;
}

interface Session {
  stream: ServerResponse | null;
  buffer: string[];
  pending: number;
  state: Map<string, unknown>;
}

export interface ReplayServer {
  url: string;
  /** How many times a client read /config and /gradio_api/info (a connect, or a schema read afresh). */
  schemaReads: number;
  calls: RecordedCall[];
  uploads: string[];
  downloads: string[];
  cancels: number;
  close(): Promise<void>;
}

export async function startReplayServer(opts: ReplayOptions): Promise<ReplayServer> {
  const sessions = new Map<string, Session>();
  const files = new Map<string, Buffer>(Object.entries(opts.files ?? {}).map(([k, v]) => [k, Buffer.from(v)]));
  const calls: RecordedCall[] = [];
  const uploads: string[] = [];
  const downloads: string[] = [];
  const joins = new Map<string, number>();
  let cancels = 0;
  let schemaReads = 0;
  let url = "";

  const config = () => ({ ...opts.config, root: url, space_id: null, connect_heartbeat: false });
  const deps = () => (opts.config.dependencies as { id: number; api_name: string | null; inputs: number[]; outputs: number[] }[]) ?? [];
  const components = () => (opts.config.components as { id: number; type: string; props?: Record<string, unknown> }[]) ?? [];
  const isState = (id: number) => components().find((c) => c.id === id)?.type === "state";
  const rewrite = <T>(v: T): T => (opts.host ? (JSON.parse(JSON.stringify(v).split(opts.host).join(url)) as T) : v);

  const session = (hash: string): Session => {
    let s = sessions.get(hash);
    if (!s) sessions.set(hash, (s = { stream: null, buffer: [], pending: 0, state: new Map() }));
    return s;
  };
  const send = (s: Session, msg: Record<string, unknown>) => {
    const line = `data: ${JSON.stringify(msg)}\n\n`;
    if (s.stream) s.stream.write(line);
    else s.buffer.push(line);
  };
  const maybeClose = (s: Session) => {
    if (s.pending === 0 && s.stream) {
      s.stream.end(`data: ${JSON.stringify({ msg: "close_stream", event_id: null })}\n\n`);
      s.stream = null;
    }
  };

  const fileData = (name: string, bytes: Uint8Array): FileData => {
    const path = `/tmp/gradio/${createHash("sha256").update(bytes).digest("hex").slice(0, 40)}/${name}`;
    files.set(path, Buffer.from(bytes));
    return { path, url: `${url}/gradio_api/file=${path}`, size: bytes.byteLength, orig_name: name, mime_type: null, is_stream: false, meta: { _type: "gradio.FileData" } };
  };

  const run = async (s: Session, hash: string, eventId: string, apiName: string, dep: { inputs: number[]; outputs: number[] }, data: unknown[]) => {
    const recorded = opts.messages?.[apiName] ?? [];
    if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
    for (const m of recorded.filter((m) => m.msg !== "process_completed")) send(s, { ...rewrite(m), event_id: eventId });
    const handler = opts.handlers?.[apiName];
    let completed: Record<string, unknown>;
    try {
      dep.inputs.forEach((id, i) => refuseOutOfSchema(components().find((c) => c.id === id), data[i]));
      let outputs: unknown[];
      if (handler) {
        const paramNames = (((opts.info.named_endpoints as Record<string, { parameters: { parameter_name: string }[] }>)[apiName]?.parameters) ?? []).map((p) => p.parameter_name);
        const named: Record<string, unknown> = {};
        let k = 0;
        dep.inputs.forEach((id, i) => {
          if (isState(id)) return;
          const n = paramNames[k++];
          if (n) named[n] = data[i];
        });
        const out = await handler({
          sessionHash: hash,
          named,
          state: s.state,
          readFile: (v) => {
            const p = typeof v === "object" && v !== null ? (v as { path?: unknown }).path : undefined;
            const bytes = typeof p === "string" ? files.get(p) : undefined;
            if (!bytes) throw new Error(`InvalidPathError: Cannot move ${String(p)} to the gradio cache dir`);
            return bytes;
          },
          file: fileData,
        });
        let j = 0;
        outputs = dep.outputs.map((id) => (isState(id) ? null : out[j++] ?? null));
      } else {
        const done = recorded.find((m) => m.msg === "process_completed");
        outputs = ((rewrite(done?.output) as { data?: unknown[] } | undefined)?.data ?? []) as unknown[];
      }
      completed = {
        msg: "process_completed",
        event_id: eventId,
        success: true,
        output: { data: outputs, is_generating: false, duration: 0.01, average_duration: 0.01, render_config: null, changed_state_ids: [] },
      };
    } catch (e) {
      const gr = e instanceof ReplayError;
      completed = {
        msg: "process_completed",
        event_id: eventId,
        success: false,
        title: gr ? e.title : "Error",
        output: gr ? { error: e.message, title: e.title, duration: 10, visible: true } : { error: null },
      };
    }
    send(s, completed);
    s.pending -= 1;
    maybeClose(s);
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      res.statusCode = 500;
      res.end(String(e));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const u = new URL(req.url ?? "/", url);
    const path = decodeURIComponent(u.pathname);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method === "GET" && (path === "/config" || path === "/config/")) {
      schemaReads += 1;
      return json(200, config());
    }
    if (req.method === "GET" && path === "/gradio_api/info") return json(200, opts.info);
    if (req.method === "POST" && path === "/gradio_api/upload") {
      const body = await readBody(req);
      const form = await new Request(url, { method: "POST", headers: req.headers as Record<string, string>, body: new Uint8Array(body) }).formData();
      const paths: string[] = [];
      for (const f of form.getAll("files")) {
        if (typeof f === "string") continue;
        const bytes = Buffer.from(await f.arrayBuffer());
        const p = `/tmp/gradio/${createHash("sha256").update(bytes).digest("hex").slice(0, 40)}/${f.name || "blob"}`;
        files.set(p, bytes);
        uploads.push(p);
        paths.push(p);
      }
      return json(200, paths);
    }
    if (req.method === "POST" && path === "/gradio_api/queue/join") {
      const body = JSON.parse((await readBody(req)).toString("utf8")) as { data: unknown[]; fn_index: number; session_hash: string };
      const dep = deps().find((d) => d.id === body.fn_index);
      const apiName = dep?.api_name ? `/${dep.api_name}` : "";
      if (!dep) return json(422, { detail: "unknown fn_index" });
      const n = (joins.get(apiName) ?? 0) + 1;
      joins.set(apiName, n);
      const status = opts.joinStatus?.(apiName, n) ?? 200;
      if (status !== 200) return json(status, { detail: "Queue is full! Please try again." });
      calls.push({ endpoint: apiName, sessionHash: body.session_hash, data: body.data });
      const eventId = randomUUID().replace(/-/g, "");
      const s = session(body.session_hash);
      s.pending += 1;
      json(200, { event_id: eventId });
      void run(s, body.session_hash, eventId, apiName, dep, body.data);
      return;
    }
    if (req.method === "GET" && path === "/gradio_api/queue/data") {
      const s = session(u.searchParams.get("session_hash") ?? "");
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      s.stream = res;
      for (const line of s.buffer.splice(0)) res.write(line);
      maybeClose(s);
      return;
    }
    if (req.method === "GET" && path.startsWith("/gradio_api/file=")) {
      const p = path.slice("/gradio_api/file=".length);
      const bytes = files.get(p);
      downloads.push(p);
      if (!bytes) return json(404, { detail: "File not found" });
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(bytes.length) });
      res.end(bytes);
      return;
    }
    if (req.method === "POST" && (path === "/gradio_api/cancel" || path === "/gradio_api/reset")) {
      cancels += path.endsWith("cancel") ? 1 : 0;
      await readBody(req);
      return json(200, { success: true });
    }
    json(404, { detail: "Not Found" });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    calls,
    uploads,
    downloads,
    get cancels() {
      return cancels;
    },
    get schemaReads() {
      return schemaReads;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sessions.values()) s.stream?.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Gradio ≥ 5.39's own checks of an input value against its component (Slider range, Dropdown/Radio choices). */
function refuseOutOfSchema(component: { type: string; props?: Record<string, unknown> } | undefined, value: unknown): void {
  if (!component || value === null || value === undefined) return;
  const props = component.props ?? {};
  const type = component.type.toLowerCase();
  if (type === "slider" && typeof value === "number") {
    if (typeof props.minimum === "number" && value < props.minimum) throw new ReplayError(`Value ${value} is less than minimum value ${props.minimum}.`);
    if (typeof props.maximum === "number" && value > props.maximum) throw new ReplayError(`Value ${value} is greater than maximum value ${props.maximum}.`);
  }
  if ((type === "dropdown" || type === "radio") && Array.isArray(props.choices) && props.allow_custom_value !== true && props.multiselect !== true) {
    const values = props.choices.map((c: unknown) => (Array.isArray(c) ? c[1] : c));
    if (!values.some((c) => c === value)) throw new ReplayError(`Value: ${JSON.stringify(value)} is not in the list of choices: ${JSON.stringify(values)}`);
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
