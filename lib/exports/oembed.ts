// oEmbed (https://oembed.com): what a tool that speaks it gets for a gallery link — a "rich" answer whose HTML is
// the embed page in an <iframe>. Pure functions: the route (app/api/oembed/route.ts) reads the gallery and the
// request's origin and hands them in. Only links to this site's galleries are answered (a foreign URL is a 400:
// we do not proxy other providers).

export const GALLERY_ID = /^[A-Za-z0-9_-]{10,64}$/;

/** The embed's size when the consumer asks for none (16:9, what a blog column holds). */
export const DEFAULT_SIZE = { width: 800, height: 450 } as const;
const MIN_SIDE = 200;
const MAX_SIDE = 4000;

export type OembedRequest =
  | { ok: true; galleryId: string; maxWidth: number | null; maxHeight: number | null; format: "json" | "xml" }
  | { ok: false; status: 400 | 501; error: string };

/** Reads `url`, `maxwidth`, `maxheight` and `format` as the spec (§2.2) defines them. */
export function parseOembedRequest(params: URLSearchParams, origin: string): OembedRequest {
  const format = params.get("format") ?? "json";
  // §2.2: a provider that does not support a requested format answers 501 Not Implemented.
  if (format !== "json" && format !== "xml") return { ok: false, status: 400, error: "format must be json." };
  if (format === "xml") return { ok: false, status: 501, error: "Only the json format is implemented." };
  const raw = params.get("url");
  if (!raw) return { ok: false, status: 400, error: "The url parameter is missing." };
  if (raw.length > 2000) return { ok: false, status: 400, error: "The url is too long." };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, status: 400, error: "The url is not a URL." };
  }
  if (url.origin !== new URL(origin).origin) return { ok: false, status: 400, error: `Only gallery links of ${new URL(origin).origin} are answered here.` };
  const m = /^\/g\/([^/]+)(?:\/(?:embed|catalogue))?\/?$/.exec(url.pathname);
  if (!m || !GALLERY_ID.test(m[1]!)) return { ok: false, status: 400, error: "The url is not a gallery link (/g/{id})." };
  const maxWidth = dimension(params.get("maxwidth"));
  const maxHeight = dimension(params.get("maxheight"));
  if (maxWidth === undefined || maxHeight === undefined) return { ok: false, status: 400, error: "maxwidth and maxheight must be whole numbers of pixels." };
  return { ok: true, galleryId: m[1]!, maxWidth, maxHeight, format: "json" };
}

/** null when absent; undefined when present but not a positive whole number. */
function dimension(v: string | null): number | null | undefined {
  if (v === null || v === "") return null;
  if (!/^\d{1,6}$/.test(v)) return undefined;
  const n = Number(v);
  return n > 0 ? n : undefined;
}

/** The frame's size: the default 16:9, shrunk (keeping the ratio) to fit maxwidth/maxheight, never below a usable minimum. */
export function embedSize(maxWidth: number | null, maxHeight: number | null): { width: number; height: number } {
  let { width, height } = DEFAULT_SIZE as { width: number; height: number };
  const ratio = height / width;
  if (maxWidth !== null && width > maxWidth) {
    width = maxWidth;
    height = Math.round(width * ratio);
  }
  if (maxHeight !== null && height > maxHeight) {
    height = maxHeight;
    width = Math.round(height / ratio);
  }
  return { width: clamp(width), height: clamp(height) };
}

function clamp(n: number): number {
  return Math.min(MAX_SIDE, Math.max(MIN_SIDE, Math.round(n)));
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** The <iframe> snippet for a gallery's embed page (the Share panel's "Embed" and the oEmbed `html`). */
export function iframeSnippet(embedUrl: string, title: string, size: { width: number; height: number } = DEFAULT_SIZE): string {
  return (
    `<iframe src="${escapeHtml(embedUrl)}" width="${size.width}" height="${size.height}" title="${escapeHtml(title)}" ` +
    `style="border:0" loading="lazy" allow="fullscreen; xr-spatial-tracking" allowfullscreen></iframe>`
  );
}

export interface OembedResponse {
  version: "1.0";
  type: "rich";
  title: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
  cache_age: number;
}

export function oembedResponse(input: { origin: string; galleryId: string; title: string; maxWidth: number | null; maxHeight: number | null }): OembedResponse {
  const size = embedSize(input.maxWidth, input.maxHeight);
  const embedUrl = new URL(`/g/${input.galleryId}/embed`, input.origin).href;
  return {
    version: "1.0",
    type: "rich",
    title: input.title,
    provider_name: "Vernissage",
    provider_url: new URL("/", input.origin).href,
    html: iframeSnippet(embedUrl, input.title, size),
    width: size.width,
    height: size.height,
    // A gallery's title can change (a build names it): an hour is a fair time for a consumer to keep it.
    cache_age: 3600,
  };
}
