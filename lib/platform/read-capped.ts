// A body (a request's, a download's) read with a hard size cap: refused as soon as the cap is passed, never buffered
// whole, and refused before a byte is read when its declared length is already over. Every reader of bytes from
// outside (uploads, the built-in Spaces' requests and URL inputs, the Space client's downloads) goes through here and
// turns TooLargeError into its own answer.

export class TooLargeError extends Error {
  constructor(
    readonly maxBytes: number,
    /** The declared length, when that is what was refused. */
    readonly declared?: number,
  ) {
    super(`over the ${maxBytes}-byte limit`);
    this.name = "TooLargeError";
  }
}

export interface ReadCappedOptions {
  /** The Content-Length header, if any: a declared length over the cap is refused at once. */
  declaredLength?: string | null;
  /**
   * Keep reading (and dropping) a body past `maxBytes` up to this many bytes before refusing it: a server that
   * answers before the client finished sending has Node reset the connection, and the client sees "fetch failed"
   * instead of the 413. Default: `maxBytes`.
   */
  drainBytes?: number;
}

/** All of `body`'s bytes (empty when there is no body); TooLargeError past `maxBytes`. */
export async function readCapped(body: ReadableStream<Uint8Array> | null | undefined, maxBytes: number, opts: ReadCappedOptions = {}): Promise<Buffer> {
  const drainBytes = Math.max(maxBytes, opts.drainBytes ?? maxBytes);
  const declared = opts.declaredLength ? Number(opts.declaredLength) : NaN;
  if (Number.isFinite(declared) && declared > drainBytes) {
    await body?.cancel().catch(() => undefined);
    throw new TooLargeError(maxBytes, declared);
  }
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > drainBytes) {
      await reader.cancel().catch(() => undefined);
      throw new TooLargeError(maxBytes);
    }
    if (total <= maxBytes) chunks.push(value);
  }
  if (total > maxBytes) throw new TooLargeError(maxBytes);
  return Buffer.concat(chunks, total);
}
