import { afterEach, describe, expect, it } from "vitest";
import { Sandbox, type HostTool } from "./sandbox";
import { SandboxSession } from "./session";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const opened: { dispose(): void }[] = [];
async function sandbox(tools: Record<string, HostTool> = {}, limits = {}) {
  const s = await Sandbox.create(tools, limits);
  opened.push(s);
  return s;
}
function session(tools: Record<string, HostTool> = {}, limits = {}) {
  const s = new SandboxSession(tools, limits);
  opened.push(s);
  return s;
}
afterEach(() => {
  opened.splice(0).forEach((s) => s.dispose());
});

describe("sandbox basics", () => {
  it("returns the last expression value and console output", async () => {
    const s = await sandbox();
    const r = await s.run(`console.log("hello", {a: 1}, [2]); const x = 40; x + 2`);
    expect(r.ok).toBe(true);
    expect(r.logs).toBe('hello {"a":1} [2]');
    expect(r.value).toBe("42");
    expect(r.poisoned).toBe(false);
  });

  it("supports top-level await and a top-level return", async () => {
    const s = await sandbox();
    expect((await s.run(`const v = await Promise.resolve(7); v * 6`)).value).toBe("42");
    expect((await s.run(`const a = 2; return a + 1;`)).value).toBe("3");
  });

  it("reports syntax errors and thrown errors precisely", async () => {
    const s = await sandbox();
    const syntax = await s.run(`const = 5`);
    expect(syntax.ok).toBe(false);
    expect(syntax.error).toMatch(/^SyntaxError/);
    const thrown = await s.run(`function f() { throw new TypeError("bad thing") }\nf()`);
    expect(thrown.error).toMatch(/^TypeError: bad thing/);
    expect(thrown.error).toMatch(/step\.js:1/);
    expect(thrown.poisoned).toBe(false);
    const nonError = await s.run(`throw {code: 3}`);
    expect(nonError.error).toContain('{"code":3}');
  });

  it("keeps top-level variables across steps, and redeclaring them is fine", async () => {
    const s = await sandbox();
    await s.run(`const results = [1, 2]; let count = 1; var v = "x"; function twice(n) { return n * 2 }; class K { hi() { return "hi" } }`);
    const r = await s.run(`const results2 = results.concat([3]); count += 1; [results2.length, count, v, twice(4), new K().hi()]`);
    expect(r.error).toBeUndefined();
    expect(r.value).toBe('[3,2,"x",8,"hi"]');
    const again = await s.run(`const results = "redeclared"; class K {}\n(results)`);
    expect(again.error).toBeUndefined();
    expect(again.value).toBe("redeclared");
  });

  it("truncates giant output and collapses recursion traces", async () => {
    const s = await sandbox();
    const r = await s.run(`for (let i = 0; i < 5000; i++) console.log("line " + i + " " + "x".repeat(100)); "x".repeat(1e6)`);
    expect(r.logs.length).toBeLessThan(7_000);
    expect(r.logs).toMatch(/more characters of output not shown/);
    expect(r.value!.length).toBeLessThan(2_200);
  });
});

describe("limits", () => {
  it("interrupts an infinite loop and drops the instance", async () => {
    const s = await sandbox({}, { cpuSliceMs: 200 });
    const t0 = Date.now();
    const r = await s.run(`while (true) {}`);
    // Causal bounds, not speed targets: without the limit these would never return.
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(r.limit).toBe("cpu");
    expect(r.error).toMatch(/interrupted/);
    expect(r.poisoned).toBe(true);
    expect(s.poisoned).toBe(true);
  });

  it("interrupts a loop that guest code tries to catch", async () => {
    const s = await sandbox({}, { cpuSliceMs: 200 });
    const r = await s.run(`let n = 0; try { while (true) { n++ } } catch (e) { "caught" }`);
    expect(r.limit).toBe("cpu");
  });

  it("interrupts an endless microtask chain", async () => {
    const s = await sandbox({}, { cpuSliceMs: 200 });
    const r = await s.run(`function spin() { return Promise.resolve().then(spin) } await spin()`);
    expect(r.limit).toBe("cpu");
  });

  it("stops a memory bomb quickly with out of memory", async () => {
    const s = await sandbox({}, { memoryMiB: 32 });
    const t0 = Date.now();
    const r = await s.run(`const a = []; while (true) a.push("x".repeat(1 << 16) + a.length)`);
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(r.limit).toBe("memory");
    expect(r.poisoned).toBe(true);
  });

  it("stops a recursion bomb with a compact trace", async () => {
    const s = await sandbox();
    const r = await s.run(`function r(n) { return r(n + 1) + 1 } r(0)`);
    expect(r.limit).toBe("stack");
    expect(r.error).toMatch(/stack overflow/);
    expect(r.error!.length).toBeLessThan(1_600);
    expect(r.poisoned).toBe(true);
  });

  it("ends a step that exceeds its wall-clock time and aborts its tool calls", async () => {
    let toolSignal: AbortSignal | null = null;
    const s = await sandbox({
      slow: async (_args, signal) => {
        toolSignal = signal;
        await new Promise((resolve) => signal.addEventListener("abort", resolve));
        return null;
      },
    });
    const r = await s.run(`await slow({})`, { timeoutMs: 150 });
    expect(r.limit).toBe("timeout");
    expect(r.poisoned).toBe(true);
    expect(toolSignal!.aborted).toBe(true);
  });

  it("detects a promise that can never settle", async () => {
    const s = await sandbox();
    const t0 = Date.now();
    const r = await s.run(`await new Promise(() => {}); "never"`);
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(r.limit).toBe("deadlock");
    expect(r.poisoned).toBe(false);
  });

  it("stops when the build's signal aborts", async () => {
    const controller = new AbortController();
    const s = await sandbox({ wait: async (_a, signal) => new Promise((_, reject) => signal.addEventListener("abort", () => reject(new Error("aborted")))) });
    setTimeout(() => controller.abort(), 50);
    const r = await s.run(`await wait({})`, { signal: controller.signal });
    expect(r.limit).toBe("aborted");
  });
});

describe("isolation", () => {
  const probes: [string, string][] = [
    ["typeof process", "undefined"],
    ["typeof require", "undefined"],
    ["typeof fetch", "undefined"],
    ["typeof setTimeout", "undefined"],
    ["typeof setInterval", "undefined"],
    ["typeof WebAssembly", "undefined"],
    ["typeof Buffer", "undefined"],
    ["typeof XMLHttpRequest", "undefined"],
    ["typeof std", "undefined"],
    ["typeof os", "undefined"],
    ["typeof module", "undefined"],
    ["typeof globalThis.global", "undefined"],
    [`({}).constructor.constructor("return typeof process")()`, "undefined"],
    [`Function("return typeof this.process")()`, "undefined"],
    [`(async function(){}).constructor("return typeof require")() instanceof Promise`, "true"],
    [`eval("typeof process")`, "undefined"],
    [`Object.getOwnPropertyNames(globalThis).filter(k => /process|require|import|host|__/.test(k)).join()`, ""],
  ];
  it.each(probes)("%s → %s", async (code, expected) => {
    const s = await sandbox({ ping: async () => "pong" });
    const r = await s.run(code);
    expect(r.error).toBeUndefined();
    expect(r.value ?? "").toBe(expected);
  });

  it("cannot import modules", async () => {
    const s = await sandbox();
    const dynamic = await s.run(`await import("node:fs")`);
    expect(dynamic.ok).toBe(false);
    const fromFile = await s.run(`await import("/etc/passwd")`);
    expect(fromFile.ok).toBe(false);
    const staticImport = await s.run(`import fs from "fs"; fs`);
    expect(staticImport.ok).toBe(false);
  });

  it("tool stubs and console expose only strings, never host objects", async () => {
    const s = await sandbox({ ping: async () => ({ pong: true }) });
    const r = await s.run(`[String(ping.constructor === (async function(){}).constructor), typeof console.log.call, Object.getPrototypeOf(console.log) === Function.prototype, JSON.stringify(await ping({}))]`);
    expect(r.value).toBe('["true","function",true,"{\\"pong\\":true}"]');
    const overwrite = await s.run(`ping = 1; var ping = 2; typeof ping`);
    expect(overwrite.value).toBe("function");
  });
});

describe("host tools", () => {
  it("runs tool calls concurrently under Promise.all", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const work: HostTool = async (args) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await sleep(50);
      inFlight--;
      return { echo: args };
    };
    const s = await sandbox({ work });
    const r = await s.run(`const out = await Promise.all([1,2,3,4].map(n => work({n}))); out.map(o => o.echo.n)`);
    expect(r.value).toBe("[1,2,3,4]");
    // All four were running at once (one after another would never exceed 1); the 4 × 50 ms of waiting was
    // not charged as guest CPU (it would be ≥ 200 ms if it were).
    expect(maxInFlight).toBe(4);
    expect(r.cpuMs).toBeLessThan(200);
  });

  it("turns a tool's error into a catchable guest Error with its message", async () => {
    const s = await sandbox({ fail: async () => { throw new Error("seed must be an integer") } });
    const caught = await s.run(`try { await fail({seed: 1.5}) } catch (e) { e.message }`);
    expect(caught.value).toBe("seed must be an integer");
    const uncaught = await s.run(`await fail({})`);
    expect(uncaught.error).toMatch(/^Error: seed must be an integer/);
  });

  it("rejects non-JSON arguments and extra arguments in the guest", async () => {
    const s = await sandbox({ t: async () => 1 });
    const circular = await s.run(`const o = {}; o.o = o; await t(o)`);
    expect(circular.error).toMatch(/plain JSON/);
    const two = await s.run(`await t({}, {})`);
    expect(two.error).toMatch(/one object argument/);
  });

  it("awaits tool calls the code forgot to await", async () => {
    const calls: unknown[] = [];
    const s = await sandbox({ record: async (a) => { await sleep(30); calls.push(a); return 1 } });
    const r = await s.run(`record({n: 1}); "done"`);
    expect(r.value).toBe("done");
    expect(r.lateToolCalls).toBe(1);
    expect(calls).toEqual([{ n: 1 }]);
  });

  it("refuses tool calls made outside a step (e.g. from toJSON during the state snapshot)", async () => {
    const calls: unknown[] = [];
    const s = session({ t: async (a) => { calls.push(a); return 1 } });
    const r = await s.run(`var sneaky = { toJSON() { t({ from: "snapshot" }).catch(() => {}); return "x" } }; 1`);
    expect(r.ok).toBe(true);
    expect((await s.run(`sneaky.toJSON()`)).value).toBe("x");
    expect(calls).toEqual([{ from: "snapshot" }]);
  });

  it("drops an instance whose state snapshot spins (a looping toJSON), keeping the last good state", async () => {
    const s = session({}, { cpuSliceMs: 100 });
    await s.run(`var kept = 1`);
    await s.run(`var trap = { toJSON() { while (true) {} } }`);
    const after = await s.run(`[typeof kept, typeof trap]`);
    expect(after.value).toBe('["number","undefined"]');
    expect(after.reset?.restored).toContain("kept");
  });

  it("refuses oversized tool arguments in the guest", async () => {
    const s = await sandbox({ t: async () => 1 });
    const r = await s.run(`await t({ blob: "x".repeat(300000) })`);
    expect(r.error).toMatch(/RangeError: t: arguments too large/);
  });

  it("a Promise.allSettled fan-out survives one failing chain", async () => {
    const s = await sandbox({
      draw: async (a) => {
        await sleep(20);
        if ((a as { n: number }).n === 2) throw new Error("Space is down");
        return { kind: "image", id: `img${(a as { n: number }).n}` };
      },
    });
    const r = await s.run(`const res = await Promise.allSettled([1,2,3].map(n => draw({n}))); res.map(x => x.status === "fulfilled" ? x.value.id : x.reason.message)`);
    expect(r.value).toBe('["img1","Space is down","img3"]');
  });
});

describe("session", () => {
  it("restores JSON globals and functions after a poisoned instance is dropped", async () => {
    const s = session({}, { cpuSliceMs: 200 });
    await s.run(`const plan = {n: 3, keys: ["a", "b"]}; let done = ["a"]; function label(k) { return "exhibit " + k }; const when = new Date(0)`);
    const bomb = await s.run(`while (true) {}`);
    expect(bomb.poisoned).toBe(true);
    const after = await s.run(`[plan.n, plan.keys.length, done[0], label("b")]`);
    expect(after.error).toBeUndefined();
    expect(after.value).toBe('[3,2,"a","exhibit b"]');
    expect(after.reset?.restored).toEqual(expect.arrayContaining(["plan", "done", "label", "when"]));
    expect(s.instances).toBe(2);
  });

  it("reports variables that could not be carried over", async () => {
    const s = session({}, { cpuSliceMs: 200 });
    await s.run(`const ok = 1; const cyclic = {}; cyclic.self = cyclic`);
    await s.run(`function r() { return r() } r()`);
    const after = await s.run(`typeof cyclic`);
    expect(after.reset?.lost).toContain("cyclic");
    expect(after.value).toBe("undefined");
  });

  it("keeps state in the same instance between clean steps", async () => {
    const s = session();
    await s.run(`var counter = 0`);
    for (let i = 0; i < 3; i++) await s.run(`counter++`);
    expect((await s.run(`counter`)).value).toBe("3");
    expect(s.instances).toBe(1);
  });
});

describe("overhead", () => {
  it("creates, runs a trivial snippet and disposes in a few milliseconds", async () => {
    const tools = { generate_image: async () => null, final_answer: async () => null };
    // Warm the compiled module once.
    (await Sandbox.create(tools)).dispose();
    const n = 40;
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const s = await Sandbox.create(tools);
      const r = await s.run(`1 + 1`);
      s.dispose();
      times.push(performance.now() - t0);
      expect(r.value).toBe("2");
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(n / 2)]!;
    console.info(`sandbox overhead per step: median ${median.toFixed(2)} ms, min ${times[0]!.toFixed(2)} ms`);
    // Loose bound: this machine's cores are shared; the median on an idle core is ~2–5 ms.
    expect(median).toBeLessThan(50);
  });
});
