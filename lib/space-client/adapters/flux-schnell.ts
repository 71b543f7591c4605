import "server-only";
import { assertApi, type ExpectedEndpoint } from "../api-check";
import { numberOr, snap, type ImageAdapter } from "./types";

// black-forest-labs/FLUX.1-schnell (ZeroGPU): /infer(prompt, seed, randomize_seed, width, height,
// num_inference_steps) → [image (webp), seed]. randomize_seed is forced off so the seed we key by is the
// seed that draws; sizes are multiples of 32 up to the app's MAX_IMAGE_SIZE of 2048.

const expected: ExpectedEndpoint[] = [
  {
    name: "/infer",
    params: [
      { name: "prompt", kind: "string" },
      { name: "seed", kind: "number" },
      { name: "randomize_seed", kind: "boolean" },
      { name: "width", kind: "number" },
      { name: "height", kind: "number" },
      { name: "num_inference_steps", kind: "number" },
    ],
    returns: ["file", "number"],
  },
];

export const fluxSchnellAdapter: ImageAdapter = {
  id: "flux-schnell",
  capability: "text-to-image",
  endpoint: "/infer",
  version: 1,
  inputs: (req) => ({
    prompt: req.prompt,
    seed: req.seed,
    randomize_seed: false,
    width: snap(req.width, 256, 2048, 32),
    height: snap(req.height, 256, 2048, 32),
    num_inference_steps: 4,
  }),
  bind(endpoints, space) {
    assertApi(space, endpoints, expected);
    return async (s, req) => {
      const out = await s.call("/infer", fluxSchnellAdapter.inputs(req));
      return { file: out[0], seed: numberOr(out[1], req.seed) };
    };
  },
};
