import "server-only";
import { headers } from "next/headers";

/**
 * The origin the current request was made to (behind a proxy, the one it forwarded), for absolute URLs a page
 * hands out: share and edit links, and the metadataBase that makes its preview image's URL absolute. Read per
 * request rather than configured, so one build serves any address it is reached at. A forwarded or Host header
 * that is no host at all is passed over, never thrown: the page still renders.
 */
export async function requestOrigin(): Promise<URL> {
  return originFromHeaders(await headers());
}

/** The same, for a route handler that holds its Request. */
export function originOfRequest(request: Request): URL {
  return originFromHeaders(request.headers);
}

function originFromHeaders(h: Pick<Headers, "get">): URL {
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  for (const host of [h.get("x-forwarded-host"), h.get("host")]) {
    if (!host) continue;
    try {
      return new URL(`${proto}://${host}`);
    } catch {
      // not a host: try the next
    }
  }
  return new URL("http://localhost:3000");
}
