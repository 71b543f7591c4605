// In-memory AssetStore and CallCache for tests: same contracts as the SQLite/file implementations.
import { createHash } from "node:crypto";
import type { AssetMediaType, AssetStore, StoredAsset } from "@/lib/contracts/asset-store";
import type { CachedCall, CallCache } from "../../contracts/call-cache";

export class MemoryAssetStore implements AssetStore {
  readonly items = new Map<string, { bytes: Buffer; meta: StoredAsset }>();
  puts = 0;
  async put(bytes: Uint8Array, mediaType: AssetMediaType): Promise<StoredAsset> {
    this.puts += 1;
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const meta: StoredAsset = { sha256, mediaType, bytes: bytes.byteLength };
    if (!this.items.has(sha256)) this.items.set(sha256, { bytes: Buffer.from(bytes), meta });
    return this.items.get(sha256)!.meta;
  }
  async get(sha256: string): Promise<Buffer | null> {
    return this.items.get(sha256)?.bytes ?? null;
  }
  async stat(sha256: string): Promise<StoredAsset | null> {
    return this.items.get(sha256)?.meta ?? null;
  }
}

export class MemoryCallCache implements CallCache {
  readonly items = new Map<string, CachedCall>();
  gets = 0;
  async get(key: string): Promise<CachedCall | null> {
    this.gets += 1;
    // A JSON round trip, as a persistent cache would do.
    const v = this.items.get(key);
    return v ? (JSON.parse(JSON.stringify(v)) as CachedCall) : null;
  }
  async put(key: string, value: CachedCall): Promise<void> {
    this.items.set(key, JSON.parse(JSON.stringify(value)) as CachedCall);
  }
}

/** A clock whose time only moves when told to; sleeps resolve as time passes. */
export class FakeClock {
  private t = 0;
  private timers: { at: number; resolve: () => void; reject: (e: unknown) => void; signal?: AbortSignal; onAbort?: () => void }[] = [];
  now = (): number => this.t;
  sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(new Error("aborted"));
      const timer = { at: this.t + Math.max(0, ms), resolve, reject, signal } as (typeof this.timers)[number];
      if (signal) {
        timer.onAbort = () => {
          this.timers = this.timers.filter((x) => x !== timer);
          reject(new Error("aborted"));
        };
        signal.addEventListener("abort", timer.onAbort, { once: true });
      }
      this.timers.push(timer);
    });
  /** Moves time forward, firing due timers in order (yielding between them so awaiting code runs). */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await flush();
      const due = this.timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((x) => x !== due);
      this.t = due.at;
      if (due.signal && due.onAbort) due.signal.removeEventListener("abort", due.onAbort);
      due.resolve();
    }
    this.t = end;
    await flush();
  }
  get pending(): number {
    return this.timers.length;
  }
}

export async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise<void>((r) => setImmediate(r));
}
