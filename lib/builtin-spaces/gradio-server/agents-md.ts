// GET /agents.md: the few lines the Hub serves at huggingface.co/spaces/<id>/agents.md, telling an agent how
// to call the Space over plain HTTP (the REST /call interface), with this Space's own URLs, plus where its MCP
// server answers (as a Space launched with mcp_server=True).
import type { GradioAppDefinition } from "./types";
import { API_PREFIX } from "./config";

export function buildAgentsMd(definition: GradioAppDefinition, root: string): string {
  const api = `${root}${API_PREFIX}`;
  return [
    `To use this application (${definition.id}: ${definition.description}):`,
    `API schema: GET ${api}/info`,
    `Call endpoint: POST ${api}/call/v2/{endpoint} {"param_name": value, ...}`,
    `Poll result: GET ${api}/call/{endpoint}/{event_id}`,
    `File inputs: POST ${api}/upload -F "files=@file.ext", use as: {"path": "<returned-path>", "meta": {"_type": "gradio.FileData"}, "orig_name": "file.ext"}`,
    `Auth: none (built-in Space; a Bearer $HF_TOKEN is accepted and ignored)`,
    `MCP: Streamable HTTP at ${api}/mcp/ (stateless; tool list: GET ${api}/mcp/schema; file inputs as URLs)`,
    "",
  ].join("\n");
}
