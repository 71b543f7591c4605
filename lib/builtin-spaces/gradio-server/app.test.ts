// The protocol through the REAL @gradio/client, against the server mounted on a loopback node:http server.
import { Client } from "@gradio/client";
import { describe, expect, it, vi } from "vitest";
import { eventually, mountTestSpaceForFile } from "./testing/harness";
import { testSpace } from "./testing/test-space";

const space = mountTestSpaceForFile(() => testSpace());

type Status = { type: string; stage?: string; position?: number; size?: number; progress_data?: { progress: number | null; desc: string | null }[] };

describe("connect", () => {
  it("serves /config with the mount as root, sse_v3, no space id", async () => {
    const config = (await (await fetch(`${space.url}/config`)).json()) as Record<string, unknown>;
    expect(config).toMatchObject({
      root: space.url,
      api_prefix: "/gradio_api",
      protocol: "sse_v3",
      space_id: null,
      connect_heartbeat: false,
      enable_queue: true,
    });
    const deps = config.dependencies as { api_name: string; id: number; queue: null }[];
    expect(deps.map((d) => d.api_name)).toEqual(["upper", "echo_file", "slow", "fail", "boom"]);
  });

  it("view_api() lists typed named endpoints", async () => {
    const client = await Client.connect(space.url);
    const api = await client.view_api();
    const upper = api.named_endpoints["/upper"]!;
    expect(upper.parameters.map((p) => [p.parameter_name, p.parameter_has_default, p.parameter_default])).toEqual([
      ["text", false, null],
      ["repeat", true, 1],
    ]);
    expect(upper.parameters[0]!.type).toBe("string");
    expect(upper.parameters[1]!.python_type.type).toBe("int");
    expect(api.named_endpoints["/echo_file"]!.parameters[0]!.python_type.type).toBe("filepath");
    expect(api.named_endpoints["/echo_file"]!.returns.map((r) => r.component)).toEqual(["File", "Number"]);
    client.close();
  });
});

describe("calls", () => {
  it("predict with positional and named arguments", async () => {
    const client = await Client.connect(space.url);
    expect((await client.predict("/upper", ["hi"])).data).toEqual(["HI"]);
    expect((await client.predict("/upper", { text: "yo", repeat: 3 })).data).toEqual(["YOYOYO"]);
    expect((await client.predict("upper", ["no slash"])).data).toEqual(["NO SLASH"]);
    client.close();
  });

  it("submit reports pending, real progress fractions, then complete", async () => {
    const client = await Client.connect(space.url, { events: ["data", "status"] });
    const events: Status[] = [];
    let data: unknown;
    for await (const m of client.submit("/slow", { steps: 4, step_ms: 60 })) {
      events.push(m as Status);
      if (m.type === "data") data = m.data;
    }
    expect(data).toEqual(["done 4"]);
    const stages = events.filter((e) => e.type === "status").map((e) => e.stage);
    expect(stages[0]).toBe("pending");
    expect(stages.at(-1)).toBe("complete");
    const fractions = events.flatMap((e) => e.progress_data ?? []).map((p) => p.progress);
    expect(fractions.length).toBeGreaterThanOrEqual(3);
    expect(fractions).toEqual([...fractions].sort((a, b) => (a ?? 0) - (b ?? 0)));
    expect(fractions.at(-1)).toBe(1);
    expect(events.flatMap((e) => e.progress_data ?? []).some((p) => p.desc === "step 2/4")).toBe(true);
    client.close();
  });

  it("uploads files and serves outputs at absolute file= URLs", async () => {
    const client = await Client.connect(space.url);
    const bytes = new Uint8Array(5000).map((_, i) => (i * 7) % 256);
    const result = await client.predict("/echo_file", { file: new File([bytes], "input.bin"), suffix: "-x" });
    const [file, size] = result.data as [{ url: string; path: string; orig_name: string; meta: unknown }, number];
    expect(size).toBe(5000);
    expect(file.meta).toEqual({ _type: "gradio.FileData" });
    expect(file.orig_name).toBe("copy-x-input.bin");
    expect(file.url).toBe(`${space.url}/gradio_api/file=${file.path}`);
    const served = new Uint8Array(await (await fetch(file.url)).arrayBuffer());
    expect(served).toEqual(bytes);
    client.close();
  });

  it("keeps several calls in flight on one client and across clients", async () => {
    const a = await Client.connect(space.url);
    const b = await Client.connect(space.url);
    const results = await Promise.all([
      a.predict("/slow", { steps: 3, step_ms: 40 }),
      a.predict("/upper", ["one"]),
      a.predict("/slow", { steps: 2, step_ms: 30 }),
      b.predict("/upper", ["two"]),
      b.predict("/slow", { steps: 1, step_ms: 10 }),
    ]);
    expect(results.map((r) => r.data)).toEqual([["done 3"], ["ONE"], ["done 2"], ["TWO"], ["done 1"]]);
    // and the same clients keep working after their streams were closed by close_stream
    expect((await a.predict("/upper", ["again"])).data).toEqual(["AGAIN"]);
    expect((await b.predict("/upper", ["again"])).data).toEqual(["AGAIN"]);
    a.close();
    b.close();
  });

  it("queues beyond the concurrency limit and tells each call its rank as the queue moves", async () => {
    const { url: one, app } = space.harness.mount("one-at-a-time", testSpace({ id: "test-space", concurrencyLimit: 1 }));
    const client = await Client.connect(one, { events: ["data", "status"] });
    const statuses: Status[][] = [[], [], []];
    const order: number[] = [];
    const run = async (i: number) => {
      for await (const m of client.submit("/slow", { steps: 3, step_ms: 50 })) {
        if (m.type === "status") statuses[i]!.push(m as Status);
        if (m.type === "data") order.push(i);
      }
    };
    const jobs = [run(0)];
    await eventually(() => expect(app.stats().running).toBe(1));
    jobs.push(run(1));
    await eventually(() => expect(app.stats().queued).toBe(1));
    jobs.push(run(2));
    await eventually(() => expect(app.stats().queued).toBe(2));
    await Promise.all(jobs);
    expect(order).toEqual([0, 1, 2]);
    const ranks = statuses[2]!.filter((s) => s.size !== undefined && s.stage === "pending").map((s) => [s.position, s.size]);
    expect(ranks).toContainEqual([1, 2]); // third in line: rank 1 of 2 waiting
    expect(ranks).toContainEqual([0, 1]); // then first in line once call 0 finished
    expect(app.stats()).toMatchObject({ queued: 0, running: 0, pendingEvents: 0 });
    client.close();
  });

  it("reports a GradioError with its message and title, and hides nothing but stack traces", async () => {
    const client = await Client.connect(space.url);
    await expect(client.predict("/fail", ["Prompt is empty", "Bad input"])).rejects.toMatchObject({
      message: "Prompt is empty",
      title: "Bad input",
      stage: "error",
    });
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const err = (await client.predict("/boom", []).catch((e: unknown) => e)) as Error;
    expect(err.message).toBe("kaboom");
    expect(log).toHaveBeenCalled(); // the details stay in the server log
    log.mockRestore();
    expect(JSON.stringify(err)).not.toMatch(/at .*test-space/);
    client.close();
  });
});

describe("REST /call interface", () => {
  async function readStream(res: Response): Promise<string> {
    return await res.text();
  }

  it("POST /call/{api} then GET its event stream", async () => {
    const post = await fetch(`${space.url}/gradio_api/call/upper`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ data: ["abc", 2] }),
    });
    expect(post.status).toBe(200);
    const { event_id } = (await post.json()) as { event_id: string };
    const res = await fetch(`${space.url}/gradio_api/call/upper/${event_id}`);
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    expect(await readStream(res)).toBe('event: complete\ndata: ["ABCABC"]\n\n');
  });

  it("POST /call/v2/{api} takes named parameters with defaults", async () => {
    const post = await fetch(`${space.url}/gradio_api/call/v2/upper`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "v2" }),
    });
    const { event_id } = (await post.json()) as { event_id: string };
    expect(await readStream(await fetch(`${space.url}/gradio_api/call/v2/upper/${event_id}`))).toBe(
      'event: complete\ndata: ["V2"]\n\n',
    );
    const bad = await fetch(`${space.url}/gradio_api/call/v2/upper`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "v2", colour: "red" }),
    });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { detail: string }).detail).toMatch(/colour/);
  });

  it("streams an error event for a failing call and for an unknown event id", async () => {
    const post = await fetch(`${space.url}/gradio_api/call/fail`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ data: ["nope", "Oops"] }),
    });
    const { event_id } = (await post.json()) as { event_id: string };
    const body = await readStream(await fetch(`${space.url}/gradio_api/call/fail/${event_id}`));
    expect(body).toMatch(/^event: error\ndata: \{.*"error":"nope".*\}\n\n$/);
    expect(body).toContain('"title":"Oops"');
    const unknown = await readStream(await fetch(`${space.url}/gradio_api/call/fail/0123456789abcdef`));
    expect(unknown).toMatch(/^event: error\ndata: "No call with event_id 0123456789abcdef/);
    const missing = await fetch(`${space.url}/gradio_api/call/nope`, { method: "POST", body: JSON.stringify({ data: [] }) });
    expect(missing.status).toBe(404);
  });

  it("uploads with curl's form and uses the returned path (the agents.md recipe)", async () => {
    const form = new FormData();
    form.append("files", new Blob([new Uint8Array([9, 8, 7])]), "tiny.bin");
    const up = await fetch(`${space.url}/gradio_api/upload`, { method: "POST", body: form });
    const [stored] = (await up.json()) as string[];
    const post = await fetch(`${space.url}/gradio_api/call/v2/echo_file`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ file: { path: stored, meta: { _type: "gradio.FileData" }, orig_name: "tiny.bin" } }),
    });
    const { event_id } = (await post.json()) as { event_id: string };
    const body = await readStream(await fetch(`${space.url}/gradio_api/call/echo_file/${event_id}`));
    const data = JSON.parse(body.split("data: ")[1]!) as [{ url: string; orig_name: string }, number];
    expect(data[1]).toBe(3);
    expect(data[0].orig_name).toBe("copy-tiny.bin");
    expect(new Uint8Array(await (await fetch(data[0].url)).arrayBuffer())).toEqual(new Uint8Array([9, 8, 7]));
  });

  it("serves agents.md in the Hub's format", async () => {
    const res = await fetch(`${space.url}/agents.md`);
    expect(res.headers.get("content-type")).toMatch(/text\/markdown/);
    const lines = (await res.text()).trim().split("\n");
    expect(lines[0]).toBe("To use this application (test-space: Echo and friends):");
    expect(lines[1]).toBe(`API schema: GET ${space.url}/gradio_api/info`);
    expect(lines[2]).toBe(`Call endpoint: POST ${space.url}/gradio_api/call/v2/{endpoint} {"param_name": value, ...}`);
    expect(lines[3]).toBe(`Poll result: GET ${space.url}/gradio_api/call/{endpoint}/{event_id}`);
    expect(lines[4]).toMatch(new RegExp(`^File inputs: POST ${space.url}/gradio_api/upload -F "files=@file.ext", use as: \\{"path": "<returned-path>"`));
    expect(lines[5]).toMatch(/^Auth: /);
    expect(lines[6]).toBe(`MCP: Streamable HTTP at ${space.url}/gradio_api/mcp/ (stateless; tool list: GET ${space.url}/gradio_api/mcp/schema; file inputs as URLs)`);
  });
});

describe("session stream", () => {
  it("buffers messages until the stream opens, then ends it with close_stream", async () => {
    const join = await fetch(`${space.url}/gradio_api/queue/join`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ data: ["x", 1], fn_index: 0, session_hash: "buffered1", event_data: null, trigger_id: null }),
    });
    const { event_id } = (await join.json()) as { event_id: string };
    await new Promise((r) => setTimeout(r, 100)); // the call completes with nobody listening
    const text = await (await fetch(`${space.url}/gradio_api/queue/data?session_hash=buffered1`)).text();
    const messages = text
      .split("\n\n")
      .filter(Boolean)
      .map((chunk) => JSON.parse(chunk.replace(/^data: /, "")) as { msg: string; event_id: string | null; output?: { data?: unknown } });
    expect(messages.map((m) => m.msg)).toEqual(["estimation", "process_starts", "process_completed", "close_stream"]);
    expect(messages.slice(0, 3).every((m) => m.event_id === event_id)).toBe(true);
    expect(messages[2]!.output?.data).toEqual(["X"]);
    expect(messages[3]!.event_id).toBeNull();
  });

  it("sends heartbeats while a call is running", async () => {
    const { url: beat, app } = space.harness.mount("beat", testSpace(), { heartbeatMs: 40 });
    await fetch(`${beat}/gradio_api/queue/join`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ data: [4, 100], fn_index: 2, session_hash: "beat1" }),
    });
    const text = await (await fetch(`${beat}/gradio_api/queue/data?session_hash=beat1`)).text();
    expect(text.match(/"msg":"heartbeat"/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(text.trim().endsWith('data: {"msg":"close_stream","event_id":null}')).toBe(true);
    expect(app.stats()).toMatchObject({ running: 0, streams: 0, pendingEvents: 0 });
  });
});
