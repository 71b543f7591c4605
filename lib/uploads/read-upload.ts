// An upload's body, read under the upload cap (lib/platform/read-capped.ts), and the refusals an upload answers with.
import { readCapped, TooLargeError } from "@/lib/platform/read-capped";

export class UploadRefusedError extends Error {
  constructor(
    readonly status: 400 | 403 | 409 | 413 | 415 | 422,
    message: string,
  ) {
    super(message);
    this.name = "UploadRefusedError";
  }
}

function mb(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/** The body's bytes; UploadRefusedError(413) past `maxBytes`, (400) when there is none. */
export async function readUpload(body: ReadableStream<Uint8Array> | null, maxBytes: number, declaredLength?: string | null): Promise<Uint8Array> {
  if (!body) throw new UploadRefusedError(400, "No file was sent.");
  let bytes: Uint8Array;
  try {
    bytes = await readCapped(body, maxBytes, { declaredLength });
  } catch (err) {
    if (!(err instanceof TooLargeError)) throw err;
    throw new UploadRefusedError(413, err.declared !== undefined ? `The file is ${mb(err.declared)}, over the ${mb(maxBytes)} limit.` : `The file is over the ${mb(maxBytes)} limit.`);
  }
  if (bytes.byteLength === 0) throw new UploadRefusedError(400, "The file is empty.");
  return bytes;
}
