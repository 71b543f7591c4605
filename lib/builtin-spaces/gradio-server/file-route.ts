import "server-only";
// GET|HEAD /gradio_api/file=<path>: serves a file this Space received or produced, and nothing else — any
// other path (another Space's, /etc/passwd, ../ tricks, a URL) gets Gradio's 403 "File not allowed".
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { isInlineSafe, mediaTypeFor, type FileStore } from "./files";
import { detail } from "./http";

export async function serveFile(request: Request, encodedPath: string, files: FileStore): Promise<Response> {
  let given: string;
  try {
    given = decodeURIComponent(encodedPath.split("?")[0] ?? "");
  } catch {
    return detail(400, "Invalid file path.");
  }
  const real = await files.resolve(given);
  if (!real) return detail(403, `File not allowed: ${given}.`);
  const info = await stat(real);
  const name = path.basename(real);
  const mediaType = mediaTypeFor(name);
  const inline = isInlineSafe(mediaType);
  const headers = {
    // Types a browser could execute are served as downloads (Gradio's XSS_SAFE_MIMETYPES rule).
    "content-type": inline ? mediaType : "application/octet-stream",
    "content-length": String(info.size),
    "content-disposition": `${inline ? "inline" : "attachment"}; filename="${name.replace(/"/g, "")}"`,
    "x-content-type-options": "nosniff",
    "cache-control": "private, max-age=3600",
  };
  if (request.method.toUpperCase() === "HEAD") return new Response(null, { status: 200, headers });
  const body = Readable.toWeb(createReadStream(real)) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers });
}
