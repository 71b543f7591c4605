import "server-only";
// The built-in image-to-3D Space: silhouette analysis → a square sweep, a revolve or a bevelled extrusion.
import { imageTo3dSpaceDefinition } from "./image-to-3d-space";
import { reconstructInWorker } from "./engines/engines";

export const SHAPE_SPACE_ID = "shape-3d";

export function shapeSpaceDefinition(concurrencyLimit: number) {
  return imageTo3dSpaceDefinition(
    {
      id: SHAPE_SPACE_ID,
      title: "Shape 3D (built-in)",
      description: "Classical single-image 3D reconstruction to a textured GLB",
      endpointDescription: "Turns a picture of one subject on a plain background into a textured GLB model.",
      working: "Reconstructing",
      failure: "reconstruction",
      reconstruct: reconstructInWorker,
    },
    concurrencyLimit,
  );
}
