// Vernissage as an MCP server (stateless Streamable HTTP): lib/mcp-server/http.ts does the work.
import { handleMcpRequest } from "@/lib/mcp-server/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

function handle(request: Request): Promise<Response> {
  return handleMcpRequest(request);
}

export { handle as GET, handle as POST, handle as DELETE };
