import "server-only";
import { validateBytes } from "gltf-validator";

// The Khronos glTF validator, the one wrapper around it. It is synchronous and CPU-heavy (about 0.3 s for a
// 6 MB GLB, all of it in one block during which nothing else on the thread runs), so the app runs it only in the
// model worker (lib/model-worker), through validate.ts, after the cheap structural checks. A static import on
// purpose: the worker runs from source through tsx's require hook, where a dynamic import of a package fails.

/** The validator's verdict, reduced to what a caller needs and what can cross a thread boundary. */
export interface KhronosVerdict {
  numErrors: number;
  numWarnings: number;
  /** The first errors (severity 0), for a message a person can act on. */
  errors: { code: string; message: string; pointer?: string }[];
}

/** The validator could not parse the bytes at all (as opposed to reporting errors in a file it read). */
export class GltfValidatorReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GltfValidatorReadError";
  }
}

/**
 * The validator's verdict on a GLB. Meant for what a Space returned, before compression: the validator cannot
 * look inside EXT_meshopt_compression buffers (it reports the extension as unsupported, not as an error).
 */
export async function runKhronosValidator(glb: Uint8Array): Promise<KhronosVerdict> {
  let report;
  try {
    // A copy: the validator gets bytes nobody else is holding.
    report = await validateBytes(new Uint8Array(glb), {
      format: "glb",
      maxIssues: 20,
      writeTimestamp: false,
      // A GLB from a Space has no business referencing external files (the structural checks refuse them first).
      externalResourceFunction: (uri) => Promise.reject(new Error(`external resource not allowed: ${uri}`)),
    });
  } catch (e) {
    throw new GltfValidatorReadError(String(e).slice(0, 200));
  }
  return {
    numErrors: report.issues.numErrors,
    numWarnings: report.issues.numWarnings,
    errors: report.issues.messages
      .filter((m) => m.severity === 0)
      .slice(0, 3)
      .map((m) => ({ code: m.code, message: m.message, ...(m.pointer ? { pointer: m.pointer } : {}) })),
  };
}
