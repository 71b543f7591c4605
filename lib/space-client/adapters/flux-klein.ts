import "server-only";
import { assertApi, type ExpectedEndpoint } from "../api-check";
import { numberOr, snap, type ImageAdapter } from "./types";

// black-forest-labs/flux-klein-9b-kv (ZeroGPU): /generate(prompt, input_images=[], seed, randomize_seed, width,
// height (256–1024), num_inference_steps (1–20), prompt_upsampling) → [image, seed]. input_images keeps its
// default (text-to-image only); prompt upsampling stays off because it rewrites the prompt with an LLM, which
// would make the result depend on more than what we key the cache by.

const expected: ExpectedEndpoint[] = [
  {
    name: "/generate",
    params: [
      { name: "prompt", kind: "string" },
      { name: "seed", kind: "number" },
      { name: "randomize_seed", kind: "boolean" },
      { name: "width", kind: "number" },
      { name: "height", kind: "number" },
      { name: "num_inference_steps", kind: "number" },
      { name: "prompt_upsampling", kind: "boolean" },
    ],
    returns: ["file", "number"],
  },
];

export const fluxKleinAdapter: ImageAdapter = {
  id: "flux-klein",
  capability: "text-to-image",
  endpoint: "/generate",
  version: 1,
  inputs: (req) => ({
    prompt: req.prompt,
    seed: req.seed,
    randomize_seed: false,
    width: snap(req.width, 256, 1024, 16),
    height: snap(req.height, 256, 1024, 16),
    num_inference_steps: 4,
    prompt_upsampling: false,
  }),
  bind(endpoints, space) {
    assertApi(space, endpoints, expected);
    return async (s, req) => {
      const out = await s.call("/generate", fluxKleinAdapter.inputs(req));
      return { file: out[0], seed: numberOr(out[1], req.seed) };
    };
  },
};
