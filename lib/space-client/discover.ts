import "server-only";
import type { EndpointSpec, ParamSpec, ReturnSpec } from "./api-info";
import { isSpaceId } from "./catalog";
import { looksLikeMainAction } from "./endpoint-fit";
import { SpaceError } from "./errors";
import type { McpToolRef } from "./mcp/types";

// Any Space as a tool, the way smolagents' Tool.from_space does it: its /gradio_api/info becomes a name, a
// description, typed parameters and return kinds, rendered as a TypeScript stub the agent can read and call
// (`signature`). When the Space has several endpoints the caller may pick one; otherwise we pick the one that
// looks like the main action, and list the others so the agent can ask for them.

export type ToolParameter = Pick<ParamSpec, "name" | "label" | "kind" | "required" | "default" | "enumValues" | "fileKind" | "description">;
export type ToolReturn = Pick<ReturnSpec, "label" | "kind" | "fileKind">;

export interface DiscoveredTool {
  /** snake_case, from the Space and the endpoint: `triposplat_generate`. */
  name: string;
  /** The Space as given (Hub id, URL or built-in name). */
  space: string;
  endpoint: string;
  description: string;
  parameters: ToolParameter[];
  returns: ToolReturn[];
  /** A typed function stub for the agent's prompt. */
  signature: string;
  /** Every public endpoint of the Space, with its one-line stub, for choosing another. */
  endpoints: { name: string; signature: string }[];
  /** The Space's MCP tool for this endpoint, when it offers one (mcp/probe.ts): calls then go over MCP. */
  mcp?: McpToolRef;
}

const INTERNAL = /^\/(_|lambda(_\d+)?$|start_session$|end_session$|get_seed$|clear|reset)/i;

export function chooseEndpoint(endpoints: Record<string, EndpointSpec>, wanted?: string): EndpointSpec {
  const names = Object.keys(endpoints);
  if (wanted) {
    const key = wanted.startsWith("/") ? wanted : `/${wanted}`;
    const ep = endpoints[key];
    if (!ep) throw new SpaceError("api", `No endpoint ${key}; the Space has ${names.join(", ") || "no public endpoints"}`);
    return ep;
  }
  const candidates = Object.values(endpoints).filter((e) => !INTERNAL.test(e.name));
  const pool = candidates.length ? candidates : Object.values(endpoints);
  if (pool.length === 0) throw new SpaceError("api", "The Space exposes no public named endpoints");
  const scored = pool.map((e) => ({
    e,
    score: (looksLikeMainAction(e.name) ? 4 : 0) + (e.returns.some((r) => r.kind === "file") ? 2 : 0) + Math.min(e.params.length, 3) * 0.5,
  }));
  scored.sort((a, b) => b.score - a.score);
  return scored[0]!.e;
}

export function toolName(space: string, endpoint: string): string {
  let base: string;
  if (isSpaceId(space)) base = space.split("/")[1]!;
  else {
    try {
      const u = new URL(space);
      base = u.hostname.endsWith(".hf.space") ? u.hostname.replace(/\.hf\.space$/, "") : (u.pathname.split("/").filter(Boolean).pop() ?? u.hostname.split(".")[0]!);
    } catch {
      base = space;
    }
  }
  const snake = `${base}_${endpoint.replace(/^\//, "")}`
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .replace(/_+/g, "_");
  return /^[a-z_]/.test(snake) ? snake : `space_${snake}`;
}

function tsType(kind: ToolParameter["kind"] | ToolReturn["kind"], enumValues?: (string | number)[]): string {
  switch (kind) {
    case "string":
      return "string";
    case "number":
    case "integer":
      return "number";
    case "boolean":
      return "boolean";
    case "enum":
      return enumValues && enumValues.length ? enumValues.map((v) => JSON.stringify(v)).join(" | ") : "string";
    case "file":
      return "AssetHandle";
    case "files":
      return "AssetHandle[]";
    case "json":
      return "unknown";
  }
}

function comment(p: ToolParameter): string {
  const bits: string[] = [];
  if (p.label && p.label !== p.name) bits.push(p.label);
  if (p.fileKind && p.kind !== "enum") bits.push(`${p.fileKind} file`);
  if (p.kind === "integer") bits.push("integer");
  if (!p.required && p.default !== undefined && p.default !== null) bits.push(`default ${JSON.stringify(p.default)}`.slice(0, 60));
  return bits.length ? ` // ${bits.join("; ")}` : "";
}

export function signatureOf(name: string, params: ToolParameter[], returns: ToolReturn[], multiline = true): string {
  const ret = returns.length === 0 ? "void" : `[${returns.map((r) => tsType(r.kind)).join(", ")}]`;
  if (!multiline) {
    const args = params.map((p) => `${p.name}${p.required ? "" : "?"}: ${tsType(p.kind, p.enumValues)}`).join("; ");
    return `${name}(args: { ${args} }): Promise<${ret}>`;
  }
  const lines = params.map((p) => `  ${p.name}${p.required ? "" : "?"}: ${tsType(p.kind, p.enumValues)};${comment(p)}`);
  const retNote = returns.length ? ` // ${returns.map((r) => r.label || r.kind).join(", ")}` : "";
  return `async function ${name}(args: {\n${lines.join("\n")}\n}): Promise<${ret}>;${retNote}`;
}

/** Builds the tool for one endpoint. `about` is the Space's one-line description (agents.md), if known. */
export function buildTool(space: string, endpoints: Record<string, EndpointSpec>, chosen: EndpointSpec, about?: string): DiscoveredTool {
  const name = toolName(space, chosen.name);
  const parameters: ToolParameter[] = chosen.params.map((p) => ({
    name: p.name,
    label: p.label,
    kind: p.kind,
    required: p.required,
    ...(p.required ? {} : { default: p.default }),
    ...(p.enumValues ? { enumValues: p.enumValues } : {}),
    ...(p.fileKind ? { fileKind: p.fileKind } : {}),
    description: p.description,
  }));
  const returns: ToolReturn[] = chosen.returns.map((r) => ({ label: r.label, kind: r.kind, ...(r.fileKind ? { fileKind: r.fileKind } : {}) }));
  const returnWords = returns.length ? returns.map((r) => (r.kind === "file" ? `${r.label || "file"} (${r.fileKind ?? "file"} asset)` : r.label || r.kind)).join(", ") : "nothing";
  const description = [
    about ? `${about}.` : `Space ${space}.`,
    chosen.description ? chosen.description.trim() : `Calls ${chosen.name}.`,
    `Returns ${returnWords}. File arguments and results are asset handles ({ sha256 }).`,
  ].join(" ");
  return {
    name,
    space,
    endpoint: chosen.name,
    description,
    parameters,
    returns,
    signature: signatureOf(name, parameters, returns),
    endpoints: Object.values(endpoints).map((e) =>
      ({ name: e.name, signature: signatureOf(toolName(space, e.name), e.params as ToolParameter[], e.returns as ToolReturn[], false) }),
    ),
  };
}

/**
 * The Hub's agents.md for a Space id: its first line names the app ("To use this application (owner/name:
 * Create 3D model from a single image):"). Optional: any failure (offline, 404, slow) gives undefined.
 */
export async function fetchAgentsAbout(spaceId: string, fetchImpl: typeof fetch, timeoutMs = 3000): Promise<string | undefined> {
  if (!isSpaceId(spaceId)) return undefined;
  try {
    const res = await fetchImpl(`https://huggingface.co/spaces/${spaceId}/agents.md`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return undefined;
    const text = (await res.text()).slice(0, 4096);
    const m = /To use this application \(([^:()]+):\s*([^)]*)\)/.exec(text);
    const about = m?.[2]?.trim();
    return about ? about.slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}
