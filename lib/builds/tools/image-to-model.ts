import "server-only";
import { z } from "zod";
import { defineTool } from "@/lib/agent/tool-definition";
import { modelHandleSchema } from "@/lib/agent/tool-types";
import { exhibitKeyArg, imageHandleArg, seedArg, spaceArg } from "./arguments";
import type { BuildToolContext } from "./context";

/**
 * A tool that turns a picture into a model through one capability's Spaces: a mesh (image_to_3d) or a Gaussian
 * splat (image_to_splat). A splat is a kind of model: both travel as a model handle, and place_exhibit shows
 * whichever it gets (the served file's media type says which: lib/contracts/asset-store.ts modelKindOf).
 */
function modelTool(opts: { name: string; description: string; failure: string; call: "imageToModel" | "imageToSplat" }) {
  return defineTool({
    name: opts.name,
    description: opts.description,
    args: z.object({ exhibit: exhibitKeyArg, image: imageHandleArg, seed: seedArg.optional(), space: spaceArg.optional() }),
    returns: modelHandleSchema,
    async run(args, build: BuildToolContext, ctx) {
      const exhibit = await build.exhibitFor(args.exhibit);
      await build.moveTo(exhibit, "modelling");
      return build.spaceCall(
        exhibit,
        opts.failure,
        () => build.deps.toolbox[opts.call]({ image: { sha256: args.image.id }, seed: args.seed ?? exhibit.seed }, build.callOptions(ctx, exhibit, args.space)),
        (result) => {
          build.models.set(result.asset.sha256, result.asset.served);
          build.servedModel(result.asset.sha256); // a model that cannot be shown fails here, as the exhibit's reason
          return { kind: "model" as const, id: result.asset.sha256, bytes: result.asset.bytes, vertices: result.asset.vertices };
        },
      );
    },
  });
}

export const imageTo3d = modelTool({
  name: "image_to_3d",
  description:
    "Turns a picture into a 3D model (GLB) with an image-to-3D Space (falling back to the next Space on failure), then prepares it for the web. Returns a model handle {kind:'model', id, bytes, vertices}.",
  failure: "Could not model it",
  call: "imageToModel",
});

export const imageToSplat = modelTool({
  name: "image_to_splat",
  description:
    "Turns a picture into a photo-real Gaussian splat with an image-to-splat Space (falling back to the next Space on failure), then prepares it for the web (upright, on its plinth, compressed). Use it instead of image_to_3d for exhibits the plan marks kind 'splat' (the visitor asked for Gaussian splats or a photo-real look). Returns a model handle {kind:'model', id, bytes, vertices} (vertices: its Gaussians) that place_exhibit takes like any model.",
  failure: "Could not make the splat",
  call: "imageToSplat",
});
