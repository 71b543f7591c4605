import "server-only";
import { z } from "zod";
import type { SpaceCallRecord } from "@/lib/contracts/gallery-view";
import type { StoredAsset } from "@/lib/contracts/asset-store";
import { imageAdapterFor, modelAdapterFor } from "./adapters";
import type { AdapterOutput, InputImage, NormalizedImageRequest, NormalizedModelRequest } from "./adapters/types";
import { imageRequestSchema, modelRequestSchema, parseInput, resolveImage } from "./call-inputs";
import type { RunSpec } from "./call-runner";
import { callKey, runCall, type ClientContext } from "./client-context";
import { classifyError } from "./errors";
import { downloadOutput, onSpace } from "./on-space";
import { assetSummary, cachedAsset, storeImage, storeModel, storeSplat, withServedModel, withServedSplat } from "./stored-outputs";
import type {
  CallOptions,
  ImageAsset,
  ImageInput,
  ImageResult,
  ImageToModelRequest,
  ImageToSplatRequest,
  ModelResult,
  SplatResult,
  TextToImageRequest,
} from "./types";

// The capability calls: "draw this", "model that", "splat that", each across the capability's Spaces in
// fallback order through the Space's adapter (adapters/), with the cache in front and the output validated and
// stored before it counts as a result.

export async function textToImage(ctx: ClientContext, req: TextToImageRequest, opts: CallOptions = {}): Promise<ImageResult> {
  const norm: NormalizedImageRequest = parseInput("text-to-image", imageRequestSchema, req, opts);
  const spec: RunSpec<{ asset: ImageAsset; seed: number }> = {
    capability: "text-to-image",
    candidates: ctx.spaces.candidates("text-to-image", opts),
    plan: (entry) => {
      const adapter = imageAdapterFor(entry);
      const inputs = adapter.inputs(norm);
      return { endpoint: adapter.endpoint, inputs, cacheKey: callKey(entry, adapter.endpoint, adapter.version, inputs, []) };
    },
    fromCache: async (_entry, cached) => {
      const asset = await cachedAsset(ctx, cached.outputs[0], ["image/png", "image/jpeg", "image/webp"]);
      const meta = z.looseObject({ width: z.number(), height: z.number() }).safeParse(cached.outputs[0]);
      if (!asset || !meta.success) return null;
      const seed = typeof cached.outputs[1] === "number" ? cached.outputs[1] : norm.seed;
      return { asset: { ...asset, width: meta.data.width, height: meta.data.height }, seed };
    },
    attempt: async (entry, _plan, attempt) => {
      const adapter = imageAdapterFor(entry);
      const { out, dl } = await onSpace(ctx, entry, adapter.id, adapter.capability, (eps) => adapter.bind(eps, entry.key), attempt, async (bound, s, session) => {
        const out = await bound(s, norm);
        attempt.releaseSlot(); // the Space's job is done: the next exhibit may start while we download
        return { out, dl: await downloadOutput(ctx, out.file, session, attempt, ctx.limits.image.maxBytes) };
      });
      attempt.progress({ stage: "validating" });
      const { reencoded, ...asset } = await storeImage(ctx, dl.bytes);
      // The Space serves exactly these bytes: a built-in image-to-3D Space can read them there (hand-off.ts).
      if (entry.builtin && !reencoded) ctx.handOffs.remember(asset.sha256, dl.url, ctx.clock.now());
      const seed = out.seed ?? norm.seed;
      return { value: { asset, seed }, outputs: [{ kind: "asset", ...asset }, seed], ...(out.endpoint ? { endpoint: out.endpoint } : {}) };
    },
    summary: (v) => ({ asset: assetSummary(v.asset), width: v.asset.width, height: v.asset.height, seed: v.seed }),
  };
  const out = await runCall(ctx, spec, opts);
  return { asset: out.value.asset, seed: out.value.seed, space: out.entry.key, endpoint: out.endpoint, cached: out.cached, calls: out.calls };
}

export async function imageToModel(ctx: ClientContext, req: ImageToModelRequest, opts: CallOptions = {}): Promise<ModelResult> {
  return imageToFile(
    ctx,
    "image-to-3d",
    req,
    opts,
    (bytes, signal) => storeModel(ctx, bytes, signal),
    (cached) => withServedModel(ctx, cached),
  );
}

export async function imageToSplat(ctx: ClientContext, req: ImageToSplatRequest, opts: CallOptions = {}): Promise<SplatResult> {
  return imageToFile(
    ctx,
    "image-to-splat",
    req,
    opts,
    (bytes, signal) => storeSplat(ctx, bytes, signal),
    (cached) => withServedSplat(ctx, cached),
  );
}

/** A picture in, a file out (a model or a splat): the two image-to-* capabilities differ only in what they store. */
async function imageToFile<A extends StoredAsset>(
  ctx: ClientContext,
  capability: "image-to-3d" | "image-to-splat",
  req: ImageToModelRequest,
  opts: CallOptions,
  validateAndStore: (bytes: Buffer, signal: AbortSignal) => Promise<A>,
  /** Completes a cached result (default: as cached); null makes it a miss. */
  fromCachedAsset: (cached: A) => Promise<A | null> = async (cached) => cached,
): Promise<{ asset: A; space: string; endpoint: string; cached: boolean; calls: SpaceCallRecord[] }> {
  const parsed = parseInput(capability, modelRequestSchema, req, opts);
  const resolved = await resolveImage(ctx, parsed.image as ImageInput, capability, opts);
  const builtinUrl = ctx.handOffs.lookup(resolved.sha256, ctx.clock.now());
  const image: InputImage = builtinUrl ? { ...resolved, builtinUrl } : resolved;
  const norm: NormalizedModelRequest = { image, seed: parsed.seed };
  const mediaType = capability === "image-to-3d" ? "model/gltf-binary" : "application/ply";
  const maxBytes = capability === "image-to-3d" ? ctx.limits.glb.maxBytes : ctx.limits.ply.maxBytes;
  const spec: RunSpec<A> = {
    capability,
    candidates: ctx.spaces.candidates(capability, opts),
    plan: (entry) => {
      const adapter = modelAdapterFor(entry, capability);
      const inputs = adapter.inputs(norm);
      return { endpoint: adapter.endpoint, inputs, cacheKey: callKey(entry, adapter.endpoint, adapter.version, inputs, [image.sha256]) };
    },
    fromCache: async (_entry, cached) => {
      const asset = await cachedAsset(ctx, cached.outputs[0], [mediaType]);
      if (!asset) return null;
      const { kind: _kind, ...meta } = cached.outputs[0] as Record<string, unknown>;
      return fromCachedAsset({ ...meta, ...asset } as unknown as A);
    },
    attempt: async (entry, _plan, attempt) => {
      const adapter = modelAdapterFor(entry, capability);
      const { out, dl } = await onSpace(ctx, entry, adapter.id, capability, (eps) => adapter.bind(eps, entry.key), attempt, async (bound, s, session) => {
        let out: AdapterOutput;
        try {
          out = await bound(s, norm);
        } catch (e) {
          if (!(entry.builtin && image.builtinUrl) || classifyError(e, attempt.signal).kind !== "input") throw e;
          // The drawing Space no longer has the picture (swept, or restarted): send the bytes, once.
          ctx.handOffs.forget(image.sha256);
          out = await bound(s, { ...norm, image: resolved });
        }
        attempt.releaseSlot();
        return { out, dl: await downloadOutput(ctx, out.file, session, attempt, maxBytes) };
      });
      attempt.progress({ stage: "validating" });
      const asset = await validateAndStore(dl.bytes, attempt.signal);
      const { sha256, mediaType: mt, bytes, ...meta } = asset;
      return { value: asset, outputs: [{ kind: "asset", sha256, mediaType: mt, bytes, ...meta }], ...(out.endpoint ? { endpoint: out.endpoint } : {}) };
    },
    summary: (a) => ({ asset: assetSummary(a), ...("vertices" in a ? { vertices: (a as { vertices: number }).vertices } : {}) }),
  };
  const out = await runCall(ctx, spec, opts);
  return { asset: out.value, space: out.entry.key, endpoint: out.endpoint, cached: out.cached, calls: out.calls };
}
