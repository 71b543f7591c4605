import "server-only";
import { validateBytes } from "gltf-validator";
import { GltfValidatorReadError, type KhronosValidator } from "./khronos-verdict";

// The Khronos glTF validator on its own. It is synchronous and CPU-heavy (about 0.3 s for a 6 MB GLB, all of
// it in one block during which nothing else on the thread runs), so the app runs it in the model worker
// (lib/model-worker) and glb.ts calls it only after its cheap structural checks. A static import on purpose: the
// worker runs from source through tsx's require hook, where a dynamic import of a package fails.

export const runKhronosValidator: KhronosValidator = async (glb) => {
  let report;
  try {
    // A copy: the validator gets bytes nobody else is holding.
    report = await validateBytes(new Uint8Array(glb), { format: "glb", maxIssues: 20, writeTimestamp: false });
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
};
