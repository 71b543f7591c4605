// "Add Space" search against a stand-in for the Hub's MCP server: a real SDK McpServer with a dynamic_space
// tool on a loopback port, so the real client, transport and argument mapping run.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { serveFetch, type FetchServer } from "@/lib/builtin-spaces/gradio-server/testing/node-server";
import { findMcpSpaces, parseFound } from "./hub-search";

let server: FetchServer;
const seen: { args: Record<string, unknown>; auth: string | null }[] = [];

beforeAll(async () => {
  server = await serveFetch(async (request) => {
    const auth = request.headers.get("authorization");
    const mcp = new McpServer({ name: "hf-stand-in", version: "1.0.0" });
    mcp.registerTool(
      "dynamic_space",
      { inputSchema: { operation: z.enum(["find", "view_parameters", "invoke"]), search_query: z.string().optional(), space_name: z.string().optional() } },
      (args) => {
        seen.push({ args, auth });
        if (args.search_query === "fail") return { isError: true, content: [{ type: "text" as const, text: "search index offline" }] };
        return {
          content: [
            {
              type: "text" as const,
              text:
                `# MCP Spaces matching "${args.search_query}"\n\n` +
                "| Space | Description |\n|---|---|\n" +
                "| [evalstate/flux1_schnell](https://huggingface.co/spaces/evalstate/flux1_schnell) | Fast text-to-image |\n" +
                "| [mcp-tools/TRELLIS](https://huggingface.co/spaces/mcp-tools/TRELLIS) | Image to 3D model |\n",
            },
          ],
        };
      },
    );
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await mcp.connect(transport);
    return transport.handleRequest(request);
  });
});
afterAll(async () => {
  await server.close();
});

describe("finding MCP Spaces through the Hub's MCP server", () => {
  it("calls dynamic_space find with the query under the schema's own argument name and lists the Spaces with their descriptions", async () => {
    const found = await findMcpSpaces("text to 3d", { hubUrl: `${server.url}/mcp`, token: "hf_secret" });
    expect(found).toEqual([
      { id: "evalstate/flux1_schnell", description: "Fast text-to-image" },
      { id: "mcp-tools/TRELLIS", description: "Image to 3D model" },
    ]);
    expect(seen.at(-1)!.args).toEqual({ operation: "find", search_query: "text to 3d" });
    // HF_TOKEN only to Hugging Face hosts: this loopback stand-in never sees it.
    expect(seen.every((s) => s.auth === null)).toBe(true);
  });

  it("says why when the search fails or the server cannot be reached", async () => {
    await expect(findMcpSpaces("fail", { hubUrl: `${server.url}/mcp` })).rejects.toThrow(/search failed: search index offline/);
    await expect(findMcpSpaces("x", { hubUrl: "http://127.0.0.1:1/mcp" })).rejects.toThrow(/could not be reached/);
  });

  it("reads Space ids from lists and headings as well as tables", () => {
    const text = "1. **black-forest-labs/FLUX.1-schnell** — text to image\n## tencent/Hunyuan3D-2\nShape and texture from one picture";
    expect(parseFound({ content: [{ type: "text", text }] })).toEqual([
      { id: "black-forest-labs/FLUX.1-schnell", description: "text to image" },
      { id: "tencent/Hunyuan3D-2", description: "Shape and texture from one picture" },
    ]);
  });
});
