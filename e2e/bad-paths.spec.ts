// Malformed paths, proven against the production build: a %-encoding that does not decode is the client's
// mistake, so every route answers it with a 400 and a message, never Next's bare 500 — including the routes
// where Next decodes the parameters itself before any of our code runs (proxy.ts refuses them first).
import { test, expect } from "@playwright/test";
import { MALFORMED_PATHS as MALFORMED } from "../lib/security/testing/malformed-paths";

test.describe("a path whose %-encoding does not decode", () => {
  for (const path of MALFORMED) {
    test(`GET ${path} is a 400 with a message`, async ({ request }) => {
      const r = await request.get(path, { maxRedirects: 0 });
      const text = await r.text();
      expect(r.status(), text.slice(0, 200)).toBe(400);
      expect(text).toMatch(/malformed/i);
    });
  }

  test("a POST to a built-in Space under a malformed path is a 400 too", async ({ request }) => {
    const r = await request.post("/spaces/%ZZ/gradio_api/queue/join", { data: { data: [] } });
    expect(r.status()).toBe(400);
    expect(await r.text()).toMatch(/malformed/i);
  });
});

test.describe("well-formed paths keep their answers", () => {
  test("an encoded but valid name is a plain 404, and the home page still renders", async ({ request }) => {
    expect((await request.get("/assets/%20x.png")).status()).toBe(404);
    expect((await request.get("/api/galleries/nosuchgallery%41")).status()).toBe(404);
    expect((await request.get("/")).status()).toBe(200);
  });

  test("a built-in Space still answers its config", async ({ request }) => {
    const r = await request.get("/spaces/shape-3d/config");
    expect(r.status()).toBe(200);
    expect(((await r.json()) as { protocol?: string }).protocol).toBeTruthy();
  });

  test("a deeply nested JSON body to a built-in Space's queue/join is a 4xx with a message", async ({ request }) => {
    const deep = "[".repeat(10_000) + "]".repeat(10_000);
    const r = await request.post("/spaces/shape-3d/gradio_api/queue/join", {
      headers: { "content-type": "application/json" },
      data: `{"data":${deep},"fn_index":0,"session_hash":"deep"}`,
    });
    expect(r.status()).toBeGreaterThanOrEqual(400);
    expect(r.status()).toBeLessThan(500);
    expect(await r.text()).toMatch(/\w/);
  });
});
