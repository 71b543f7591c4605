import "server-only";
import { z } from "zod";
import { defineTool } from "@/lib/agent/tool-definition";
import { modelHandleSchema } from "@/lib/agent/tool-types";
import { exhibitKeyArg, imageHandleArg, seedArg, spaceArg } from "./arguments";
import type { BuildToolContext } from "./context";

export const imageTo3d = defineTool({
  name: "image_to_3d",
  description:
    "Turns a picture into a 3D model (GLB) with an image-to-3D Space (falling back to the next Space on failure), then prepares it for the web. Returns a model handle {kind:'model', id, bytes, vertices}.",
  args: z.object({ exhibit: exhibitKeyArg, image: imageHandleArg, seed: seedArg.optional(), space: spaceArg.optional() }),
  returns: modelHandleSchema,
  async run(args, build: BuildToolContext, ctx) {
    const exhibit = await build.exhibitFor(args.exhibit);
    await build.moveTo(exhibit, "modelling");
    return build.spaceCall(
      exhibit,
      "Could not model it",
      () =>
        build.deps.toolbox.imageToModel(
          { image: { sha256: args.image.id }, seed: args.seed ?? exhibit.seed },
          build.callOptions(ctx, exhibit, args.space),
        ),
      (result) => {
        build.models.set(result.asset.sha256, result.asset.served);
        build.servedModel(result.asset.sha256); // a model that cannot be shown fails here, as the exhibit's reason
        return { kind: "model" as const, id: result.asset.sha256, bytes: result.asset.bytes, vertices: result.asset.vertices };
      },
    );
  },
});
