import { z } from "zod";
import { extensionFor, type AssetMediaType } from "../contracts/asset-store";

export const assetMediaTypes = [
  "image/png",
  "image/jpeg",
  "image/webp",
  "model/gltf-binary",
  "application/ply",
  "application/x-spz",
  "text/html",
] as const satisfies readonly AssetMediaType[];

export const assetMediaTypeSchema = z.enum(assetMediaTypes);

const SHA256 = /^[0-9a-f]{64}$/;

/** Content addresses are lowercase hex SHA-256: anything else (a path, `..`, uppercase) is refused. */
export function isSha256(value: unknown): value is string {
  return typeof value === "string" && SHA256.test(value);
}

export class InvalidAssetIdError extends Error {
  constructor(value: unknown) {
    super(`not an asset id (64 lowercase hex characters): ${JSON.stringify(String(value).slice(0, 80))}`);
    this.name = "InvalidAssetIdError";
  }
}

export function assertSha256(value: unknown): asserts value is string {
  if (!isSha256(value)) throw new InvalidAssetIdError(value);
}

const byExtension = new Map<string, AssetMediaType>(assetMediaTypes.map((t) => [extensionFor(t), t]));

/** Parses `{sha256}.{ext}` as served under /assets/, or null when it is not exactly that. */
export function parseAssetFileName(name: string): { sha256: string; mediaType: AssetMediaType } | null {
  const match = /^([0-9a-f]{64})\.([a-z]{2,4})$/.exec(name);
  if (!match) return null;
  const mediaType = byExtension.get(match[2]!);
  return mediaType ? { sha256: match[1]!, mediaType } : null;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/**
 * Whether the bytes look like the declared media type (magic numbers). Stored assets are served with
 * `nosniff`, so a mislabelled file would be served under the wrong type forever: refuse it at the door.
 */
export function looksLike(bytes: Uint8Array, mediaType: AssetMediaType): boolean {
  switch (mediaType) {
    case "image/png":
      return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case "image/jpeg":
      return startsWith(bytes, [0xff, 0xd8, 0xff]);
    case "image/webp":
      return startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8);
    case "model/gltf-binary":
      return startsWith(bytes, ascii("glTF"));
    case "application/ply":
      return startsWith(bytes, ascii("ply\n")) || startsWith(bytes, ascii("ply\r\n"));
    case "application/x-spz":
      // SPZ is a gzip stream (its "NGSP" header is inside it).
      return startsWith(bytes, [0x1f, 0x8b]);
    case "text/html":
      return true;
  }
}
