import "server-only";
import { z } from "zod";
import { defineTool } from "@/lib/agent/tool-definition";
import { inspectImage } from "@/lib/media/inspect-image";
import { imageHandleArg } from "./arguments";
import type { BuildToolContext } from "./context";

export const inspectImageTool = defineTool({
  name: "inspect_image",
  description:
    "Measures a picture: sharpness (variance of the Laplacian; below ~20 is blurry), coverage (share of the picture that is subject, 0–1), extent (the larger side of the subject's bounding box over the picture's, 0–1; coverage below 0.05 with extent below 0.5 is nearly empty — a slender tower has low coverage but a large extent), background_clean (share of the border that is plain background, 0–1; below 0.8 makes a poor 3D model). Retry generate_image with another seed when a picture is poor.",
  args: z.object({ image: imageHandleArg }),
  // The measures of lib/media's ImageQuality, as the model reads them.
  returns: z.object({
    width: z.number(),
    height: z.number(),
    sharpness: z.number(),
    coverage: z.number(),
    extent: z.number(),
    background_clean: z.number(),
  }),
  async run(args, build: BuildToolContext) {
    const bytes = await build.deps.assets.get(args.image.id);
    if (!bytes) throw new Error(`No image with id ${args.image.id}: pass the handle generate_image returned.`);
    return inspectImage(bytes);
  },
});
