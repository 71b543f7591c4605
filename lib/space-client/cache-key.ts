import "server-only";
import { createHash } from "node:crypto";

// The cache key of a Space call: what determines its result and nothing else. Inputs are normalised first
// (keys sorted, strings NFC + trimmed, -0 → 0, undefined dropped) so that equivalent calls share a key, and
// input files enter by their sha256 so the same picture sent twice is recognised.

export const CACHE_KEY_VERSION = 1;

export interface CacheKeyParts {
  /** Stable Space identity (`owner/name` lower-cased, `builtin:<path>` or a URL). */
  space: string;
  /** Endpoint, or for multi-step adapters the chain (e.g. `/image_to_3d+/extract_glb`). */
  endpoint: string;
  /** Normalisable JSON inputs, seed included. */
  inputs: Record<string, unknown>;
  /** sha256 of every input file, in parameter order. */
  files?: string[];
}

export function cacheKey(parts: CacheKeyParts): string {
  const body = stableStringify({
    v: CACHE_KEY_VERSION,
    space: parts.space,
    endpoint: parts.endpoint,
    inputs: parts.inputs,
    files: parts.files ?? [],
  });
  return createHash("sha256").update(body).digest("hex");
}

/** Deterministic JSON: sorted keys, normalised values. Throws on values JSON cannot represent faithfully. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(normalise(value, "$"));
}

function normalise(value: unknown, path: string): unknown {
  if (value === null) return null;
  switch (typeof value) {
    case "string":
      return value.normalize("NFC").trim();
    case "boolean":
      return value;
    case "number":
      if (!Number.isFinite(value)) throw new Error(`Cannot key a non-finite number at ${path}`);
      return Object.is(value, -0) ? 0 : value;
    case "bigint":
      return value.toString();
    case "undefined":
      return undefined;
    case "object": {
      if (Array.isArray(value)) return value.map((v, i) => normalise(v, `${path}[${i}]`) ?? null);
      if (value instanceof Uint8Array) return { sha256: sha256Hex(value) };
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value).sort()) {
        const v = normalise((value as Record<string, unknown>)[key], `${path}.${key}`);
        if (v !== undefined) out[key] = v;
      }
      return out;
    }
    default:
      throw new Error(`Cannot key a ${typeof value} at ${path}`);
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
