// Builds a Space client against loopback servers for tests: hand-made SpaceEntries (a real Space's id and adapter,
// a loopback target), memory stores, short backoff, and an event log.
import type { EmittedEvent } from "@/lib/contracts/build-events";
import { loadSpaceClientConfig, type SpaceClientConfig } from "../config";
import { createSpaceClient, type SpaceClient, type SpaceClientDeps } from "../space-client";
import type { AdapterId, Capability, SpaceEntry } from "../types";
import { MemoryAssetStore, MemoryCallCache } from "./memory";

export function entry(key: string, target: string, capability: Capability | "custom", adapter: AdapterId, more: Partial<SpaceEntry> = {}): SpaceEntry {
  return { key, target, capability, adapter, builtin: false, zeroGpu: true, hf: false, ...more };
}

export interface TestSpaceClient {
  spaceClient: SpaceClient;
  assets: MemoryAssetStore;
  cache: MemoryCallCache;
  events: EmittedEvent[];
  emit: (e: EmittedEvent) => void;
  config: SpaceClientConfig;
}

export function testSpaceClient(
  spaces: Partial<Record<Capability, SpaceEntry[]>>,
  opts: { trusted?: string[]; config?: Partial<SpaceClientConfig>; deps?: Partial<SpaceClientDeps> } = {},
): TestSpaceClient {
  const base = loadSpaceClientConfig({});
  const config: SpaceClientConfig = {
    ...base,
    spaces: { "text-to-image": [], "image-to-3d": [], "image-to-splat": [], ...spaces },
    retry: { transientRetries: 2, baseDelayMs: 5, maxDelayMs: 20 },
    breaker: { failureThreshold: 3, coolDownMs: 60_000 },
    ...opts.config,
  };
  const assets = new MemoryAssetStore();
  const cache = new MemoryCallCache();
  const events: EmittedEvent[] = [];
  const spaceClient = createSpaceClient({ assets, cache, config, trustedBases: opts.trusted ?? [], ...opts.deps });
  return { spaceClient, assets, cache, events, emit: (e) => events.push(e), config };
}

export function eventsOf(events: EmittedEvent[], type: EmittedEvent["type"]): Record<string, unknown>[] {
  return events.filter((e) => e.type === type).map((e) => e.payload);
}
