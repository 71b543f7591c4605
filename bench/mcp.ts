// The same built-in Space call three ways, on loopback, median wall time per call with the picture back in
// hand: the Gradio API through @gradio/client (connected once; what the capability path does), MCP with one
// pooled SDK client (what the toolbox does: lib/space-client/mcp/tool-call.ts), and MCP with a fresh client per
// call (initialize + initialized + tools/call: the toolbox's first version, kept as the "before").
import { Client as McpClient } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { Figure } from "./support/figures";
import { median } from "./support/figures";
import { connect, generateImage, LANDMARKS, startBuiltinSpaces } from "./support/builtin";

const SIDE = 256;
const RUNS = 12; // after one warm-up call each

async function mcpClient(url: string): Promise<McpClient> {
  const client = new McpClient({ name: "bench", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return client;
}

async function mcpDraw(client: McpClient, prompt: string, seed: number): Promise<Buffer> {
  const r = (await client.callTool({ name: "sketch_image_generate", arguments: { prompt, seed, width: SIDE, height: SIDE } })) as CallToolResult;
  const url = r.content.map((c) => (c.type === "text" ? c.text : "")).find((t) => t.startsWith("Image URL: "))!.slice(11);
  return Buffer.from(await (await fetch(url)).arrayBuffer());
}

export async function run(): Promise<Figure[]> {
  const server = await startBuiltinSpaces();
  const url = `${server.origin}/spaces/sketch-image/gradio_api/mcp/`;
  const gradio = await connect(server.origin, "sketch-image");
  const mcp = await mcpClient(url);
  try {
    await generateImage(gradio, LANDMARKS[0]!, 0, SIDE);
    await mcpDraw(mcp, LANDMARKS[0]!, 0);
    const gradioMs: number[] = [];
    const mcpMs: number[] = [];
    const freshMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const prompt = LANDMARKS[i % LANDMARKS.length]!;
      let t0 = performance.now();
      await generateImage(gradio, prompt, 100 + i, SIDE);
      gradioMs.push(performance.now() - t0);
      t0 = performance.now();
      await mcpDraw(mcp, prompt, 200 + i);
      mcpMs.push(performance.now() - t0);
      t0 = performance.now();
      const fresh = await mcpClient(url);
      await mcpDraw(fresh, prompt, 300 + i);
      await fresh.close();
      freshMs.push(performance.now() - t0);
    }
    const g = median(gradioMs);
    return [
      { name: "mcp_builtin_gradio_api_call_median", value: Math.round(g), unit: "ms" },
      { name: "mcp_builtin_mcp_call_median", value: Math.round(median(mcpMs)), unit: "ms" },
      { name: "mcp_builtin_mcp_fresh_client_call_median", value: Math.round(median(freshMs)), unit: "ms" },
      // target ≤ 1.5× the Gradio API (Gradio's own MCP server adds ~500 ms a call on a Space)
      { name: "mcp_builtin_pooled_vs_gradio_ratio", value: Math.round((median(mcpMs) / g) * 100) / 100, unit: "x" },
      { name: "mcp_builtin_fresh_vs_pooled_ratio", value: Math.round((median(freshMs) / median(mcpMs)) * 100) / 100, unit: "x" },
    ];
  } finally {
    gradio.close();
    await mcp.close();
    await server.close();
  }
}
