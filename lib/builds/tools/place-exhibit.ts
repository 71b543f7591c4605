import "server-only";
import { z } from "zod";
import { defineTool } from "@/lib/agent/tool-definition";
import { setExhibitResult } from "@/lib/db/exhibits";
import { exhibitKeyArg, imageHandleArg, modelHandleArg } from "./arguments";
import type { BuildToolContext } from "./context";

export const placeExhibit = defineTool({
  name: "place_exhibit",
  description:
    "Puts a finished exhibit in the gallery (its plinth, plaque and place in the hall) and shows it to the visitor at once. Call it as soon as an exhibit's model is ready.",
  args: z.object({
    exhibit: exhibitKeyArg,
    image: imageHandleArg,
    model: modelHandleArg,
    title: z.string().trim().min(1).max(120).optional(),
    description: z.string().trim().max(800).optional(),
  }),
  returns: z.object({ id: z.string() }),
  async run(args, build: BuildToolContext) {
    const exhibit = await build.exhibitFor(args.exhibit);
    const w = build.workFor(exhibit.key);
    const model = build.servedModel(args.model.id);
    const made = w.images.get(args.image.id);
    // Placing the result the exhibit already shows changes nothing: a build resumed after a restart re-places
    // the exhibits it had finished (their Space calls come from the cache), and each would otherwise stack an
    // identical copy onto the version history at every restart.
    const alreadyShown =
      exhibit.status === "ready" &&
      exhibit.imageSha === args.image.id &&
      exhibit.modelSha === model.sha256 &&
      exhibit.originalModelSha === args.model.id &&
      (args.title === undefined || args.title === exhibit.title) &&
      (args.description === undefined || args.description === exhibit.description) &&
      (made === undefined || (made.prompt === exhibit.prompt && made.seed === exhibit.seed));
    const record = alreadyShown
      ? exhibit
      : await setExhibitResult(exhibit.id, {
          imageSha: args.image.id,
          modelSha: model.sha256,
          originalModelSha: args.model.id,
          height: model.height,
          provenance: w.calls,
          title: args.title,
          description: args.description,
          prompt: made?.prompt,
          seed: made?.seed,
        });
    await build.deps.notify.ready(record);
    return { id: record.id };
  },
});
