import "server-only";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { InputImage } from "../adapters/types";
import type { AttemptContext } from "../call-runner";
import type { ClientContext } from "../client-context";
import { timeoutFor } from "../config";
import type { DiscoveredTool } from "../discover";
import { raceAbort } from "@/lib/platform/abort";
import { abortedError, classifyError, SpaceError } from "../errors";
import { downloadFile, isHfHost, type Downloaded } from "../files";
import { capJson, storeAnyFile } from "../stored-outputs";
import { isFileArg } from "../tool-args";
import type { SpaceEntry } from "../types";
import { assertSpaceUrlAllowed } from "../url-guard";
import type { McpToolRef } from "./types";

// A discovered tool's call over MCP, inside one attempt of the call runner (so the cache, the breaker, the
// limiter, the time limit and the retries are the Gradio path's): the official SDK client over Streamable
// HTTP to the Space's /gradio_api/mcp/, progress notifications forwarded as the call's progress (which also
// resets the runner's time limit), the Space's slot held only while the Space works, and every file it hands
// back downloaded through the SSRF guard, validated and stored like a Gradio output. HF_TOKEN goes only to
// Hugging Face hosts.
//
// The Gradio API stays the path when MCP does not fit: a file argument that would have to be uploaded (MCP
// takes URLs; only a picture a built-in Space already serves has one), and — the fallback — when the MCP
// endpoint itself fails (connect, HTTP, protocol). A tool error (isError) is the Space's own answer, not a
// transport failure: it fails the attempt like a Gradio error would.

/** The MCP transport failed (not the Space's answer): the caller falls back to the Gradio API. */
export class McpTransportError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "McpTransportError";
  }
}

/** The MCP arguments for a call, or null when one of them cannot travel as a URL (the Gradio API uploads it). */
export function mcpArguments(
  ctx: ClientContext,
  entry: SpaceEntry,
  args: Record<string, unknown>,
  files: ReadonlyMap<string, InputImage>,
): { args: Record<string, unknown>; byUrl: string[] } | null {
  const out: Record<string, unknown> = {};
  const byUrl: string[] = [];
  for (const [k, v] of Object.entries(args)) {
    if (Array.isArray(v) && v.some(isFileArg)) return null;
    if (isFileArg(v)) {
      const f = files.get(k);
      const url = f && entry.builtin ? (f.builtinUrl ?? ctx.handOffs.lookup(f.sha256, ctx.clock.now())) : undefined;
      if (!f || !url) return null;
      out[k] = url;
      byUrl.push(f.sha256);
    } else out[k] = v;
  }
  return { args: out, byUrl };
}

function mcpFetch(ctx: ClientContext, ref: McpToolRef): typeof fetch {
  const origin = new URL(ref.url).origin;
  return (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    // The transport only ever talks to the Space's own MCP endpoint; no redirect elsewhere is followed.
    if (new URL(url).origin !== origin) return Promise.reject(new McpTransportError(`MCP request to ${url} left ${origin}`));
    return ctx.fetchImpl(input, { ...init, redirect: "error" });
  };
}

/** "Progress: Drawing (40%)" and the like → a fraction, when the message carries one. */
function fractionOf(p: { progress: number; total?: number; message?: string }): number | undefined {
  if (p.total && p.total > 0) return Math.min(1, p.progress / p.total);
  const m = /\((\d{1,3})%\)/.exec(p.message ?? "");
  return m ? Math.min(1, Number(m[1]) / 100) : undefined;
}

// One connected client per Space endpoint (and client context), as the Gradio connections are pooled: the
// servers are stateless, so one client serves every call at once, and a call costs one request instead of
// three (initialize, initialized, call). A transport failure drops it; the next call connects afresh.
const pools = new WeakMap<ClientContext, Map<string, Promise<Client>>>();

function mcpClientFor(ctx: ClientContext, entry: SpaceEntry, ref: McpToolRef): Promise<Client> {
  let pool = pools.get(ctx);
  if (!pool) pools.set(ctx, (pool = new Map()));
  const existing = pool.get(ref.url);
  if (existing) return existing;
  const headers: Record<string, string> = {};
  if (ctx.token && entry.hf && isHfHost(ref.url)) headers.Authorization = `Bearer ${ctx.token}`;
  const client = new Client({ name: "vernissage", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(ref.url), { fetch: mcpFetch(ctx, ref), requestInit: { headers } });
  const connecting = client.connect(transport, { signal: AbortSignal.timeout(30_000) }).then(() => client);
  pool.set(ref.url, connecting);
  connecting.catch(() => {
    if (pool.get(ref.url) === connecting) pool.delete(ref.url);
  });
  return connecting;
}

function dropMcpClient(ctx: ClientContext, ref: McpToolRef): void {
  const pool = pools.get(ctx);
  const existing = pool?.get(ref.url);
  if (!existing) return;
  pool!.delete(ref.url);
  void existing.then((c) => c.close()).catch(() => undefined);
}

/** Calls the tool over MCP and stores its outputs. Throws McpTransportError when MCP itself failed. */
export async function callOverMcp(
  ctx: ClientContext,
  entry: SpaceEntry,
  tool: DiscoveredTool & { mcp: McpToolRef },
  args: Record<string, unknown>,
  attempt: AttemptContext,
  byUrl: readonly string[] = [],
): Promise<unknown[]> {
  const ref = tool.mcp;
  if (!entry.builtin) await assertSpaceUrlAllowed(ref.url, ctx.guard);
  attempt.progress({ stage: "connecting", message: "over MCP" });
  let client: Client;
  try {
    client = await raceAbort(mcpClientFor(ctx, entry, ref), attempt.signal, abortedError);
  } catch (e) {
    if (attempt.signal.aborted) throw abortedError(attempt.signal);
    throw new McpTransportError(`MCP connect to ${ref.url} failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  await attempt.acquireSlot();
  let result: CallToolResult;
  try {
    result = (await client.callTool({ name: ref.name, arguments: args }, undefined, {
      signal: attempt.signal,
      // The runner's time limit governs, restarted by each progress notification (keepAlive); the SDK's own
      // limits are a backstop, and bound a Space that would report progress forever.
      timeout: timeoutFor(entry, ctx.config) + 60_000,
      resetTimeoutOnProgress: true,
      maxTotalTimeout: 4 * timeoutFor(entry, ctx.config),
      onprogress: (p) => {
        attempt.keepAlive();
        const fraction = fractionOf(p);
        attempt.progress({ stage: "running", ...(p.message ? { message: p.message } : {}), ...(fraction === undefined ? {} : { fraction }) });
      },
    })) as CallToolResult;
  } catch (e) {
    if (attempt.signal.aborted) throw abortedError(attempt.signal);
    dropMcpClient(ctx, ref);
    throw new McpTransportError(`MCP call ${ref.name} failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  attempt.releaseSlot();
  if (result.isError) {
    const text = result.content.map((c) => (c.type === "text" ? c.text : "")).join(" ").trim();
    // A picture handed over by URL that the Space no longer serves: the Gradio API uploads the bytes instead.
    if (byUrl.length && /cannot fetch/i.test(text)) {
      for (const sha of byUrl) ctx.handOffs.forget(sha);
      throw new McpTransportError(`the Space could not read the file by URL (${text})`);
    }
    throw classifyError(new Error(text.replace(/^Error:\s*/, "") || "An error occurred"));
  }
  return storeMcpOutputs(ctx, entry, tool, result, attempt);
}

type Item = { kind: "file"; url?: string; bytes?: Buffer; mimeType?: string } | { kind: "text"; text: string };

/** One item per output, as Gradio's MCP server writes them: an image is ImageContent + "Image URL: …". */
function outputItems(result: CallToolResult, tool: DiscoveredTool): Item[] {
  const items: Item[] = [];
  for (const c of result.content) {
    if (c.type === "image") {
      items.push({ kind: "file", bytes: Buffer.from(c.data, "base64"), mimeType: c.mimeType });
      continue;
    }
    if (c.type !== "text") continue;
    const imageUrl = /^Image URL: (\S+)$/.exec(c.text.trim());
    const last = items.at(-1);
    if (imageUrl) {
      if (last?.kind === "file" && last.bytes && !last.url) last.url = imageUrl[1];
      else items.push({ kind: "file", url: imageUrl[1] });
      continue;
    }
    const declared = tool.returns[items.length];
    const isUrl = /^https?:\/\/\S+$/.test(c.text.trim());
    if (isUrl && (declared === undefined || declared.kind === "file")) items.push({ kind: "file", url: c.text.trim() });
    else items.push({ kind: "text", text: c.text });
  }
  return items;
}

function textValue(text: string, kind: string | undefined): unknown {
  if (kind === "number" || kind === "integer") {
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  if (kind === "boolean") return text === "True" || text === "true";
  if (kind === "json") {
    try {
      return capJson(JSON.parse(text));
    } catch {
      return capJson(text);
    }
  }
  return capJson(text);
}

async function storeMcpOutputs(ctx: ClientContext, entry: SpaceEntry, tool: DiscoveredTool, result: CallToolResult, attempt: AttemptContext): Promise<unknown[]> {
  const maxBytes = Math.max(ctx.limits.glb.maxBytes, ctx.limits.image.maxBytes, ctx.limits.ply.maxBytes);
  const spaceOrigin = new URL(tool.mcp!.url).origin;
  const out: unknown[] = [];
  for (const [i, item] of outputItems(result, tool).entries()) {
    if (item.kind === "text") {
      out.push(textValue(item.text, tool.returns[i]?.kind));
      continue;
    }
    let dl: Downloaded;
    if (item.url) {
      attempt.progress({ stage: "downloading" });
      const name = decodeURIComponent(item.url.split(/[?#]/)[0]!.split("/").pop() || "file");
      dl = await downloadFile(
        { url: item.url, name },
        {
          fetchImpl: ctx.fetchImpl,
          signal: attempt.signal,
          maxBytes,
          ...(entry.hf && ctx.token ? { token: ctx.token } : {}),
          // Every URL a Space hands back is vetted: its own origin was vetted for the call; anything else now.
          vet: async (url) => {
            if (new URL(url).origin === spaceOrigin) return;
            await assertSpaceUrlAllowed(url, ctx.guard);
          },
        },
      );
    } else if (item.bytes) {
      if (item.bytes.byteLength > maxBytes) throw new SpaceError("malformed", `${tool.space} returned an inline file over the ${maxBytes}-byte limit`);
      dl = { bytes: item.bytes, name: "image", contentType: item.mimeType ?? null };
    } else continue;
    out.push(await storeAnyFile(ctx, dl, attempt.signal));
  }
  return out;
}

/** How a discovered tool's call went out, for tool.done and the build log. */
export interface TransportNote {
  via?: "mcp" | "gradio";
  mcpError?: string;
}

/**
 * The MCP path of one attempt: its outputs, or null when the Gradio API must do the call — the Space offers no
 * MCP tool, an argument cannot travel as a URL, or the MCP endpoint failed (said in the log, and in `note`).
 */
export async function viaMcp(
  ctx: ClientContext,
  entry: SpaceEntry,
  tool: DiscoveredTool,
  args: Record<string, unknown>,
  files: ReadonlyMap<string, InputImage>,
  attempt: AttemptContext,
  note: TransportNote,
): Promise<unknown[] | null> {
  note.via = "gradio";
  if (!tool.mcp) return null;
  const mcpArgs = mcpArguments(ctx, entry, args, files);
  if (!mcpArgs) return null;
  try {
    const outputs = await callOverMcp(ctx, entry, { ...tool, mcp: tool.mcp }, mcpArgs.args, attempt, mcpArgs.byUrl);
    note.via = "mcp";
    delete note.mcpError;
    return outputs;
  } catch (e) {
    if (!(e instanceof McpTransportError)) throw e;
    note.mcpError = e.message;
    attempt.progress({ stage: "log", message: `${e.message}; calling the Gradio API instead` });
    return null;
  }
}
