import "server-only";
// The second built-in image-to-3D Space: /reconstruct(image, seed) → [model (GLB)], the same API as shape-3d
// (so the same adapter drives it and a caller can fall back or swap between them), a different method: the
// subject carved in bas-relief on a plaque. It refuses the same pictures with the same messages, as both share
// shape's input checks and segmentation. Reconstruction runs in the engine worker pool.
import { outputFile, type GradioAppDefinition } from "@/lib/gradio-server";
import { engineFailure } from "./engine-errors";
import { reconstructReliefInWorker } from "./worker/engines";

export const RELIEF_SPACE_ID = "relief-3d";

export function reliefSpaceDefinition(concurrencyLimit: number): GradioAppDefinition {
  return {
    id: RELIEF_SPACE_ID,
    title: "Relief 3D (built-in)",
    description: "Classical single-image bas-relief: the subject carved on a plaque, as a textured GLB",
    concurrencyLimit,
    endpoints: [
      {
        apiName: "reconstruct",
        description: "Carves the subject of a picture (one subject on a plain background) in relief on a plaque, as a textured GLB.",
        parameters: [
          { name: "image", label: "Image", component: "image", type: "file", fileTypes: [".png", ".jpg", ".jpeg", ".webp"] },
          { name: "seed", label: "Seed", component: "number", type: "integer", default: 0, minimum: 0, maximum: 2 ** 32 - 1 },
        ],
        returns: [{ label: "Model", component: "model3d", type: "file" }],
        timeoutMs: 180_000,
        async run(args, ctx) {
          ctx.progress(0.05, "Reading the image");
          const image = await args.file("image").read();
          ctx.progress(0.15, "Carving");
          const { glb } = await reconstructReliefInWorker(image, args.number("seed"), ctx.signal).catch((e: unknown) =>
            engineFailure(e, "relief"),
          );
          ctx.progress(1, "Done");
          return [outputFile(glb, "model.glb")];
        },
      },
    ],
  };
}
