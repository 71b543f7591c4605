// A request body read with a hard size cap: a body over the cap is refused as soon as the cap is passed (never
// buffered whole), and a declared Content-Length over it is refused before a byte is read.

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
export async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number, declaredLength?: string | null): Promise<Uint8Array> {
  const declared = declaredLength ? Number(declaredLength) : NaN;
  if (Number.isFinite(declared) && declared > maxBytes) {
    await body?.cancel().catch(() => {});
    throw new UploadRefusedError(413, `The file is ${mb(declared)}, over the ${mb(maxBytes)} limit.`);
  }
  if (!body) throw new UploadRefusedError(400, "No file was sent.");
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new UploadRefusedError(413, `The file is over the ${mb(maxBytes)} limit.`);
    }
    chunks.push(value);
  }
  if (total === 0) throw new UploadRefusedError(400, "The file is empty.");
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
