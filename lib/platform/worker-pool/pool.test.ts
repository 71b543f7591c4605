// The pool with a REAL worker thread (a .ts entry run through tsx), never in-process.
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { defaultPoolSize, WorkerPool, WorkerQueueFullError, WorkerTaskError } from "./pool";
import { TS_WORKER_EXEC_ARGV } from "./spawn";

const pools: WorkerPool[] = [];
function pool(size: number, maxQueued?: number): WorkerPool {
  const p = new WorkerPool({
    size,
    maxQueued,
    busyWith: "testing",
    createWorker: () => new Worker(new URL("./test-worker.ts", import.meta.url), { execArgv: TS_WORKER_EXEC_ARGV }),
  });
  pools.push(p);
  return p;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe("WorkerPool", () => {
  it("runs tasks in worker threads and transfers bytes both ways", async () => {
    const p = pool(1);
    const info = await p.run<{ isMainThread: boolean; threadId: number }>("threadInfo", null);
    expect(info.isMainThread).toBe(false);
    expect(info.threadId).toBeGreaterThan(0);
    const bytes = new Uint8Array([1, 2, 3, 4]).buffer;
    const out = await p.run<{ bytes: ArrayBuffer; received: number }>("reverse", { bytes }, { transfer: [bytes] });
    expect(bytes.byteLength).toBe(0); // transferred, not copied
    expect(out.received).toBe(4);
    expect([...new Uint8Array(out.bytes)]).toEqual([4, 3, 2, 1]);
  });

  it("bounds concurrency and queues the rest in order", async () => {
    const p = pool(2);
    const started = Date.now();
    const runs = [1, 2, 3, 4].map(() => p.run("sleep", { ms: 150 }));
    await new Promise((r) => setTimeout(r, 50));
    expect(p.stats()).toMatchObject({ workers: 2, busy: 2, queued: 2 });
    await Promise.all(runs);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("refuses at once when maxQueued tasks wait, and takes work again once they drain", async () => {
    const p = pool(1, 2);
    const accepted = [1, 2, 3].map(() => p.run("sleep", { ms: 100 })); // one running, two waiting
    expect(p.stats()).toMatchObject({ busy: 1, queued: 2 });
    const refused = p.run("threadInfo", null);
    await expect(refused).rejects.toBeInstanceOf(WorkerQueueFullError);
    await expect(refused).rejects.toThrow("The server is busy testing (2 waiting); try again in a moment");
    await Promise.all(accepted);
    expect(await p.run("threadInfo", null)).toMatchObject({ isMainThread: false });
  });

  it("tells input errors from engine errors", async () => {
    const p = pool(1);
    await expect(p.run("refuse", null)).rejects.toMatchObject({ failure: "input", message: "bad input, fix it", remoteName: "TestInputError" });
    await expect(p.run("fail", null)).rejects.toMatchObject({ failure: "engine", message: "engine broke" });
    expect(p.stats().workers).toBe(1); // a failed task does not cost the worker
  });

  it("replaces a crashed worker and fails only its task", async () => {
    const p = pool(1);
    await expect(p.run("crash", null)).rejects.toMatchObject({ failure: "crashed", message: expect.stringMatching(/worker blew up/) });
    await expect(p.run("exit", null)).rejects.toMatchObject({ failure: "crashed", message: expect.stringMatching(/exit code 3/) });
    const info = await p.run<{ isMainThread: boolean }>("threadInfo", null);
    expect(info.isMainThread).toBe(false);
  });

  it("drops a queued task on abort and terminates a running one", async () => {
    const p = pool(1);
    const running = new AbortController();
    const queued = new AbortController();
    const a = p.run("sleep", { ms: 5000 }, { signal: running.signal });
    const b = p.run("sleep", { ms: 5000 }, { signal: queued.signal });
    await new Promise((r) => setTimeout(r, 100));
    queued.abort();
    await expect(b).rejects.toBeInstanceOf(WorkerTaskError);
    const t = Date.now();
    running.abort();
    await expect(a).rejects.toMatchObject({ failure: "aborted" });
    // Well before the 5 s task would have ended on its own: the worker was stopped.
    expect(Date.now() - t).toBeLessThan(4000);
    expect(await p.run("threadInfo", null)).toMatchObject({ isMainThread: false });
  });

  it("sizes itself from the core count or BUILTIN_SPACE_WORKERS", () => {
    expect(defaultPoolSize(2, undefined)).toBe(1);
    expect(defaultPoolSize(1, undefined)).toBe(1);
    expect(defaultPoolSize(16, undefined)).toBe(4);
    expect(defaultPoolSize(2, "3")).toBe(3);
    expect(defaultPoolSize(2, "zero")).toBe(1);
  });
});
