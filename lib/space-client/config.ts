import "server-only";
import { z } from "zod";
import { defaultBreakerOptions, type BreakerOptions } from "./resilience/breaker";
import { builtinSpaces, defaultSpaceRefs, resolveSpaceRef, SpaceRefError } from "./catalog";
import { defaultRetryPolicy, type RetryPolicy } from "./resilience/retry";
import { capabilities, type Capability, type SpaceEntry } from "./types";

// Reads the toolbox's environment once into a plain, validated object. Bad entries are reported in
// `warnings` and skipped rather than crashing the server: a typo in one fallback Space must not take the
// whole product down, and the warnings say exactly what was ignored.

export interface ToolboxConfig {
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

const envName: Record<Capability, string> = {
  "text-to-image": "SPACES_TEXT_TO_IMAGE",
  "image-to-3d": "SPACES_IMAGE_TO_3D",
  "image-to-splat": "SPACES_IMAGE_TO_SPLAT",
};

const positiveInt = z.coerce.number().int().positive();
const envSchema = z.object({
  HF_TOKEN: z.string().trim().optional(),
  PORT: z.string().trim().optional(),
  BUILTIN_SPACES_URL: z.url({ protocol: /^https?$/ }).optional(),
  SPACES_ALLOWED_HOSTS: z.string().optional(),
  SPACE_CONCURRENCY: z.string().optional(),
  SPACE_TIMEOUTS: z.string().optional(),
  SPACE_RETRIES: z.coerce.number().int().min(0).max(10).optional(),
  SPACE_RETRY_BASE_MS: positiveInt.optional(),
  SPACE_BREAKER_THRESHOLD: positiveInt.optional(),
  SPACE_BREAKER_COOLDOWN_S: positiveInt.optional(),
  SPACES_TEXT_TO_IMAGE: z.string().optional(),
  SPACES_IMAGE_TO_3D: z.string().optional(),
  SPACES_IMAGE_TO_SPLAT: z.string().optional(),
});

type Env = Record<string, string | undefined>;

export function loadToolboxConfig(env: Env = process.env): ToolboxConfig {
  const warnings: string[] = [];
  // Empty strings mean "unset" (a blank line in .env), not "invalid".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = envSchema.safeParse(cleaned);
  let e: z.infer<typeof envSchema>;
  if (parsed.success) {
    e = parsed.data;
  } else {
    for (const issue of parsed.error.issues) warnings.push(`${issue.path.join(".")}: ${issue.message} (ignored)`);
    const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
    e = envSchema.parse(Object.fromEntries(Object.entries(cleaned).filter(([k]) => !bad.has(k))));
  }

  const token = e.HF_TOKEN || undefined;
  const port = e.PORT && /^\d+$/.test(e.PORT) ? e.PORT : "3000";
  const builtinBase = (e.BUILTIN_SPACES_URL ?? `http://127.0.0.1:${port}/spaces`).replace(/\/+$/, "");

  const spaces = {} as Record<Capability, SpaceEntry[]>;
  for (const capability of capabilities) {
    const raw = e[envName[capability] as keyof typeof e] as string | undefined;
    const refs = raw ? splitList(raw) : defaultSpaceRefs(capability, Boolean(token));
    const entries: SpaceEntry[] = [];
    for (const ref of refs) {
      try {
        const entry = resolveSpaceRef(ref, capability, builtinBase);
        if (!entries.some((x) => x.key === entry.key)) entries.push(entry);
      } catch (err) {
        warnings.push(`${envName[capability]}: ${err instanceof SpaceRefError ? err.message : String(err)} (skipped)`);
      }
    }
    if (raw && entries.length === 0) {
      warnings.push(`${envName[capability]} has no usable Space; using the defaults`);
      for (const ref of defaultSpaceRefs(capability, Boolean(token))) entries.push(resolveSpaceRef(ref, capability, builtinBase));
    }
    spaces[capability] = entries;
  }

  return {
    token,
    builtinBase,
    allowedHosts: e.SPACES_ALLOWED_HOSTS ? splitList(e.SPACES_ALLOWED_HOSTS).map((h) => h.toLowerCase()) : [],
    spaces,
    concurrency: parseAssignments(e.SPACE_CONCURRENCY, "SPACE_CONCURRENCY", warnings, (v) => (Number.isInteger(v) && v >= 1 && v <= 64 ? v : null)),
    timeoutsMs: {
      ...defaultTimeoutsMs,
      ...parseAssignments(e.SPACE_TIMEOUTS, "SPACE_TIMEOUTS", warnings, (v) => (v > 0 && v <= 3600 ? Math.round(v * 1000) : null)),
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

function splitList(s: string): string[] {
  return s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
}

/** "a=1,b/c=2" → { a: 1, "b/c": 2 } (keys lower-cased), with invalid pairs reported. */
function parseAssignments(
  raw: string | undefined,
  name: string,
  warnings: string[],
  accept: (v: number) => number | null,
): Record<string, number> {
  const out: Record<string, number> = {};
  if (!raw) return out;
  for (const pair of splitList(raw)) {
    const eq = pair.lastIndexOf("=");
    const key = eq > 0 ? pair.slice(0, eq).trim().toLowerCase() : "";
    const value = eq > 0 ? accept(Number(pair.slice(eq + 1).trim())) : null;
    if (!key || value === null) {
      warnings.push(`${name}: cannot read "${pair}" (ignored)`);
      continue;
    }
    out[key] = value;
  }
  return out;
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

export function concurrencyFor(entry: SpaceEntry, config: Pick<ToolboxConfig, "concurrency">): number {
  for (const n of namesOf(entry)) {
    const v = config.concurrency[n];
    if (v !== undefined) return v;
  }
  if (entry.builtin) return defaultConcurrency.builtin;
  return entry.zeroGpu ? defaultConcurrency.zeroGpu : defaultConcurrency.other;
}

export function timeoutFor(entry: SpaceEntry, config: Pick<ToolboxConfig, "timeoutsMs">): number {
  for (const n of namesOf(entry)) {
    const v = config.timeoutsMs[n];
    if (v !== undefined) return v;
  }
  return config.timeoutsMs[entry.capability] ?? defaultTimeoutsMs[entry.capability];
}
