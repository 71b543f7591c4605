import "server-only";
// The app as an MCP server, as a Gradio app launched with mcp_server=True is (shared/spec/mcp.md): stateless
// Streamable HTTP at /gradio_api/mcp/ (a fresh SDK server and transport per request, so any process can answer
// any request), tools from mcp-tools.ts, calls through the same queue, fault dice and argument checks as the
// Gradio API (calls.ts), progress as notifications/progress when the client sent a progressToken (a step
// counter and a message, no total, as Gradio sends them), a refused argument or a failed run as a tool error
// (isError), and outputs as the Space's file URLs (an image also inline, with an "Image URL:" line).
import { readFile } from "node:fs/promises";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { namedToPositional } from "./args";
import type { CallManager } from "./calls";
import { API_PREFIX, GRADIO_VERSION } from "./config";
import { GradioError } from "./errors";
import { formatFaultProfile, Prng, seedFromString } from "./faults";
import type { ServerMessage } from "./event";
import type { FileStore } from "./files";
import { json, text } from "./http";
import { mcpFileArgument, type McpUrlFetchOptions } from "./mcp-files";
import { mcpSchema, mcpTools, type McpTool } from "./mcp-tools";
import type { GradioAppDefinition } from "./types";
import type { CompiledEndpoint } from "./config";

/** Room for the JSON around a data: URL, beyond the file it carries. */
const MCP_BODY_SLACK = 1024 * 1024;

export interface McpHost {
  readonly definition: GradioAppDefinition;
  readonly calls: CallManager;
  readonly files: FileStore;
  /** Maps a URL naming a built-in Space's file to that file (never a fetch); null otherwise. */
  readonly resolveFileUrl?: (url: string) => Promise<string | null>;
  /** When set, other http(s) file URLs are fetched under the SSRF rules. */
  readonly fetchUrls?: McpUrlFetchOptions;
}

export class McpFace {
  readonly tools: McpTool[];
  /** The mcp_down fault's dice: seeded per variant, like every fault, so a test sees the same fates each run. */
  private readonly downDice: Prng;

  constructor(
    private readonly host: McpHost,
    endpoints: readonly CompiledEndpoint[],
  ) {
    this.tools = mcpTools(host.definition, endpoints);
    const faults = host.definition.faults ?? {};
    this.downDice = new Prng(faults.seed ?? seedFromString(`${host.definition.id}|mcp|${formatFaultProfile(faults)}`));
  }

  /** Serves /gradio_api/mcp[/…]: `rest` is what follows "mcp" ("", "schema", "http", "sse"). */
  async handle(request: Request, rest: string, root: string): Promise<Response> {
    const method = request.method.toUpperCase();
    if (rest === "schema") {
      return method === "GET" || method === "HEAD" ? json(200, mcpSchema(this.tools)) : rpcError(405, "Method not allowed.");
    }
    if (rest === "sse" || rest.startsWith("sse/")) {
      return json(404, { detail: `The deprecated SSE transport is not served: use Streamable HTTP at ${root}${API_PREFIX}/mcp/` });
    }
    if (rest !== "" && rest !== "http") return json(404, { detail: "Not Found" });
    if (method === "GET" && !(request.headers.get("accept") ?? "").includes("text/event-stream")) return this.landing(root);
    // Stateless: no session, hence no server-initiated stream (GET) and nothing to end (DELETE).
    if (method !== "POST") return rpcError(405, "Method not allowed: this MCP server is stateless (POST only).");
    const down = this.host.definition.faults?.mcpDown ?? 0;
    if (down > 0 && this.downDice.next() < down) return rpcError(503, "The MCP server is unavailable (injected fault mcp_down).");
    const server = this.server(request, root);
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, maxRequestBodySize: this.maxBody() });
    await server.connect(transport);
    const response = await transport.handleRequest(request);
    // A stream that is still open closes with the request; a plain answer (202, an error) ends the server now.
    if (!response.body || response.headers.get("content-type")?.includes("application/json")) void server.close();
    else request.signal.addEventListener("abort", () => void server.close(), { once: true });
    return response;
  }

  /** A request body larger than this is refused (413): the largest file as a base64 data: URL, plus the JSON. */
  private maxBody(): number {
    return Math.ceil((this.host.files.maxFileBytes * 4) / 3) + MCP_BODY_SLACK;
  }

  private server(request: Request, root: string): Server {
    const server = new Server(
      { name: this.host.definition.title, version: GRADIO_VERSION },
      { capabilities: { tools: {} }, instructions: this.host.definition.description },
    );
    server.setRequestHandler(ListToolsRequestSchema, () => ({
      tools: this.tools.map((t) => ({ name: t.name, description: t.description, inputSchema: t.inputSchema })),
    }));
    server.setRequestHandler(CallToolRequestSchema, async (req, extra) => {
      const tool = this.tools.find((t) => t.name === req.params.name);
      if (!tool) return toolError(`Unknown tool "${req.params.name}". Tools: ${this.tools.map((t) => t.name).join(", ")}.`);
      const token = req.params._meta?.progressToken;
      let step = 0;
      const progress =
        token === undefined
          ? undefined
          : (message: string) => {
              step += 1;
              void extra.sendNotification({ method: "notifications/progress", params: { progressToken: token, progress: step, message } }).catch(() => undefined);
            };
      const signal = AbortSignal.any([extra.signal, request.signal]);
      try {
        return await this.call(tool, req.params.arguments ?? {}, request, root, signal, progress);
      } catch (err) {
        if (err instanceof GradioError) return toolError(err.message);
        console.error(`[gradio-server] ${this.host.definition.id} MCP ${tool.name} failed:`, err);
        return toolError("An error occurred");
      }
    });
    return server;
  }

  private async call(
    tool: McpTool,
    args: Record<string, unknown>,
    request: Request,
    root: string,
    signal: AbortSignal,
    progress?: (message: string) => void,
  ): Promise<CallToolResult> {
    const ep = tool.endpoint;
    const named: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(args)) {
      const p = ep.def.parameters.find((x) => x.name === key);
      named[key] = p?.type === "file" && value !== null && value !== undefined ? await this.fileArgument(key, value, root, signal) : value;
    }
    const data = namedToPositional(ep, named);
    let resolveDone: (m: ServerMessage) => void = () => undefined;
    const done = { promise: new Promise<ServerMessage>((resolve) => (resolveDone = resolve)), resolve: (m: ServerMessage) => resolveDone(m) };
    const listener = (m: ServerMessage) => {
      if (m.msg === "process_completed" || m.msg === "unexpected_error") done.resolve(m);
      else if (progress) {
        const line = progressLine(m);
        if (line) progress(line);
      }
    };
    const joined = await this.host.calls.enqueue({ endpoint: ep, data, sessionHash: null, request, root }, listener);
    if (!joined.ok) return toolError(joined.message);
    const event = joined.event;
    if (event.completion) done.resolve(event.completion);
    const onAbort = () => this.host.calls.listenerLeft(event, listener);
    signal.addEventListener("abort", onAbort, { once: true });
    let message: ServerMessage;
    try {
      message = await done.promise;
    } finally {
      signal.removeEventListener("abort", onAbort);
      event.listeners.delete(listener);
    }
    const output = (message.output ?? {}) as { data?: unknown[]; error?: string | null };
    if (message.msg !== "process_completed" || !message.success) {
      const why = typeof output.error === "string" && output.error ? output.error : typeof message.message === "string" ? message.message : "An error occurred";
      return toolError(why);
    }
    return { content: await this.content(ep, output.data ?? []) };
  }

  private async fileArgument(name: string, value: unknown, root: string, signal: AbortSignal): Promise<unknown> {
    const ownPrefix = `${root}${API_PREFIX}/file=`;
    return mcpFileArgument(name, value, {
      files: this.host.files,
      signal,
      ...(this.host.fetchUrls ? { fetchUrls: this.host.fetchUrls } : {}),
      isOwnFile: async (url) => {
        if (url.startsWith(ownPrefix)) return true;
        return this.host.resolveFileUrl ? (await this.host.resolveFileUrl(url)) !== null : false;
      },
    }).then((v) => (typeof v === "string" && v.startsWith(ownPrefix) ? ownFile(v, ownPrefix) : v));
  }

  /** One content item per output, in order; an image also inline (base64) with its URL as text. */
  private async content(ep: CompiledEndpoint, values: readonly unknown[]): Promise<CallToolResult["content"]> {
    const out: CallToolResult["content"] = [];
    for (let i = 0; i < values.length; i++) {
      const r = ep.def.returns[i];
      const v = values[i];
      const file = r?.type === "file" && v && typeof v === "object" ? (v as { path?: string; url?: string; mime_type?: string }) : null;
      if (file?.url) {
        if (r?.component === "image") {
          const real = file.path ? await this.host.files.resolve(file.path) : null;
          if (real) out.push({ type: "image", data: (await readFile(real)).toString("base64"), mimeType: file.mime_type ?? "image/png" });
          out.push({ type: "text", text: `Image URL: ${file.url}` });
        } else out.push({ type: "text", text: file.url });
        continue;
      }
      out.push({ type: "text", text: typeof v === "string" ? v : JSON.stringify(v ?? null) });
    }
    return out;
  }

  private landing(root: string): Response {
    const url = `${root}${API_PREFIX}/mcp/`;
    const esc = (s: string) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
    return text(
      200,
      `<!doctype html><meta charset="utf-8"><title>${esc(this.host.definition.title)} — MCP</title>` +
        `<h1>${esc(this.host.definition.title)}: MCP server</h1><p>Streamable HTTP (stateless) at <code>${esc(url)}</code>. ` +
        `Tools: ${this.tools.map((t) => `<code>${esc(t.name)}</code>`).join(", ")} (<a href="${esc(url)}schema">schema</a>).</p>` +
        `<pre>{"mcpServers": {"${esc(this.host.definition.id)}": {"url": "${esc(url)}"}}}</pre>`,
      "text/html; charset=utf-8",
    );
  }
}

/** `{ path }` of a file this Space served, from its URL (args.ts then reads it from this Space's store). */
function ownFile(url: string, prefix: string): unknown {
  try {
    return { path: decodeURIComponent(url.slice(prefix.length)) };
  } catch {
    return url;
  }
}

/** The words Gradio's MCP server sends for each status change. */
function progressLine(m: ServerMessage): string | null {
  switch (m.msg) {
    case "estimation": {
      const rank = typeof m.rank === "number" ? m.rank + 1 : null;
      const size = typeof m.queue_size === "number" ? m.queue_size : null;
      const eta = typeof m.rank_eta === "number" ? ` Estimated time remaining: ${Math.round(m.rank_eta)} seconds.` : "";
      return rank !== null && size !== null ? `In queue. Position ${rank} out of ${size}.${eta}` : "Joined server queue.";
    }
    case "process_starts":
      return "Processing";
    case "progress": {
      const unit = Array.isArray(m.progress_data) ? (m.progress_data[0] as { progress?: number | null; desc?: string | null } | undefined) : undefined;
      if (!unit) return "Processing";
      const pct = typeof unit.progress === "number" ? ` (${Math.round(unit.progress * 100)}%)` : "";
      return `Progress: ${unit.desc ?? "working"}${pct}`;
    }
    case "log":
      return typeof m.log === "string" ? m.log : null;
    default:
      return null;
  }
}

function toolError(message: string): CallToolResult {
  return { isError: true, content: [{ type: "text", text: message }] };
}

function rpcError(status: number, message: string): Response {
  return json(status, { jsonrpc: "2.0", error: { code: -32000, message }, id: null });
}
