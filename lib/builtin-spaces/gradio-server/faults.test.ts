// Injected faults, seen through the real client and raw HTTP, and the clean-up that must follow each.
import { Client } from "@gradio/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAULTS_HEADER } from "./app";
import { eventually, startHarness, type Harness } from "./testing/harness";
import { testSpace } from "./testing/test-space";
import type { FaultProfile } from "./faults";
import type { GradioApp } from "./types";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

let n = 0;
function variant(faults: FaultProfile, options: { orphanMs?: number; heartbeatMs?: number } = {}): { url: string; app: GradioApp } {
  return h.mount(`v${n++}`, testSpace({ faults }), options);
}

function expectClean(app: GradioApp): Promise<void> {
  return eventually(() => expect(app.stats()).toMatchObject({ queued: 0, running: 0, streams: 0, pendingEvents: 0 }));
}

describe("faults through @gradio/client", () => {
  it("latency delays the call", async () => {
    const { url } = variant({ latencyMs: { min: 300, max: 300 } });
    const client = await Client.connect(url);
    const t = Date.now();
    expect((await client.predict("/upper", ["a"])).data).toEqual(["A"]);
    expect(Date.now() - t).toBeGreaterThanOrEqual(290);
    client.close();
  });

  it("latency overlaps the work, as on a remote GPU: the work is done while the answer still waits", async () => {
    const { url, app } = variant({ latencyMs: { min: 60_000, max: 60_000 } });
    const client = await Client.connect(url, { events: ["data", "status"] });
    const job = client.submit("/slow", { steps: 3, step_ms: 0 });
    let gotData = false;
    for await (const m of job) {
      const s = m as { type: string; progress_data?: { desc: string | null }[] };
      if (s.type === "data") gotData = true;
      if (s.progress_data?.some((p) => p.desc === "done")) break; // the work's last progress report
    }
    expect(gotData).toBe(false); // …and yet no answer before the latency is over
    await job.cancel();
    await expectClean(app);
    client.close();
  });

  it("error is a transient gr.Error, crash is the opaque 'An error occurred'", async () => {
    const e = await Client.connect(variant({ error: 1 }).url);
    await expect(e.predict("/upper", ["a"])).rejects.toMatchObject({ message: "GPU task aborted", title: "ZeroGPU worker error" });
    const c = await Client.connect(variant({ crash: 1 }).url);
    await expect(c.predict("/upper", ["a"])).rejects.toMatchObject({ message: "An error occurred", title: "Error" });
    e.close();
    c.close();
  });

  it("quota fails like ZeroGPU, with its title and message", async () => {
    const client = await Client.connect(variant({ quota: 1 }).url);
    const err = (await client.predict("/upper", ["a"]).catch((x: unknown) => x)) as Error & { title: string };
    expect(err.title).toBe("ZeroGPU quota exceeded");
    expect(err.message).toMatch(
      /^You have exceeded your free ZeroGPU quota \((60|120)s requested vs\. \d+s left\)\. Try again in \d\d:\d\d:\d\d\.$/,
    );
    client.close();
  });

  it("queue_full answers 503 on join, which the client reports as busy", async () => {
    const { url } = variant({ queueFull: 1 });
    const client = await Client.connect(url);
    await expect(client.predict("/upper", ["a"])).rejects.toThrow("This application is currently busy. Please try again. ");
    const raw = await fetch(`${url}/gradio_api/queue/join`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ data: ["a", 1], fn_index: 0, session_hash: "qf" }),
    });
    expect(raw.status).toBe(503);
    expect(((await raw.json()) as { detail: string }).detail).toMatch(/^Queue is full\. Max size is \d+ and size is \d+\.$/);
    client.close();
  });

  it("malformed serves broken bytes under the same kind of FileData", async () => {
    const client = await Client.connect(variant({ malformed: 1 }).url);
    const bytes = new Uint8Array(3000).map((_, i) => i % 251);
    for (let i = 0; i < 4; i++) {
      const out = await client.predict("/echo_file", [new Blob([bytes])]);
      const [file, size] = out.data as [{ url: string; meta: unknown }, number];
      expect(size).toBe(3000); // the engine saw the real bytes…
      expect(file.meta).toEqual({ _type: "gradio.FileData" });
      const served = new Uint8Array(await (await fetch(file.url)).arrayBuffer());
      expect(served).not.toEqual(bytes); // …the caller gets a truncated or garbage file
    }
    client.close();
  });

  it("timeout never completes; client.close() releases everything on the server", async () => {
    const { url, app } = variant({ timeout: 1 }, { heartbeatMs: 50 });
    const client = await Client.connect(url, { events: ["data", "status"] });
    const job = client.submit("/upper", ["a"]);
    const seen: string[] = [];
    const reader = (async () => {
      for await (const m of job) if (m.type === "status") seen.push(String(m.stage));
    })();
    await eventually(() => expect(app.stats().running).toBe(1));
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).not.toContain("complete");
    expect(app.stats()).toMatchObject({ running: 1, streams: 1 });
    client.close(); // the caller gives up
    await expectClean(app);
    void reader;
  });

  it("timeout: cancel() ends the call with Gradio's empty completion and frees the slot", async () => {
    const { url, app } = variant({ timeout: 1, concurrency: 1 });
    const client = await Client.connect(url);
    const job = client.submit("/upper", ["a"]);
    await eventually(() => expect(app.stats().running).toBe(1));
    await job.cancel();
    await expectClean(app);
    client.close();
  });

  it("timeout: a hung REST call nobody reads is dropped after orphanMs", async () => {
    const { url, app } = variant({ timeout: 1 }, { orphanMs: 150 });
    await fetch(`${url}/gradio_api/call/upper`, { method: "POST", body: JSON.stringify({ data: ["a", 1] }) });
    await eventually(() => expect(app.stats().running).toBe(1));
    await expectClean(app);
  });

  it("a hung call holds its slot: the next one waits with its rank until the caller gives up", async () => {
    const { url, app } = variant({ timeout: 1, concurrency: 1 });
    const a = await Client.connect(url);
    void a.submit("/upper", ["a"]);
    await eventually(() => expect(app.stats().running).toBe(1));
    void a.submit("/upper", ["b"]);
    await eventually(() => expect(app.stats().queued).toBe(1));
    a.close();
    await expectClean(app);
  });

  it("random faults follow the variant's seed: same seed, same sequence", async () => {
    const pattern = async (url: string) => {
      const client = await Client.connect(url);
      const outcome: string[] = [];
      for (let i = 0; i < 12; i++) {
        outcome.push(await client.predict("/upper", ["a"]).then(() => "ok", () => "err"));
      }
      client.close();
      return outcome.join(",");
    };
    const first = await pattern(variant({ error: 0.5, seed: 7 }).url);
    const second = await pattern(variant({ error: 0.5, seed: 7 }).url);
    expect(first).toBe(second);
    expect(first).toMatch(/ok/);
    expect(first).toMatch(/err/);
  });
});

describe("faults per request (header)", () => {
  it("applies x-vernissage-faults to raw joins and to a client given that header", async () => {
    const { url } = variant({});
    const join = await fetch(`${url}/gradio_api/queue/join`, {
      method: "POST",
      headers: { "content-type": "application/json", [FAULTS_HEADER]: "error=1" },
      body: JSON.stringify({ data: ["a", 1], fn_index: 0, session_hash: "hdr" }),
    });
    expect(join.status).toBe(200);
    const text = await (await fetch(`${url}/gradio_api/queue/data?session_hash=hdr`)).text();
    expect(text).toContain('"error":"GPU task aborted"');
    const client = await Client.connect(url, { headers: { [FAULTS_HEADER]: "quota=1" } });
    await expect(client.predict("/upper", ["a"])).rejects.toMatchObject({ title: "ZeroGPU quota exceeded" });
    client.close();
    const plain = await Client.connect(url);
    expect((await plain.predict("/upper", ["a"])).data).toEqual(["A"]);
    plain.close();
  });

  it("refuses a malformed fault header with 400", async () => {
    const { url } = variant({});
    const res = await fetch(`${url}/gradio_api/call/upper`, {
      method: "POST",
      headers: { [FAULTS_HEADER]: "explode=1" },
      body: JSON.stringify({ data: ["a"] }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/unknown fault "explode"/);
  });
});
