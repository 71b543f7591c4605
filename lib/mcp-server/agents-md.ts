import "server-only";
// GET /agents.md: how an agent uses Vernissage, in the form the Hub serves for a Space
// (huggingface.co/spaces/<id>/agents.md): what it does, then how to call it — by MCP, and by plain HTTP
// (the same JSON-RPC over one POST, and the gallery's JSON).
import { MCP_PATH } from "./http";

export function buildAgentsMd(origin: string): string {
  const mcp = `${origin}${MCP_PATH}`;
  return [
    `To use this application (Vernissage: type a goal, an agent builds a walkable 3D gallery from Gradio Spaces):`,
    `MCP: Streamable HTTP at ${mcp} (stateless; no auth). Tools: create_gallery(goal) → gallery_id, view_url, edit_url, edit_token; get_gallery(gallery_id); wait_for_gallery(gallery_id, timeout_seconds) with progress notifications; regenerate_exhibit, swap_exhibit, move_exhibit (each needs edit_token).`,
    `MCP client config: {"mcpServers": {"vernissage": {"url": "${mcp}"}}}`,
    `Call by HTTP: POST ${mcp} -H "Content-Type: application/json" -H "Accept: application/json, text/event-stream" -d '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"create_gallery","arguments":{"goal":"Kyoto temples"}}}' (the answer is one server-sent event carrying the JSON-RPC result)`,
    `Gallery JSON: GET ${origin}/api/galleries/{gallery_id}`,
    `View: ${origin}/g/{gallery_id} (anyone); Edit: ${origin}/g/{gallery_id}/edit?token={edit_token} (the token is the only edit capability; keep it secret)`,
    `Built-in Spaces (also MCP servers): ${origin}/spaces/{sketch-image|ink-image|shape-3d|relief-3d}/gradio_api/mcp/`,
    "",
  ].join("\n");
}
