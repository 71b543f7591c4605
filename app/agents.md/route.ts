// GET /agents.md: how an agent calls Vernissage (by MCP and by HTTP), with this server's own URLs.
import { buildAgentsMd } from "@/lib/mcp-server/agents-md";
import { originOfRequest } from "@/lib/platform/request-origin";

export const dynamic = "force-dynamic";

export function GET(request: Request): Response {
  return new Response(buildAgentsMd(originOfRequest(request).origin), {
    headers: { "content-type": "text/markdown; charset=utf-8", "cache-control": "no-store" },
  });
}
