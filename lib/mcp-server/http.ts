import "server-only";
// POST /mcp: Vernissage as an MCP server over stateless Streamable HTTP (a fresh SDK server and transport per
// request, so any web process answers any request; nothing to resume). What a public server needs around it:
// - DNS rebinding and cross-site requests: agents and desktop clients send no Origin; a browser always does.
//   A request with an Origin is served only when that Origin and the Host are both loopback (a local inspector
//   talking to a local server), so a page elsewhere — or a rebound name pointing at a local server — is refused.
// - bounded bodies (the SDK's limit), malformed JSON and JSON-RPC answered by the SDK with 4xx JSON-RPC errors,
//   and anything unexpected as a JSON-RPC error, never a bare 500 page.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { originOfRequest } from "@/lib/platform/request-origin";
import { registerGalleryTools } from "./tools";

export const MCP_PATH = "/mcp";
const MAX_BODY = 256 * 1024;
const SERVER_VERSION = "1.0.0";

export const INSTRUCTIONS =
  "Vernissage builds walkable 3D galleries from a goal. Call create_gallery(goal) and keep the edit_token it returns; " +
  "follow the build with wait_for_gallery (progress notifications) or get_gallery; then regenerate_exhibit, swap_exhibit " +
  "or move_exhibit with the edit_token. Share view_url with people: it shows the gallery and grants no edits.";

function rpcError(status: number, code: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ jsonrpc: "2.0", error: { code, message }, id: null }), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });
}

function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h.endsWith(".localhost") || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h);
}

/** Null when the request may be served; else why not. */
export function originRefusal(request: Request): string | null {
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  let originHost: string;
  try {
    originHost = new URL(origin).hostname;
  } catch {
    return "the Origin header is not a URL";
  }
  const host = (request.headers.get("host") ?? new URL(request.url).host).replace(/:\d+$/, "");
  if (isLoopbackHost(originHost) && isLoopbackHost(host)) return null;
  return `requests from web pages (Origin ${origin}) are not served; MCP clients send no Origin`;
}

export function createVernissageMcpServer(origin: string): McpServer {
  const server = new McpServer({ name: "Vernissage", version: SERVER_VERSION }, { capabilities: { tools: {} }, instructions: INSTRUCTIONS });
  registerGalleryTools(server, { origin });
  return server;
}

export async function handleMcpRequest(request: Request): Promise<Response> {
  const refusal = originRefusal(request);
  if (refusal) return rpcError(403, -32000, `Forbidden: ${refusal}.`);
  const method = request.method.toUpperCase();
  if (method !== "POST") {
    return rpcError(405, -32000, "Method not allowed: this MCP server is stateless Streamable HTTP; POST JSON-RPC to /mcp.", { allow: "POST" });
  }
  try {
    const server = createVernissageMcpServer(originOfRequest(request).origin);
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, maxRequestBodySize: MAX_BODY });
    await server.connect(transport);
    const response = await transport.handleRequest(request);
    if (!response.body || !response.headers.get("content-type")?.includes("text/event-stream")) void server.close();
    else request.signal.addEventListener("abort", () => void server.close(), { once: true });
    return response;
  } catch (err) {
    console.error("[mcp] request failed:", err);
    return rpcError(503, -32603, "The MCP server could not answer this request; try again.");
  }
}
