import "server-only";
import type { FileRef } from "./call";

// A picture one built-in Space drew can reach another built-in Space by its URL instead of an upload: the
// built-in server reads a URL that names one of its own files straight from its store (lib/builtin-spaces,
// resolveBuiltinFileUrl), as a Gradio server reads `handle_file(url)`. That saves the image-to-3D call an
// upload — a multipart request, a copy and a write — on the critical path of every exhibit, while the next
// Space's own wait covers the read. Only between built-in Spaces: a Hub Space cannot reach our loopback
// server, and whether a Hub Space may fetch another's file (private Spaces, tokens) cannot be known from here.

/** Kept this long: well inside the built-in file store's two-hour sweep, and far beyond one build's chains. */
export const HAND_OFF_MAX_AGE_MS = 10 * 60 * 1000;
const MAX_ENTRIES = 512;

export interface HandOff {
  /** The absolute URL the Space served the file at (…/gradio_api/file=<path>). */
  url: string;
  at: number;
}

/** Where the built-in Spaces serve the pictures they made, by the sha256 of exactly the bytes they served. */
export class HandOffs {
  private readonly bySha = new Map<string, HandOff>();

  remember(sha256: string, url: string, now: number): void {
    this.bySha.delete(sha256);
    this.bySha.set(sha256, { url, at: now });
    if (this.bySha.size > MAX_ENTRIES) this.bySha.delete(this.bySha.keys().next().value!);
  }

  /** The URL of these bytes on a built-in Space, if one served them recently. */
  lookup(sha256: string, now: number): string | undefined {
    const h = this.bySha.get(sha256);
    if (!h) return undefined;
    if (now - h.at > HAND_OFF_MAX_AGE_MS) {
      this.bySha.delete(sha256);
      return undefined;
    }
    return h.url;
  }

  /** The Space no longer has it (swept, restarted): do not offer it again. */
  forget(sha256: string): void {
    this.bySha.delete(sha256);
  }
}

/** The FileData that names a file by URL, as @gradio/client's handle_file(url) makes it. */
export function urlFileRef(url: string, filename: string): FileRef {
  return { path: url, url, orig_name: filename, meta: { _type: "gradio.FileData" } };
}
