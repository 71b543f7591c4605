import "server-only";
import { z } from "zod";
import type { AssetMediaType, StoredAsset } from "@/lib/contracts/asset-store";
import { toolEvent } from "@/lib/contracts/tool-events";
import { readImageHeader } from "@/lib/media/image-header";
import type { InputImage } from "./adapters/types";
import { SpaceClientError } from "./call-runner";
import type { ClientContext } from "./client-context";
import { sha256Schema } from "./stored-outputs";
import type { FileArg } from "./tool-args";
import type { CallOptions, Capability, ImageInput } from "./types";
import { validateSpaceGlb } from "./validate/glb";
import { validateImage } from "./validate/image";

// What a caller hands in, checked before any Space is touched: requests through zod, input files resolved
// from the store (or validated and stored first, so they have a sha256 to key and record by). A refusal is an
// "input" failure, reported as tool.failed like any other, and never reaches a Space.

const MAX_SEED = 2 ** 31 - 1;

export const imageRequestSchema = z.object({
  prompt: z.string().trim().min(1, "the prompt is empty").max(2000, "the prompt is over 2000 characters"),
  seed: z.number().int().min(0).max(MAX_SEED),
  width: z.number().int().min(64).max(4096).default(1024),
  height: z.number().int().min(64).max(4096).default(1024),
});
const imageInputSchema = z.union([z.object({ sha256: sha256Schema }), z.object({ bytes: z.instanceof(Uint8Array) })]);
export const modelRequestSchema = z.object({ image: imageInputSchema, seed: z.number().int().min(0).max(MAX_SEED) });

export function parseInput<S extends z.ZodType>(capability: Capability | "custom", schema: S, req: unknown, opts: CallOptions): z.infer<S> {
  const r = schema.safeParse(req);
  if (r.success) return r.data;
  const msg = `Invalid ${capability} request: ${r.error.issues.map((i) => `${i.path.join(".") || "request"}: ${i.message}`).join("; ")}`;
  throw inputError(capability, msg, opts);
}

/** A refused call: tool.failed with kind "input", and the error to throw. */
export function inputError(capability: Capability | "custom", message: string, opts: CallOptions): SpaceClientError {
  const context = { capability, ...(opts.callId ? { callId: opts.callId } : {}), ...(opts.exhibit ? { exhibit: opts.exhibit } : {}) };
  opts.emit?.(toolEvent("tool.failed", context, { error: message, kind: "input", calls: [] }));
  return new SpaceClientError(message, "input", []);
}

export async function resolveImage(ctx: ClientContext, input: ImageInput, capability: Capability, opts: CallOptions): Promise<InputImage> {
  const f = await resolveFile(ctx, input, opts, capability);
  if (!f.mediaType.startsWith("image/")) throw inputError(capability, `Asset ${f.sha256} is ${f.mediaType}, not an image`, opts);
  return f;
}

/** An input file: a stored asset by sha256, or bytes (a picture or a GLB) validated and stored first. */
export async function resolveFile(ctx: ClientContext, input: FileArg, opts: CallOptions, capability: Capability | "custom" = "custom"): Promise<InputImage> {
  if ("sha256" in input) {
    const [stat, bytes] = await Promise.all([ctx.assets.stat(input.sha256), ctx.assets.get(input.sha256)]);
    if (!stat || !bytes) throw inputError(capability, `No stored asset ${input.sha256}`, opts);
    return { bytes, mediaType: stat.mediaType, sha256: stat.sha256, filename: `input.${ext(stat.mediaType)}` };
  }
  let stored: StoredAsset;
  try {
    if (readImageHeader(input.bytes)) {
      const img = await validateImage(input.bytes, ctx.limits.image);
      stored = await ctx.assets.put(img.bytes, img.mediaType);
      return { bytes: img.bytes, mediaType: img.mediaType, sha256: stored.sha256, filename: `input.${ext(img.mediaType)}` };
    }
    if (input.bytes.byteLength >= 4 && Buffer.from(input.bytes.subarray(0, 4)).toString("latin1") === "glTF") {
      await validateSpaceGlb(input.bytes, ctx.limits.glb); // an input to a Space: stored, never shown
      stored = await ctx.assets.put(input.bytes, "model/gltf-binary");
      return { bytes: input.bytes, mediaType: stored.mediaType, sha256: stored.sha256, filename: "input.glb" };
    }
  } catch (e) {
    throw inputError(capability, `The input file is invalid: ${e instanceof Error ? e.message : String(e)}`, opts);
  }
  throw inputError(capability, "The input file is not a PNG/JPEG/WebP image or a GLB", opts);
}

function ext(mediaType: AssetMediaType | string): string {
  return mediaType === "image/jpeg" ? "jpg" : mediaType === "image/webp" ? "webp" : mediaType === "model/gltf-binary" ? "glb" : "png";
}
