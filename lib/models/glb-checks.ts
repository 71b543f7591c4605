import "server-only";
import { z } from "zod";
import { readImageHeader } from "../media/image-header";
import { mb } from "../platform/format";

// The cheap half of judging a GLB from outside (a Space's output, a file someone sent): size, header, chunk
// table, JSON, URIs, texture headers, vertex count, all from the bytes without decoding anything. It runs first so
// that the expensive Khronos validator (khronos.ts) only ever sees a bounded, self-contained file; validate.ts
// runs both. No validator code is loaded here, so the Space client can read the limits without it. Relative
// imports: this runs in the model worker too.

/** A GLB refused by validation; the message says why, in words a person (or the agent) can act on. */
export class InvalidGlbError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidGlbError";
  }
}

export interface GlbLimits {
  maxBytes: number;
  maxVertices: number;
  maxTextureSide: number;
  /** Largest `data:` URI accepted for a buffer or an image (decoded bytes). */
  maxDataUriBytes: number;
}

export const defaultGlbLimits: GlbLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxVertices: 2_000_000,
  maxTextureSide: 4096,
  maxDataUriBytes: 4 * 1024 * 1024,
};

/** What the structural checks counted, from the JSON alone. */
export interface GlbStructure {
  vertices: number;
  triangles: number;
  textures: number;
}

const GLB_MAGIC = 0x46546c67; // "glTF"
const CHUNK_JSON = 0x4e4f534a;
const CHUNK_BIN = 0x004e4942;

const gltfSchema = z.looseObject({
  asset: z.looseObject({ version: z.string() }),
  buffers: z.array(z.looseObject({ uri: z.string().optional(), byteLength: z.number().int().nonnegative() })).optional(),
  bufferViews: z
    .array(
      z.looseObject({
        buffer: z.number().int().nonnegative(),
        byteOffset: z.number().int().nonnegative().optional(),
        byteLength: z.number().int().nonnegative(),
      }),
    )
    .optional(),
  accessors: z.array(z.looseObject({ count: z.number().int().nonnegative() })).optional(),
  images: z
    .array(z.looseObject({ uri: z.string().optional(), bufferView: z.number().int().nonnegative().optional() }))
    .optional(),
  meshes: z
    .array(
      z.looseObject({
        primitives: z.array(
          z.looseObject({
            attributes: z.record(z.string(), z.number().int().nonnegative()),
            indices: z.number().int().nonnegative().optional(),
            mode: z.number().int().optional(),
          }),
        ),
      }),
    )
    .optional(),
});
type Gltf = z.infer<typeof gltfSchema>;

/** Throws InvalidGlbError at the first structural fault; otherwise the counts the JSON declares. */
export function checkGlbStructure(input: Uint8Array, limits: GlbLimits = defaultGlbLimits): GlbStructure {
  const n = input.byteLength;
  if (n > limits.maxBytes) throw new InvalidGlbError(`The GLB is ${mb(n)}, over the ${mb(limits.maxBytes)} limit`);
  if (n < 20) throw new InvalidGlbError(`The model is not a GLB: only ${n} bytes`);
  const dv = new DataView(input.buffer, input.byteOffset, input.byteLength);
  if (dv.getUint32(0, true) !== GLB_MAGIC) {
    const start = new TextDecoder().decode(input.subarray(0, 16)).replace(/[^\x20-\x7e]/g, "?");
    throw new InvalidGlbError(`The model is not a GLB (no glTF magic; starts with "${start}")`);
  }
  const version = dv.getUint32(4, true);
  if (version !== 2) throw new InvalidGlbError(`The GLB is version ${version}; only glTF 2.0 is supported`);
  const declared = dv.getUint32(8, true);
  if (declared !== n) {
    throw new InvalidGlbError(
      declared > n
        ? `The GLB is truncated: its header says ${declared} bytes, ${n} arrived`
        : `The GLB header says ${declared} bytes but the file has ${n}`,
    );
  }

  // Chunk table: JSON first, then at most one BIN chunk, each inside the file and 4-byte aligned.
  let offset = 12;
  let json: Uint8Array | null = null;
  let bin: Uint8Array | null = null;
  let index = 0;
  while (offset < n) {
    if (offset + 8 > n) throw new InvalidGlbError("The GLB's chunk table is truncated");
    const len = dv.getUint32(offset, true);
    const type = dv.getUint32(offset + 4, true);
    const start = offset + 8;
    if (len % 4 !== 0 || start + len > n) {
      throw new InvalidGlbError(`The GLB's chunk ${index} (${len} bytes) overruns the file or is misaligned`);
    }
    const body = input.subarray(start, start + len);
    if (index === 0) {
      if (type !== CHUNK_JSON) throw new InvalidGlbError("The GLB's first chunk is not JSON");
      json = body;
    } else if (type === CHUNK_BIN) {
      if (bin) throw new InvalidGlbError("The GLB has more than one BIN chunk");
      bin = body;
    }
    offset = start + len;
    index += 1;
  }
  if (!json) throw new InvalidGlbError("The GLB has no JSON chunk");

  let gltf: Gltf;
  try {
    const parsed: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(json).replace(/[ \0]+$/, ""));
    gltf = gltfSchema.parse(parsed);
  } catch (e) {
    throw new InvalidGlbError(`The GLB's JSON is invalid: ${e instanceof Error ? e.message.slice(0, 200) : String(e)}`);
  }

  checkBuffers(gltf, bin, limits);
  const textures = checkImages(gltf, bin, limits);
  const { vertices, triangles } = countGeometry(gltf);
  if (vertices > limits.maxVertices) {
    throw new InvalidGlbError(`The model has ${vertices.toLocaleString("en")} vertices, over the ${limits.maxVertices.toLocaleString("en")} limit`);
  }
  if (vertices === 0) throw new InvalidGlbError("The model has no geometry (0 vertices)");
  return { vertices, triangles, textures };
}

function checkBuffers(gltf: Gltf, bin: Uint8Array | null, limits: GlbLimits): void {
  (gltf.buffers ?? []).forEach((buffer, i) => {
    if (buffer.uri === undefined) {
      if (i !== 0) throw new InvalidGlbError(`Buffer ${i} has no URI but only buffer 0 may use the GLB's BIN chunk`);
      if (!bin || bin.byteLength < buffer.byteLength) {
        throw new InvalidGlbError(`Buffer 0 needs ${buffer.byteLength} bytes but the BIN chunk has ${bin?.byteLength ?? 0}`);
      }
      return;
    }
    checkDataUri(buffer.uri, `buffer ${i}`, limits);
  });
}

function checkImages(gltf: Gltf, bin: Uint8Array | null, limits: GlbLimits): number {
  const images = gltf.images ?? [];
  images.forEach((image, i) => {
    let bytes: Uint8Array;
    if (image.uri !== undefined) {
      bytes = checkDataUri(image.uri, `image ${i}`, limits);
    } else if (image.bufferView !== undefined) {
      const view = gltf.bufferViews?.[image.bufferView];
      if (!view) throw new InvalidGlbError(`Image ${i} points at a missing bufferView`);
      if (view.buffer !== 0 || !bin) throw new InvalidGlbError(`Image ${i} is not stored in the GLB's BIN chunk`);
      const start = view.byteOffset ?? 0;
      if (start + view.byteLength > bin.byteLength) throw new InvalidGlbError(`Image ${i} overruns the BIN chunk`);
      bytes = bin.subarray(start, start + view.byteLength);
    } else {
      throw new InvalidGlbError(`Image ${i} has neither a bufferView nor a URI`);
    }
    const header = readImageHeader(bytes);
    if (!header) throw new InvalidGlbError(`Texture ${i} is not a recognised image (PNG, JPEG, WebP, KTX2)`);
    if (header.width > limits.maxTextureSide || header.height > limits.maxTextureSide || header.width < 1 || header.height < 1) {
      throw new InvalidGlbError(
        `Texture ${i} claims ${header.width}×${header.height} px, outside 1…${limits.maxTextureSide}² (refused before decoding)`,
      );
    }
  });
  return images.length;
}

/** Only embedded `data:` URIs are accepted, and only up to a size: external URIs would make us (or a browser) fetch. */
function checkDataUri(uri: string, what: string, limits: GlbLimits): Uint8Array {
  if (!uri.startsWith("data:")) {
    throw new InvalidGlbError(`The GLB's ${what} references an external URI (${uri.slice(0, 80)}); everything must be embedded`);
  }
  const comma = uri.indexOf(",");
  if (comma < 0) throw new InvalidGlbError(`The GLB's ${what} has a malformed data URI`);
  const isBase64 = uri.slice(0, comma).endsWith(";base64");
  const payload = uri.length - comma - 1;
  const decodedSize = isBase64 ? Math.floor((payload * 3) / 4) : payload;
  if (decodedSize > limits.maxDataUriBytes) {
    throw new InvalidGlbError(`The GLB's ${what} embeds a ${mb(decodedSize)} data URI, over the ${mb(limits.maxDataUriBytes)} cap`);
  }
  const body = uri.slice(comma + 1);
  try {
    return isBase64 ? Buffer.from(body, "base64") : Buffer.from(decodeURIComponent(body), "latin1");
  } catch {
    throw new InvalidGlbError(`The GLB's ${what} has a malformed data URI`);
  }
}

function countGeometry(gltf: Gltf): { vertices: number; triangles: number } {
  const positions = new Set<number>();
  let triangles = 0;
  for (const mesh of gltf.meshes ?? []) {
    for (const prim of mesh.primitives) {
      const pos = prim.attributes.POSITION;
      if (pos !== undefined) positions.add(pos);
      const mode = prim.mode ?? 4;
      const count = prim.indices !== undefined ? gltf.accessors?.[prim.indices]?.count : pos !== undefined ? gltf.accessors?.[pos]?.count : 0;
      if (mode === 4 && count) triangles += Math.floor(count / 3);
    }
  }
  let vertices = 0;
  for (const a of positions) vertices += gltf.accessors?.[a]?.count ?? 0;
  return { vertices, triangles };
}
