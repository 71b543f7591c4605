import "server-only";
import { config, readConfig, type ConfigName, type RawEnv } from "@/lib/platform/config";
import { defaultBreakerOptions, type BreakerOptions } from "./resilience/breaker";
import { builtinSpaces, defaultSpaceRefs, resolveSpaceRef, SpaceRefError } from "./catalog";
import { defaultRetryPolicy, type RetryPolicy } from "./resilience/retry";
import { capabilities, type Capability, type SpaceEntry } from "./types";

// The Space client's settings as one plain object: the Space lists resolved to catalogue entries, limits and
// policies over their defaults. The raw values come parsed from lib/platform/config.ts. Bad entries are
// reported in `warnings` and skipped rather than crashing the server: a typo in one fallback Space must not
// take the whole product down, and the warnings say exactly what was ignored.

export interface SpaceClientConfig {
  token?: string;
  builtinBase: string;
  allowedHosts: string[];
  spaces: Record<Capability, SpaceEntry[]>;
  /** Overrides by Space key, Hub id or built-in name (case-insensitive). */
  concurrency: Record<string, number>;
  /** Attempt time limits (ms) by capability, "custom", or Space key/name. */
  timeoutsMs: Record<string, number>;
  retry: RetryPolicy;
  breaker: BreakerOptions;
  warnings: string[];
}

export const defaultTimeoutsMs: Record<Capability | "custom", number> = {
  "text-to-image": 120_000,
  "image-to-3d": 480_000,
  "image-to-splat": 300_000,
  custom: 300_000,
};

/** Built-ins are CPU-cheap and run in-process; ZeroGPU Spaces run one job per user at a time. */
export const defaultConcurrency = { zeroGpu: 1, builtin: 4, other: 2 } as const;

const envName = {
  "text-to-image": "SPACES_TEXT_TO_IMAGE",
  "image-to-3d": "SPACES_IMAGE_TO_3D",
  "image-to-splat": "SPACES_IMAGE_TO_SPLAT",
} as const satisfies Record<Capability, ConfigName>;

/** The variables this reads: their bad values are among its warnings. */
const spaceClientVariables: ReadonlySet<ConfigName> = new Set<ConfigName>([
  "HF_TOKEN",
  "PORT",
  "BUILTIN_SPACES_URL",
  "SPACES_ALLOWED_HOSTS",
  "SPACE_CONCURRENCY",
  "SPACE_TIMEOUTS",
  "SPACE_RETRIES",
  "SPACE_RETRY_BASE_MS",
  "SPACE_BREAKER_THRESHOLD",
  "SPACE_BREAKER_COOLDOWN_S",
  ...Object.values(envName),
]);

/** The Space client's configuration from `env` (tests pass their own), by default the process's. */
export function loadSpaceClientConfig(env?: RawEnv): SpaceClientConfig {
  const e = env ? readConfig(env) : config();
  const warnings = e.warnings.filter((w) => spaceClientVariables.has(w.variable)).map((w) => w.message);

  const token = e.HF_TOKEN;
  const builtinBase = (e.BUILTIN_SPACES_URL ?? `http://127.0.0.1:${e.PORT}/spaces`).replace(/\/+$/, "");

  const spaces = {} as Record<Capability, SpaceEntry[]>;
  for (const capability of capabilities) {
    const configured = e[envName[capability]];
    const refs = configured ?? defaultSpaceRefs(capability, Boolean(token));
    const entries: SpaceEntry[] = [];
    for (const ref of refs) {
      try {
        const entry = resolveSpaceRef(ref, capability, builtinBase);
        if (!entries.some((x) => x.key === entry.key)) entries.push(entry);
      } catch (err) {
        warnings.push(`${envName[capability]}: ${err instanceof SpaceRefError ? err.message : String(err)} (skipped)`);
      }
    }
    if (configured && entries.length === 0) {
      warnings.push(`${envName[capability]} has no usable Space; using the defaults`);
      for (const ref of defaultSpaceRefs(capability, Boolean(token))) entries.push(resolveSpaceRef(ref, capability, builtinBase));
    }
    spaces[capability] = entries;
  }

  const timeoutsS = e.SPACE_TIMEOUTS ?? {};
  return {
    token,
    builtinBase,
    allowedHosts: e.SPACES_ALLOWED_HOSTS ?? [],
    spaces,
    concurrency: e.SPACE_CONCURRENCY ?? {},
    timeoutsMs: {
      ...defaultTimeoutsMs,
      ...Object.fromEntries(Object.entries(timeoutsS).map(([k, s]) => [k, Math.round(s * 1000)])),
    },
    retry: {
      ...defaultRetryPolicy,
      ...(e.SPACE_RETRIES !== undefined ? { transientRetries: e.SPACE_RETRIES } : {}),
      ...(e.SPACE_RETRY_BASE_MS !== undefined ? { baseDelayMs: e.SPACE_RETRY_BASE_MS } : {}),
    },
    breaker: {
      ...defaultBreakerOptions,
      ...(e.SPACE_BREAKER_THRESHOLD !== undefined ? { failureThreshold: e.SPACE_BREAKER_THRESHOLD } : {}),
      ...(e.SPACE_BREAKER_COOLDOWN_S !== undefined ? { coolDownMs: e.SPACE_BREAKER_COOLDOWN_S * 1000 } : {}),
    },
    warnings,
  };
}

/** Names a Space may be configured by: its key, its connect target, and for built-ins its bare name. */
function namesOf(entry: SpaceEntry): string[] {
  const names = [entry.key, entry.target];
  if (entry.builtin) {
    const path = entry.key.slice("builtin:".length);
    names.push(path);
    const base = Object.keys(builtinSpaces).find((n) => path.startsWith(n));
    if (base) names.push(base);
  }
  return names.map((n) => n.toLowerCase());
}

export function concurrencyFor(entry: SpaceEntry, config: Pick<SpaceClientConfig, "concurrency">): number {
  for (const n of namesOf(entry)) {
    const v = config.concurrency[n];
    if (v !== undefined) return v;
  }
  if (entry.builtin) return defaultConcurrency.builtin;
  return entry.zeroGpu ? defaultConcurrency.zeroGpu : defaultConcurrency.other;
}

export function timeoutFor(entry: SpaceEntry, config: Pick<SpaceClientConfig, "timeoutsMs">): number {
  for (const n of namesOf(entry)) {
    const v = config.timeoutsMs[n];
    if (v !== undefined) return v;
  }
  return config.timeoutsMs[entry.capability] ?? defaultTimeoutsMs[entry.capability];
}
