import "server-only";
import { checkGlbStructure, defaultGlbLimits, InvalidGlbError, type GlbLimits } from "./glb-checks";
import { GltfValidatorReadError, runKhronosValidator, type KhronosVerdict } from "./khronos";

// Whether a GLB from outside may be stored and served: the structural checks (glb-checks.ts), then the Khronos
// validator (khronos.ts) must report zero errors. The app runs this in the model worker, with the web preparation
// of the same bytes (lib/model-worker/tasks.ts); tests run it in-thread. Relative imports: worker code.

export interface ValidGlb {
  vertices: number;
  triangles: number;
  textures: number;
  warnings: number;
}

/** Resolves with the model's counts, or throws InvalidGlbError saying why it is refused. */
export async function validateGlb(input: Uint8Array, limits: GlbLimits = defaultGlbLimits): Promise<ValidGlb> {
  const { vertices, triangles, textures } = checkGlbStructure(input, limits);
  let verdict: KhronosVerdict;
  try {
    verdict = await runKhronosValidator(input);
  } catch (e) {
    if (e instanceof GltfValidatorReadError) throw new InvalidGlbError(`The glTF validator could not read the GLB: ${e.message}`);
    throw e;
  }
  if (verdict.numErrors > 0) {
    const first = verdict.errors.map((m) => `${m.code}${m.pointer ? ` at ${m.pointer}` : ""}: ${m.message}`).join("; ");
    throw new InvalidGlbError(`The GLB has ${verdict.numErrors} glTF validation error(s): ${first}`);
  }
  return { vertices, triangles, textures, warnings: verdict.numWarnings };
}
