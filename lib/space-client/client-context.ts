import "server-only";
import type { AssetStore } from "@/lib/contracts/asset-store";
import type { CallCache } from "@/lib/contracts/call-cache";
import type { SpaceSlots } from "@/lib/contracts/space-slots";
import { cacheKey } from "./cache-key";
import { runWithFallback, type RunSpec } from "./call-runner";
import { systemClock, type Clock, type Random } from "./clock";
import { loadSpaceClientConfig, timeoutFor, type SpaceClientConfig } from "./config";
import { SpaceConnections, type ConnectFn } from "./connection";
import { HandOffs } from "./hand-off";
import { SpaceRegistry } from "./space-registry";
import type { CallOptions, SpaceEntry } from "./types";
import type { LookupFn, UrlGuardOptions } from "./url-guard";
import { defaultGlbLimits, type GlbLimits } from "./validate/glb";
import { defaultImageLimits, type ImageLimits } from "./validate/image";
import { defaultPlyLimits, type PlyLimits } from "./validate/ply";

// What every kind of call shares: the stores, the clock, the URL guard, the pooled connections, the per-Space
// breakers and limiters, the output limits. Built once per client from its deps; the call modules
// (capability-calls.ts, discovered-calls.ts) take it as their first argument.

export interface SpaceClientDeps {
  assets: AssetStore;
  cache: CallCache;
  /** Per-Space slots shared with other processes (PostgreSQL deployments); none in the embedded default. */
  slots?: SpaceSlots;
  /** Catalogue, limits and policies; default: read from the environment (config.ts). */
  config?: SpaceClientConfig;
  /** Overrides config.token (HF_TOKEN). Sent only to Hugging Face hosts. */
  token?: string;
  /** Used for file downloads and agents.md; default global fetch. */
  fetchImpl?: typeof fetch;
  clock?: Clock;
  random?: Random;
  /** Replaces Client.connect (tests). */
  connect?: ConnectFn;
  /** DNS resolution for the URL guard (tests). */
  lookup?: LookupFn;
  /** Extra trusted base URLs, e.g. loopback replay servers in tests. Never set from user input. */
  trustedBases?: string[];
  limits?: { image?: Partial<ImageLimits>; glb?: Partial<GlbLimits>; ply?: Partial<PlyLimits> };
}

export interface ClientContext {
  readonly config: SpaceClientConfig;
  readonly token?: string;
  readonly assets: AssetStore;
  readonly cache: CallCache;
  readonly slots?: SpaceSlots;
  readonly fetchImpl: typeof fetch;
  readonly clock: Clock;
  readonly random: Random;
  readonly guard: UrlGuardOptions;
  readonly connections: SpaceConnections;
  readonly spaces: SpaceRegistry;
  /** Pictures a built-in Space serves, for a built-in 3D Space to read by URL (hand-off.ts). */
  readonly handOffs: HandOffs;
  readonly limits: { image: ImageLimits; glb: GlbLimits; ply: PlyLimits };
}

export function clientContext(deps: SpaceClientDeps): ClientContext {
  const config = deps.config ?? loadSpaceClientConfig();
  if (!deps.config) for (const w of config.warnings) console.warn(`[spaces] ${w}`);
  const token = deps.token ?? config.token;
  const clock = deps.clock ?? systemClock;
  const guard: UrlGuardOptions = {
    builtinBase: config.builtinBase,
    allowedHosts: config.allowedHosts,
    ...(deps.trustedBases ? { trustedBases: deps.trustedBases } : {}),
    ...(deps.lookup ? { lookup: deps.lookup } : {}),
  };
  return {
    config,
    ...(token ? { token } : {}),
    assets: deps.assets,
    cache: deps.cache,
    ...(deps.slots ? { slots: deps.slots } : {}),
    fetchImpl: deps.fetchImpl ?? fetch,
    clock,
    random: deps.random ?? Math.random,
    guard,
    connections: new SpaceConnections({ ...(token ? { token } : {}), guard, ...(deps.connect ? { connect: deps.connect } : {}) }),
    spaces: new SpaceRegistry(config, clock),
    handOffs: new HandOffs(),
    limits: {
      image: { ...defaultImageLimits, ...deps.limits?.image },
      glb: { ...defaultGlbLimits, ...deps.limits?.glb },
      ply: { ...defaultPlyLimits, ...deps.limits?.ply },
    },
  };
}

/** Runs one logical call across its candidate Spaces with this client's cache, policies, breakers and limiters. */
export function runCall<T>(ctx: ClientContext, spec: RunSpec<T>, opts: CallOptions) {
  return runWithFallback(spec, opts, {
    cache: ctx.cache,
    clock: ctx.clock,
    random: ctx.random,
    retry: ctx.config.retry,
    breaker: (e) => ctx.spaces.breakerFor(e),
    limiter: (e) => ctx.spaces.limiterFor(e),
    ...(ctx.slots ? { slots: ctx.slots } : {}),
    timeoutMs: (e) => timeoutFor(e, ctx.config),
    onApiChanged: (e) => ctx.connections.invalidate(e),
  });
}

/** The cache key of a call on `entry`: its endpoint at the mapping's version, its inputs, its input files. */
export function callKey(entry: SpaceEntry, endpoint: string, version: number, inputs: Record<string, unknown>, files: string[]): string {
  return cacheKey({ space: entry.key.toLowerCase(), endpoint: `${endpoint}@${version}`, inputs, files });
}
