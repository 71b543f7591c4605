import "server-only";
import { z } from "zod";
import type { ClientContext } from "../client-context";
import type { SpaceSession } from "../connection";
import type { DiscoveredTool, ToolParameter } from "../discover";
import { signatureOf } from "../discover";
import type { JsonProperty, McpToolRef } from "./types";

export type { McpToolRef } from "./types";

// Whether a Space offers its endpoints over MCP (a Gradio app launched with mcp_server=True), read from
// GET <root>/gradio_api/mcp/schema: a JSON array, one entry per public endpoint, whose `meta.endpoint_name` says
// which endpoint a tool calls (shared/spec/mcp.md). A Space that answers it becomes an MCP tool: the agent reads
// the Space's own MCP description and argument schema, and calls go over MCP (mcp/tool-call.ts). Optional in
// every way: no answer in 5 s, a 404, a body that is not the schema, or a stateful app (a gr.State that only
// one Gradio session keeps) all mean "use the Gradio API".

const jsonProperty: z.ZodType<JsonProperty> = z.looseObject({
  type: z.union([z.string(), z.array(z.string())]).optional(),
  format: z.string().optional(),
  description: z.string().optional(),
  enum: z.array(z.union([z.string(), z.number()])).optional(),
  default: z.unknown().optional(),
});

const schemaEntry = z.looseObject({
  name: z.string().min(1).max(200),
  description: z.string().max(10_000).catch(""),
  inputSchema: z.looseObject({
    type: z.literal("object").catch("object"),
    properties: z.record(z.string(), jsonProperty).catch({}),
    required: z.array(z.string()).optional().catch(undefined),
  }),
  meta: z.looseObject({ endpoint_name: z.string().optional(), mcp_type: z.string().optional() }).optional(),
});
const schemaList = z.array(z.unknown()).max(500);

const PROBE_TIMEOUT_MS = 5_000;
const MAX_SCHEMA_BYTES = 1024 * 1024;

/** True for a Gradio app that keeps gr.State between calls: one Gradio session, never stateless MCP calls. */
function isStateful(session: SpaceSession): boolean {
  const components = (session.client.config as { components?: { type?: string }[] } | undefined)?.components ?? [];
  return components.some((c) => c?.type === "state");
}

/** The MCP tool that calls `endpoint` ("/generate"), or null when the Space offers none (or must not use it). */
export async function probeMcpTool(ctx: ClientContext, session: SpaceSession, endpoint: string, signal?: AbortSignal): Promise<McpToolRef | null> {
  if (isStateful(session)) return null;
  const root = session.root.replace(/\/+$/, "");
  const prefix = session.client.api_prefix || "/gradio_api";
  const schemaUrl = `${root}${prefix}/mcp/schema`;
  let entries: unknown[];
  try {
    const headers: Record<string, string> = { accept: "application/json" };
    if (session.entry.hf && ctx.token) headers.Authorization = `Bearer ${ctx.token}`;
    const res = await ctx.fetchImpl(schemaUrl, {
      headers,
      redirect: "manual",
      signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(PROBE_TIMEOUT_MS)]) : AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    if (!res.ok || !(res.headers.get("content-type") ?? "").includes("json")) {
      await res.body?.cancel().catch(() => undefined);
      return null;
    }
    const text = await res.text();
    if (text.length > MAX_SCHEMA_BYTES) return null;
    const parsed = schemaList.safeParse(JSON.parse(text));
    if (!parsed.success) return null;
    entries = parsed.data;
  } catch {
    return null;
  }
  const wanted = endpoint.replace(/^\//, "");
  for (const raw of entries) {
    const e = schemaEntry.safeParse(raw);
    if (!e.success || (e.data.meta?.mcp_type && e.data.meta.mcp_type !== "tool")) continue;
    // Gradio names the endpoint in meta; an older schema without it is matched by the function-name suffix.
    const matches = e.data.meta?.endpoint_name !== undefined ? e.data.meta.endpoint_name.replace(/^\//, "") === wanted : e.data.name.endsWith(wanted.replace(/[^a-zA-Z0-9]/g, "_"));
    if (!matches) continue;
    return { url: `${root}${prefix}/mcp/`, name: e.data.name, description: e.data.description, inputSchema: e.data.inputSchema as McpToolRef["inputSchema"] };
  }
  return null;
}

/** Gradio's words for a file input (shared/spec/mcp.md): such a property takes a URL. */
export function isFileProperty(p: JsonProperty): boolean {
  return typeof p.format === "string" && /file/i.test(p.format);
}

function kindOf(p: JsonProperty, fallback: ToolParameter | undefined): ToolParameter["kind"] {
  if (isFileProperty(p)) return "file";
  if (p.enum?.length) return "enum";
  const type = Array.isArray(p.type) ? p.type.find((t) => t !== "null") : p.type;
  switch (type) {
    case "string":
      return "string";
    case "integer":
      return "integer";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    default:
      return fallback?.kind ?? "json";
  }
}

/**
 * The discovered tool as its MCP server describes it: the Space's MCP description and argument schema (names,
 * kinds, required, defaults, enums) become what the agent reads; a file argument keeps the file kind the Gradio
 * API says (so the toolbox still sends a picture where a picture is wanted). Returns are the Gradio API's.
 */
export function withMcp(tool: DiscoveredTool, mcp: McpToolRef): DiscoveredTool {
  const props = mcp.inputSchema.properties;
  const required = new Set(mcp.inputSchema.required ?? []);
  const parameters: ToolParameter[] = Object.entries(props).map(([name, p]) => {
    const known = tool.parameters.find((x) => x.name === name);
    const kind = kindOf(p, known);
    return {
      name,
      label: known?.label ?? name,
      kind,
      required: required.has(name),
      ...(required.has(name) ? {} : { default: p.default ?? known?.default ?? null }),
      ...(kind === "enum" && p.enum ? { enumValues: p.enum } : {}),
      ...(kind === "file" ? { fileKind: known?.fileKind ?? "image" } : {}),
      description: p.description ?? known?.description ?? "",
    };
  });
  const description = mcp.description.trim() ? `${mcp.description.trim()} (over MCP.) File arguments and results are asset handles ({ sha256 }).` : tool.description;
  return { ...tool, parameters, description, signature: signatureOf(tool.name, parameters, tool.returns), mcp };
}
