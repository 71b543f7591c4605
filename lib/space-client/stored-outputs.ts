import "server-only";
import { z } from "zod";
import type { StoredAsset } from "@/lib/contracts/asset-store";
import type { ToolResultSummary } from "@/lib/contracts/tool-events";
import { readImageHeader } from "@/lib/media/image-header";
import type { ClientContext } from "./client-context";
import type { Downloaded } from "./files";
import type { ImageAsset, ModelAsset, ServedModel, SplatAsset } from "./types";
import { validateAndPrepareSpaceGlb } from "./validate/glb";
import { validateImage } from "./validate/image";
import { validatePly } from "./validate/ply";
import { validateAndPrepareSpaceSplat } from "./validate/splat";

// What a Space hands back, validated and put in the asset store, and read back from the cache: a picture with
// its size, a model with its web version (GLB), a splat with its web version (SPZ). Nothing is stored before it passed
// validation; a cached reference counts only while its asset is still in the store.

/** A stored asset's name. */
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

/** An output as cached: a stored file by reference, with what was measured of it. */
export const assetRefSchema = z.looseObject({
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

/** A splat's web version (SPZ) as a result (or a cached one) names it: see SplatAsset.served. */
export const servedSplatSchema = z.object({
  sha256: sha256Schema,
  mediaType: z.literal("application/x-spz"),
  bytes: z.number().int().nonnegative(),
  height: z.number().positive(),
}) satisfies z.ZodType<ServedModel>;

/** A picture from a Space: validated (re-encoded when it must be), measured and stored. */
export async function storeImage(ctx: ClientContext, bytes: Uint8Array): Promise<ImageAsset & { reencoded: boolean }> {
  const img = await validateImage(bytes, ctx.limits.image);
  const stored = await ctx.assets.put(img.bytes, img.mediaType);
  return { ...stored, width: img.width, height: img.height, reencoded: img.reencoded };
}

/**
 * A Gaussian splat from a Space: its header checked here (cheap, so an HTML page saved as .ply never reaches a
 * worker), then validated and prepared for the web in one trip to the model worker, and stored with its served
 * SPZ. A refused splat throws OutputValidationError before anything is stored; a valid one that cannot be shown
 * is stored, its `served` saying why. The original stays for download.
 */
export async function storeSplat(ctx: ClientContext, bytes: Buffer, signal?: AbortSignal): Promise<SplatAsset> {
  validatePly(bytes, ctx.limits.ply);
  const { valid, prepared } = await validateAndPrepareSpaceSplat(bytes, ctx.limits.ply, signal);
  const [original, served] = await Promise.all([
    ctx.assets.put(bytes, "application/ply"),
    "spz" in prepared ? ctx.assets.put(prepared.spz, "application/x-spz").then((s): ServedModel => ({ ...s, height: prepared.height })) : prepared,
  ]);
  return { ...original, vertices: valid.count, served };
}

/** A cached splat with its served SPZ: the stored one, or one made now from the stored original. */
export async function withServedSplat(ctx: ClientContext, cached: SplatAsset): Promise<SplatAsset | null> {
  const served = servedSplatSchema.safeParse(cached.served);
  if (served.success && (await cachedAsset(ctx, { kind: "asset", ...served.data }, ["application/x-spz"]))) return { ...cached, served: served.data };
  const original = await ctx.assets.get(cached.sha256);
  return original ? storeSplat(ctx, original) : null;
}

/**
 * A model from a Space: validated and prepared for the web in one trip to the model worker (the bytes cross
 * once), then stored with its web version. A refused model throws OutputValidationError before anything is
 * stored; a valid one that cannot be prepared is stored, its `served` saying why.
 */
export async function storeModel(ctx: ClientContext, bytes: Uint8Array, signal?: AbortSignal): Promise<ModelAsset> {
  const { valid, prepared } = await validateAndPrepareSpaceGlb(bytes, ctx.limits.glb, signal);
  const [original, served] = await Promise.all([
    ctx.assets.put(bytes, "model/gltf-binary"),
    "glb" in prepared ? ctx.assets.put(prepared.glb, "model/gltf-binary").then((s): ServedModel => ({ ...s, height: prepared.height })) : prepared,
  ]);
  return { ...original, vertices: valid.vertices, triangles: valid.triangles, served };
}

/**
 * Any file a discovered Space returned, by what its bytes are: a GLB, a PLY or a picture is validated and
 * stored like a capability's output; anything else (HTML, video, archives…) is only described, never stored,
 * because we would serve it from our origin.
 */
export async function storeAnyFile(ctx: ClientContext, dl: Downloaded, signal: AbortSignal): Promise<unknown> {
  const b = dl.bytes;
  // A model is for the hall: validated and prepared for the web like image_to_3d's.
  if (b.byteLength >= 4 && b.readUInt32LE(0) === 0x46546c67) return { kind: "asset", ...(await storeModel(ctx, b, signal)) };
  if (b.subarray(0, 4).toString("latin1") === "ply\n" || b.subarray(0, 5).toString("latin1") === "ply\r\n") {
    return { kind: "asset", ...(await storeSplat(ctx, b, signal)) };
  }
  if (readImageHeader(b)) {
    const { reencoded: _reencoded, ...image } = await storeImage(ctx, b);
    return { kind: "asset", ...image };
  }
  return { kind: "file", name: dl.name, bytes: b.byteLength, skipped: "unsupported file type (images, GLB and PLY are stored)" };
}

/**
 * A cached model with its web version: the stored one; or, for an entry written before models were prepared on
 * arrival (or whose web version failed or is gone), one made now from the stored original, as the build did then.
 */
export async function withServedModel(ctx: ClientContext, cached: ModelAsset): Promise<ModelAsset | null> {
  const served = servedModelSchema.safeParse(cached.served);
  if (served.success && (await cachedAsset(ctx, { kind: "asset", ...served.data }, ["model/gltf-binary"]))) return { ...cached, served: served.data };
  const original = await ctx.assets.get(cached.sha256);
  return original ? storeModel(ctx, original) : null;
}

/** A cached asset reference, if the asset is still in the store with an expected media type. */
export async function cachedAsset(ctx: ClientContext, ref: unknown, mediaTypes: readonly string[] | null): Promise<StoredAsset | null> {
  const r = assetRefSchema.safeParse(ref);
  if (!r.success) return null;
  if (mediaTypes && !mediaTypes.includes(r.data.mediaType)) return null;
  const stat = await ctx.assets.stat(r.data.sha256);
  if (!stat || stat.mediaType !== r.data.mediaType) return null;
  return stat;
}

/** JSON outputs are passed to the agent: long strings and big structures are cut to keep events small. */
export function capJson(v: unknown): unknown {
  if (typeof v === "string") return v.length > 20_000 ? `${v.slice(0, 20_000)}… [truncated]` : v;
  try {
    const s = JSON.stringify(v);
    if (s !== undefined && s.length > 64_000) return { kind: "omitted", reason: `output of ${s.length} characters` };
  } catch {
    return { kind: "omitted", reason: "not JSON" };
  }
  return v;
}

export function assetSummary(a: StoredAsset): NonNullable<ToolResultSummary["asset"]> {
  return { sha256: a.sha256, mediaType: a.mediaType, bytes: a.bytes };
}
