// Tests and the bench only: Spark's own SPZ/PLY reader, in Node. @sparkjsdev/spark exports transcodeSpz, which
// decodes any splat file Spark renders (with the same Rust/wasm decoder its browser worker uses) and writes SPZ.
// Decoding our SPZ with it is the authority on whether Spark accepts what we serve. Its wasm starts
// asynchronously on import and the promise is not exported: the first calls throw until it is ready.

interface TranscodeInput {
  fileBytes: Uint8Array;
  fileType?: "ply" | "spz";
  transform?: { scale?: number; quaternion?: [number, number, number, number]; translate?: [number, number, number] };
}
type Transcode = (input: { inputs: TranscodeInput[]; maxSh?: number; fractionalBits?: number; opacityThreshold?: number }) => Promise<{ fileBytes: Uint8Array }>;

let transcode: Promise<Transcode> | null = null;

async function load(): Promise<Transcode> {
  const spark = (await import("@sparkjsdev/spark")) as unknown as { transcodeSpz: Transcode };
  return spark.transcodeSpz;
}

/** Spark's transcodeSpz, retried while its wasm is still starting. */
export async function sparkTranscode(...args: Parameters<Transcode>): Promise<Uint8Array> {
  transcode ??= load();
  const fn = await transcode;
  for (let attempt = 0; ; attempt++) {
    try {
      return (await fn(...args)).fileBytes;
    } catch (err) {
      const starting = err instanceof Error && /wbindgen|wasm|undefined/i.test(err.message);
      if (!starting || attempt >= 100) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
