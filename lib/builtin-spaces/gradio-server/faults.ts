// Faults on demand: what can go wrong with a real Space, injected into ours so resilience code is tested
// against the same wire behaviour. A profile is parsed from "key=value" items; each call draws its fate from a
// seeded PRNG owned by the Space variant, so a test that makes the same calls in the same order sees the
// same faults every run.
import { z } from "zod";

export interface FaultProfile {
  /**
   * How long a call takes at least, in ms (a fixed value or a uniform range): the Space's work runs during the
   * wait, as on a remote GPU, so a call answers after max(latency, work). Faulted calls answer after the latency.
   */
  latencyMs?: { min: number; max: number };
  /** Rate of transient failures (a gr.Error "GPU task aborted", titled like ZeroGPU's worker errors). */
  error?: number;
  /** Rate of unhandled exceptions: `{error: null}`, which the client shows as "An error occurred". */
  crash?: number;
  /** Rate of calls that start and never complete (until the caller cancels or disconnects). */
  timeout?: number;
  /** Rate of successful calls whose output files are truncated or garbage. */
  malformed?: number;
  /** Rate of queue/join (and /call) answered 503 "Queue is full". */
  queueFull?: number;
  /** Rate of ZeroGPU quota failures (a gr.Error titled "ZeroGPU quota exceeded"). */
  quota?: number;
  /**
   * Rate of MCP requests (POST /gradio_api/mcp/) answered 503, while /gradio_api/mcp/schema and the Gradio API
   * keep working: a Space whose MCP server is down, so a client falls back to the Gradio API.
   */
  mcpDown?: number;
  /** Calls that may run at once for this variant; the rest wait in the queue with their rank. */
  concurrency?: number;
  /** PRNG seed for this variant (default: derived from the variant's name). */
  seed?: number;
}

export class FaultSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FaultSpecError";
  }
}

export const MAX_LATENCY_MS = 10 * 60 * 1000;

const rate = z.coerce.number().min(0).max(1);
const KEYS = {
  latency: "latencyMs",
  error: "error",
  crash: "crash",
  timeout: "timeout",
  malformed: "malformed",
  queue_full: "queueFull",
  queuefull: "queueFull",
  quota: "quota",
  mcp_down: "mcpDown",
  mcpdown: "mcpDown",
  concurrency: "concurrency",
  seed: "seed",
} as const satisfies Record<string, keyof FaultProfile>;

function parseLatency(value: string): { min: number; max: number } {
  const m = /^(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?$/.exec(value);
  if (!m) throw new FaultSpecError(`latency must be milliseconds ("2000") or a range ("500-2000"), got "${value}"`);
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : Number(m[2]);
  if (max < min || max > MAX_LATENCY_MS) {
    throw new FaultSpecError(`latency range must be ascending and at most ${MAX_LATENCY_MS} ms, got "${value}"`);
  }
  return { min: Math.round(min), max: Math.round(max) };
}

/**
 * Parses "latency=2000,error=0.3" (items separated by "," or "~"). Unknown keys and bad values throw: a typo in
 * a test's fault profile must not silently mean "no fault".
 */
export function parseFaultSpec(spec: string): FaultProfile {
  const profile: FaultProfile = {};
  for (const raw of spec.split(/[~,]/)) {
    const item = raw.trim();
    if (!item) continue;
    const eq = item.indexOf("=");
    if (eq <= 0) throw new FaultSpecError(`fault "${item}" must be key=value`);
    const key = item.slice(0, eq).trim().toLowerCase().replace(/-/g, "_");
    const value = item.slice(eq + 1).trim();
    const field = (KEYS as Record<string, keyof FaultProfile>)[key];
    if (!field) throw new FaultSpecError(`unknown fault "${key}" (known: ${Object.keys(KEYS).join(", ")})`);
    if (field === "latencyMs") {
      profile.latencyMs = parseLatency(value);
    } else if (field === "concurrency") {
      const n = z.coerce.number().int().min(1).max(64).safeParse(value);
      if (!n.success) throw new FaultSpecError(`concurrency must be an integer from 1 to 64, got "${value}"`);
      profile.concurrency = n.data;
    } else if (field === "seed") {
      const n = z.coerce.number().int().min(0).max(0xffffffff).safeParse(value);
      if (!n.success) throw new FaultSpecError(`seed must be an integer from 0 to 4294967295, got "${value}"`);
      profile.seed = n.data;
    } else {
      const r = rate.safeParse(value);
      if (!r.success || value === "") throw new FaultSpecError(`${key} must be a rate from 0 to 1, got "${value}"`);
      profile[field] = r.data;
    }
  }
  return profile;
}

/** A canonical spelling (sorted keys), used as the identity of a variant. Empty profile → "". */
export function formatFaultProfile(p: FaultProfile): string {
  const items: string[] = [];
  if (p.concurrency !== undefined) items.push(`concurrency=${p.concurrency}`);
  if (p.crash !== undefined) items.push(`crash=${p.crash}`);
  if (p.error !== undefined) items.push(`error=${p.error}`);
  if (p.latencyMs !== undefined) {
    const { min, max } = p.latencyMs;
    items.push(`latency=${min === max ? min : `${min}-${max}`}`);
  }
  if (p.malformed !== undefined) items.push(`malformed=${p.malformed}`);
  if (p.mcpDown !== undefined) items.push(`mcp_down=${p.mcpDown}`);
  if (p.queueFull !== undefined) items.push(`queue_full=${p.queueFull}`);
  if (p.quota !== undefined) items.push(`quota=${p.quota}`);
  if (p.seed !== undefined) items.push(`seed=${p.seed}`);
  if (p.timeout !== undefined) items.push(`timeout=${p.timeout}`);
  return items.join("~");
}

/** `over` wins key by key. */
export function mergeFaults(base: FaultProfile | undefined, over: FaultProfile | undefined): FaultProfile {
  return { ...(base ?? {}), ...(over ?? {}) };
}

/** FNV-1a: a 32-bit seed from a name. */
export function seedFromString(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** mulberry32: tiny, fast, good enough for fault dice, and reproducible from a 32-bit seed. */
export class Prng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

export interface QuotaDetails {
  requestedS: number;
  leftS: number;
  retryIn: string;
}

/** The fate of one call, drawn when it joins the queue (so concurrent calls cannot reorder the dice). */
export interface FaultPlan {
  queueFull: boolean;
  quota: QuotaDetails | null;
  latencyMs: number;
  hang: boolean;
  error: boolean;
  crash: boolean;
  malformed: "truncated" | "garbage" | null;
  /** Seeds the garbage bytes of a malformed output. */
  noiseSeed: number;
}

export const NO_FAULTS: FaultPlan = {
  queueFull: false,
  quota: null,
  latencyMs: 0,
  hang: false,
  error: false,
  crash: false,
  malformed: null,
  noiseSeed: 0,
};

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** Always draws the same number of values, whatever the profile, so one fault's rate never shifts another's dice. */
export function drawFaultPlan(profile: FaultProfile, prng: Prng): FaultPlan {
  const u = Array.from({ length: 10 }, () => prng.next()) as [number, number, number, number, number, number, number, number, number, number];
  const hit = (r: number | undefined, x: number) => r !== undefined && r > 0 && x < r;
  const requestedS = u[7] < 0.5 ? 60 : 120;
  const leftS = Math.floor(u[8] * requestedS);
  const waitS = 60 + Math.floor(u[9] * 86_340);
  const latency = profile.latencyMs;
  return {
    queueFull: hit(profile.queueFull, u[0]),
    quota: hit(profile.quota, u[1])
      ? {
          requestedS,
          leftS,
          retryIn: `${pad2(Math.floor(waitS / 3600))}:${pad2(Math.floor((waitS % 3600) / 60))}:${pad2(waitS % 60)}`,
        }
      : null,
    latencyMs: latency ? Math.round(latency.min + (latency.max - latency.min) * u[2]) : 0,
    hang: hit(profile.timeout, u[3]),
    error: hit(profile.error, u[4]),
    crash: hit(profile.crash, u[5]),
    malformed: hit(profile.malformed, u[6]) ? (u[9] < 0.5 ? "truncated" : "garbage") : null,
    noiseSeed: Math.floor(u[8] * 0xffffffff),
  };
}

/** Dice kept per distinct fault header; the least recently created go first past this. */
const MAX_HEADER_PRNGS = 64;

/**
 * Each call's fault plan for one app: its profile, merged with a request's fault header (direct HTTP tests).
 * One seeded PRNG per distinct header, so a given variant and header fault the same calls on every run.
 */
export class FaultDice {
  private readonly prngs = new Map<string, Prng>();

  constructor(
    private readonly profile: FaultProfile,
    private readonly appId: string,
  ) {}

  /** Throws FaultSpecError for a header that does not parse. */
  draw(header: string | null): FaultPlan {
    const extra = header ? parseFaultSpec(header) : null;
    // A header's concurrency cannot resize a running queue: it only applies per variant (URL or env).
    if (extra) delete extra.concurrency;
    const profile = extra ? mergeFaults(this.profile, extra) : this.profile;
    const key = extra ? formatFaultProfile(extra) : "";
    let prng = this.prngs.get(key);
    if (!prng) {
      if (this.prngs.size >= MAX_HEADER_PRNGS) this.prngs.delete(this.prngs.keys().next().value as string);
      prng = new Prng(profile.seed ?? seedFromString(`${this.appId}|${formatFaultProfile(profile)}`));
      this.prngs.set(key, prng);
    }
    return drawFaultPlan(profile, prng);
  }
}

/** The ZeroGPU text, verbatim in form: "You have exceeded your free ZeroGPU quota (120s requested vs. 44s left). Try again in 23:14:07." */
export function quotaMessage(q: QuotaDetails): string {
  return `You have exceeded your free ZeroGPU quota (${q.requestedS}s requested vs. ${q.leftS}s left). Try again in ${q.retryIn}.`;
}

/** A broken copy of an output file: its first third (a truncated download) or same-sized noise. */
export function corruptBytes(data: Uint8Array, kind: "truncated" | "garbage", noiseSeed: number): Uint8Array {
  if (kind === "truncated") return data.slice(0, Math.max(1, Math.floor(data.byteLength / 3)));
  const prng = new Prng(noiseSeed);
  const out = new Uint8Array(Math.max(16, Math.min(data.byteLength, 64 * 1024)));
  for (let i = 0; i < out.length; i++) out[i] = Math.floor(prng.next() * 256);
  return out;
}
