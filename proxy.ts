import { NextResponse, type NextRequest } from "next/server";
import { frameAncestorsFor, pageCsp } from "@/lib/security/headers.mjs";

// Gallery pages are rendered per request (they read the edit cookie), so they can have a strict CSP with a
// fresh script nonce: Next reads the nonce from the request's Content-Security-Policy header and puts it on
// every script it renders. Prerendered pages (home, 404) cannot; next.config.mjs gives them their policy.
// Only /g/… runs through here: the APIs, assets and the built-in Spaces (uploads) never pay for a proxy hop.

function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

export function proxy(request: NextRequest) {
  const csp = pageCsp({
    nonce: newNonce(),
    frameAncestors: frameAncestorsFor(request.nextUrl.pathname),
    dev: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: ["/g/:path*"],
};
