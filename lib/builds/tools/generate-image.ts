import "server-only";
import { z } from "zod";
import { defineTool } from "@/lib/agent/tool-definition";
import { imageHandleSchema } from "@/lib/agent/tool-types";
import { exhibitKeyArg, seedArg, spaceArg } from "./arguments";
import type { BuildToolContext } from "./context";

export const generateImage = defineTool({
  name: "generate_image",
  description:
    "Draws a picture of one exhibit with a text-to-image Space (falling back to the next Space on failure). `exhibit` is the plan's key. Describe ONE subject, centred, on a plain black background. Returns an image handle {kind:'image', id, width, height}.",
  args: z.object({
    exhibit: exhibitKeyArg,
    prompt: z.string().trim().min(1).max(1000),
    seed: seedArg.optional(),
    width: z.number().int().min(256).max(2048).optional(),
    height: z.number().int().min(256).max(2048).optional(),
    space: spaceArg.optional(),
  }),
  returns: imageHandleSchema,
  async run(args, build: BuildToolContext, ctx) {
    const exhibit = await build.exhibitFor(args.exhibit);
    const seed = args.seed ?? exhibit.seed;
    await build.moveTo(exhibit, "drawing");
    return build.spaceCall(
      exhibit,
      "Could not draw it",
      () =>
        build.deps.toolbox.textToImage(
          { prompt: args.prompt, seed, width: args.width, height: args.height },
          build.callOptions(ctx, exhibit, args.space),
        ),
      async (result) => {
        build.workFor(exhibit.key).images.set(result.asset.sha256, { prompt: args.prompt, seed });
        await build.keepPicture(exhibit, result.asset.sha256);
        return { kind: "image" as const, id: result.asset.sha256, width: result.asset.width, height: result.asset.height };
      },
    );
  },
});
