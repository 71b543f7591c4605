import "server-only";
import type { BreakerState } from "./resilience/breaker";
import { CircuitBreaker } from "./resilience/breaker";
import { SpaceClientError } from "./call-runner";
import { resolveSpaceRef } from "./catalog";
import type { Clock } from "./clock";
import { concurrencyFor, type SpaceClientConfig } from "./config";
import { Limiter } from "./resilience/limiter";
import type { CallOptions, Capability, SpaceEntry } from "./types";

// The Spaces this client has met (the configured ones, and any a swap or a discovered tool named since) and
// each one's breaker and limiter. They live as long as the client, which is why there is ONE client per
// process: a Space failing for one build is skipped by the next, and one ZeroGPU slot is shared by all.

export interface SpaceHealth {
  space: string;
  capability: Capability | "custom";
  breaker: BreakerState;
  running: number;
  waiting: number;
  limit: number;
}

export class SpaceRegistry {
  private readonly known = new Map<string, SpaceEntry>();
  private readonly breakers = new Map<string, CircuitBreaker>();
  private readonly limiters = new Map<string, Limiter>();

  constructor(
    private readonly config: SpaceClientConfig,
    private readonly clock: Clock,
  ) {
    for (const list of Object.values(config.spaces)) for (const e of list) this.known.set(e.key, e);
  }

  /** The Spaces a capability call tries, in order. */
  candidates(capability: Capability, opts: CallOptions): SpaceEntry[] {
    if (!opts.space) return [...this.config.spaces[capability]];
    // A swap names one Space: its result or its error, never another Space's (cached or fresh) in its place.
    return [this.entryFor(opts.space, capability)];
  }

  /** The entry for a Space named by id, URL or built-in name; a reference that names no Space is an input error. */
  entryFor(ref: string, capability: Capability | "custom"): SpaceEntry {
    let entry: SpaceEntry;
    try {
      entry = resolveSpaceRef(ref, capability, this.config.builtinBase);
    } catch (e) {
      throw new SpaceClientError(e instanceof Error ? e.message : String(e), "input", []);
    }
    if (!this.known.has(entry.key)) this.known.set(entry.key, entry);
    return entry;
  }

  breakerFor(e: SpaceEntry): CircuitBreaker {
    let b = this.breakers.get(e.key);
    if (!b) this.breakers.set(e.key, (b = new CircuitBreaker(this.clock, this.config.breaker)));
    return b;
  }

  limiterFor(e: SpaceEntry): Limiter {
    let l = this.limiters.get(e.key);
    if (!l) this.limiters.set(e.key, (l = new Limiter(concurrencyFor(e, this.config))));
    return l;
  }

  health(): SpaceHealth[] {
    return [...this.known.values()].map((e) => {
      const l = this.limiterFor(e);
      return { space: e.key, capability: e.capability, breaker: this.breakerFor(e).current(), running: l.running, waiting: l.waiting, limit: l.limit };
    });
  }
}
