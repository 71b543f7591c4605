// What the toolbox keeps of a Space's MCP tool (stored with the discovered tool, so a build calls it without
// probing again). Plain types, importing nothing: discover.ts names them, mcp/ fills them.

/** One property of an MCP tool's input schema (JSON Schema), as far as we read it. */
export interface JsonProperty {
  type?: string | string[];
  format?: string;
  description?: string;
  enum?: (string | number)[];
  default?: unknown;
  [key: string]: unknown;
}

export interface McpToolRef {
  /** The Streamable HTTP endpoint, e.g. https://x.hf.space/gradio_api/mcp/ */
  url: string;
  name: string;
  description: string;
  inputSchema: { type: "object"; properties: Record<string, JsonProperty>; required?: string[] };
}
