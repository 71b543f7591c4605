import { describe, expect, it } from "vitest";
import { Limiter } from "./limiter";
import { flush } from "../testing/memory";

/** A one-slot limiter whose slot is taken; `release` frees it. */
async function fullLimiter() {
  const limiter = new Limiter(1);
  return { limiter, release: await limiter.acquire() };
}

describe("Limiter", () => {
  it("runs at most N at once and serves waiters strictly first-in, first-out", async () => {
    const limiter = new Limiter(2);
    const order: number[] = [];
    const releases: (() => void)[] = [];
    const queued: number[] = [];
    const all = Array.from({ length: 6 }, (_, i) =>
      limiter.acquire(undefined, (pos) => queued.push(pos)).then((release) => {
        order.push(i);
        releases[i] = release;
      }),
    );
    await flush();
    expect(order).toEqual([0, 1]);
    expect(limiter.running).toBe(2);
    expect(limiter.waiting).toBe(4);
    expect(queued).toEqual([1, 2, 3, 4]);
    releases[1]!();
    await flush();
    expect(order).toEqual([0, 1, 2]);
    releases[0]!();
    releases[2]!();
    await flush();
    expect(order).toEqual([0, 1, 2, 3, 4]);
    releases[3]!();
    releases[4]!();
    await Promise.all(all);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("a newcomer never overtakes a waiter, even when a slot frees at the same moment", async () => {
    const { limiter, release: r0 } = await fullLimiter();
    const got: string[] = [];
    const waiting = limiter.acquire().then((r) => {
      got.push("waiter");
      return r;
    });
    r0();
    const late = limiter.acquire().then((r) => {
      got.push("late");
      return r;
    });
    (await waiting)();
    (await late)();
    expect(got).toEqual(["waiter", "late"]);
  });

  it("serves waiters by arrival (ticket), not by when they got round to asking, and says who moved back", async () => {
    const { limiter, release: r0 } = await fullLimiter();
    const b = limiter.ticket(); // b arrives first, but is still uploading…
    const c = limiter.ticket();
    const got: string[] = [];
    const positions: string[] = [];
    const cWaits = limiter.acquire(undefined, (pos) => positions.push(`c${pos}`), c).then((r) => (got.push("c"), r));
    const bWaits = limiter.acquire(undefined, (pos) => positions.push(`b${pos}`), b).then((r) => (got.push("b"), r));
    expect(positions).toEqual(["c1", "b1", "c2"]);
    r0();
    (await bWaits)();
    (await cWaits)();
    expect(got).toEqual(["b", "c"]);
  });

  it("tells every waiter its new place as the line moves up, as Gradio's estimation messages do", async () => {
    const { limiter, release: r0 } = await fullLimiter();
    const places: string[] = [];
    const waits = ["b", "c", "d"].map((name) => limiter.acquire(undefined, (pos) => places.push(`${name}${pos}`)));
    expect(places).toEqual(["b1", "c2", "d3"]);
    places.length = 0;
    r0();
    const rb = await waits[0]!;
    expect(places).toEqual(["c1", "d2"]);
    places.length = 0;
    rb();
    const rc = await waits[1]!;
    expect(places).toEqual(["d1"]);
    places.length = 0;
    rc();
    (await waits[2]!)();
    expect(places).toEqual([]);
  });

  it("does not hold a free slot for an earlier ticket that has not asked yet", async () => {
    const limiter = new Limiter(1);
    limiter.ticket(); // arrived, never asks (its attempt failed while connecting)
    const release = await limiter.acquire();
    expect(limiter.running).toBe(1);
    release();
  });

  it("release is idempotent", async () => {
    const { limiter, release } = await fullLimiter();
    release();
    release();
    expect(limiter.running).toBe(0);
    const r2 = await limiter.acquire();
    expect(limiter.running).toBe(1);
    r2();
  });

  it("an aborted waiter leaves the line and rejects; the others keep their order", async () => {
    const { limiter, release: r0 } = await fullLimiter();
    const ac = new AbortController();
    const a = limiter.acquire(ac.signal);
    const b = limiter.acquire();
    ac.abort(new Error("cancelled by user"));
    await expect(a).rejects.toThrow("cancelled by user");
    expect(limiter.waiting).toBe(1);
    r0();
    const rb = await b;
    expect(limiter.running).toBe(1);
    rb();
  });

  it("rejects at once when already aborted", async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(new Limiter(1).acquire(ac.signal)).rejects.toMatchObject({ kind: "aborted" });
  });
});
