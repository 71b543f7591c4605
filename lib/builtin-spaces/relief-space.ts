import "server-only";
// The second built-in image-to-3D Space, same API as shape-3d, a different method: the subject carved in
// bas-relief on a plaque. It refuses the same pictures with the same messages (shape's input checks).
import { imageTo3dSpaceDefinition } from "./image-to-3d-space";
import { reconstructReliefInWorker } from "./engines/engines";

export const RELIEF_SPACE_ID = "relief-3d";

export function reliefSpaceDefinition(concurrencyLimit: number) {
  return imageTo3dSpaceDefinition(
    {
      id: RELIEF_SPACE_ID,
      title: "Relief 3D (built-in)",
      description: "Classical single-image bas-relief: the subject carved on a plaque, as a textured GLB",
      endpointDescription: "Carves the subject of a picture (one subject on a plain background) in relief on a plaque, as a textured GLB.",
      working: "Carving",
      failure: "relief",
      reconstruct: reconstructReliefInWorker,
    },
    concurrencyLimit,
  );
}
