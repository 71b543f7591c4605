import "server-only";
// The second built-in text-to-image Space: /generate(prompt, seed, width, height) → [image (PNG), seed], the
// same API as sketch-image (so the same adapter drives it and a caller can fall back or swap between them), in
// a house style of its own: a pen-and-ink engraving. It is the sketch engine with the engine's own style words
// put before the caller's prompt — style words count in order of appearance, so the house medium wins over any
// medium the prompt names, while its colour, lighting and material words still apply. The subject stays
// isolated on pure black, as image-to-3D needs. Rendering runs in the engine worker pool.
import { outputFile, type GradioAppDefinition } from "@/lib/builtin-spaces/gradio-server";
import { engineFailure } from "./engine-errors";
import { DEFAULT_SIDE, MAX_PROMPT_LENGTH, MAX_SIDE, MIN_SIDE } from "./sketch/options";
import { renderSketchInWorker } from "./engines/engines";

export const INK_SPACE_ID = "ink-image";
/** Words the sketch engine reads as its "ink" medium (lib/landmarks/styles.ts); "of" keeps the subject the subject. */
export const INK_STYLE = "pen and ink engraving of ";
const MAX_SEED = 2 ** 32 - 1;

/** The prompt the engine draws: the house style, then the caller's words. */
export function inkPrompt(prompt: string): string {
  return `${INK_STYLE}${prompt.trim()}`;
}

export function inkSpaceDefinition(concurrencyLimit: number): GradioAppDefinition {
  return {
    id: INK_SPACE_ID,
    title: "Ink Image (built-in)",
    description: "Procedural text-to-image in pen and ink: draws the prompt's subject as an engraving, isolated on black",
    concurrencyLimit,
    endpoints: [
      {
        apiName: "generate",
        description: "Draws the subject of the prompt as a pen-and-ink engraving on a black background, as a PNG.",
        parameters: [
          // The house style takes part of the engine's prompt limit.
          { name: "prompt", label: "Prompt", component: "textbox", type: "string", maxLength: MAX_PROMPT_LENGTH - INK_STYLE.length, example: "the Eiffel Tower at dusk" },
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
          const seed = args.number("seed");
          const request = {
            prompt: inkPrompt(args.string("prompt")),
            seed,
            width: args.number("width"),
            height: args.number("height"),
          };
          ctx.progress(0.1, "Engraving");
          const png = await renderSketchInWorker(request, ctx.signal).catch((e: unknown) => engineFailure(e, "ink"));
          ctx.progress(1, "Done");
          return [outputFile(png, "image.png"), seed];
        },
      },
    ],
  };
}
