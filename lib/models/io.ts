import "server-only";
import { NodeIO, type Document } from "@gltf-transform/core";
import { ALL_EXTENSIONS } from "@gltf-transform/extensions";
import { MeshoptDecoder, MeshoptEncoder, MeshoptSimplifier } from "meshoptimizer";

let io: Promise<NodeIO> | undefined;

/**
 * One glTF reader/writer for the process, knowing every extension gltf-transform does and able to
 * decode and encode meshopt. Network access stays off: a GLB from a Space must not make us fetch URLs.
 */
export function getIO(): Promise<NodeIO> {
  io ??= (async () => {
    await Promise.all([MeshoptDecoder.ready, MeshoptEncoder.ready, MeshoptSimplifier.ready]);
    return new NodeIO()
      .registerExtensions(ALL_EXTENSIONS)
      .registerDependencies({ "meshopt.decoder": MeshoptDecoder, "meshopt.encoder": MeshoptEncoder });
  })();
  return io;
}

/**
 * A GLB as a document, or ModelError. The reader gets a copy: it makes typed-array views over the bytes it is
 * given, and baking transforms writes through them (the caller's bytes stay as they were).
 */
export async function readGlb(glb: Uint8Array): Promise<Document> {
  const io = await getIO();
  try {
    return await io.readBinary(new Uint8Array(glb));
  } catch (err) {
    throw new ModelError(`not a readable GLB: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

/** A model we cannot prepare, in words a person (or the agent) can act on. */
export class ModelError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ModelError";
  }
}
