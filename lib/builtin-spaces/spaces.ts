import "server-only";
// The built-in Spaces: two per capability (one for image-to-splat), so a swap or a fallback has somewhere to go offline. Each pair
// shares one API (text-to-image-space.ts, image-to-3d-space.ts), so the same adapter drives both and a caller
// can fall back or swap between them; what differs is named here.
import type { GradioAppDefinition } from "@/lib/builtin-spaces/gradio-server";
import { imageTo3dSpaceDefinition, type ImageTo3dMethod } from "./image-to-3d-space";
import { imageToSplatSpaceDefinition } from "./image-to-splat-space";
import type { BuiltinSpaceInfo } from "./space-info";
import { textToImageSpaceDefinition, type TextToImageStyle } from "./text-to-image-space";

/** Draws the prompt's subject isolated on black. */
const SKETCH_IMAGE = {
  id: "sketch-image",
  title: "Sketch Image (built-in)",
  description: "Procedural text-to-image: draws the prompt's subject isolated on black",
  endpointDescription: "Draws the subject of the prompt on a black background, as a PNG.",
  working: "Drawing",
  failure: "sketch",
} as const satisfies TextToImageStyle;

/**
 * The sketch engine in a house style of its own, a pen-and-ink engraving: its style words go before the
 * caller's prompt, and style words count in order of appearance, so the house medium wins over any medium the
 * prompt names while its colour, lighting and material words still apply. The subject stays isolated on pure
 * black, as image-to-3D needs.
 */
const INK_IMAGE = {
  id: "ink-image",
  title: "Ink Image (built-in)",
  description: "Procedural text-to-image in pen and ink: draws the prompt's subject as an engraving, isolated on black",
  endpointDescription: "Draws the subject of the prompt as a pen-and-ink engraving on a black background, as a PNG.",
  working: "Engraving",
  failure: "ink",
  // Words the sketch engine reads as its "ink" medium (lib/landmarks/styles.ts); "of" keeps the subject the subject.
  houseStyle: "pen and ink engraving of ",
} as const satisfies TextToImageStyle;

/** Silhouette analysis → a square sweep, a revolve or a bevelled extrusion. */
const SHAPE_3D = {
  id: "shape-3d",
  title: "Shape 3D (built-in)",
  description: "Classical single-image 3D reconstruction to a textured GLB",
  endpointDescription: "Turns a picture of one subject on a plain background into a textured GLB model.",
  working: "Reconstructing",
  failure: "reconstruction",
  engine: "shape",
} as const satisfies ImageTo3dMethod;

/** The subject carved in bas-relief on a plaque; it refuses the same pictures as shape-3d, with the same messages. */
const RELIEF_3D = {
  id: "relief-3d",
  title: "Relief 3D (built-in)",
  description: "Classical single-image bas-relief: the subject carved on a plaque, as a textured GLB",
  endpointDescription: "Carves the subject of a picture (one subject on a plain background) in relief on a plaque, as a textured GLB.",
  working: "Carving",
  failure: "relief",
  engine: "relief",
} as const satisfies ImageTo3dMethod;

/**
 * Picture → Gaussian splat, with TripoSplat's API (image-to-splat-space.ts): the offline image-to-splat Space,
 * and the one a build falls back to when TripoSplat is down.
 */
const SPLAT_3D = {
  id: "splat-3d",
  title: "Splat 3D (built-in)",
  description: "Classical single-image Gaussian splatting to a 3DGS .ply (Y down, like TripoSplat)",
  endpointDescription: "Turns a picture of one subject on a plain background into a Gaussian splat (.ply, 3DGS layout).",
  working: "Splatting",
  failure: "splat",
} as const satisfies BuiltinSpaceInfo;

/** Text-to-image, then image-to-3D, twice; then image-to-splat. */
export const BUILTIN_SPACES = [SKETCH_IMAGE.id, SHAPE_3D.id, INK_IMAGE.id, RELIEF_3D.id, SPLAT_3D.id] as const;
export type BuiltinSpaceName = (typeof BUILTIN_SPACES)[number];

const DEFINITIONS: Record<BuiltinSpaceName, (concurrency: number) => GradioAppDefinition> = {
  [SKETCH_IMAGE.id]: (concurrency) => textToImageSpaceDefinition(SKETCH_IMAGE, concurrency),
  [SHAPE_3D.id]: (concurrency) => imageTo3dSpaceDefinition(SHAPE_3D, concurrency),
  [INK_IMAGE.id]: (concurrency) => textToImageSpaceDefinition(INK_IMAGE, concurrency),
  [RELIEF_3D.id]: (concurrency) => imageTo3dSpaceDefinition(RELIEF_3D, concurrency),
  [SPLAT_3D.id]: (concurrency) => imageToSplatSpaceDefinition(SPLAT_3D, concurrency),
};

/** The Gradio app of a built-in Space, running `concurrency` calls at once. */
export function builtinSpaceDefinition(name: BuiltinSpaceName, concurrency: number): GradioAppDefinition {
  return DEFINITIONS[name](concurrency);
}
