import "server-only";
import type { StoredAsset } from "@/lib/contracts/asset-store";
import type { Emit } from "@/lib/contracts/build-events";
import type { SpaceCallRecord } from "@/lib/contracts/gallery-view";

// The Space client's public vocabulary. Everything a caller (the agent's tools, the build runner, the bench) needs
// to type its side of a call lives here; implementation modules import from it, never the other way round.

export type Capability = "text-to-image" | "image-to-3d" | "image-to-splat";
export const capabilities: readonly Capability[] = ["text-to-image", "image-to-3d", "image-to-splat"];

export type AdapterId =
  | "sketch"
  | "builtin-shape"
  | "flux-schnell"
  | "flux-klein"
  | "trellis2"
  | "trellis-community"
  | "hunyuan3d2"
  | "triposplat"
  | "generic";

/** One configured Space, resolved: how to reach it, how to talk to it, how to name it. */
export interface SpaceEntry {
  /**
   * Stable identity: `owner/name` as written in the catalogue for Hub Spaces, `builtin:<path>` for built-ins
   * (independent of PORT), the URL otherwise. Keys the cache, the limiter, the breaker and the records.
   */
  key: string;
  /** What `Client.connect` receives: a Hub id (`owner/name`) or a full URL. */
  target: string;
  capability: Capability | "custom";
  adapter: AdapterId;
  builtin: boolean;
  /** A ZeroGPU Space: one job at a time per user, and calls spend the user's GPU quota. */
  zeroGpu: boolean;
  /** On a Hugging Face host, so HF_TOKEN may be sent with its requests and file downloads. */
  hf: boolean;
}

/** Options every Space client call takes. */
export interface CallOptions {
  /** Aborts waiting, the Space job (cancelled on the Space), downloads and validation. */
  signal?: AbortSignal;
  /** Receives tool.* events; omit to run silently. */
  emit?: Emit;
  /** The exhibit this call is for: copied into every event so the build log can group them. */
  exhibit?: string;
  /** Correlates the events of one logical call (the agent's ToolContext.callId). */
  callId?: string;
  /** Prefer this Space (id, URL or built-in name) before the configured order: a "swap". */
  space?: string;
  /** Skip the cache read (the result is still written): "regenerate exactly this". */
  bypassCache?: boolean;
}

/** An input picture: an asset already in the store, or raw bytes (stored first, so they get a sha256). */
export type ImageInput = { sha256: string } | { bytes: Uint8Array };

export interface TextToImageRequest {
  prompt: string;
  seed: number;
  /** Pixels; adapters clamp to what their Space accepts. Default 1024. */
  width?: number;
  height?: number;
}

export interface ImageToModelRequest {
  image: ImageInput;
  seed: number;
}

export type ImageToSplatRequest = ImageToModelRequest;

export interface ImageAsset extends StoredAsset {
  width: number;
  height: number;
}

export interface ModelAsset extends StoredAsset {
  vertices: number;
  triangles: number;
  /**
   * What the gallery shows: the model prepared for the web (lib/models/prepare.ts) from the same bytes, in the
   * same worker trip as its validation, and stored beside it; or why it could not be (valid glTF that cannot
   * stand on a plinth, e.g. a flat one).
   */
  served: ServedModel | { error: string };
}

/** A model's or a splat's web version: upright, `height` metres tall, optimised and compressed (GLB or SPZ). */
export interface ServedModel extends StoredAsset {
  height: number;
}

export interface SplatAsset extends StoredAsset {
  /** Gaussians in the original `.ply`. */
  vertices: number;
  /**
   * What the gallery shows: the splat prepared for the web (lib/splats/prepare.ts: pruned, upright, centred on
   * its plinth, `height` metres tall, SPZ v3) in the same worker trip as its validation, stored beside the
   * original; or why it could not be (nothing visible left, flat).
   */
  served: ServedModel | { error: string };
}

/** What every capability call returns. */
export interface ToolResult<A> {
  asset: A;
  /** Key of the Space that produced it (see SpaceEntry.key). */
  space: string;
  endpoint: string;
  /** True when served from the cache: no network call, no quota spent. */
  cached: boolean;
  /** Every Space tried, in order, including the failures that led to a fallback. */
  calls: SpaceCallRecord[];
}

export interface ImageResult extends ToolResult<ImageAsset> {
  /** The seed the Space reports it used (equal to the request's unless the Space overrides it). */
  seed: number;
}

export type ModelResult = ToolResult<ModelAsset>;
export type SplatResult = ToolResult<SplatAsset>;
