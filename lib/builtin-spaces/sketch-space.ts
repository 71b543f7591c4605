import "server-only";
// The built-in text-to-image Space: /generate(prompt, seed, width, height) → [image (PNG), seed], shaped like
// FLUX.1-schnell's /infer so the same adapter code drives it. Rendering runs in the engine worker pool.
import { outputFile, type GradioAppDefinition } from "@/lib/builtin-spaces/gradio-server";
import { engineFailure } from "./engine-errors";
import { DEFAULT_SIDE, MAX_PROMPT_LENGTH, MAX_SIDE, MIN_SIDE } from "./sketch/options";
import { renderSketchInWorker } from "./engines/engines";

export const SKETCH_SPACE_ID = "sketch-image";
const MAX_SEED = 2 ** 32 - 1;

export function sketchSpaceDefinition(concurrencyLimit: number): GradioAppDefinition {
  return {
    id: SKETCH_SPACE_ID,
    title: "Sketch Image (built-in)",
    description: "Procedural text-to-image: draws the prompt's subject isolated on black",
    concurrencyLimit,
    endpoints: [
      {
        apiName: "generate",
        description: "Draws the subject of the prompt on a black background, as a PNG.",
        parameters: [
          { name: "prompt", label: "Prompt", component: "textbox", type: "string", maxLength: MAX_PROMPT_LENGTH, example: "the Eiffel Tower at dusk" },
          { name: "seed", label: "Seed", component: "number", type: "integer", default: 0, minimum: 0, maximum: MAX_SEED },
          { name: "width", label: "Width", component: "slider", type: "integer", default: DEFAULT_SIDE, minimum: MIN_SIDE, maximum: MAX_SIDE },
          { name: "height", label: "Height", component: "slider", type: "integer", default: DEFAULT_SIDE, minimum: MIN_SIDE, maximum: MAX_SIDE },
        ],
        returns: [
          { label: "Image", component: "image", type: "file" },
          { label: "Seed", component: "number", type: "integer" },
        ],
        timeoutMs: 120_000,
        async run(args, ctx) {
          const request = {
            prompt: args.string("prompt"),
            seed: args.number("seed"),
            width: args.number("width"),
            height: args.number("height"),
          };
          ctx.progress(0.1, "Drawing");
          const png = await renderSketchInWorker(request, ctx.signal).catch((e: unknown) => engineFailure(e, "sketch"));
          ctx.progress(1, "Done");
          return [outputFile(png, "image.png"), request.seed];
        },
      },
    ],
  };
}
