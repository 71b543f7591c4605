import { NextResponse, type NextRequest } from "next/server";
import { frameAncestorsFor, pageCsp } from "@/lib/security/headers.mjs";
import { isMalformedPath, malformedPathResponse } from "@/lib/security/malformed-path";
import { configValue } from "@/lib/platform/config";

// Gallery pages are rendered per request (they read the edit cookie), so they can have a strict CSP with a
// fresh script nonce: Next reads the nonce from the request's Content-Security-Policy header and puts it on
// every script it renders. Prerendered pages (home, 404) cannot; next.config.mjs gives them their policy.
// Only /g/… runs through here, and any path with a `%` in it: Next decodes route parameters before a route
// runs and answers a malformed %-encoding with a bare 500, so those are refused here with a 400 first. The
// APIs, assets and the built-in Spaces (uploads) otherwise never pay for a proxy hop.

function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

/** The origin of ASSET_PUBLIC_URL (a CDN in front of the asset bucket), which the page loads models from. */
function assetOrigin(): string | null {
  const base = configValue("ASSET_PUBLIC_URL");
  return base ? new URL(base).origin : null;
}

export function proxy(request: NextRequest) {
  const pathname = request.nextUrl.pathname;
  if (isMalformedPath(pathname)) return malformedPathResponse(pathname);
  if (!pathname.startsWith("/g/")) return NextResponse.next();
  const csp = pageCsp({
    nonce: newNonce(),
    frameAncestors: frameAncestorsFor(pathname),
    dev: process.env.NODE_ENV === "development",
    assetOrigin: assetOrigin(),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // The second: any path with a `%` (Next matches the raw path as well as the decoded one).
  matcher: ["/g/:path*", "/:encoded(.*%.*)"],
};
