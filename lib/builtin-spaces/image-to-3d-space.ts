import "server-only";
// The shape of every built-in image-to-3D Space: /reconstruct(image, seed) → [model (GLB)]. One API for all of
// them, so the same adapter drives each and a caller can fall back or swap between them; only the method
// differs. The picture arrives as an uploaded file; reconstruction runs in the engine worker pool; an image the
// engine refuses comes back as a Gradio error carrying the engine's message.
import { outputFile, type GradioAppDefinition } from "@/lib/builtin-spaces/gradio-server";
import { engineFailure } from "./engine-errors";
import { imageTo3dInWorker } from "./engines/engines";
import type { ImageTo3dEngine } from "./engines/tasks";
import type { BuiltinSpaceInfo } from "./space-info";

export interface ImageTo3dMethod extends BuiltinSpaceInfo {
  /** The engine task that turns the picture into a GLB. */
  engine: ImageTo3dEngine;
}

export function imageTo3dSpaceDefinition(method: ImageTo3dMethod, concurrencyLimit: number): GradioAppDefinition {
  return {
    id: method.id,
    title: method.title,
    description: method.description,
    concurrencyLimit,
    endpoints: [
      {
        apiName: "reconstruct",
        description: method.endpointDescription,
        parameters: [
          { name: "image", label: "Image", component: "image", type: "file", fileTypes: [".png", ".jpg", ".jpeg", ".webp"] },
          { name: "seed", label: "Seed", component: "number", type: "integer", default: 0, minimum: 0, maximum: 2 ** 32 - 1 },
        ],
        returns: [{ label: "Model", component: "model3d", type: "file" }],
        timeoutMs: 180_000,
        async run(args, ctx) {
          ctx.progress(0.05, "Reading the image");
          const image = await args.file("image").read();
          ctx.progress(0.15, method.working);
          const { glb } = await imageTo3dInWorker(method.engine, image, args.number("seed"), ctx.signal).catch((e: unknown) => engineFailure(e, method.failure));
          ctx.progress(1, "Done");
          return [outputFile(glb, "model.glb")];
        },
      },
    ],
  };
}
