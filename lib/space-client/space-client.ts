import "server-only";
import { z } from "zod";
import type { AssetMediaType, AssetStore, StoredAsset } from "@/lib/contracts/asset-store";
import type { SpaceCallRecord } from "@/lib/contracts/gallery-view";
import { toolEvent, type ToolResultSummary } from "@/lib/contracts/tool-events";
import { imageAdapterFor, modelAdapterFor } from "./adapters";
import type { AdapterOutput, AdapterSession, InputImage, NormalizedImageRequest, NormalizedModelRequest } from "./adapters/types";
import { assertApi, type ExpectedEndpoint, type ExpectedKind } from "./api-check";
import type { EndpointSpec } from "./api-info";
import { CircuitBreaker, type BreakerState } from "./resilience/breaker";
import type { CallCache } from "../contracts/call-cache";
import { cacheKey } from "./cache-key";
import { runEndpoint, uploadFile, type ProgressSink } from "./call";
import { resolveSpaceRef } from "./catalog";
import { systemClock, type Clock, type Random } from "./clock";
import { concurrencyFor, loadSpaceClientConfig, timeoutFor, type SpaceClientConfig } from "./config";
import { SpaceConnections, type ConnectFn, type SpaceSession } from "./connection";
import { buildTool, chooseEndpoint, fetchAgentsAbout, type DiscoveredTool } from "./discover";
import { classifyError, OutputValidationError } from "./errors";
import { downloadFile, fileRefOf, type Downloaded } from "./files";
import { HandOffs, urlFileRef } from "./hand-off";
import { Limiter } from "./resilience/limiter";
import { runWithFallback, SpaceClientError, type AttemptContext, type RunSpec } from "./call-runner";
import { isFileArg, parseToolArgs, type FileArg } from "./tool-args";
import type {
  CallOptions,
  Capability,
  ImageAsset,
  ImageInput,
  ImageResult,
  ImageToModelRequest,
  ImageToSplatRequest,
  ModelAsset,
  ModelResult,
  ServedModel,
  SpaceEntry,
  SplatAsset,
  SplatResult,
  TextToImageRequest,
} from "./types";
import { assertSpaceUrlAllowed, type LookupFn, type UrlGuardOptions } from "./url-guard";
import { defaultGlbLimits, validateAndPrepareSpaceGlb, validateSpaceGlb, type GlbLimits } from "./validate/glb";
import { defaultImageLimits, validateImage, type ImageLimits } from "./validate/image";
import { readImageHeader } from "@/lib/media/image-header";
import { defaultPlyLimits, validatePly, type PlyLimits } from "./validate/ply";

// The Space client: every Space, built-in or on the Hub, as a typed and resilient tool. Each module explains its own
// job (catalog, config, adapters, connection, call, runner, validate…); this file wires them together and is
// the public entry point, with types.ts. Create ONE Space client per process: its limiters, breakers and pooled
// connections are what make concurrency limits and fail-fast work across builds.

export interface SpaceClientDeps {
  assets: AssetStore;
  cache: CallCache;
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

export interface ToolCallResult {
  /** The endpoint's outputs; files replaced by { kind: "asset", sha256, mediaType, bytes }. */
  outputs: unknown[];
  space: string;
  endpoint: string;
  cached: boolean;
  calls: SpaceCallRecord[];
}

export interface SpaceHealth {
  space: string;
  capability: Capability | "custom";
  breaker: BreakerState;
  running: number;
  waiting: number;
  limit: number;
}

export interface SpaceClient {
  readonly config: SpaceClientConfig;
  textToImage(req: TextToImageRequest, opts?: CallOptions): Promise<ImageResult>;
  imageToModel(req: ImageToModelRequest, opts?: CallOptions): Promise<ModelResult>;
  imageToSplat(req: ImageToSplatRequest, opts?: CallOptions): Promise<SplatResult>;
  discover(ref: string, opts?: { endpoint?: string; signal?: AbortSignal }): Promise<DiscoveredTool>;
  callTool(tool: DiscoveredTool, args: Record<string, unknown>, opts?: Omit<CallOptions, "space">): Promise<ToolCallResult>;
  /** The configured Spaces of a capability, in fallback order. */
  spaces(capability: Capability): readonly SpaceEntry[];
  health(): SpaceHealth[];
}

const MAX_SEED = 2 ** 31 - 1;
const imageRequestSchema = z.object({
  prompt: z.string().trim().min(1, "the prompt is empty").max(2000, "the prompt is over 2000 characters"),
  seed: z.number().int().min(0).max(MAX_SEED),
  width: z.number().int().min(64).max(4096).default(1024),
  height: z.number().int().min(64).max(4096).default(1024),
});
const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);
const imageInputSchema = z.union([z.object({ sha256: sha256Schema }), z.object({ bytes: z.instanceof(Uint8Array) })]);
const modelRequestSchema = z.object({ image: imageInputSchema, seed: z.number().int().min(0).max(MAX_SEED) });

const assetRefSchema = z.looseObject({
  kind: z.literal("asset"),
  sha256: sha256Schema,
  mediaType: z.string(),
  bytes: z.number().int().nonnegative(),
});

/** A model's web version as a result (or a cached one) names it: see ModelAsset.served. */
export const servedModelSchema = z.object({
  sha256: sha256Schema,
  mediaType: z.literal("model/gltf-binary"),
  bytes: z.number().int().nonnegative(),
  height: z.number().positive(),
}) satisfies z.ZodType<ServedModel>;

export function createSpaceClient(deps: SpaceClientDeps): SpaceClient {
  return new GradioSpaceClient(deps);
}

class GradioSpaceClient implements SpaceClient {
  readonly config: SpaceClientConfig;
  private readonly token?: string;
  private readonly assets: AssetStore;
  private readonly cache: CallCache;
  private readonly fetchImpl: typeof fetch;
  private readonly clock: Clock;
  private readonly random: Random;
  private readonly guard: UrlGuardOptions;
  private readonly connections: SpaceConnections;
  private readonly breakers = new Map<string, CircuitBreaker>();
  private readonly limiters = new Map<string, Limiter>();
  private readonly known = new Map<string, SpaceEntry>();
  private readonly handOffs = new HandOffs();
  private readonly limits: { image: ImageLimits; glb: GlbLimits; ply: PlyLimits };

  constructor(deps: SpaceClientDeps) {
    this.config = deps.config ?? loadSpaceClientConfig();
    if (!deps.config) for (const w of this.config.warnings) console.warn(`[spaces] ${w}`);
    this.token = deps.token ?? this.config.token;
    this.assets = deps.assets;
    this.cache = deps.cache;
    this.fetchImpl = deps.fetchImpl ?? fetch;
    this.clock = deps.clock ?? systemClock;
    this.random = deps.random ?? Math.random;
    this.guard = {
      builtinBase: this.config.builtinBase,
      allowedHosts: this.config.allowedHosts,
      ...(deps.trustedBases ? { trustedBases: deps.trustedBases } : {}),
      ...(deps.lookup ? { lookup: deps.lookup } : {}),
    };
    this.connections = new SpaceConnections({
      ...(this.token ? { token: this.token } : {}),
      guard: this.guard,
      ...(deps.connect ? { connect: deps.connect } : {}),
    });
    this.limits = {
      image: { ...defaultImageLimits, ...deps.limits?.image },
      glb: { ...defaultGlbLimits, ...deps.limits?.glb },
      ply: { ...defaultPlyLimits, ...deps.limits?.ply },
    };
    for (const list of Object.values(this.config.spaces)) for (const e of list) this.known.set(e.key, e);
  }

  spaces(capability: Capability): readonly SpaceEntry[] {
    return this.config.spaces[capability];
  }

  health(): SpaceHealth[] {
    return [...this.known.values()].map((e) => {
      const l = this.limiterFor(e);
      return { space: e.key, capability: e.capability, breaker: this.breakerFor(e).current(), running: l.running, waiting: l.waiting, limit: l.limit };
    });
  }

  // ── capabilities ────────────────────────────────────────────────────────────────────────────────────────

  async textToImage(req: TextToImageRequest, opts: CallOptions = {}): Promise<ImageResult> {
    const norm: NormalizedImageRequest = this.parseInput("text-to-image", imageRequestSchema, req, opts);
    const spec: RunSpec<{ asset: ImageAsset; seed: number }> = {
      capability: "text-to-image",
      candidates: this.candidates("text-to-image", opts),
      plan: (entry) => {
        const adapter = imageAdapterFor(entry);
        const inputs = adapter.inputs(norm);
        return { endpoint: adapter.endpoint, inputs, cacheKey: this.key(entry, adapter.endpoint, adapter.version, inputs, []) };
      },
      fromCache: async (_entry, cached) => {
        const asset = await this.cachedAsset(cached.outputs[0], ["image/png", "image/jpeg", "image/webp"]);
        const meta = z.looseObject({ width: z.number(), height: z.number() }).safeParse(cached.outputs[0]);
        if (!asset || !meta.success) return null;
        const seed = typeof cached.outputs[1] === "number" ? cached.outputs[1] : norm.seed;
        return { asset: { ...asset, width: meta.data.width, height: meta.data.height }, seed };
      },
      attempt: async (entry, _plan, ctx) => {
        const adapter = imageAdapterFor(entry);
        const { out, dl } = await this.onSpace(entry, adapter.id, adapter.capability, (eps) => adapter.bind(eps, entry.key), ctx, async (bound, s, session) => {
          const out = await bound(s, norm);
          ctx.releaseSlot(); // the Space's job is done: the next exhibit may start while we download
          return { out, dl: await this.downloadOutput(out.file, session, ctx, this.limits.image.maxBytes) };
        });
        const { seed, endpoint } = out;
        ctx.progress({ stage: "validating" });
        const img = await validateImage(dl.bytes, this.limits.image);
        const stored = await this.assets.put(img.bytes, img.mediaType);
        // The Space serves exactly these bytes: a built-in image-to-3D Space can read them there (hand-off.ts).
        if (entry.builtin && !img.reencoded) this.handOffs.remember(stored.sha256, dl.url, this.clock.now());
        const asset: ImageAsset = { ...stored, width: img.width, height: img.height };
        const usedSeed = seed ?? norm.seed;
        return { value: { asset, seed: usedSeed }, outputs: [{ kind: "asset", ...asset }, usedSeed], ...(endpoint ? { endpoint } : {}) };
      },
      summary: (v) => ({ asset: assetSummary(v.asset), width: v.asset.width, height: v.asset.height, seed: v.seed }),
    };
    const out = await this.run(spec, opts);
    return { asset: out.value.asset, seed: out.value.seed, space: out.entry.key, endpoint: out.endpoint, cached: out.cached, calls: out.calls };
  }

  async imageToModel(req: ImageToModelRequest, opts: CallOptions = {}): Promise<ModelResult> {
    const out = await this.imageToFile("image-to-3d", req, opts, (bytes, signal) => this.storeModel(bytes, signal), (cached) => this.withServedModel(cached));
    return out as ModelResult;
  }

  async imageToSplat(req: ImageToSplatRequest, opts: CallOptions = {}): Promise<SplatResult> {
    const out = await this.imageToFile("image-to-splat", req, opts, async (bytes) => {
      const ply = validatePly(bytes, this.limits.ply);
      const stored = await this.assets.put(bytes, "application/ply");
      return { ...stored, vertices: ply.vertices } satisfies SplatAsset;
    });
    return out as SplatResult;
  }

  private async imageToFile<A extends StoredAsset>(
    capability: "image-to-3d" | "image-to-splat",
    req: ImageToModelRequest,
    opts: CallOptions,
    validateAndStore: (bytes: Buffer, signal: AbortSignal) => Promise<A>,
    /** Completes a cached result (default: as cached); null makes it a miss. */
    fromCachedAsset: (cached: A) => Promise<A | null> = async (cached) => cached,
  ): Promise<{ asset: A; space: string; endpoint: string; cached: boolean; calls: SpaceCallRecord[] }> {
    const parsed = this.parseInput(capability, modelRequestSchema, req, opts);
    const resolved = await this.resolveImage(parsed.image as ImageInput, capability, opts);
    const builtinUrl = this.handOffs.lookup(resolved.sha256, this.clock.now());
    const image: InputImage = builtinUrl ? { ...resolved, builtinUrl } : resolved;
    const norm: NormalizedModelRequest = { image, seed: parsed.seed };
    const mediaType = capability === "image-to-3d" ? "model/gltf-binary" : "application/ply";
    const maxBytes = capability === "image-to-3d" ? this.limits.glb.maxBytes : this.limits.ply.maxBytes;
    const spec: RunSpec<A> = {
      capability,
      candidates: this.candidates(capability, opts),
      plan: (entry) => {
        const adapter = modelAdapterFor(entry, capability);
        const inputs = adapter.inputs(norm);
        return { endpoint: adapter.endpoint, inputs, cacheKey: this.key(entry, adapter.endpoint, adapter.version, inputs, [image.sha256]) };
      },
      fromCache: async (_entry, cached) => {
        const asset = await this.cachedAsset(cached.outputs[0], [mediaType]);
        if (!asset) return null;
        const { kind: _kind, ...meta } = cached.outputs[0] as Record<string, unknown>;
        return fromCachedAsset({ ...meta, ...asset } as unknown as A);
      },
      attempt: async (entry, _plan, ctx) => {
        const adapter = modelAdapterFor(entry, capability);
        const { out, dl } = await this.onSpace(entry, adapter.id, capability, (eps) => adapter.bind(eps, entry.key), ctx, async (bound, s, session) => {
          let out: AdapterOutput;
          try {
            out = await bound(s, norm);
          } catch (e) {
            if (!(entry.builtin && image.builtinUrl) || classifyError(e, ctx.signal).kind !== "input") throw e;
            // The drawing Space no longer has the picture (swept, or restarted): send the bytes, once.
            this.handOffs.forget(image.sha256);
            out = await bound(s, { ...norm, image: resolved });
          }
          ctx.releaseSlot();
          return { out, dl: await this.downloadOutput(out.file, session, ctx, maxBytes) };
        });
        const endpoint = out.endpoint;
        ctx.progress({ stage: "validating" });
        const asset = await validateAndStore(dl.bytes, ctx.signal);
        const { sha256, mediaType: mt, bytes, ...meta } = asset;
        return { value: asset, outputs: [{ kind: "asset", sha256, mediaType: mt, bytes, ...meta }], ...(endpoint ? { endpoint } : {}) };
      },
      summary: (a) => ({ asset: assetSummary(a), ...("vertices" in a ? { vertices: (a as { vertices: number }).vertices } : {}) }),
    };
    const out = await this.run(spec, opts);
    return { asset: out.value, space: out.entry.key, endpoint: out.endpoint, cached: out.cached, calls: out.calls };
  }

  // ── discovered tools ────────────────────────────────────────────────────────────────────────────────────

  async discover(ref: string, opts: { endpoint?: string; signal?: AbortSignal } = {}): Promise<DiscoveredTool> {
    const entry = this.entryFor(ref, "custom");
    const signal = opts.signal ?? new AbortController().signal;
    const [{ session }, about] = await Promise.all([
      this.connections.open(entry, { signal }),
      entry.hf ? fetchAgentsAbout(entry.key, this.fetchImpl) : Promise.resolve(undefined),
    ]);
    session.close();
    const chosen = chooseEndpoint(session.endpoints, opts.endpoint);
    return buildTool(ref.trim(), session.endpoints, chosen, about);
  }

  async callTool(tool: DiscoveredTool, rawArgs: Record<string, unknown>, opts: Omit<CallOptions, "space"> = {}): Promise<ToolCallResult> {
    const entry = this.entryFor(tool.space, "custom");
    let args: Record<string, unknown>;
    try {
      args = parseToolArgs(tool.parameters, rawArgs);
    } catch (e) {
      throw this.inputError("custom", e instanceof Error ? e.message : String(e), opts);
    }
    // Files by sha256 (raw bytes are stored first): the cache key and the provenance never hold bytes.
    const files = new Map<string, InputImage>();
    const inputs: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(args)) {
      if (isFileArg(v)) {
        const f = await this.resolveFile(v, opts);
        files.set(k, f);
        inputs[k] = { sha256: f.sha256 };
      } else if (Array.isArray(v) && v.every(isFileArg)) {
        const list = await Promise.all(v.map((x) => this.resolveFile(x as FileArg, opts)));
        list.forEach((f, i) => files.set(`${k}[${i}]`, f));
        inputs[k] = list.map((f) => ({ sha256: f.sha256 }));
      } else inputs[k] = v;
    }
    const fileShas = [...files.values()].map((f) => f.sha256);
    const expected: ExpectedEndpoint[] = [
      {
        name: tool.endpoint,
        params: Object.keys(args).map((name) => {
          const p = tool.parameters.find((x) => x.name === name)!;
          return { name, kind: expectedKind(p.kind) };
        }),
        returns: tool.returns.map((r) => expectedKind(r.kind)),
      },
    ];
    const spec: RunSpec<unknown[]> = {
      capability: "custom",
      candidates: [entry],
      plan: (e) => ({ endpoint: tool.endpoint, inputs, cacheKey: this.key(e, tool.endpoint, 1, inputs, fileShas) }),
      fromCache: async (_e, cached) => {
        const outputs: unknown[] = [];
        for (const o of cached.outputs) {
          const ref = assetRefSchema.safeParse(o);
          if (!ref.success) {
            outputs.push(o);
            continue;
          }
          if (!(await this.cachedAsset(o, null))) return null;
          if (ref.data.mediaType !== "model/gltf-binary") {
            outputs.push(o);
            continue;
          }
          const model = await this.withServedModel(ref.data as unknown as ModelAsset);
          if (!model) return null;
          outputs.push({ ...model, kind: "asset" });
        }
        return outputs;
      },
      attempt: async (e, _plan, ctx) => {
        const outputs = await this.onSpace(
          e,
          `tool:${tool.endpoint}`,
          "custom",
          (eps) => assertApi(e.key, eps, expected),
          ctx,
          async (_bound, s, session) => {
            const callArgs: Record<string, unknown> = {};
            for (const [k, v] of Object.entries(args)) {
              if (isFileArg(v)) {
                const f = files.get(k)!;
                callArgs[k] = await s.sendFile(f);
              } else if (Array.isArray(v) && v.every(isFileArg)) {
                callArgs[k] = await Promise.all(v.map((_, i) => { const f = files.get(`${k}[${i}]`)!; return s.sendFile(f); }));
              } else callArgs[k] = v;
            }
            const raw = await s.call(tool.endpoint, callArgs);
            ctx.releaseSlot();
            return this.storeOutputs(raw, tool, session, ctx);
          },
        );
        return { value: outputs, outputs };
      },
      summary: (outs) => ({ outputs: outs.map((o) => (assetRefSchema.safeParse(o).success ? o : typeof o)) }),
    };
    const out = await this.run(spec, opts);
    return { outputs: out.value, space: entry.key, endpoint: out.endpoint, cached: out.cached, calls: out.calls };
  }

  /** Outputs of a discovered tool: files downloaded, sniffed, validated and stored; JSON passed through (capped). */
  private async storeOutputs(raw: unknown[], tool: DiscoveredTool, session: SpaceSession, ctx: AttemptContext): Promise<unknown[]> {
    const out: unknown[] = [];
    for (let i = 0; i < raw.length; i++) {
      const value = raw[i];
      const declared = tool.returns[i];
      const ref = declared?.kind === "file" || declared?.kind === undefined ? fileRefOf(value, session.root, session.client.api_prefix || "/gradio_api") : null;
      if (!ref) {
        out.push(capJson(value));
        continue;
      }
      const dl = await downloadFile(ref, this.downloadOptions(session, ctx, Math.max(this.limits.glb.maxBytes, this.limits.image.maxBytes, this.limits.ply.maxBytes)));
      const stored = await this.sniffValidateStore(dl, ctx.signal);
      out.push(stored);
    }
    return out;
  }

  private async sniffValidateStore(dl: Downloaded, signal: AbortSignal): Promise<unknown> {
    const b = dl.bytes;
    // A model is for the hall: validated and prepared for the web like image_to_3d's (storeModel).
    if (b.byteLength >= 4 && b.readUInt32LE(0) === 0x46546c67) return { kind: "asset", ...(await this.storeModel(b, signal)) };
    if (b.subarray(0, 4).toString("latin1") === "ply\n" || b.subarray(0, 5).toString("latin1") === "ply\r\n") {
      const ply = validatePly(b, this.limits.ply);
      const s = await this.assets.put(b, "application/ply");
      return { kind: "asset", ...s, vertices: ply.vertices };
    }
    if (readImageHeader(b)) {
      const img = await validateImage(b, this.limits.image);
      const s = await this.assets.put(img.bytes, img.mediaType);
      return { kind: "asset", ...s, width: img.width, height: img.height };
    }
    // HTML, video, archives…: not stored (we would serve them from our origin), only described.
    return { kind: "file", name: dl.name, bytes: b.byteLength, skipped: "unsupported file type (images, GLB and PLY are stored)" };
  }

  // ── shared machinery ────────────────────────────────────────────────────────────────────────────────────

  private run<T>(spec: RunSpec<T>, opts: CallOptions) {
    return runWithFallback(spec, opts, {
      cache: this.cache,
      clock: this.clock,
      random: this.random,
      retry: this.config.retry,
      breaker: (e) => this.breakerFor(e),
      limiter: (e) => this.limiterFor(e),
      timeoutMs: (e) => timeoutFor(e, this.config),
      onApiChanged: (e) => this.connections.invalidate(e),
    });
  }

  /**
   * Opens a session on the Space (connect or reuse, API check once per connection), runs `work` with an
   * AdapterSession whose calls forward progress and honour the attempt's signal, and closes the session.
   */
  private async onSpace<B, R>(
    entry: SpaceEntry,
    checkId: string,
    capability: Capability | "custom",
    bind: (eps: Record<string, EndpointSpec>) => B,
    ctx: AttemptContext,
    work: (bound: B, s: AdapterSession, session: SpaceSession) => Promise<R>,
  ): Promise<R> {
    const { session, plan } = await this.connections.open(entry, {
      signal: ctx.signal,
      onProgress: ctx.progress,
      check: { id: `${checkId}:${capability}`, run: bind },
    });
    const sink: ProgressSink = ctx.progress;
    const s: AdapterSession = {
      entry,
      endpoints: session.endpoints,
      call: async (endpoint, args) => {
        await ctx.acquireSlot();
        return runEndpoint(session.client, endpoint, args, { signal: ctx.signal, onProgress: sink });
      },
      sendFile: (file) =>
        entry.builtin && file.builtinUrl
          ? Promise.resolve(urlFileRef(file.builtinUrl, file.filename))
          : uploadFile(session.client, file.bytes, file.filename, file.mediaType, ctx.signal),
    };
    try {
      return await work(plan as B, s, session);
    } finally {
      session.close();
      ctx.releaseSlot();
    }
  }

  /** Downloads the file an adapter returned (the bytes, never the path: see files.ts). */
  private async downloadOutput(
    file: unknown,
    session: SpaceSession,
    ctx: AttemptContext,
    maxBytes: number,
  ): Promise<Downloaded & { url: string }> {
    const ref = fileRefOf(file, session.root, session.client.api_prefix || "/gradio_api");
    if (!ref) throw new OutputValidationError(`${session.entry.key} returned no file (got ${describeValue(file)})`);
    ctx.progress({ stage: "downloading" });
    return { ...(await downloadFile(ref, this.downloadOptions(session, ctx, maxBytes))), url: ref.url };
  }

  private downloadOptions(session: SpaceSession, ctx: AttemptContext, maxBytes: number) {
    const origin = new URL(session.root).origin;
    return {
      fetchImpl: this.fetchImpl,
      signal: ctx.signal,
      maxBytes,
      ...(session.entry.hf && this.token ? { token: this.token } : {}),
      // The Space's own origin was vetted at connect; anything else (a CDN, a redirect) is vetted now.
      vet: async (url: string) => {
        if (new URL(url).origin === origin) return;
        await assertSpaceUrlAllowed(url, this.guard);
      },
    };
  }

  private candidates(capability: Capability, opts: CallOptions): SpaceEntry[] {
    if (!opts.space) return [...this.config.spaces[capability]];
    // A swap names one Space: its result or its error, never another Space's (cached or fresh) in its place.
    return [this.entryFor(opts.space, capability)];
  }

  private entryFor(ref: string, capability: Capability | "custom"): SpaceEntry {
    let entry: SpaceEntry;
    try {
      entry = resolveSpaceRef(ref, capability, this.config.builtinBase);
    } catch (e) {
      throw new SpaceClientError(e instanceof Error ? e.message : String(e), "input", []);
    }
    if (!this.known.has(entry.key)) this.known.set(entry.key, entry);
    return entry;
  }

  private breakerFor(e: SpaceEntry): CircuitBreaker {
    let b = this.breakers.get(e.key);
    if (!b) this.breakers.set(e.key, (b = new CircuitBreaker(this.clock, this.config.breaker)));
    return b;
  }

  private limiterFor(e: SpaceEntry): Limiter {
    let l = this.limiters.get(e.key);
    if (!l) this.limiters.set(e.key, (l = new Limiter(concurrencyFor(e, this.config))));
    return l;
  }

  private key(entry: SpaceEntry, endpoint: string, version: number, inputs: Record<string, unknown>, files: string[]): string {
    return cacheKey({ space: entry.key.toLowerCase(), endpoint: `${endpoint}@${version}`, inputs, files });
  }

  private parseInput<S extends z.ZodType>(capability: Capability | "custom", schema: S, req: unknown, opts: CallOptions): z.infer<S> {
    const r = schema.safeParse(req);
    if (r.success) return r.data;
    const msg = `Invalid ${capability} request: ${r.error.issues.map((i) => `${i.path.join(".") || "request"}: ${i.message}`).join("; ")}`;
    throw this.inputError(capability, msg, opts);
  }

  private inputError(capability: Capability | "custom", message: string, opts: CallOptions): SpaceClientError {
    const context = { capability, ...(opts.callId ? { callId: opts.callId } : {}), ...(opts.exhibit ? { exhibit: opts.exhibit } : {}) };
    opts.emit?.(toolEvent("tool.failed", context, { error: message, kind: "input", calls: [] }));
    return new SpaceClientError(message, "input", []);
  }

  private async resolveImage(input: ImageInput, capability: Capability, opts: CallOptions): Promise<InputImage> {
    const f = await this.resolveFile(input, opts, capability);
    if (!f.mediaType.startsWith("image/")) throw this.inputError(capability, `Asset ${f.sha256} is ${f.mediaType}, not an image`, opts);
    return f;
  }

  private async resolveFile(input: FileArg, opts: CallOptions, capability: Capability | "custom" = "custom"): Promise<InputImage> {
    if ("sha256" in input) {
      const [stat, bytes] = await Promise.all([this.assets.stat(input.sha256), this.assets.get(input.sha256)]);
      if (!stat || !bytes) throw this.inputError(capability, `No stored asset ${input.sha256}`, opts);
      return { bytes, mediaType: stat.mediaType, sha256: stat.sha256, filename: `input.${ext(stat.mediaType)}` };
    }
    let stored: StoredAsset;
    try {
      if (readImageHeader(input.bytes)) {
        const img = await validateImage(input.bytes, this.limits.image);
        stored = await this.assets.put(img.bytes, img.mediaType);
        return { bytes: img.bytes, mediaType: img.mediaType, sha256: stored.sha256, filename: `input.${ext(img.mediaType)}` };
      }
      if (input.bytes.byteLength >= 4 && Buffer.from(input.bytes.subarray(0, 4)).toString("latin1") === "glTF") {
        await validateSpaceGlb(input.bytes, this.limits.glb); // an input to a Space: stored, never shown
        stored = await this.assets.put(input.bytes, "model/gltf-binary");
        return { bytes: input.bytes, mediaType: stored.mediaType, sha256: stored.sha256, filename: "input.glb" };
      }
    } catch (e) {
      throw this.inputError(capability, `The input file is invalid: ${e instanceof Error ? e.message : String(e)}`, opts);
    }
    throw this.inputError(capability, "The input file is not a PNG/JPEG/WebP image or a GLB", opts);
  }

  /**
   * A model from a Space: validated and prepared for the web in one trip to the model worker (the bytes cross
   * once), then stored with its web version. A refused model throws OutputValidationError before anything is
   * stored; a valid one that cannot be prepared is stored, its `served` saying why.
   */
  private async storeModel(bytes: Uint8Array, signal?: AbortSignal): Promise<ModelAsset> {
    const { valid, prepared } = await validateAndPrepareSpaceGlb(bytes, this.limits.glb, signal);
    const [original, served] = await Promise.all([
      this.assets.put(bytes, "model/gltf-binary"),
      "glb" in prepared ? this.assets.put(prepared.glb, "model/gltf-binary").then((s): ServedModel => ({ ...s, height: prepared.height })) : prepared,
    ]);
    return { ...original, vertices: valid.vertices, triangles: valid.triangles, served };
  }

  /**
   * A cached model with its web version: the stored one; or, for an entry written before models were prepared on
   * arrival (or whose web version failed or is gone), one made now from the stored original, as the build did then.
   */
  private async withServedModel(cached: ModelAsset): Promise<ModelAsset | null> {
    const served = servedModelSchema.safeParse(cached.served);
    if (served.success && (await this.cachedAsset({ kind: "asset", ...served.data }, ["model/gltf-binary"]))) return { ...cached, served: served.data };
    const original = await this.assets.get(cached.sha256);
    return original ? this.storeModel(original) : null;
  }

  /** A cached asset reference, if the asset is still in the store with an expected media type. */
  private async cachedAsset(ref: unknown, mediaTypes: readonly string[] | null): Promise<StoredAsset | null> {
    const r = assetRefSchema.safeParse(ref);
    if (!r.success) return null;
    if (mediaTypes && !mediaTypes.includes(r.data.mediaType)) return null;
    const stat = await this.assets.stat(r.data.sha256);
    if (!stat || stat.mediaType !== r.data.mediaType) return null;
    return stat;
  }
}

function expectedKind(kind: string): ExpectedKind {
  switch (kind) {
    case "number":
    case "integer":
      return "number";
    case "string":
    case "boolean":
    case "file":
    case "enum":
      return kind;
    default:
      return "any";
  }
}

function ext(mediaType: AssetMediaType | string): string {
  return mediaType === "image/jpeg" ? "jpg" : mediaType === "image/webp" ? "webp" : mediaType === "model/gltf-binary" ? "glb" : "png";
}

function assetSummary(a: StoredAsset): NonNullable<ToolResultSummary["asset"]> {
  return { sha256: a.sha256, mediaType: a.mediaType, bytes: a.bytes };
}

/** JSON outputs are passed to the agent: long strings and big structures are cut to keep events small. */
function capJson(v: unknown): unknown {
  if (typeof v === "string") return v.length > 20_000 ? `${v.slice(0, 20_000)}… [truncated]` : v;
  try {
    const s = JSON.stringify(v);
    if (s !== undefined && s.length > 64_000) return { kind: "omitted", reason: `output of ${s.length} characters` };
  } catch {
    return { kind: "omitted", reason: "not JSON" };
  }
  return v;
}

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  const s = typeof v === "string" ? JSON.stringify(v) : JSON.stringify(v) ?? typeof v;
  return s.length > 120 ? `${s.slice(0, 120)}…` : s;
}

export { SpaceClientError };
