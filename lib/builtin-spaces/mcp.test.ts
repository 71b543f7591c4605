// The built-in Spaces as MCP servers, through the official SDK client (Client + StreamableHTTPClientTransport)
// against /spaces/<name>/gradio_api/mcp/ on a loopback server, with the real engines in worker threads.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveFetch, type FetchServer } from "@/lib/builtin-spaces/gradio-server/testing/node-server";
import { handleBuiltinSpaceRequest, resetBuiltinSpaces } from "./registry";

let server: FetchServer;
beforeAll(async () => {
  server = await serveFetch(handleBuiltinSpaceRequest);
});
afterAll(async () => {
  resetBuiltinSpaces();
  await server.close();
});

async function connect(space: string, slash = true): Promise<Client> {
  const client = new Client({ name: "vernissage-test", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/spaces/${space}/gradio_api/mcp${slash ? "/" : ""}`)));
  return client;
}

const texts = (r: CallToolResult) => r.content.filter((c) => c.type === "text").map((c) => (c as { text: string }).text);

describe("built-in Spaces over MCP", () => {
  it("serve the schema array and the same tools over tools/list, named and described as Gradio derives them", async () => {
    const schema = (await (await fetch(`${server.url}/spaces/sketch-image/gradio_api/mcp/schema`)).json()) as {
      name: string;
      description: string;
      inputSchema: { properties: Record<string, Record<string, unknown>>; required: string[] };
      meta: Record<string, unknown>;
    }[];
    expect(schema.map((t) => t.name)).toEqual(["sketch_image_generate"]);
    const gen = schema[0]!;
    expect(gen.inputSchema.required).toEqual(["prompt"]);
    expect(gen.inputSchema.properties.prompt).toMatchObject({ type: "string" });
    expect(gen.inputSchema.properties.width).toMatchObject({ type: "integer", default: 1024 });
    expect(gen.inputSchema.properties.width!.description).toMatch(/numeric value between 64 and \d+/);
    expect(gen.inputSchema.properties.width!.minimum).toBeUndefined();
    expect(gen.meta).toEqual({ file_data_present: false, mcp_type: "tool", endpoint_name: "generate" });
    expect(gen.description).toMatch(/^Draws the subject of the prompt.*Returns: Image/);

    const client = await connect("shape-3d", false);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(["shape_3d_reconstruct"]);
    expect(tools[0]!.inputSchema.properties!.image).toMatchObject({ type: "string", format: "Gradio File Input - a http or https url to a file" });
    expect(client.getServerVersion()?.name).toBe("Shape 3D (built-in)");
    await client.close();
  });

  it("call a tool with progress, return an image inline and as the Space's URL, and chain it into another Space by URL", async () => {
    const sketch = await connect("sketch-image");
    const progress: { progress: number; total?: number; message?: string }[] = [];
    const drawn = (await sketch.callTool(
      { name: "sketch_image_generate", arguments: { prompt: "a lighthouse", seed: 3, width: 256, height: 256 } },
      undefined,
      { onprogress: (p) => progress.push(p), resetTimeoutOnProgress: true },
    )) as CallToolResult;
    expect(drawn.isError).toBeFalsy();
    const image = drawn.content.find((c) => c.type === "image") as { data: string; mimeType: string };
    expect(image.mimeType).toBe("image/png");
    expect((await sharp(Buffer.from(image.data, "base64")).metadata()).width).toBe(256);
    const url = texts(drawn).find((t) => t.startsWith("Image URL: "))!.slice("Image URL: ".length);
    expect(url).toMatch(new RegExp(`^${server.url}/spaces/sketch-image/gradio_api/file=.+\\.png$`));
    expect(texts(drawn)).toContain("3");
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.map((p) => p.progress)).toEqual(progress.map((_, i) => i + 1)); // a step counter, as Gradio's
    expect(progress.some((p) => p.message === "Processing")).toBe(true);
    expect(progress.some((p) => /^Progress: Drawing/.test(p.message ?? ""))).toBe(true);
    await sketch.close();

    const shape = await connect("shape-3d");
    const model = (await shape.callTool({ name: "shape_3d_reconstruct", arguments: { image: url } })) as CallToolResult;
    expect(model.isError).toBeFalsy();
    const glbUrl = texts(model)[0]!;
    expect(glbUrl).toMatch(/\/spaces\/shape-3d\/gradio_api\/file=.+\.glb$/);
    const glb = new Uint8Array(await (await fetch(glbUrl)).arrayBuffer());
    expect(new TextDecoder().decode(glb.slice(0, 4))).toBe("glTF");

    // A data: URL is a file input too.
    const png = await sharp({ create: { width: 96, height: 96, channels: 3, background: "#000" } })
      .composite([{ input: await sharp({ create: { width: 40, height: 60, channels: 3, background: "#c84" } }).png().toBuffer(), left: 28, top: 18 }])
      .png()
      .toBuffer();
    const fromData = (await shape.callTool({ name: "shape_3d_reconstruct", arguments: { image: `data:image/png;base64,${png.toString("base64")}` } })) as CallToolResult;
    expect(fromData.isError, texts(fromData).join()).toBeFalsy();
    expect(texts(fromData)[0]).toMatch(/\.glb$/);
    await shape.close();
  });

  it("answer bad arguments and refused URLs as tool errors that say what was wrong", async () => {
    const sketch = await connect("sketch-image");
    const wrongType = (await sketch.callTool({ name: "sketch_image_generate", arguments: { prompt: "a cat", seed: "seven" } })) as CallToolResult;
    expect(wrongType.isError).toBe(true);
    expect(texts(wrongType)[0]).toMatch(/parameter "seed".*expected a number/);
    const missing = (await sketch.callTool({ name: "sketch_image_generate", arguments: {} })) as CallToolResult;
    expect(missing).toMatchObject({ isError: true, content: [{ type: "text", text: "No value provided for required parameter: prompt" }] });
    const unknown = (await sketch.callTool({ name: "sketch_image_generate", arguments: { prompt: "a cat", colour: "red" } })) as CallToolResult;
    expect(texts(unknown)[0]).toMatch(/`colour` is not a valid keyword argument/);
    const range = (await sketch.callTool({ name: "sketch_image_generate", arguments: { prompt: "a cat", width: 5 } })) as CallToolResult;
    expect(texts(range)[0]).toMatch(/must be between/);
    const noTool = (await sketch.callTool({ name: "nope", arguments: {} })) as CallToolResult;
    expect(noTool.isError).toBe(true);
    await sketch.close();

    const shape = await connect("shape-3d");
    for (const [image, why] of [
      ["http://127.0.0.1:1/secret.png", /only https/],
      ["https://169.254.169.254/latest/meta-data", /Hugging Face Space/],
      ["https://127.0.0.1/x.png", /Hugging Face Space/],
      ["file:///etc/passwd", /http\(s\) URL or a data: URL/],
      ["data:image/png,notbase64", /must be base64/],
      [42, /expected a URL string/],
    ] as const) {
      const r = (await shape.callTool({ name: "shape_3d_reconstruct", arguments: { image } })) as CallToolResult;
      expect(r.isError, String(image)).toBe(true);
      expect(texts(r)[0]).toMatch(why);
    }
    await shape.close();
  });

  it("fail the MCP endpoint alone under the mcp_down fault (the schema and the Gradio API stay up)", async () => {
    const schema = await fetch(`${server.url}/spaces/sketch-image~mcp_down=1/gradio_api/mcp/schema`);
    expect(schema.status).toBe(200);
    await expect(connect("sketch-image~mcp_down=1")).rejects.toThrow(/503|unavailable/i);
    expect((await fetch(`${server.url}/spaces/sketch-image~mcp_down=1/gradio_api/info`)).status).toBe(200);
  });

  it("answer a browser with a landing page and refuse GET streams and the deprecated SSE transport", async () => {
    const page = await fetch(`${server.url}/spaces/ink-image/gradio_api/mcp/`, { headers: { accept: "text/html" } });
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(await page.text()).toContain("ink_image_generate");
    const stream = await fetch(`${server.url}/spaces/ink-image/gradio_api/mcp/`, { headers: { accept: "text/event-stream" } });
    expect(stream.status).toBe(405);
    expect((await fetch(`${server.url}/spaces/ink-image/gradio_api/mcp/sse`)).status).toBe(404);
    const garbage = await fetch(`${server.url}/spaces/ink-image/gradio_api/mcp/`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: "{not json",
    });
    expect(garbage.status).toBe(400);
  });
});
