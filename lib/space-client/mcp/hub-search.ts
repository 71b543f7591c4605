import "server-only";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { isSpaceId } from "../catalog";
import { SpaceError } from "../errors";
import { isHfHost } from "../files";

// "Add Space" can search: a query goes to Hugging Face's own MCP server (stateless Streamable HTTP), whose
// `dynamic_space` tool's `find` operation is a semantic search over MCP-enabled Spaces (shared/spec/mcp.md).
// The tool's argument names are read from its input schema rather than assumed, and its answer (text written
// for a model) is read for Space ids and the words beside them. HF_TOKEN goes only to a Hugging Face host.

export const HUB_MCP_URL = "https://huggingface.co/mcp";
const TIMEOUT_MS = 12_000;
const MAX_RESULTS = 10;

export interface FoundSpace {
  /** owner/name, what "Add Space" takes. */
  id: string;
  description: string;
}

export interface HubSearchOptions {
  token?: string;
  fetchImpl?: typeof fetch;
  /** The Hub's MCP server (tests point it at a loopback server). */
  hubUrl?: string;
  signal?: AbortSignal;
}

type Schema = { properties?: Record<string, { type?: unknown; enum?: unknown[] }> };

/** Which arguments of dynamic_space carry the operation and the query, by their schema. */
function findArguments(schema: Schema, query: string): Record<string, unknown> {
  const props = schema.properties ?? {};
  const names = Object.keys(props);
  const operation = names.find((n) => props[n]?.enum?.includes("find")) ?? "operation";
  const queryName =
    ["search_query", "query", "search", "q", "prompt"].find((n) => n in props) ??
    names.find((n) => n !== operation && props[n]?.type === "string") ??
    "search_query";
  return { [operation]: "find", [queryName]: query };
}

const ID_IN_URL = /huggingface\.co\/spaces\/([A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*)/;
const BARE_ID = /(?:^|[\s|*`(\[])([A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95})(?=$|[\s|*`)\]:,])/;

/** Words without the separators a list or a table puts around them. */
function tidy(s: string): string {
  return s.replace(/\s+/g, " ").trim().replace(/^[-—–:·\s]+|[-—–:·\s]+$/g, "");
}

/** Space ids and their descriptions from the tool's answer (structured content first, else its text). */
export function parseFound(result: CallToolResult): FoundSpace[] {
  const found = new Map<string, string>();
  const add = (id: string, description: string) => {
    const clean = id.replace(/[.,:;]+$/, "");
    if (!isSpaceId(clean) || found.has(clean) || found.size >= MAX_RESULTS) return;
    found.set(clean, description.replace(/\s+/g, " ").trim().slice(0, 300));
  };
  const structured = result.structuredContent as { results?: unknown; spaces?: unknown } | undefined;
  const list = Array.isArray(structured?.results) ? structured.results : Array.isArray(structured?.spaces) ? structured.spaces : [];
  for (const item of list) {
    if (!item || typeof item !== "object") continue;
    const o = item as Record<string, unknown>;
    const id = [o.id, o.space_id, o.name].find((v): v is string => typeof v === "string" && isSpaceId(v));
    if (id) add(id, typeof o.description === "string" ? o.description : typeof o.title === "string" ? o.title : "");
  }
  const text = result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    const m = ID_IN_URL.exec(line) ?? BARE_ID.exec(line);
    if (!m) return;
    const id = m[1]!;
    // The words on the line besides the id and its markup; a heading's description is on the next line.
    let words = line
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/https?:\/\/\S+/g, "")
      .split(id)
      .join("")
      .replace(/^\s*(?:\d+\.|[-*+])\s+/, "")
      .replace(/[|*#`>]+/g, " ");
    words = tidy(words);
    if (!words && lines[i + 1] && !ID_IN_URL.test(lines[i + 1]!) && !BARE_ID.test(lines[i + 1]!)) words = tidy(lines[i + 1]!.replace(/[|*#`>]+/g, " "));
    add(id, words);
  });
  return [...found].map(([id, description]) => ({ id, description }));
}

/** MCP-enabled Spaces matching `query`, from the Hub's MCP server. Throws SpaceError when the search fails. */
export async function findMcpSpaces(query: string, opts: HubSearchOptions = {}): Promise<FoundSpace[]> {
  const hubUrl = opts.hubUrl ?? HUB_MCP_URL;
  const headers: Record<string, string> = {};
  if (opts.token && isHfHost(hubUrl)) headers.Authorization = `Bearer ${opts.token}`;
  const signal = opts.signal ? AbortSignal.any([opts.signal, AbortSignal.timeout(TIMEOUT_MS)]) : AbortSignal.timeout(TIMEOUT_MS);
  const client = new Client({ name: "vernissage", version: "1.0.0" });
  const fetchImpl = opts.fetchImpl ?? fetch;
  const transport = new StreamableHTTPClientTransport(new URL(hubUrl), {
    requestInit: { headers },
    fetch: (input, init) => fetchImpl(input, { ...init, redirect: "error" }),
  });
  try {
    await client.connect(transport, { signal });
    const { tools } = await client.listTools(undefined, { signal });
    const dynamic = tools.find((t) => t.name === "dynamic_space");
    if (!dynamic) throw new SpaceError("unavailable", "The Hub's MCP server offers no Space search (dynamic_space) to this token.");
    const result = (await client.callTool({ name: dynamic.name, arguments: findArguments(dynamic.inputSchema as Schema, query) }, undefined, { signal })) as CallToolResult;
    if (result.isError) {
      const why = result.content.map((c) => (c.type === "text" ? c.text : "")).join(" ").trim();
      throw new SpaceError("unavailable", `The Hub's Space search failed: ${why || "no reason given"}`);
    }
    return parseFound(result);
  } catch (e) {
    if (e instanceof SpaceError) throw e;
    throw new SpaceError("unavailable", `The Hub's Space search could not be reached: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    void client.close().catch(() => undefined);
  }
}
