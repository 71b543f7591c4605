import "server-only";
import { parseAssetFileName } from "./names";
import type { AssetStore } from "../contracts/asset-store";

const notFound = (): Response =>
  new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** The response for `GET /assets/{file}`; apart from the route so tests can drive it with their own store. */
export async function serveAsset(store: AssetStore, file: string, ifNoneMatch: string | null): Promise<Response> {
  // Exactly `{64 lowercase hex}.{known ext}`: `..%2F`, encoded slashes and other names never reach the disk.
  const name = parseAssetFileName(file);
  if (!name) return notFound();
  const asset = await store.stat(name.sha256);
  // The extension must be the stored type's: one address is served under one Content-Type only.
  if (!asset || asset.mediaType !== name.mediaType) return notFound();

  const etag = `"${asset.sha256}"`;
  const headers = new Headers({
    "Cache-Control": "public, max-age=31536000, immutable",
    ETag: etag,
    "X-Content-Type-Options": "nosniff",
    // An asset opened directly (e.g. a stored text/html) runs in an opaque origin with nothing allowed,
    // so it can never act as the app. Subresource loads (img, fetch of a GLB) are unaffected.
    "Content-Security-Policy": "default-src 'none'; sandbox",
  });
  if (etagMatches(ifNoneMatch, asset.sha256)) return new Response(null, { status: 304, headers });

  // Streamed when the store can (a GLB may be tens of MB), else read whole.
  let body: BodyInit;
  if (store.stream) {
    const stream = await store.stream(asset.sha256);
    if (!stream) return notFound();
    body = stream;
  } else {
    const bytes = await store.get(asset.sha256);
    if (!bytes) return notFound();
    body = new Uint8Array(bytes);
  }
  headers.set("Content-Type", asset.mediaType);
  headers.set("Content-Length", String(asset.bytes));
  return new Response(body, { status: 200, headers });
}

function etagMatches(header: string | null, sha256: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim().replace(/^W\//, "");
    return t === "*" || t === `"${sha256}"` || t === sha256;
  });
}
