import "server-only";
import { assertApi, type ExpectedEndpoint } from "../api-check";
import { numberOr, snap, type ImageAdapter } from "./types";

// The built-in text-to-image Spaces, sketch-image and ink-image (lib/builtin-spaces/spaces.ts,
// text-to-image-space.ts): one API, /generate(prompt, seed, width, height) → [image, seed].

const expected: ExpectedEndpoint[] = [
  {
    name: "/generate",
    params: [
      { name: "prompt", kind: "string" },
      { name: "seed", kind: "number" },
      { name: "width", kind: "number" },
      { name: "height", kind: "number" },
    ],
    returns: ["file"],
  },
];

export const sketchAdapter: ImageAdapter = {
  id: "sketch",
  capability: "text-to-image",
  endpoint: "/generate",
  version: 1,
  inputs: (req) => ({ prompt: req.prompt, seed: req.seed, width: size(req.width), height: size(req.height) }),
  bind(endpoints, space) {
    assertApi(space, endpoints, expected);
    return async (s, req) => {
      const out = await s.call("/generate", sketchAdapter.inputs(req));
      return { file: out[0], seed: numberOr(out[1], req.seed) };
    };
  },
};

function size(v: number): number {
  return snap(v, 64, 2048, 16);
}
