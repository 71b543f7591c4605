import "server-only";
// The built-in image-to-3D Space: /reconstruct(image, seed) → [model (GLB)]. The picture arrives as an
// uploaded file (FileData); reconstruction runs in the engine worker pool; an image the engine refuses
// (not an image, no subject…) comes back as a Gradio error carrying the engine's message.
import { outputFile, type GradioAppDefinition } from "@/lib/gradio-server";
import { engineFailure } from "./engine-errors";
import { reconstructInWorker } from "./worker/engines";

export const SHAPE_SPACE_ID = "shape-3d";

export function shapeSpaceDefinition(concurrencyLimit: number): GradioAppDefinition {
  return {
    id: SHAPE_SPACE_ID,
    title: "Shape 3D (built-in)",
    description: "Classical single-image 3D reconstruction to a textured GLB",
    concurrencyLimit,
    endpoints: [
      {
        apiName: "reconstruct",
        description: "Turns a picture of one subject on a plain background into a textured GLB model.",
        parameters: [
          { name: "image", label: "Image", component: "image", type: "file", fileTypes: [".png", ".jpg", ".jpeg", ".webp"] },
          { name: "seed", label: "Seed", component: "number", type: "integer", default: 0, minimum: 0, maximum: 2 ** 32 - 1 },
        ],
        returns: [{ label: "Model", component: "model3d", type: "file" }],
        timeoutMs: 180_000,
        async run(args, ctx) {
          ctx.progress(0.05, "Reading the image");
          const image = await args.file("image").read();
          ctx.progress(0.15, "Reconstructing");
          const { glb } = await reconstructInWorker(image, args.number("seed"), ctx.signal).catch((e: unknown) =>
            engineFailure(e, "reconstruction"),
          );
          ctx.progress(1, "Done");
          return [outputFile(glb, "model.glb")];
        },
      },
    ],
  };
}
