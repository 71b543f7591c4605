import "server-only";
import crypto from "node:crypto";
import pg from "pg";
import type { SlotRelease, SpaceSlots } from "@/lib/contracts/space-slots";
import { raceAbort } from "@/lib/platform/abort";
import { configValue } from "@/lib/platform/config";
import { processSingleton } from "@/lib/platform/singleton";
import { listen, signal } from "./signal";

// Per-Space slots across every process of a deployment, as PostgreSQL session advisory locks: slot i of Space s
// is the lock (hash(s), i). A process holds its slots on one connection of its own, so a worker that dies —
// SIGKILL included — loses its connection and with it every slot it held, at once: nothing to clean up, no
// lease to wait out. A waiter tries the slots, then sleeps until a release is signalled (or a short poll
// passes). Order among processes is not FIFO; within a process the Space client's limiter keeps it.

const CHANNEL = "vernissage_slots";
const POLL_MS = 250;

function spaceKey(space: string): number {
  return crypto.createHash("sha256").update(`vernissage-space-slot:${space.toLowerCase()}`).digest().readInt32BE(0);
}

class AdvisorySlots implements SpaceSlots {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  /** Locks this process holds ("key:slot"): a session lock is re-entrant, so one process must not take one twice. */
  private readonly held = new Set<string>();
  private readonly wakers = new Set<() => void>();
  private listening: Promise<unknown> | null = null;

  constructor(private readonly url: string) {}

  async acquire(space: string, limit: number, abort: AbortSignal): Promise<SlotRelease> {
    const key = spaceKey(space);
    this.listening ??= listen(CHANNEL, () => this.wakeAll()).catch((err: unknown) => {
      this.listening = null;
      console.warn(`vernissage: slot release signals unavailable (${String(err)}); polling`);
    });
    for (;;) {
      if (abort.aborted) throw abort.reason ?? new Error("aborted");
      const slot = await this.tryTake(key, limit);
      if (slot !== null) return this.releaser(key, slot);
      await raceAbort(this.nextWake(), abort);
    }
  }

  private async tryTake(key: number, limit: number): Promise<number | null> {
    const client = await this.connection();
    for (let slot = 0; slot < limit; slot++) {
      const id = `${key}:${slot}`;
      if (this.held.has(id)) continue;
      this.held.add(id); // reserved while asking, so a second local caller tries the next slot
      let ok = false;
      try {
        const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS ok", [key, slot]);
        ok = rows[0]?.ok === true;
      } finally {
        if (!ok) this.held.delete(id);
      }
      if (ok) return slot;
    }
    return null;
  }

  private releaser(key: number, slot: number): SlotRelease {
    const id = `${key}:${slot}`;
    const client = this.client;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.held.delete(id);
      this.wakeAll();
      if (!client || client !== this.client) return; // that connection is gone, and the lock with it
      void client
        .query("SELECT pg_advisory_unlock($1, $2)", [key, slot])
        .then(() => signal(CHANNEL, String(key)))
        .catch((err: unknown) => console.warn(`vernissage: could not release a Space slot: ${String(err)}`));
    };
  }

  private nextWake(): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, POLL_MS + Math.random() * POLL_MS);
      this.wakers.add(wake);
    });
  }

  private wakeAll(): void {
    for (const wake of [...this.wakers]) wake();
  }

  private async connection(): Promise<pg.Client> {
    if (this.client) return this.client;
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.url });
      const lost = () => {
        if (this.client !== client) return;
        // Every lock of this session is gone with it; the holders' releases become no-ops.
        this.client = null;
        this.held.clear();
        client.end().catch(() => {});
      };
      client.on("error", lost);
      client.on("end", lost);
      await client.connect();
      this.client = client;
      return client;
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.held.clear();
    await client?.end().catch(() => {});
  }
}

/** Slots on their own connection to `url` (each instance stands for one process). */
export function advisorySpaceSlots(url: string): SpaceSlots & { close(): Promise<void> } {
  return new AdvisorySlots(url);
}

/** The process's deployment-wide Space slots, or undefined in the embedded default (one process: nothing to share). */
export function databaseSpaceSlots(): SpaceSlots | undefined {
  const url = configValue("DATABASE_URL");
  if (!url) return undefined;
  return processSingleton("spaceSlots", () => new AdvisorySlots(url));
}
