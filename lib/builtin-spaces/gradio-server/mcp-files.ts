import "server-only";
// File inputs of an MCP call are URLs (Gradio's MCP server downloads http(s) URLs and decodes data: URLs). Ours:
// - a data: URL is decoded and stored in the Space's file store (bounded like an upload);
// - a URL naming a file a built-in Space serves is handed on as is (args.ts maps it to that file, never a fetch);
// - any other http(s) URL is fetched only when it passes the same SSRF rules as the Space client's
//   (lib/security/url-rules.ts: https, a Hugging Face Space host or an allowed host, public addresses only),
//   re-checked on every redirect, bounded in size and time. Without `fetchUrls` nothing is fetched.
import { readCapped, TooLargeError } from "@/lib/platform/read-capped";
import { checkPublicUrl, type LookupFn } from "@/lib/security/url-rules";
import { GradioError } from "./errors";
import type { FileStore } from "./files";

export interface McpUrlFetchOptions {
  /** Hosts allowed besides *.hf.space (SPACES_ALLOWED_HOSTS). */
  allowedHosts: readonly string[];
  lookup?: LookupFn;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

export interface McpFileContext {
  files: FileStore;
  /** Whether a URL names a file some built-in Space serves (resolved later by args.ts). */
  isOwnFile(url: string): Promise<boolean>;
  fetchUrls?: McpUrlFetchOptions;
  signal: AbortSignal;
}

const MAX_REDIRECTS = 3;
const EXTENSIONS: Record<string, string> = {
  "image/png": ".png",
  "image/jpeg": ".jpg",
  "image/webp": ".webp",
  "image/gif": ".gif",
  "model/gltf-binary": ".glb",
};

function refused(name: string, why: string): GradioError {
  return new GradioError(`Invalid value for parameter "${name}": ${why}`);
}

/** The value args.ts receives for one file parameter: the URL itself (own files) or `{ path }` of a stored copy. */
export async function mcpFileArgument(name: string, value: unknown, ctx: McpFileContext): Promise<unknown> {
  if (typeof value !== "string" || value.length === 0) throw refused(name, "expected a URL string (http, https or data:).");
  if (value.startsWith("data:")) return store(name, decodeDataUrl(name, value, ctx.files.maxFileBytes), ctx);
  if (!/^https?:\/\//i.test(value)) throw refused(name, "expected an http(s) URL or a data: URL.");
  if (await ctx.isOwnFile(value)) return value;
  if (!ctx.fetchUrls) throw refused(name, `cannot fetch ${value}: this Space reads only its own files and data: URLs.`);
  return store(name, await fetchBounded(name, value, ctx.fetchUrls, ctx.files.maxFileBytes, ctx.signal), ctx);
}

async function store(name: string, file: { bytes: Uint8Array; fileName: string }, ctx: McpFileContext): Promise<{ path: string; orig_name: string }> {
  try {
    const stored = await ctx.files.write(file.bytes, file.fileName);
    return { path: stored.path, orig_name: stored.name };
  } catch (err) {
    throw refused(name, err instanceof Error ? err.message : "the file could not be stored.");
  }
}

function decodeDataUrl(name: string, url: string, maxBytes: number): { bytes: Uint8Array; fileName: string } {
  const comma = url.indexOf(",");
  const header = comma < 0 ? "" : url.slice(5, comma);
  if (comma < 0 || !/;base64$/i.test(header)) throw refused(name, "a data: URL must be base64 (data:<type>;base64,<data>).");
  const body = url.slice(comma + 1);
  if ((body.length * 3) / 4 > maxBytes + 4) throw refused(name, `the file is larger than ${maxBytes} bytes.`);
  if (!/^[A-Za-z0-9+/=\s]*$/.test(body)) throw refused(name, "the data: URL is not valid base64.");
  const bytes = Buffer.from(body, "base64");
  if (bytes.byteLength === 0) throw refused(name, "the data: URL is empty.");
  const mediaType = header.replace(/;base64$/i, "").split(";")[0]!.trim().toLowerCase();
  return { bytes, fileName: `input${EXTENSIONS[mediaType] ?? ""}` };
}

async function fetchBounded(
  name: string,
  url: string,
  opts: McpUrlFetchOptions,
  maxBytes: number,
  signal: AbortSignal,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const fetchImpl = opts.fetchImpl ?? fetch;
  const limit = AbortSignal.any([signal, AbortSignal.timeout(opts.timeoutMs ?? 30_000)]);
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const verdict = await checkPublicUrl(current, opts.allowedHosts, opts.lookup);
    if (!verdict.ok) throw refused(name, `cannot fetch ${current}: ${verdict.reason}.`);
    let res: Response;
    try {
      res = await fetchImpl(current, { redirect: "manual", signal: limit });
    } catch (err) {
      throw refused(name, `could not fetch ${current}: ${err instanceof Error ? err.message : String(err)}.`);
    }
    if (res.status >= 300 && res.status < 400 && res.headers.get("location")) {
      await res.body?.cancel().catch(() => undefined);
      current = new URL(res.headers.get("location")!, current).href;
      continue;
    }
    if (!res.ok || !res.body) throw refused(name, `fetching ${current} answered ${res.status}.`);
    let bytes: Buffer;
    try {
      bytes = await readCapped(res.body, maxBytes, { declaredLength: res.headers.get("content-length") });
    } catch (err) {
      if (err instanceof TooLargeError) throw refused(name, `the file at ${current} is larger than ${maxBytes} bytes.`);
      throw err;
    }
    const last = new URL(current).pathname.split("/").pop() ?? "";
    return { bytes, fileName: last || "input" };
  }
  throw refused(name, `too many redirects from ${url}.`);
}
