import "server-only";
// POST /gradio_api/upload: multipart, field `files` (one or more), answered with the stored absolute paths —
// the client then sends {"path": <that>, "meta": {"_type": "gradio.FileData"}} in place of the file.
// Size is capped while reading; Gradio answers an oversized upload 413 in plain text, a non-multipart one 400.
import { BodyTooLargeError, detail, json, readBody, text } from "./http";
import { FileTooLargeError, type FileStore } from "./files";

/** Multipart framing around the files. */
const MULTIPART_OVERHEAD = 64 * 1024;
const MAX_FILES_PER_REQUEST = 32;
/** An oversized upload is read and dropped up to this many times the limit, so the client gets our 413. */
const DRAIN_FACTOR = 4;

export async function handleUpload(request: Request, files: FileStore): Promise<Response> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType)) return detail(400, "Invalid content type.");
  const limit = files.maxFileBytes + MULTIPART_OVERHEAD;
  let raw: Uint8Array;
  try {
    raw = await readBody(request, limit, limit * DRAIN_FACTOR);
  } catch (err) {
    if (err instanceof BodyTooLargeError) {
      return text(413, `File size exceeded maximum allowed size of ${files.maxFileBytes} bytes.`);
    }
    return detail(400, "Could not read the upload.");
  }
  let form: FormData;
  try {
    form = await new Response(raw as BodyInit, { headers: { "content-type": contentType } }).formData();
  } catch {
    return text(400, "Malformed multipart body.");
  }
  const entries = form.getAll("files");
  if (entries.length > MAX_FILES_PER_REQUEST) return text(400, `Too many files (at most ${MAX_FILES_PER_REQUEST}).`);
  const paths: string[] = [];
  for (const entry of entries) {
    if (typeof entry === "string") return text(400, "Field `files` must carry files, not text.");
    try {
      const stored = await files.write(new Uint8Array(await entry.arrayBuffer()), entry.name);
      paths.push(stored.path);
    } catch (err) {
      if (err instanceof FileTooLargeError) return text(413, err.message);
      throw err;
    }
  }
  return json(200, paths);
}
