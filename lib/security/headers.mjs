// @ts-check
// The app's security headers, in one place for next.config.mjs (every response) and proxy.ts (the gallery
// pages' per-request nonce). Plain JavaScript because next.config.mjs is loaded by Node without a compiler;
// types for TypeScript callers are in headers.d.mts.

/**
 * The page policy: only what the app really uses.
 * - scripts from this origin; inline scripts by nonce where the page is rendered per request (galleries), or
 *   'unsafe-inline' where the page is prerendered at build time (home, 404): a static page has no request to
 *   take a nonce from, and Next's inline bootstrap (`self.__next_f.push`) must run. 'unsafe-eval' only in dev.
 * - 'wasm-unsafe-eval': three's Draco decoder (and meshopt) compile WebAssembly in the browser.
 * - worker-src blob:: DRACOLoader runs its decoder in workers built from blob URLs.
 * - connect-src blob: data:: GLTFLoader fetches a GLB's embedded textures through blob/data URLs.
 * - style-src 'unsafe-inline': React's inline style attributes (a nonce cannot cover attributes).
 * - frame-ancestors: see `frameAncestors` below.
 * - assetOrigin: where pictures and models are loaded from when a CDN serves them (ASSET_PUBLIC_URL).
 * @param {{ nonce?: string | null, frameAncestors?: string, dev?: boolean, assetOrigin?: string | null }} [options]
 * @returns {string}
 */
export function pageCsp({ nonce = null, frameAncestors = "'self'", dev = false, assetOrigin = null } = {}) {
  const assets = assetOrigin ? ` ${assetOrigin}` : "";
  const scripts = ["'self'", nonce ? `'nonce-${nonce}'` : "'unsafe-inline'", "'wasm-unsafe-eval'", ...(dev ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${assets}`,
    "font-src 'self' data:",
    `connect-src 'self' blob: data:${assets}${dev ? " ws: wss:" : ""}`,
    "worker-src 'self' blob:",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

/** JSON APIs and the built-in Spaces' protocol: nothing in them is a page, so nothing may load or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** What /assets serves (lib/assets/serve.ts sends the same on every asset): opened directly, nothing runs. */
export const ASSET_CSP = "default-src 'none'; sandbox";

/**
 * Who may frame a page. Only a gallery's embed page (`/g/{id}/embed`) may be framed by any site: it is the
 * view-only hall, and it never renders or accepts an edit (lib/auth/edit-capability.ts refuses the edit
 * capability to a framed request and to anything the embed page sends). Every other page, the full gallery page
 * with its edit controls included, may be framed only by our own pages.
 * @param {string} pathname
 * @returns {string}
 */
export function frameAncestorsFor(pathname) {
  return EMBED_PATH.test(pathname) ? "*" : "'self'";
}

/** A gallery's embed page. */
export const EMBED_PATH = /^\/g\/[^/]+\/embed\/?$/;

export const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "hid=()",
  "browsing-topics=()",
  // Harmless to allow for ourselves: a future WebXR walk-through needs it; embedders must still delegate it.
  "xr-spatial-tracking=(self)",
  "fullscreen=(self)",
].join(", ");

/** Sent on every response, whatever serves it. */
export const BASE_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/**
 * next.config.mjs `headers()`: later rules override earlier ones for the same key.
 * Gallery pages (/g/…) get their nonce CSP from proxy.ts instead.
 * @param {{ dev?: boolean }} [options]
 */
export function headerRules({ dev = false } = {}) {
  return [
    { source: "/:path*", headers: BASE_HEADERS },
    // Prerendered pages and everything else that is not an API, an asset or a gallery.
    {
      source: "/:path((?!g/|api/|spaces/|assets/).*)",
      headers: [{ key: "Content-Security-Policy", value: pageCsp({ dev }) }],
    },
    { source: "/", headers: [{ key: "Content-Security-Policy", value: pageCsp({ dev }) }] },
    { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
    {
      // Gradio clients read a Space's config, API info and files from other origins, as on huggingface.co.
      // No credentials are involved (no cookies are read there), and JSON POSTs still need a preflight we do not answer.
      source: "/spaces/:path*",
      headers: [
        { key: "Content-Security-Policy", value: API_CSP },
        { key: "Access-Control-Allow-Origin", value: "*" },
      ],
    },
    // Also on the route's 404s, which serve.ts answers without it.
    { source: "/assets/:path*", headers: [{ key: "Content-Security-Policy", value: ASSET_CSP }] },
    // An edit link carries its token in the query: the redemption must not leak it in a Referer.
    { source: "/g/:id/edit", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
  ];
}
