import "server-only";
import type { EndpointSpec } from "../api-info";
import type { FileRef } from "../call";
import type { AdapterId, Capability, SpaceEntry } from "../types";

// An adapter maps the Space client's generic request (prompt + seed + size → image; image + seed → model) onto
// one Space's endpoint(s) and back. It states what it relies on in the Space's API (checked at connect, see
// api-check.ts) and pins the parameters that change the result, so they are recorded and cached; everything
// else about a call (the other parameters, ranges, choices) comes from the Space's schema (input-fit.ts).

export interface NormalizedImageRequest {
  prompt: string;
  seed: number;
  width: number;
  height: number;
}

export interface InputImage {
  bytes: Uint8Array;
  mediaType: string;
  sha256: string;
  filename: string;
  /**
   * Where a built-in Space serves exactly these bytes (see hand-off.ts): a built-in Space is sent this URL
   * instead of an upload.
   */
  builtinUrl?: string;
}

export interface NormalizedModelRequest {
  image: InputImage;
  seed: number;
}

/** What an adapter hands back: the raw output value holding the file (FileData…), plus what the Space said. */
export interface AdapterOutput {
  file: unknown;
  seed?: number;
  /** The endpoint really called, when it is not the adapter's own label: picked at connect (generic adapters), re-resolved, or a fallback endpoint. */
  endpoint?: string;
}

/** The calls an adapter may make on its session. */
export interface AdapterSession {
  readonly entry: SpaceEntry;
  readonly endpoints: Record<string, EndpointSpec>;
  /** Calls an endpoint by name; the arguments are fitted to its schema first (input-fit.ts). */
  call(endpoint: string, args: Record<string, unknown>): Promise<unknown[]>;
  /** A line for the build log (an endpoint re-resolved, a fallback endpoint taken). */
  note(message: string): void;
  /** Puts a file on the Space for a call: an upload, or its URL when both Spaces are built-in (hand-off.ts). */
  sendFile(file: InputImage): Promise<FileRef>;
}

export type BoundAdapter<Req> = (session: AdapterSession, req: Req) => Promise<AdapterOutput>;

export interface Adapter<Req> {
  id: AdapterId;
  capability: Capability;
  /** Endpoint (or chain) label for records and cache keys, known before connecting. */
  endpoint: string;
  /** Bump when the mapping changes: cached results of the old mapping stop matching. */
  version: number;
  /** The Space-specific inputs this request becomes (files by sha256): provenance and cache key. */
  inputs(req: Req): Record<string, unknown>;
  /** Checks the Space's API (throws ApiChangedError) and returns the call bound to it. */
  bind(endpoints: Record<string, EndpointSpec>, space: string): BoundAdapter<Req>;
}

export type ImageAdapter = Adapter<NormalizedImageRequest>;
export type ModelAdapter = Adapter<NormalizedModelRequest>;

/** Rounds `v` to a multiple of `step` inside [min, max] (diffusion models want sizes in multiples of 16/32). */
export function snap(v: number, min: number, max: number, step: number): number {
  const clamped = Math.min(max, Math.max(min, v));
  return Math.min(max, Math.max(min, Math.round(clamped / step) * step));
}

/** A number output, or the fallback (a Space that returns the seed as a string or not at all). */
export function numberOr(v: unknown, fallback: number): number {
  const n = typeof v === "string" ? Number(v) : v;
  return typeof n === "number" && Number.isFinite(n) ? n : fallback;
}
