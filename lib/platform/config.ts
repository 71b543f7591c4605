import "server-only";
import { z } from "zod";

// Every environment variable the app reads, in one place: its parse, its default and the line the README's
// "Configuration" table shows for it (config.test.ts holds the two together, row for row). This module only
// turns raw strings into typed values (numbers, lists, enums); what a value means — which Spaces a list
// resolves to, how many workers "unset" gives on this machine — stays with the module that uses it.
//
// Rules for every variable: an empty or blank value is unset (a blank line in .env), values are trimmed, and
// an invalid value gives one message that names the variable and says what it must be. What happens next is
// the variable's `invalid` policy: a "warning" is listed in `warnings` and the variable counts as unset (a typo
// in one tuning knob must not take the product down); an "error" throws that message from whatever reads the
// value (a build cannot run on a budget or a planner it cannot read), and from nothing else.

export type RawEnv = Readonly<Record<string, string | undefined>>;

type Parsed<T> = { ok: true; value: T; warnings?: string[] } | { ok: false; expected: string };

interface Variable<T> {
  /** The README row's "meaning" cell. */
  meaning: string;
  /** The README row's "default" cell: what unset gives (owned by this module where `fallback` is set). */
  default: string;
  /** The value when unset, where this module owns the default; without one, unset reads as undefined. */
  fallback?: T;
  /** The trimmed, non-empty raw value → T, or what it must be. */
  parse: (raw: string) => Parsed<T>;
  invalid: "error" | "warning";
  /** Set by the tests and benchmarks rather than by whoever runs the app: the README lists them apart. */
  internal?: true;
}

function fromSchema<T>(schema: z.ZodType<T>, expected: string): (raw: string) => Parsed<T> {
  return (raw) => {
    const r = schema.safeParse(raw);
    return r.success ? { ok: true, value: r.data } : { ok: false, expected };
  };
}

const text = fromSchema(z.string(), "text");

function wholeNumber(min: number, max?: number) {
  const schema = z.coerce.number().int().min(min).max(max ?? Number.MAX_SAFE_INTEGER);
  return fromSchema(schema, max === undefined ? `a whole number of at least ${min}` : `a whole number from ${min} to ${max}`);
}

function splitList(s: string): string[] {
  return s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
}

/** Comma-separated items; an all-blank list ("," or " , ") is set but empty. */
const list = fromSchema(z.string().transform(splitList), "a comma-separated list");

/** "a=1,B/c=2" → { a: 1, "b/c": 2 } (keys lower-cased); pairs it cannot read are reported and left out. */
function assignments(value: z.ZodType<number>): (raw: string) => Parsed<Record<string, number>> {
  return (raw) => {
    const out: Record<string, number> = {};
    const warnings: string[] = [];
    for (const pair of splitList(raw)) {
      const eq = pair.lastIndexOf("=");
      const key = eq > 0 ? pair.slice(0, eq).trim().toLowerCase() : "";
      const parsed = eq > 0 ? value.safeParse(pair.slice(eq + 1).trim()) : null;
      if (!key || !parsed?.success) warnings.push(`cannot read "${pair}" (ignored)`);
      else out[key] = parsed.data;
    }
    return { ok: true, value: out, warnings };
  };
}

export const configVariables = {
  HF_TOKEN: {
    meaning: "Hugging Face token: real Spaces (your ZeroGPU quota) and the LLM through Inference Providers",
    default: "unset → built-in Spaces and the offline planner",
    parse: text,
    invalid: "error",
  },
  AGENT_MODEL: {
    meaning: "chat model for the agent",
    default: "`Qwen/Qwen2.5-Coder-32B-Instruct`",
    parse: text,
    invalid: "error",
  },
  AGENT_ENDPOINT_URL: {
    meaning: "any OpenAI-compatible server (llama.cpp, vLLM, Ollama) used instead of Inference Providers",
    default: "unset",
    parse: text,
    invalid: "error",
  },
  AGENT_ENDPOINT_TOKEN: {
    meaning: "bearer token for `AGENT_ENDPOINT_URL`, when that server wants one",
    default: "unset",
    parse: text,
    invalid: "error",
  },
  AGENT_PLANNER: {
    meaning: "`llm` or `offline`",
    default: "`llm` when a token or endpoint is set",
    parse: fromSchema(z.string().toLowerCase().pipe(z.enum(["offline", "llm"])), '"offline" or "llm"'),
    invalid: "error",
  },
  SPACES_TEXT_TO_IMAGE: {
    meaning: "comma-separated Space ids, URLs or built-in names, in fallback order",
    default: "`sketch-image,ink-image`; with a token flux-klein-9b-kv and FLUX.1-schnell first",
    parse: list,
    invalid: "warning",
  },
  SPACES_IMAGE_TO_3D: {
    meaning: "likewise",
    default: "`shape-3d,relief-3d`; with a token TRELLIS.2, trellis-community/TRELLIS and Hunyuan3D-2 first",
    parse: list,
    invalid: "warning",
  },
  SPACES_IMAGE_TO_SPLAT: {
    meaning: "likewise",
    default: "`splat-3d`; with a token TripoSplat first",
    parse: list,
    invalid: "warning",
  },
  SPACES_ALLOWED_HOSTS: {
    meaning: "extra hosts a custom Space URL may point at (public https only)",
    default: "none",
    parse: fromSchema(z.string().transform((s) => splitList(s).map((h) => h.toLowerCase())), "a comma-separated list"),
    invalid: "warning",
  },
  SPACE_CONCURRENCY: {
    meaning: "per-Space job limits (1–64), e.g. `shape-3d=2,microsoft/TRELLIS.2=1`",
    default: "1 for ZeroGPU Spaces, 4 for built-ins, 2 for others",
    parse: assignments(z.coerce.number().int().min(1).max(64)),
    invalid: "warning",
  },
  SPACE_TIMEOUTS: {
    meaning: "per-attempt time limits in seconds (up to 3600), by capability or Space, e.g. `image-to-3d=600`",
    default: "120 (image), 480 (3D), 300 (splat, custom)",
    parse: assignments(z.coerce.number().positive().max(3600)),
    invalid: "warning",
  },
  SPACE_RETRIES: {
    meaning: "retries of a transient fault on one Space before the next one is tried (0–10)",
    default: "2",
    parse: wholeNumber(0, 10),
    invalid: "warning",
  },
  SPACE_BREAKER_THRESHOLD: {
    meaning: "failures in a row before a Space is skipped",
    default: "3",
    parse: wholeNumber(1),
    invalid: "warning",
  },
  SPACE_BREAKER_COOLDOWN_S: {
    meaning: "seconds before a skipped Space is probed again",
    default: "30",
    parse: wholeNumber(1),
    invalid: "warning",
  },
  BUILTIN_SPACE_FAULTS: {
    meaning: "inject faults into the built-in Spaces, e.g. `shape-3d:latency=2000,error=0.3;sketch-image:quota=0.1`",
    default: "none",
    // Its grammar needs the built-in Spaces' names: lib/builtin-spaces/faults.ts reads it (and refuses a bad one).
    parse: text,
    invalid: "error",
  },
  BUILTIN_SPACE_WORKERS: {
    meaning: "worker threads for the built-in Spaces' engines (1–32)",
    default: "cores − 1 (1–4)",
    parse: wholeNumber(1, 32),
    invalid: "warning",
  },
  BUILTIN_SPLAT_GAUSSIANS: {
    meaning: "most Gaussians the built-in `splat-3d` Space makes, whatever a call asks (1024–262144): lighter splats for slow GPUs and browser tests",
    default: "as asked (TripoSplat's choices, up to 262144)",
    parse: wholeNumber(1024, 262_144),
    invalid: "warning",
  },
  MODEL_WORKERS: {
    meaning: "worker threads preparing models for the web and validating GLBs (1–16)",
    default: "one per core, at most 4",
    parse: wholeNumber(1, 16),
    invalid: "warning",
  },
  BUILD_MAX_STEPS: {
    meaning: "per-build budget: agent steps (1–50)",
    default: "8",
    parse: wholeNumber(1, 50),
    invalid: "error",
  },
  BUILD_MAX_TOOL_CALLS: {
    meaning: "per-build budget: tool calls (1–1000)",
    default: "150",
    parse: wholeNumber(1, 1000),
    invalid: "error",
  },
  BUILD_MAX_MINUTES: {
    meaning: "per-build budget: minutes, over all its runs when it is resumed (0.1–240)",
    default: "20",
    parse: fromSchema(z.coerce.number().min(0.1).max(240), "a number from 0.1 to 240"),
    invalid: "error",
  },
  DATA_DIR: {
    meaning: "SQLite database and assets",
    default: "`./data`",
    fallback: "./data",
    parse: text,
    invalid: "error",
  },
  DATABASE_URL: {
    meaning: "a `postgres://` URL: the data layer, the build queue and the live signal move to PostgreSQL, and builds run in `npm run worker`",
    default: "unset → SQLite under `DATA_DIR`, builds in the web process",
    parse: fromSchema(z.string().regex(/^postgres(ql)?:\/\/\S+$/), "a postgres:// URL"),
    invalid: "error",
  },
  ASSET_STORE: {
    meaning: "`files` or `s3`: where pictures and models are stored (`files`: under `DATA_DIR/assets`)",
    default: "`files`",
    fallback: "files" as "files" | "s3",
    parse: fromSchema(z.string().toLowerCase().pipe(z.enum(["files", "s3"])), '"files" or "s3"'),
    invalid: "error",
  },
  S3_ENDPOINT: {
    meaning: "the S3-compatible server, e.g. `https://s3.eu-west-1.amazonaws.com` or a MinIO/R2 URL",
    default: "unset → AWS for `S3_REGION`",
    parse: fromSchema(z.url({ protocol: /^https?$/ }), "an http or https URL"),
    invalid: "error",
  },
  S3_BUCKET: {
    meaning: "the bucket that holds the assets (and the built-in Spaces' files)",
    default: "required with `ASSET_STORE=s3`",
    parse: fromSchema(z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/), "a bucket name (3–63 lower-case letters, digits, dots, hyphens)"),
    invalid: "error",
  },
  S3_REGION: {
    meaning: "the bucket's region",
    default: "`us-east-1`",
    fallback: "us-east-1",
    parse: text,
    invalid: "error",
  },
  S3_ACCESS_KEY_ID: {
    meaning: "access key for the bucket",
    default: "unset → the AWS SDK's default credential chain",
    parse: text,
    invalid: "error",
  },
  S3_SECRET_ACCESS_KEY: {
    meaning: "secret key for `S3_ACCESS_KEY_ID`",
    default: "unset",
    parse: text,
    invalid: "error",
  },
  S3_FORCE_PATH_STYLE: {
    meaning: "`true` for servers that want `endpoint/bucket/key` URLs (MinIO, s3rver)",
    default: "`false`",
    fallback: false,
    parse: fromSchema(z.string().toLowerCase().pipe(z.enum(["true", "false", "1", "0"])).transform((v) => v === "true" || v === "1"), '"true" or "false"'),
    invalid: "error",
  },
  ASSET_PUBLIC_URL: {
    meaning: "public base URL of the assets (a CDN in front of the bucket): pages link to `ASSET_PUBLIC_URL/<sha>.<ext>`",
    default: "unset → served by the app at `/assets/…`",
    parse: fromSchema(z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, "")), "an http or https URL"),
    invalid: "error",
  },
  WORKER_CONCURRENCY: {
    meaning: "build jobs one `npm run worker` process runs at once (1–64)",
    default: "4",
    fallback: 4,
    parse: wholeNumber(1, 64),
    invalid: "warning",
  },
  VERNISSAGE_ROLE: {
    meaning: "`web` or `worker` (with `DATABASE_URL`): a worker takes builds off the queue; `npm run worker` sets it",
    default: "`web`",
    fallback: "web" as "web" | "worker",
    parse: fromSchema(z.string().toLowerCase().pipe(z.enum(["web", "worker"])), '"web" or "worker"'),
    invalid: "error",
  },
  PORT: {
    meaning: "HTTP port",
    default: "3000",
    fallback: 3000,
    parse: wholeNumber(1, 65_535),
    invalid: "warning",
  },
  BUILTIN_SPACES_URL: {
    meaning: "where the app reaches its own built-in Spaces (tests serve them from a server of their own)",
    default: "`http://127.0.0.1:$PORT/spaces`",
    parse: fromSchema(z.url({ protocol: /^https?$/ }), "an http or https URL"),
    invalid: "warning",
    internal: true,
  },
  BUILTIN_SPACE_FILES_DIR: {
    meaning: "where the built-in Spaces keep the files they serve, one folder per Space",
    default: "`vernissage-gradio/` in the system temp folder",
    parse: text,
    invalid: "error",
    internal: true,
  },
  SPACE_RETRY_BASE_MS: {
    meaning: "first delay before a retry, in ms (doubling on each further retry)",
    default: "1000",
    parse: wholeNumber(1),
    invalid: "warning",
    internal: true,
  },
} satisfies Record<string, Variable<unknown>>;

export type ConfigName = keyof typeof configVariables;

type ValueOf<V> = V extends { parse: (raw: string) => Parsed<infer T> } ? (V extends { fallback: unknown } ? T : T | undefined) : never;

export interface ConfigWarning {
  variable: ConfigName;
  message: string;
}

export type Config = { readonly [K in ConfigName]: ValueOf<(typeof configVariables)[K]> } & {
  /** Values ignored (the variable counts as unset) and pairs of a list left out, each naming its variable. */
  readonly warnings: readonly ConfigWarning[];
};

/** An invalid value of a variable whose policy is "error", thrown when that value is read. */
export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(
    readonly variable: ConfigName,
    message: string,
  ) {
    super(message);
  }
}

export const configNames = Object.keys(configVariables) as ConfigName[];

/** The configuration in `env` (pure: tests pass their own objects). */
export function readConfig(env: RawEnv): Config {
  const values: Record<string, unknown> = {};
  const warnings: ConfigWarning[] = [];
  for (const name of configNames) {
    const variable: Variable<unknown> = configVariables[name];
    const raw = env[name]?.trim();
    if (!raw) {
      values[name] = variable.fallback;
      continue;
    }
    const parsed = variable.parse(raw);
    if (parsed.ok) {
      values[name] = parsed.value;
      for (const w of parsed.warnings ?? []) warnings.push({ variable: name, message: `${name}: ${w}` });
      continue;
    }
    const message = `${name} must be ${parsed.expected}, not ${JSON.stringify(raw)}`;
    if (variable.invalid === "warning") {
      values[name] = variable.fallback;
      warnings.push({ variable: name, message: `${message} (ignored)` });
    } else {
      Object.defineProperty(values, name, {
        enumerable: true,
        get() {
          throw new ConfigError(name, message);
        },
      });
    }
  }
  values.warnings = warnings;
  return Object.freeze(values) as unknown as Config;
}

// Parsed once per distinct environment. The key is read on every call, so a test that sets process.env
// between cases (a fresh DATA_DIR, a built-in Spaces URL) is seen at once; it is derived data, so a copy per
// route bundle is harmless and needs no process singleton.
let cached: { key: string; config: Config } | undefined;

/** The configuration in process.env. */
export function config(): Config {
  const key = configNames.map((name) => process.env[name] ?? "").join("\0");
  if (cached?.key !== key) cached = { key, config: readConfig(process.env) };
  return cached.config;
}

const single = new Map<ConfigName, { raw: string | undefined; config: Config }>();

/**
 * One variable of process.env, for hot paths (the database directory, asked on every query): config() reads
 * every variable to see whether one changed, some microseconds; this reads one.
 */
export function configValue<K extends ConfigName>(name: K): Config[K] {
  const raw = process.env[name];
  let hit = single.get(name);
  if (!hit || hit.raw !== raw) single.set(name, (hit = { raw, config: readConfig({ [name]: raw }) }));
  return hit.config[name];
}
