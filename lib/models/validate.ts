import "server-only";
import { validateBytes, type ValidatorMessage } from "gltf-validator";

export interface GlbValidation {
  numErrors: number;
  numWarnings: number;
  /** Errors and warnings (severity 0 and 1). */
  messages: ValidatorMessage[];
}

/**
 * The Khronos validator's verdict on a GLB. Run it on what a Space returned, before compression: the
 * validator cannot look inside EXT_meshopt_compression buffers and reports the extension as unsupported.
 */
export async function validateGlb(glb: Uint8Array): Promise<GlbValidation> {
  const report = await validateBytes(new Uint8Array(glb), {
    format: "glb",
    maxIssues: 100,
    // A GLB from a Space has no business referencing external files.
    externalResourceFunction: (uri) => Promise.reject(new Error(`external resource not allowed: ${uri}`)),
  });
  return {
    numErrors: report.issues.numErrors,
    numWarnings: report.issues.numWarnings,
    messages: report.issues.messages.filter((m) => m.severity <= 1),
  };
}
