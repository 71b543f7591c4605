import "server-only";
import { z } from "zod";
import { readCapped, TooLargeError } from "@/lib/platform/read-capped";
import { abortedError, OutputValidationError, SpaceError, throwIfAborted } from "./errors";

// Files leave a Space as URLs on that Space's server. We download the BYTES (never forward the path to
// another Space: the chaining trap), with HF_TOKEN only for Hugging Face hosts, following redirects by hand so
// every hop is vetted, and with a byte cap enforced while streaming so a huge or endless body is cut off.

const fileDataSchema = z.looseObject({
  path: z.string().nullish(),
  url: z.string().nullish(),
  orig_name: z.string().nullish(),
  mime_type: z.string().nullish(),
});

export interface OutputFileRef {
  url: string;
  name: string;
}

/**
 * The download URL and name of a file output: a gradio.FileData, a `gr.update(value=…)` wrapper around one, a
 * `{value: …}` Model3D payload, or a bare path/URL string. Null when the value holds no file.
 */
export function fileRefOf(value: unknown, root: string, apiPrefix = "/gradio_api"): OutputFileRef | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") {
    if (!value.trim()) return null;
    const url = /^https?:\/\//i.test(value) ? value : `${root.replace(/\/+$/, "")}${apiPrefix}/file=${value}`;
    return { url, name: baseName(value) };
  }
  if (typeof value !== "object") return null;
  const obj = value as Record<string, unknown>;
  if (obj.__type__ === "update" || ("value" in obj && !("path" in obj) && !("url" in obj))) return fileRefOf(obj.value, root, apiPrefix);
  const parsed = fileDataSchema.safeParse(value);
  if (!parsed.success) return null;
  const { path, url, orig_name } = parsed.data;
  if (url && /^https?:\/\//i.test(url)) return { url, name: orig_name || baseName(path || url) };
  if (path) {
    if (/^https?:\/\//i.test(path)) return { url: path, name: orig_name || baseName(path) };
    return { url: `${root.replace(/\/+$/, "")}${apiPrefix}/file=${path}`, name: orig_name || baseName(path) };
  }
  return null;
}

function baseName(p: string): string {
  const clean = p.split(/[?#]/)[0] ?? p;
  const last = clean.split("/").pop() || "file";
  // A Space's path is outside input: one that does not decode is named as written, not a crash.
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

export interface DownloadOptions {
  fetchImpl: typeof fetch;
  signal: AbortSignal;
  maxBytes: number;
  /** HF_TOKEN, sent only to Hugging Face hosts (see isHfHost). */
  token?: string;
  /** Vets every URL before it is fetched (the Space's own origin, or the URL guard). */
  vet: (url: string) => Promise<void>;
  maxRedirects?: number;
}

export function isHfHost(url: string): boolean {
  try {
    const h = new URL(url).hostname.toLowerCase();
    return h.endsWith(".hf.space") || h === "huggingface.co" || h.endsWith(".huggingface.co");
  } catch {
    return false;
  }
}

export interface Downloaded {
  bytes: Buffer;
  name: string;
  contentType: string | null;
}

export async function downloadFile(ref: OutputFileRef, opts: DownloadOptions): Promise<Downloaded> {
  let url = ref.url;
  for (let hop = 0; hop <= (opts.maxRedirects ?? 3); hop++) {
    throwIfAborted(opts.signal);
    await opts.vet(url);
    const headers: Record<string, string> = {};
    if (opts.token && isHfHost(url)) headers.Authorization = `Bearer ${opts.token}`;
    let res: Response;
    try {
      res = await opts.fetchImpl(url, { headers, redirect: "manual", signal: opts.signal });
    } catch (e) {
      if (opts.signal.aborted) throw abortedError(opts.signal);
      throw new SpaceError("transient", `Could not download ${ref.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (res.status >= 300 && res.status < 400) {
      const loc = res.headers.get("location");
      await res.body?.cancel().catch(() => undefined);
      if (!loc) throw new SpaceError("transient", `Download of ${ref.name} redirected without a location`);
      url = new URL(loc, url).toString();
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      const kind = res.status >= 500 || res.status === 408 || res.status === 429 ? "transient" : "malformed";
      throw new SpaceError(kind, `Could not download ${ref.name}: HTTP ${res.status}`);
    }
    const bytes = await readDownload(res, opts.maxBytes, ref.name, opts.signal);
    return { bytes, name: ref.name, contentType: res.headers.get("content-type") };
  }
  throw new SpaceError("malformed", `Download of ${ref.name} redirected too many times`);
}

async function readDownload(res: Response, maxBytes: number, name: string, signal: AbortSignal): Promise<Buffer> {
  try {
    return await readCapped(res.body, maxBytes, { declaredLength: res.headers.get("content-length") });
  } catch (e) {
    if (e instanceof TooLargeError) {
      throw new OutputValidationError(e.declared !== undefined ? `${name} is ${e.declared} bytes, over the ${maxBytes}-byte limit` : `${name} is over the ${maxBytes}-byte limit`);
    }
    if (signal.aborted) throw abortedError(signal);
    throw new SpaceError("transient", `Download of ${name} broke off: ${e instanceof Error ? e.message : String(e)}`);
  }
}
