// Builds a toolbox against loopback servers for tests: hand-made SpaceEntries (a real Space's id and adapter,
// a loopback target), memory stores, short backoff, and an event log.
import type { EmittedEvent } from "@/lib/contracts/build-events";
import { loadToolboxConfig, type ToolboxConfig } from "../config";
import { createToolbox, type Toolbox, type ToolboxDeps } from "../toolbox";
import type { AdapterId, Capability, SpaceEntry } from "../types";
import { MemoryAssetStore, MemoryCallCache } from "./memory";

export function entry(key: string, target: string, capability: Capability | "custom", adapter: AdapterId, more: Partial<SpaceEntry> = {}): SpaceEntry {
  return { key, target, capability, adapter, builtin: false, zeroGpu: true, hf: false, ...more };
}

export interface TestToolbox {
  toolbox: Toolbox;
  assets: MemoryAssetStore;
  cache: MemoryCallCache;
  events: EmittedEvent[];
  emit: (e: EmittedEvent) => void;
  config: ToolboxConfig;
}

export function testToolbox(
  spaces: Partial<Record<Capability, SpaceEntry[]>>,
  opts: { trusted?: string[]; config?: Partial<ToolboxConfig>; deps?: Partial<ToolboxDeps> } = {},
): TestToolbox {
  const base = loadToolboxConfig({});
  const config: ToolboxConfig = {
    ...base,
    spaces: { "text-to-image": [], "image-to-3d": [], "image-to-splat": [], ...spaces },
    retry: { transientRetries: 2, baseDelayMs: 5, maxDelayMs: 20 },
    breaker: { failureThreshold: 3, coolDownMs: 60_000 },
    ...opts.config,
  };
  const assets = new MemoryAssetStore();
  const cache = new MemoryCallCache();
  const events: EmittedEvent[] = [];
  const toolbox = createToolbox({ assets, cache, config, trustedBases: opts.trusted ?? [], ...opts.deps });
  return { toolbox, assets, cache, events, emit: (e) => events.push(e), config };
}

export function eventsOf(events: EmittedEvent[], type: EmittedEvent["type"]): Record<string, unknown>[] {
  return events.filter((e) => e.type === type).map((e) => e.payload);
}
