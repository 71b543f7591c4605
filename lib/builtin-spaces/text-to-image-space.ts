import "server-only";
// The shape of every built-in text-to-image Space: /generate(prompt, seed, width, height) → [image (PNG), seed],
// shaped like FLUX.1-schnell's /infer. One API for all of them, so the same adapter drives each and a caller
// can fall back or swap between them; only the house style differs. Rendering runs in the engine worker pool.
import { outputFile, type GradioAppDefinition } from "@/lib/builtin-spaces/gradio-server";
import { engineFailure } from "./engine-errors";
import { DEFAULT_SIDE, MAX_PROMPT_LENGTH, MAX_SIDE, MIN_SIDE } from "./sketch/options";
import { renderSketchInWorker } from "./engines/engines";
import type { BuiltinSpaceInfo } from "./space-info";

const MAX_SEED = 2 ** 32 - 1;

export interface TextToImageStyle extends BuiltinSpaceInfo {
  /** Style words put before the caller's prompt (spaces.ts says how they win); none for the plain sketch. */
  houseStyle?: string;
}

/** The prompt the engine draws: the house style, then the caller's words (as given, without one). */
export function stylePrompt(style: TextToImageStyle, prompt: string): string {
  return style.houseStyle ? `${style.houseStyle}${prompt.trim()}` : prompt;
}

export function textToImageSpaceDefinition(style: TextToImageStyle, concurrencyLimit: number): GradioAppDefinition {
  // The house style takes part of the engine's prompt limit.
  const maxLength = MAX_PROMPT_LENGTH - (style.houseStyle?.length ?? 0);
  return {
    id: style.id,
    title: style.title,
    description: style.description,
    concurrencyLimit,
    endpoints: [
      {
        apiName: "generate",
        description: style.endpointDescription,
        parameters: [
          { name: "prompt", label: "Prompt", component: "textbox", type: "string", maxLength, example: "the Eiffel Tower at dusk" },
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
            prompt: stylePrompt(style, args.string("prompt")),
            seed: args.number("seed"),
            width: args.number("width"),
            height: args.number("height"),
          };
          ctx.progress(0.1, style.working);
          const png = await renderSketchInWorker(request, ctx.signal).catch((e: unknown) => engineFailure(e, style.failure));
          ctx.progress(1, "Done");
          return [outputFile(png, "image.png"), request.seed];
        },
      },
    ],
  };
}
