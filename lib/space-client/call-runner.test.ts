// The resilience policy in isolation: fake Spaces (attempt functions), a recording clock, deterministic jitter.
import { describe, expect, it } from "vitest";
import type { EmittedEvent } from "@/lib/contracts/build-events";
import { CircuitBreaker } from "./resilience/breaker";
import type { Clock } from "./clock";
import { SpaceError } from "./errors";
import { Limiter } from "./resilience/limiter";
import { runWithFallback, SpaceClientError, type AttemptContext, type RunSpec, type RunnerDeps } from "./call-runner";
import { MemoryCallCache } from "./testing/memory";
import { entry } from "./testing/space-client";
import type { SpaceEntry } from "./types";

/** Sleeps resolve at once (recording the delay) unless they are attempt time limits (≥ 1 h here). */
function recordingClock(): Clock & { delays: number[] } {
  let t = 0;
  const delays: number[] = [];
  return {
    delays,
    now: () => t,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (ms >= 3_600_000) {
          signal?.addEventListener("abort", () => reject(new Error("stopped")), { once: true });
          return;
        }
        delays.push(ms);
        t += ms;
        setImmediate(resolve);
      }),
  };
}

const A = entry("space/a", "https://a.hf.space", "text-to-image", "generic");
const B = entry("space/b", "https://b.hf.space", "text-to-image", "generic");

function harness(opts: { timeoutMs?: number; clock?: Clock; concurrency?: number } = {}) {
  const clock = opts.clock ?? recordingClock();
  const breakers = new Map<string, CircuitBreaker>();
  const limiters = new Map<string, Limiter>();
  const cache = new MemoryCallCache();
  const events: EmittedEvent[] = [];
  const deps: RunnerDeps = {
    cache,
    clock,
    random: () => 0.5,
    retry: { transientRetries: 2, baseDelayMs: 1000, maxDelayMs: 8000 },
    breaker: (e) => breakers.get(e.key) ?? breakers.set(e.key, new CircuitBreaker(clock, { failureThreshold: 3, coolDownMs: 30_000 })).get(e.key)!,
    limiter: (e) => limiters.get(e.key) ?? limiters.set(e.key, new Limiter(opts.concurrency ?? 1)).get(e.key)!,
    timeoutMs: () => opts.timeoutMs ?? 3_600_000,
  };
  return { deps, cache, events, emit: (e: EmittedEvent) => events.push(e), breakers, clock };
}

/** A spec whose Spaces behave as scripted: each call of `script[key]` returns or throws. */
function spec(candidates: SpaceEntry[], script: Record<string, (n: number, ctx: AttemptContext) => Promise<string>>, cacheable = false): RunSpec<string> & { count: Record<string, number> } {
  const count: Record<string, number> = {};
  return {
    count,
    capability: "text-to-image",
    candidates,
    plan: (e) => ({ endpoint: "/infer", inputs: { prompt: "p", seed: 1 }, cacheKey: cacheable ? `k:${e.key}` : null }),
    fromCache: async (_e, c) => (typeof c.outputs[0] === "string" ? c.outputs[0] : null),
    attempt: async (e, _p, ctx) => {
      await ctx.acquireSlot();
      count[e.key] = (count[e.key] ?? 0) + 1;
      const value = await script[e.key]!(count[e.key]!, ctx);
      return { value, outputs: [value] };
    },
    summary: (v) => ({ outputs: [v] }),
  };
}

const types = (events: EmittedEvent[]) => events.map((e) => e.type);

describe("runWithFallback", () => {
  it("retries transient faults with growing jittered delays, then succeeds", async () => {
    const h = harness();
    const s = spec([A, B], {
      [A.key]: async (n) => {
        if (n < 3) throw new Error("This application is currently busy. Please try again. ");
        return "img";
      },
      [B.key]: async () => "b",
    });
    const out = await runWithFallback(s, { emit: h.emit, exhibit: "e1" }, h.deps);
    expect(out.value).toBe("img");
    expect(out.calls).toEqual([expect.objectContaining({ space: A.key, attempts: 3, ok: true, cached: false })]);
    expect((h.clock as ReturnType<typeof recordingClock>).delays).toEqual([750, 1500]);
    const retried = h.events.filter((e) => e.type === "tool.retried").map((e) => e.payload);
    expect(retried).toEqual([
      expect.objectContaining({ space: A.key, attempt: 2, delayMs: 750, kind: "transient", exhibit: "e1" }),
      expect.objectContaining({ attempt: 3, delayMs: 1500 }),
    ]);
    expect(types(h.events).at(-1)).toBe("tool.done");
  });

  it("does not retry a ZeroGPU quota error: falls back at once and trips the breaker for the time the message gives", async () => {
    const h = harness();
    const s = spec([A, B], {
      [A.key]: async () => {
        throw Object.assign(new Error("You have exceeded your free ZeroGPU quota (120s requested vs. 44s left). Try again in 1:00:00."), { title: "ZeroGPU quota exceeded" });
      },
      [B.key]: async () => "b",
    });
    const out = await runWithFallback(s, { emit: h.emit }, h.deps);
    expect(out.value).toBe("b");
    expect(s.count[A.key]).toBe(1);
    expect(out.calls.map((c) => [c.space, c.attempts, c.ok])).toEqual([
      [A.key, 1, false],
      [B.key, 1, true],
    ]);
    expect(h.events.filter((e) => e.type === "tool.retried")).toHaveLength(0);
    expect(h.events.find((e) => e.type === "tool.fellback")?.payload).toMatchObject({ from: A.key, to: B.key, kind: "quota" });
    expect(h.breakers.get(A.key)!.current()).toBe("open");
    expect(h.breakers.get(A.key)!.retryInMs()).toBe(3_600_000);

    // The next call skips A without touching it.
    const again = await runWithFallback(s, {}, h.deps);
    expect(s.count[A.key]).toBe(1);
    expect(again.calls[0]).toMatchObject({ space: A.key, attempts: 0, ok: false, error: expect.stringMatching(/^Skipped: space\/a is failing/) });
  });

  it.each([
    ["input", Object.assign(new Error("Value 9999 is greater than maximum 2048"), { code: "validation_error" })],
    ["api", new Error('No endpoint matching "/infer" was found.')],
    ["unavailable", new Error('Space "space/a" could not be accessed (received a 404 response from the Hugging Face API).')],
  ])("does not retry a permanent %s error", async (kind, error) => {
    const h = harness();
    const s = spec([A, B], { [A.key]: async () => Promise.reject(error), [B.key]: async () => "b" });
    const out = await runWithFallback(s, { emit: h.emit }, h.deps);
    expect(s.count[A.key]).toBe(1);
    expect(h.events.find((e) => e.type === "tool.fellback")?.payload).toMatchObject({ kind });
    expect(out.value).toBe("b");
  });

  it("retries a malformed output once, then falls back", async () => {
    const h = harness();
    const s = spec([A, B], {
      [A.key]: async () => {
        throw new SpaceError("malformed", "The GLB is truncated: its header says 9000 bytes, 120 arrived");
      },
      [B.key]: async () => "b",
    });
    const out = await runWithFallback(s, { emit: h.emit }, h.deps);
    expect(s.count[A.key]).toBe(2);
    expect(out.calls[0]).toMatchObject({ attempts: 2, ok: false, error: expect.stringMatching(/truncated/) });
    expect(types(h.events)).toEqual(["tool.retried", "tool.fellback", "tool.done"]);
  });

  it("opens the breaker after 3 consecutive failures and stops retrying a Space whose circuit just opened", async () => {
    const h = harness();
    const s = spec([A, B], { [A.key]: async () => Promise.reject(new Error("Connection errored out. ")), [B.key]: async () => "b" });
    await runWithFallback(s, {}, h.deps);
    expect(s.count[A.key]).toBe(3);
    expect(h.breakers.get(A.key)!.current()).toBe("open");
    const out = await runWithFallback(s, {}, h.deps);
    expect(s.count[A.key]).toBe(3);
    expect(out.calls[0]).toMatchObject({ attempts: 0, ok: false });
  });

  it("reports every Space when all fail", async () => {
    const h = harness();
    const s = spec([A, B], {
      [A.key]: async () => Promise.reject(new Error("Parameter `x` is not a valid keyword argument.")),
      [B.key]: async () => Promise.reject(new Error("You have exceeded your GPU quota (60s requested vs. 56s left).")),
    });
    const err = (await runWithFallback(s, { emit: h.emit }, h.deps).catch((e: unknown) => e)) as SpaceClientError;
    expect(err).toBeInstanceOf(SpaceClientError);
    expect(err.kind).toBe("quota");
    expect(err.calls.map((c) => c.space)).toEqual([A.key, B.key]);
    expect(err.message).toMatch(/Every text-to-image Space failed — space\/a: .*space\/b: Your ZeroGPU quota is used up/);
    expect(h.events.at(-1)).toMatchObject({ type: "tool.failed", payload: { kind: "quota" } });
  });

  it("times an attempt out, cancels it (its signal fires), retries, then falls back", async () => {
    const h = harness({ timeoutMs: 30, clock: { now: () => Date.now(), sleep: (ms, signal) => new Promise((r, j) => { const t = setTimeout(r, ms); signal?.addEventListener("abort", () => { clearTimeout(t); j(new Error("stop")); }); }) } });
    h.deps.retry = { transientRetries: 1, baseDelayMs: 1, maxDelayMs: 2 };
    let cancelled = 0;
    const s = spec([A, B], {
      [A.key]: (_n, ctx) =>
        new Promise<string>((_r, reject) => {
          ctx.signal.addEventListener("abort", () => {
            cancelled += 1;
            reject(new Error("aborted by signal"));
          });
        }),
      [B.key]: async () => "b",
    });
    const out = await runWithFallback(s, { emit: h.emit }, h.deps);
    expect(out.value).toBe("b");
    expect(cancelled).toBe(2);
    expect(out.calls[0]).toMatchObject({ attempts: 2, ok: false, error: expect.stringMatching(/No answer from space\/a within 30 ms/) });
    expect(h.events.find((e) => e.type === "tool.retried")?.payload).toMatchObject({ kind: "timeout" });
  });

  it("restarts the time limit when the attempt says the Space is alive (keepAlive, on each MCP progress)", async () => {
    const realClock: Clock = { now: () => Date.now(), sleep: (ms, signal) => new Promise((r, j) => { const t = setTimeout(r, ms); signal?.addEventListener("abort", () => { clearTimeout(t); j(new Error("stop")); }); }) };
    const h = harness({ timeoutMs: 80, clock: realClock });
    const s = spec([A], {
      // 240 ms of work, three times the limit, with a sign of life every 20 ms.
      [A.key]: async (_n, ctx) => {
        for (let i = 0; i < 12; i++) {
          await new Promise((r) => setTimeout(r, 20));
          ctx.keepAlive();
        }
        return "slow but alive";
      },
    });
    expect((await runWithFallback(s, { emit: h.emit }, h.deps)).value).toBe("slow but alive");
    const silent = spec([A], { [A.key]: () => new Promise<string>((r) => setTimeout(() => r("too late"), 240)) });
    await expect(runWithFallback(silent, { emit: h.emit }, { ...h.deps, retry: { transientRetries: 0, baseDelayMs: 1, maxDelayMs: 1 } })).rejects.toThrow(/within 80 ms/);
  });

  it("stops everything when the caller aborts: no fallback, a SpaceClientError of kind aborted", async () => {
    const h = harness();
    const ac = new AbortController();
    const s = spec([A, B], {
      [A.key]: (_n, ctx) =>
        new Promise<string>((_r, reject) => {
          ctx.signal.addEventListener("abort", () => reject(new Error("x")));
          setTimeout(() => ac.abort(new Error("Build cancelled")), 5);
        }),
      [B.key]: async () => "b",
    });
    const err = (await runWithFallback(s, { signal: ac.signal, emit: h.emit }, h.deps).catch((e: unknown) => e)) as SpaceClientError;
    expect(err.kind).toBe("aborted");
    expect(err.message).toBe("Build cancelled");
    expect(s.count[B.key]).toBeUndefined();
    expect(types(h.events)).toEqual(["tool.failed"]);
  });

  it("serves a cached result with no attempt at all, from whichever Space produced it", async () => {
    const h = harness();
    const s = spec([A, B], { [A.key]: async () => Promise.reject(new Error("You have exceeded your GPU quota")), [B.key]: async () => "from-b" }, true);
    await runWithFallback(s, {}, h.deps);
    const again = await runWithFallback(s, { emit: h.emit }, h.deps);
    expect(again).toMatchObject({ value: "from-b", cached: true });
    expect(again.calls).toEqual([expect.objectContaining({ space: B.key, cached: true, attempts: 0, ok: true })]);
    expect(s.count).toEqual({ [A.key]: 1, [B.key]: 1 });
    expect(h.events).toEqual([expect.objectContaining({ type: "tool.done", payload: expect.objectContaining({ cached: true }) })]);
    // bypassCache re-runs (and re-caches).
    await runWithFallback(s, { bypassCache: true }, h.deps);
    expect(s.count[B.key]).toBe(2);
  });

  it("queues callers FIFO on a busy Space and says so (tool.queued)", async () => {
    const h = harness({ concurrency: 1 });
    const gates: (() => void)[] = [];
    const order: number[] = [];
    let n = 0;
    const s = spec([A], {
      [A.key]: () => {
        const me = ++n;
        return new Promise<string>((resolve) => gates.push(() => {
          order.push(me);
          resolve(`r${me}`);
        }));
      },
    });
    const calls = [1, 2, 3].map((i) => runWithFallback(s, { emit: h.emit, exhibit: `e${i}` }, h.deps));
    await new Promise((r) => setTimeout(r, 10));
    expect(gates).toHaveLength(1);
    const queued = h.events.filter((e) => e.type === "tool.queued").map((e) => e.payload);
    expect(queued).toEqual([
      expect.objectContaining({ exhibit: "e2", position: 1, running: 1, limit: 1 }),
      expect.objectContaining({ exhibit: "e3", position: 2 }),
    ]);
    for (let i = 0; i < 3; i++) {
      gates[i]!();
      await new Promise((r) => setTimeout(r, 5));
    }
    expect((await Promise.all(calls)).map((c) => c.value)).toEqual(["r1", "r2", "r3"]);
    expect(order).toEqual([1, 2, 3]);
  });

  it("fails clearly when no Space is configured", async () => {
    const h = harness();
    await expect(runWithFallback(spec([], {}), {}, h.deps)).rejects.toThrow(/No Space is configured for text-to-image/);
  });
});
