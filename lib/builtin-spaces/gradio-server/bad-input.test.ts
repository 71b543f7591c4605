// Bad input is answered the way Gradio answers it — never a crash, a hang, or a stream without close_stream.
import { Client } from "@gradio/client";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./testing/harness";
import { testSpace } from "./testing/test-space";

let h: Harness;
let url: string;
let other: string;

beforeAll(async () => {
  h = await startHarness();
  url = h.mount("test", testSpace()).url;
  other = h.mount("other", testSpace({ id: "other-space" })).url;
});
afterAll(async () => {
  await h.close();
});

const post = (u: string, body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
  fetch(u, { method: "POST", headers, body });

function sseMessages(text: string): { msg: string; [k: string]: unknown }[] {
  return text
    .split("\n\n")
    .filter(Boolean)
    .map((c) => JSON.parse(c.replace(/^data: /, "")) as { msg: string });
}

async function joinAndRead(body: unknown): Promise<{ msg: string; [k: string]: unknown }[]> {
  const res = await post(`${url}/gradio_api/queue/join`, JSON.stringify(body));
  expect(res.status).toBe(200);
  const session = (body as { session_hash: string }).session_hash;
  return sseMessages(await (await fetch(`${url}/gradio_api/queue/data?session_hash=${session}`)).text());
}

describe("queue/join", () => {
  it("answers garbage JSON with FastAPI's 422 json_invalid", async () => {
    const res = await post(`${url}/gradio_api/queue/join`, "{not json");
    expect(res.status).toBe(422);
    const body = (await res.json()) as { detail: { type: string; loc: unknown[] }[] };
    expect(body.detail[0]).toMatchObject({ type: "json_invalid", loc: ["body", 0] });
  });

  it("answers a body of the wrong shape with 422 located in the body", async () => {
    const res = await post(`${url}/gradio_api/queue/join`, JSON.stringify({ data: "x", fn_index: 0, session_hash: "s" }));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { detail: { loc: unknown[] }[] };
    expect(body.detail[0]!.loc).toEqual(["body", "data"]);
  });

  it("refuses a missing session hash, a missing fn_index and an unknown fn_index with 400", async () => {
    const a = await post(`${url}/gradio_api/queue/join`, JSON.stringify({ data: [], fn_index: 0 }));
    expect([a.status, await a.json()]).toEqual([400, { detail: "Session hash not found." }]);
    const b = await post(`${url}/gradio_api/queue/join`, JSON.stringify({ data: [], session_hash: "s" }));
    expect([b.status, await b.json()]).toEqual([400, { detail: "No function index provided." }]);
    const c = await post(`${url}/gradio_api/queue/join`, JSON.stringify({ data: [], fn_index: 99, session_hash: "s" }));
    expect(c.status).toBe(400);
    expect(((await c.json()) as { detail: string }).detail).toMatch(/fn_index 99/);
  });

  it("fails a call with too few or too many values on its stream, then closes it", async () => {
    const few = await joinAndRead({ data: [], fn_index: 0, session_hash: "arity1" });
    expect(few.map((m) => m.msg)).toEqual(["process_completed", "close_stream"]);
    expect(few[0]).toMatchObject({ success: false, title: "Error" });
    expect((few[0]!.output as { error: string }).error).toMatch(/didn't receive enough input values \(needed: 2, got: 0\)/);
    const many = await joinAndRead({ data: ["a", 1, 2], fn_index: 0, session_hash: "arity2" });
    expect((many[0]!.output as { error: string }).error).toMatch(/too many input values \(needed: 2, got: 3\)/);
  });
});

describe("through the client", () => {
  it("rejects wrong types and out-of-range values with the parameter named", async () => {
    const client = await Client.connect(url);
    await expect(client.predict("/upper", [42])).rejects.toThrow(/Invalid value for parameter "text".*expected a string, got 42/);
    await expect(client.predict("/upper", ["a", 9])).rejects.toThrow(/"repeat".*must be between 1 and 5, got 9/);
    await expect(client.predict("/upper", ["a", 1.5])).rejects.toThrow(/expected an integer, got 1.5/);
    client.close();
  });

  it("throws before any request for an unknown endpoint or a missing required keyword", async () => {
    const client = await Client.connect(url);
    expect(() => client.submit("/nope", [])).toThrow(/No endpoint matching "\/nope" was found/);
    expect(() => client.submit("/upper", { repeat: 2 })).toThrow(/No value provided for required parameter: text/);
    client.close();
  });

  it("refuses a file path it did not receive: /etc/passwd, a missing file, another Space's output", async () => {
    const client = await Client.connect(url);
    const meta = { _type: "gradio.FileData" };
    await expect(client.predict("/echo_file", [{ path: "/etc/passwd", meta }])).rejects.toThrow(
      "Cannot move /etc/passwd to the gradio cache dir because it was not uploaded by a user.",
    );
    const missing = path.join(h.dir, "test-space", "0".repeat(64), "gone.bin");
    await expect(client.predict("/echo_file", [{ path: missing, meta }])).rejects.toThrow(/not uploaded by a user/);
    const otherClient = await Client.connect(other);
    const out = await otherClient.predict("/echo_file", [new Blob([new Uint8Array([1, 2])])]);
    const foreign = (out.data as [{ path: string }])[0];
    await expect(client.predict("/echo_file", [foreign])).rejects.toThrow(/not uploaded by a user/);
    client.close();
    otherClient.close();
  });

  it("turns the {} the client sends after a failed (oversized) upload into a clear error", async () => {
    const client = await Client.connect(url);
    const big = new Blob([new Uint8Array(400 * 1024)]); // the harness caps files at 256 KiB
    await expect(client.predict("/echo_file", [big])).rejects.toThrow(/expected a file .*got \{\}/);
    client.close();
  });
});

describe("streams and routes", () => {
  it("answers an unknown session inside the stream, then closes it", async () => {
    const res = await fetch(`${url}/gradio_api/queue/data?session_hash=never-joined`);
    expect(res.status).toBe(200);
    const messages = sseMessages(await res.text());
    expect(messages).toEqual([
      { msg: "unexpected_error", event_id: null, message: "404: Not Found", session_not_found: true, success: false },
      { msg: "close_stream", event_id: null },
    ]);
    const noHash = await fetch(`${url}/gradio_api/queue/data`);
    expect(noHash.status).toBe(422);
  });

  it("refuses file= paths that are not ours, including traversal", async () => {
    const client = await Client.connect(url);
    const out = await client.predict("/echo_file", [new Blob([new Uint8Array([5])])]);
    const stored = (out.data as [{ path: string }])[0].path;
    client.close();
    const probes = [
      "/etc/passwd",
      encodeURIComponent(`${path.dirname(stored)}/../../../../etc/passwd`),
      `${path.dirname(stored)}/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd`,
      encodeURIComponent("../../etc/passwd"),
      "relative.txt",
      path.dirname(stored), // a folder
      "%E0%A4%A", // broken escape
      encodeURIComponent("http://example.com/x.png"),
    ];
    for (const probe of probes) {
      const res = await fetch(`${url}/gradio_api/file=${probe}`);
      expect([400, 403]).toContain(res.status);
    }
    const ok = await fetch(`${url}/gradio_api/file=${stored}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("answers uploads that are not multipart, or too big", async () => {
    const notMultipart = await post(`${url}/gradio_api/upload`, "hello", { "content-type": "text/plain" });
    expect(notMultipart.status).toBe(400);
    const form = new FormData();
    form.append("files", new Blob([new Uint8Array(300 * 1024)]), "big.bin");
    const tooBig = await fetch(`${url}/gradio_api/upload`, { method: "POST", body: form });
    expect(tooBig.status).toBe(413);
    expect(await tooBig.text()).toMatch(/maximum allowed size/);
    const empty = new FormData();
    empty.append("other", "x");
    const none = await fetch(`${url}/gradio_api/upload`, { method: "POST", body: empty });
    expect(await none.json()).toEqual([]);
  });

  it("answers unknown routes 404 and wrong methods 405", async () => {
    expect((await fetch(`${url}/gradio_api/nope`)).status).toBe(404);
    expect((await fetch(`${url}/nope`)).status).toBe(404);
    expect((await fetch(`${url}/gradio_api/queue/join`)).status).toBe(405);
    expect((await post(`${url}/config`, "{}")).status).toBe(405);
    expect((await post(`${url}/gradio_api/run/upper`, "{}")).status).toBe(404);
  });

  it("handles /cancel and /reset bodies, valid or not", async () => {
    expect((await post(`${url}/gradio_api/cancel`, "garbage")).status).toBe(422);
    const ok = await post(`${url}/gradio_api/cancel`, JSON.stringify({ session_hash: "s", fn_index: 0, event_id: "nope" }));
    expect(await ok.json()).toEqual({ success: true });
    expect(await (await post(`${url}/gradio_api/reset`, JSON.stringify({ event_id: "x" }))).json()).toEqual({ success: true });
  });
});
