// Vernissage as an MCP server, end to end: the official MCP SDK client (Client + StreamableHTTPClientTransport,
// as a desktop agent uses it) against the production server Playwright starts, offline, with the built-in
// Spaces doing the work. It builds a gallery (create, watch progress, get, regenerate, swap, move) and is
// refused every edit without the right edit token, with nothing changed.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { test, expect } from "@playwright/test";

type Progress = { progress: number; total?: number; message?: string };
type Exhibit = { exhibit_id: string; title: string; status: string; version: number; kind: string; model_url: string | null; placement: { x: number; z: number; rotation_y: number; scale: number } };
type Summary = { gallery_id: string; status: string; exhibits: Exhibit[]; log: string[]; finished?: boolean; view_url: string };

let client: Client;
let base: string;

test.beforeAll(async ({}, info) => {
  base = info.project.use.baseURL!;
  client = new Client({ name: "e2e-agent", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp`)));
});
test.afterAll(async () => {
  await client?.close();
});

async function call(name: string, args: Record<string, unknown>, progress?: Progress[]): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args }, undefined, {
    timeout: 60_000,
    resetTimeoutOnProgress: true,
    maxTotalTimeout: 300_000,
    ...(progress ? { onprogress: (p: Progress) => progress.push(p) } : {}),
  })) as CallToolResult;
}

const text = (r: CallToolResult) => r.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
const structured = <T>(r: CallToolResult): T => {
  expect(r.isError, text(r)).toBeFalsy();
  return r.structuredContent as T;
};

test("an agent builds and edits a gallery over MCP, and is refused every edit without the edit token", async ({ request }) => {
  test.setTimeout(300_000);

  const { tools } = await client.listTools();
  expect(tools.map((t) => t.name).sort()).toEqual(["create_gallery", "get_gallery", "move_exhibit", "regenerate_exhibit", "swap_exhibit", "wait_for_gallery"]);
  const regenerateTool = tools.find((t) => t.name === "regenerate_exhibit")!;
  expect(Object.keys(regenerateTool.inputSchema.properties!)).toEqual(expect.arrayContaining(["gallery_id", "exhibit_id", "edit_token", "prompt"]));
  expect((regenerateTool.inputSchema.properties!.edit_token as { description: string }).description).toMatch(/edit token/);

  // Create: the links come back at once; the build runs on.
  const created = structured<{ gallery_id: string; edit_token: string; view_url: string; edit_url: string; status: string }>(
    await call("create_gallery", { goal: "three Kyoto temples" }),
  );
  expect(created.status).toBe("building");
  expect(created.view_url).toBe(`${base}/g/${created.gallery_id}`);
  expect(created.edit_url).toBe(`${base}/g/${created.gallery_id}/edit?token=${encodeURIComponent(created.edit_token)}`);
  const id = created.gallery_id;

  // Watch: progress notifications while it builds, then the finished gallery.
  const progress: Progress[] = [];
  const done = structured<Summary>(await call("wait_for_gallery", { gallery_id: id, timeout_seconds: 240 }, progress));
  expect(done.finished).toBe(true);
  expect(done.status).toBe("ready");
  expect(progress.length).toBeGreaterThanOrEqual(3);
  expect(progress.map((p) => p.progress)).toEqual([...progress.map((p) => p.progress)].sort((a, b) => a - b));
  expect(progress.some((p) => /is ready/.test(p.message ?? ""))).toBe(true);
  expect(progress.some((p) => /shape-3d|relief-3d/.test(p.message ?? ""))).toBe(true);

  // Get: exhibits with model URLs that serve GLBs, and the log's last lines.
  const got = structured<Summary>(await call("get_gallery", { gallery_id: id, log_lines: 10 }));
  expect(got.exhibits.length).toBeGreaterThanOrEqual(1);
  expect(got.log.length).toBeGreaterThan(0);
  expect(got.log.length).toBeLessThanOrEqual(10);
  const first = got.exhibits[0]!;
  expect(first.status).toBe("ready");
  const model = await request.get(first.model_url!);
  expect(model.status()).toBe(200);
  expect(Buffer.from(await model.body()).subarray(0, 4).toString()).toBe("glTF");

  // Refused: no token, a wrong one, the view link — for every edit; nothing changes.
  const target = { gallery_id: id, exhibit_id: first.exhibit_id };
  const edits: [string, Record<string, unknown>][] = [
    ["regenerate_exhibit", {}],
    ["swap_exhibit", { space: "relief-3d" }],
    ["swap_exhibit", { version: 1 }],
    ["move_exhibit", { x: 1, z: 1 }],
  ];
  for (const token of [undefined, "not-the-token", created.view_url, created.edit_token.slice(0, -1)]) {
    for (const [name, args] of edits) {
      const r = await call(name, { ...target, ...args, ...(token === undefined ? {} : { edit_token: token }) });
      expect(r.isError, `${name} with ${String(token)}`).toBe(true);
      expect(text(r)).toMatch(/edit_token is missing or is not this gallery's edit token/);
    }
  }
  const untouched = structured<Summary>(await call("get_gallery", { gallery_id: id, log_lines: 0 }));
  expect(untouched.exhibits).toEqual(got.exhibits);
  const auth = { ...target, edit_token: created.edit_token };

  // Regenerate (with progress while it runs): a second version.
  const regenProgress: Progress[] = [];
  const regen = structured<Summary & { build_id: string }>(await call("regenerate_exhibit", { ...auth, wait: true, timeout_seconds: 120 }, regenProgress));
  expect(regen.finished).toBe(true);
  expect(regenProgress.length).toBeGreaterThan(0);
  expect(regen.exhibits.find((e) => e.exhibit_id === first.exhibit_id)).toMatchObject({ status: "ready", version: 2 });

  // Swap to another 3D Space, then back to the first version.
  const swapped = structured<Summary>(await call("swap_exhibit", { ...auth, space: "relief-3d", capability: "image-to-3d", wait: true }));
  expect(swapped.exhibits.find((e) => e.exhibit_id === first.exhibit_id)).toMatchObject({ status: "ready", version: 3 });
  expect(swapped.log.join("\n")).toMatch(/relief-3d/);
  // Remade as a Gaussian splat from its picture (the kind an agent can ask for, as the page's "As a splat").
  const asSplat = structured<Summary>(await call("swap_exhibit", { ...auth, as_kind: "splat", wait: true, timeout_seconds: 120 }));
  expect(asSplat.exhibits.find((e) => e.exhibit_id === first.exhibit_id)).toMatchObject({ status: "ready", version: 4, kind: "splat" });
  const restored = structured<{ version: number }>(await call("swap_exhibit", { ...auth, version: 1 }));
  expect(restored.version).toBe(1);

  // Move: snapped inside the hall, and kept.
  const moved = structured<{ placement: { x: number; z: number; scale: number } }>(await call("move_exhibit", { ...auth, x: 0.5, z: 2, scale: 1.2 }));
  expect(moved.placement.scale).toBe(1.2);
  const after = structured<Summary>(await call("get_gallery", { gallery_id: id }));
  expect(after.exhibits.find((e) => e.exhibit_id === first.exhibit_id)!.placement).toMatchObject(moved.placement);
  // The same gallery over the page's JSON API agrees.
  const api = (await (await request.get(`/api/galleries/${id}`)).json()) as { exhibits: { id: string; version: number; placement: { scale: number } }[] };
  expect(api.exhibits.find((e) => e.id === first.exhibit_id)).toMatchObject({ version: 1, placement: { scale: 1.2 } });
});

test("bad input comes back as tool or JSON-RPC errors, never a 500; web pages are refused; agents.md says how to call", async ({ request }) => {
  for (const [name, args, why] of [
    ["create_gallery", { goal: "" }, /goal|Describe/i],
    ["get_gallery", { gallery_id: "../../etc/passwd" }, /Not a valid id/],
    ["get_gallery", { gallery_id: "AAAAAAAAAAAAAAAAAAAA" }, /No gallery with id/],
    ["get_gallery", { gallery_id: 42 }, /gallery_id|string/i],
    ["move_exhibit", { gallery_id: "x", exhibit_id: "y", x: "far" }, /x|number/i],
  ] as const) {
    const r = await call(name, args as Record<string, unknown>).catch((e: Error) => ({ isError: true, content: [{ type: "text" as const, text: e.message }] }));
    expect(r.isError, name).toBe(true);
    expect(text(r as CallToolResult)).toMatch(why);
  }
  const headers = { "content-type": "application/json", accept: "application/json, text/event-stream" };
  const garbage = await request.post("/mcp", { headers, data: "{not json" });
  expect(garbage.status()).toBe(400);
  expect(((await garbage.json()) as { error: { code: number } }).error.code).toBe(-32700);
  const huge = await request.post("/mcp", { headers, data: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: { pad: "x".repeat(400_000) } }) });
  expect(huge.status()).toBe(413);
  const unknownMethod = await request.post("/mcp", { headers, data: { jsonrpc: "2.0", id: 1, method: "nope" } });
  expect(unknownMethod.status()).toBeLessThan(500);
  const rebound = await request.post("/mcp", { headers: { ...headers, origin: "http://evil.example" }, data: { jsonrpc: "2.0", id: 1, method: "tools/list" } });
  expect(rebound.status()).toBe(403);
  expect((await request.get("/mcp")).status()).toBe(405);

  const md = await request.get("/agents.md");
  expect(md.headers()["content-type"]).toMatch(/text\/markdown/);
  const lines = (await md.text()).split("\n");
  expect(lines[0]).toMatch(/^To use this application \(Vernissage: /);
  expect(lines.some((l) => l.startsWith(`MCP: Streamable HTTP at ${base}/mcp`))).toBe(true);
  expect(lines.some((l) => l.startsWith(`Call by HTTP: POST ${base}/mcp`))).toBe(true);

  // The built-in Spaces are MCP servers on the production server too.
  const schema = await request.get("/spaces/sketch-image/gradio_api/mcp/schema");
  expect(((await schema.json()) as { name: string }[]).map((t) => t.name)).toEqual(["sketch_image_generate"]);
});
