import "server-only";

// What the Khronos glTF validator's verdict looks like to its callers (glb.ts, the model worker), apart from
// the validator itself (khronos.ts): importing this does not load gltf-validator's megabyte of JavaScript.

/** The validator's verdict, reduced to what a caller needs and what can cross a thread boundary. */
export interface KhronosVerdict {
  numErrors: number;
  numWarnings: number;
  /** The first errors (severity 0), for a message a person can act on. */
  errors: { code: string; message: string; pointer?: string }[];
}

/** Runs the Khronos validator on a GLB: in this thread (khronos.ts), or in the model worker (lib/model-worker/models.ts). */
export type KhronosValidator = (glb: Uint8Array) => Promise<KhronosVerdict>;

/** The validator could not parse the bytes at all (as opposed to reporting errors in a file it read). */
export class GltfValidatorReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GltfValidatorReadError";
  }
}
