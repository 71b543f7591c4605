import "server-only";
// createGradioApp: one Gradio-compatible app behind a Web-Fetch `handle(request, subpath, baseUrl)`, serving
// what @gradio/client 2.x and gradio_client call (see shared/spec/gradio-protocol.md, last section). Bad input
// is answered the way Gradio answers it — a status code with FastAPI's {"detail"} body, or a failed
// process_completed on the event stream — and a handler error becomes a 500, never a crash or a hang.
import { z } from "zod";
import { buildAgentsMd } from "./agents-md";
import { CallManager, FAULTS_HEADER, type JoinRequest } from "./calls";
import { API_PREFIX, appIdFor, buildConfig, compileEndpoints, type CompiledEndpoint } from "./config";
import type { CallEvent } from "./event";
import { serveFile } from "./file-route";
import { defaultFileStoreDir, FileStore } from "./files";
import { detail, json, methodNotAllowed, notFound, readJson, text, validationDetail } from "./http";
import { buildInfo } from "./info";
import { handleCallGet, handleCallPost, type RestHost } from "./rest-call";
import { CLOSE_STREAM } from "./sessions";
import { createSse, type SseSink } from "./sse";
import type { GradioApp, GradioAppDefinition, GradioAppOptions, GradioAppStats } from "./types";
import { handleUpload } from "./upload";
import { McpFace } from "./mcp";

export { FAULTS_HEADER };

const DEFAULT_HEARTBEAT_MS = 15_000;
const DEFAULT_ORPHAN_MS = 60_000;
const DEFAULT_SESSION_TTL_MS = 10 * 60_000;

const sessionHash = z.string().min(1).max(256);
const joinBody = z.looseObject({
  data: z.array(z.unknown()),
  fn_index: z.number().int().nullish(),
  session_hash: sessionHash.nullish(),
  event_data: z.unknown().optional(),
  trigger_id: z.number().int().nullish(),
});
const cancelBody = z.looseObject({ session_hash: sessionHash, fn_index: z.number().int(), event_id: z.string().max(256) });

class GradioServerApp implements GradioApp, RestHost {
  readonly heartbeatMs: number;
  private readonly endpoints: CompiledEndpoint[];
  private readonly byName = new Map<string, CompiledEndpoint>();
  private readonly files: FileStore;
  private readonly calls: CallManager;
  private readonly info: Record<string, unknown>;
  private readonly mcp: McpFace;

  constructor(
    readonly definition: GradioAppDefinition,
    options: GradioAppOptions,
  ) {
    this.endpoints = compileEndpoints(definition.endpoints);
    for (const ep of this.endpoints) {
      if (this.byName.has(ep.def.apiName)) throw new Error(`Duplicate api_name "${ep.def.apiName}"`);
      this.byName.set(ep.def.apiName, ep);
    }
    this.files = options.fileStore ?? new FileStore({ dir: defaultFileStoreDir(definition.id) });
    this.heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
    this.info = buildInfo(this.endpoints);
    const profile = definition.faults ?? {};
    this.calls = new CallManager({
      appId: definition.id,
      files: this.files,
      profile,
      concurrencyLimit: profile.concurrency ?? definition.concurrencyLimit ?? 1,
      maxQueueSize: definition.maxQueueSize ?? 64,
      showError: definition.showError ?? true,
      orphanMs: options.orphanMs ?? DEFAULT_ORPHAN_MS,
      sessionTtlMs: options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
      resolveFileUrl: options.resolveFileUrl,
    });
    this.mcp = new McpFace(
      {
        definition,
        calls: this.calls,
        files: this.files,
        ...(options.resolveFileUrl ? { resolveFileUrl: options.resolveFileUrl } : {}),
        ...(options.fetchUrls ? { fetchUrls: options.fetchUrls } : {}),
      },
      this.endpoints,
    );
  }

  // ---- GradioApp ----

  async handle(request: Request, subpath: string, baseUrl: string): Promise<Response> {
    const root = baseUrl.replace(/\/+$/, "");
    try {
      return await this.route(request, subpath || "/", root);
    } catch (err) {
      console.error(`[gradio-server] ${this.definition.id} ${request.method} ${subpath} failed:`, err);
      return detail(500, "Internal Server Error");
    }
  }

  stats(): GradioAppStats {
    return this.calls.stats();
  }

  close(): void {
    this.calls.close();
  }

  // ---- RestHost ----

  endpointByName(apiName: string): CompiledEndpoint | undefined {
    return this.byName.get(apiName.replace(/^\/+/, ""));
  }

  unknownEndpoint(apiName: string): Response {
    const valid = this.endpoints.map((e) => `/${e.def.apiName}`).join(", ");
    return detail(404, `Could not infer function index for API name: ${apiName}. Valid endpoints: ${valid}`);
  }

  findEvent(eventId: string): CallEvent | undefined {
    return this.calls.find(eventId);
  }

  readerLeft(event: CallEvent): void {
    this.calls.readerLeft(event);
  }

  join(req: JoinRequest): Promise<Response> {
    return this.calls.join(req);
  }

  // ---- routing ----

  private async route(request: Request, subpath: string, root: string): Promise<Response> {
    const method = request.method.toUpperCase();
    const p = subpath.length > 1 ? subpath.replace(/\/+$/, "") : subpath;
    const isGet = method === "GET" || method === "HEAD";
    if (p === "/config") return isGet ? this.headable(request, json(200, this.config(root))) : methodNotAllowed();
    if (p === "/agents.md") {
      return isGet ? this.headable(request, text(200, buildAgentsMd(this.definition, root), "text/markdown; charset=utf-8")) : methodNotAllowed();
    }
    if (p === "/") return isGet ? this.headable(request, this.landing(root)) : methodNotAllowed();
    if (!p.startsWith(`${API_PREFIX}/`)) return notFound();
    const rest = p.slice(API_PREFIX.length + 1);

    if (rest.startsWith("file=")) return isGet ? serveFile(request, rest.slice(5), this.files) : methodNotAllowed();
    const parts = rest.split("/").map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
    const [head, a, b, c] = parts;
    const url = new URL(request.url);
    switch (head) {
      case "info":
        return parts.length === 1 && isGet ? this.headable(request, json(200, this.info)) : notFound();
      case "app_id":
        return isGet ? json(200, { app_id: appIdFor(this.definition.id) }) : methodNotAllowed();
      case "upload":
        return method === "POST" ? handleUpload(request, this.files) : methodNotAllowed();
      case "queue":
        if (a === "join" && parts.length === 2) return method === "POST" ? this.queueJoin(request, root) : methodNotAllowed();
        if (a === "data" && parts.length === 2) return method === "GET" ? this.queueData(request, url) : methodNotAllowed();
        return notFound();
      case "call": {
        const v2 = a === "v2";
        const api = v2 ? b : a;
        const eventId = v2 ? c : b;
        const expected = (v2 ? 3 : 2) + (eventId === undefined ? 0 : 1);
        if (!api || parts.length !== expected) return notFound();
        if (eventId === undefined) return method === "POST" ? handleCallPost(this, request, api, v2, root) : methodNotAllowed();
        return method === "GET" ? handleCallGet(this, request, eventId) : methodNotAllowed();
      }
      case "mcp":
        return this.mcp.handle(request, parts.slice(1).join("/"), root);
      case "heartbeat":
        return a && parts.length === 2 && method === "GET" ? this.heartbeatStream(request) : notFound();
      case "cancel":
        return method === "POST" ? this.cancelRoute(request) : methodNotAllowed();
      case "reset":
        return method === "POST" ? json(200, { success: true }) : methodNotAllowed();
      case "run":
      case "api":
        return detail(
          404,
          "This API endpoint does not accept direct HTTP POST requests. Please join the queue to use this API.",
        );
      default:
        return notFound();
    }
  }

  /** HEAD answers like GET without a body (only for plain, finite responses). */
  private headable(request: Request, response: Response): Response {
    if (request.method.toUpperCase() !== "HEAD") return response;
    return new Response(null, { status: response.status, headers: response.headers });
  }

  private config(root: string): Record<string, unknown> {
    return buildConfig(this.definition, this.endpoints, root, this.files.maxFileBytes);
  }

  private landing(root: string): Response {
    const esc = (s: string) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
    const list = this.endpoints.map((e) => `<li><code>/${esc(e.def.apiName)}</code> ${esc(e.def.description ?? "")}</li>`);
    return text(
      200,
      `<!doctype html><meta charset="utf-8"><title>${esc(this.definition.title)}</title>` +
        `<h1>${esc(this.definition.title)}</h1><p>${esc(this.definition.description)}</p><ul>${list.join("")}</ul>` +
        `<p>A built-in Gradio-compatible Space. API: <a href="${esc(root)}/gradio_api/info">/gradio_api/info</a>, ` +
        `<a href="${esc(root)}/agents.md">agents.md</a>.</p>`,
      "text/html; charset=utf-8",
    );
  }

  // ---- queue protocol ----

  private async queueJoin(request: Request, root: string): Promise<Response> {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = joinBody.safeParse(body.value);
    if (!parsed.success) return validationDetail(parsed.error.issues, body.value);
    const { fn_index, session_hash, data } = parsed.data;
    if (!session_hash) return detail(400, "Session hash not found.");
    if (fn_index === null || fn_index === undefined) return detail(400, "No function index provided.");
    const endpoint = this.endpoints[fn_index];
    if (!endpoint) {
      return detail(400, `No function with fn_index ${fn_index} (this app has ${this.endpoints.length}).`);
    }
    return this.join({ endpoint, data, sessionHash: session_hash, request, root });
  }

  private queueData(request: Request, url: URL): Response {
    const hash = url.searchParams.get("session_hash");
    if (!hash || !sessionHash.safeParse(hash).success) {
      return detail(422, [{ type: "missing", loc: ["query", "session_hash"], msg: "Field required", input: null }]);
    }
    let sink: SseSink | null = null;
    const created = createSse({
      signal: request.signal,
      heartbeatMs: this.heartbeatMs,
      heartbeat: (s) => s.send({ msg: "heartbeat", event_id: null }),
      onAbort: () => {
        if (sink) this.calls.streamLost(hash, sink);
      },
    });
    sink = created.sink;
    if (sink.closed) return created.response;
    if (!this.calls.attach(hash, sink)) {
      // Gradio answers an unknown session inside the stream (HTTPException 404 turned into unexpected_error);
      // close_stream follows so the client's stream state is reset rather than left open.
      sink.send({ msg: "unexpected_error", event_id: null, message: "404: Not Found", session_not_found: true, success: false });
      sink.send(CLOSE_STREAM);
      sink.close();
    }
    return created.response;
  }

  private heartbeatStream(request: Request): Response {
    const { response, sink } = createSse({
      signal: request.signal,
      heartbeatMs: this.heartbeatMs,
      heartbeat: (s) => s.sendText("ALIVE"),
    });
    sink.sendText("ALIVE");
    return response;
  }

  private async cancelRoute(request: Request): Promise<Response> {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = cancelBody.safeParse(body.value);
    if (!parsed.success) return validationDetail(parsed.error.issues, body.value);
    this.calls.cancelByCaller(parsed.data.event_id, parsed.data.session_hash);
    return json(200, { success: true });
  }
}

export function createGradioApp(definition: GradioAppDefinition, options: GradioAppOptions = {}): GradioApp {
  return new GradioServerApp(definition, options);
}
