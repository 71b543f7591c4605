import "server-only";
import { assertApi, type ExpectedEndpoint } from "../api-check";
import type { ModelAdapter } from "./types";

// The built-in image-to-3D Spaces, shape-3d and relief-3d (lib/builtin-spaces/spaces.ts,
// image-to-3d-space.ts): one API, /reconstruct(image, seed) → [model GLB].

const expected: ExpectedEndpoint[] = [
  { name: "/reconstruct", params: [{ name: "image", kind: "file" }, { name: "seed", kind: "number" }], returns: ["file"] },
];

export const builtinShapeAdapter: ModelAdapter = {
  id: "builtin-shape",
  capability: "image-to-3d",
  endpoint: "/reconstruct",
  version: 1,
  inputs: (req) => ({ image: req.image.sha256, seed: req.seed }),
  bind(endpoints, space) {
    assertApi(space, endpoints, expected);
    return async (s, req) => {
      const image = await s.sendFile(req.image);
      const out = await s.call("/reconstruct", { image, seed: req.seed });
      return { file: out[0] };
    };
  },
};
