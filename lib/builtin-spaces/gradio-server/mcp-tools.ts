// The MCP face of an app's endpoints, derived the way Gradio's `mcp_server=True` derives it (gradio/mcp.py,
// shared/spec/mcp.md): one tool per public endpoint, named `<space>_<function>` with every character outside
// [a-zA-Z0-9] turned into `_` (at most 120 characters, duplicates numbered), described by the endpoint's
// docstring-like description plus its returns, with a JSON schema per input component. Plain data: the schema
// route, tools/list and the call all read it.
import type { CompiledEndpoint } from "./config";
import type { GradioAppDefinition, ParameterDefinition } from "./types";

/** Gradio's words for a file input's `format`: what an MCP client must send. */
export const FILE_INPUT_FORMAT = "Gradio File Input - a http or https url to a file";

export interface McpTool {
  name: string;
  description: string;
  inputSchema: { type: "object"; properties: Record<string, Record<string, unknown>>; required: string[] };
  meta: { file_data_present: boolean; mcp_type: "tool"; endpoint_name: string };
  endpoint: CompiledEndpoint;
}

const MAX_NAME = 120;

function toolName(spaceId: string, apiName: string): string {
  return `${spaceId}_${apiName}`.replace(/[^a-zA-Z0-9]/g, "_").slice(0, MAX_NAME);
}

function propertySchema(p: ParameterDefinition): Record<string, unknown> {
  const schema: Record<string, unknown> = {};
  switch (p.type) {
    case "string":
      schema.type = "string";
      break;
    case "boolean":
      schema.type = "boolean";
      break;
    case "integer":
    case "number":
      schema.type = p.type;
      break;
    case "file":
      schema.type = "string";
      schema.format = FILE_INPUT_FORMAT;
      break;
  }
  const words: string[] = [];
  if (p.description) words.push(p.description);
  else if (p.label && p.label.toLowerCase() !== p.name.toLowerCase()) words.push(p.label);
  // Gradio writes a Slider's range (and a Number's bounds) only as words, never as minimum/maximum.
  if ((p.type === "integer" || p.type === "number") && (p.minimum !== undefined || p.maximum !== undefined)) {
    words.push(`numeric value between ${p.minimum ?? "-inf"} and ${p.maximum ?? "inf"}`);
  }
  if (p.type === "file") {
    words.push(`an http(s) URL of the file, a file URL this Space returned, or a data: URL (base64)${p.fileTypes ? `; ${p.fileTypes.join(", ")}` : ""}`);
  }
  if (words.length) schema.description = words.join("; ");
  // Gradio writes a default only when it is truthy.
  if (p.default !== undefined && p.default !== null && p.default !== "" && p.default !== 0 && p.default !== false) schema.default = p.default;
  return schema;
}

function describe(definition: GradioAppDefinition, ep: CompiledEndpoint): string {
  const summary = (ep.def.description ?? definition.description).trim();
  const returns = ep.def.returns.map((r) => (r.type === "file" ? `${r.label} (a URL of the file${r.component === "image" ? ", and the image itself" : ""})` : r.label));
  const parts = [summary];
  if (returns.length) parts.push(`Returns: ${returns.join(", ")}.`);
  if (ep.def.parameters.some((p) => p.type === "file")) {
    parts.push("File inputs are URLs: a public http(s) URL, a file URL a built-in Space returned, or a data: URL.");
  }
  return parts.join(" ");
}

/** The app's tools, in endpoint order. */
export function mcpTools(definition: GradioAppDefinition, endpoints: readonly CompiledEndpoint[]): McpTool[] {
  const seen = new Map<string, number>();
  return endpoints.map((ep) => {
    const base = toolName(definition.id, ep.def.apiName);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const properties: Record<string, Record<string, unknown>> = {};
    for (const p of ep.def.parameters) properties[p.name] = propertySchema(p);
    return {
      name: n === 0 ? base : `${base}_${n}`,
      description: describe(definition, ep),
      inputSchema: { type: "object", properties, required: ep.def.parameters.filter((p) => p.default === undefined).map((p) => p.name) },
      meta: { file_data_present: ep.def.parameters.some((p) => p.type === "file"), mcp_type: "tool", endpoint_name: ep.def.apiName },
      endpoint: ep,
    };
  });
}

/** GET /gradio_api/mcp/schema: the array Gradio serves (tools/list has the same minus `meta`). */
export function mcpSchema(tools: readonly McpTool[]): unknown[] {
  return tools.map((t) => ({ name: t.name, description: t.description, inputSchema: t.inputSchema, meta: t.meta }));
}
