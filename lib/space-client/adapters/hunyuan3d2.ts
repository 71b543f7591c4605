import "server-only";
import { assertApi, type ExpectedEndpoint } from "../api-check";
import type { ModelAdapter } from "./types";

// tencent/Hunyuan3D-2 (ZeroGPU): /generation_all(caption, image, mv_image_*, steps, guidance_scale, seed,
// octree_resolution, check_box_rembg, num_chunks, randomize_seed) → [white mesh, TEXTURED glb, html, stats,
// seed]. We read output 1 (the textured model); multi-view inputs and sampler settings keep the Space's defaults.

const OCTREE_RESOLUTION = 256;

const expected: ExpectedEndpoint[] = [
  {
    name: "/generation_all",
    params: [
      { name: "image", kind: "file" },
      { name: "seed", kind: "number" },
      { name: "randomize_seed", kind: "boolean" },
      { name: "check_box_rembg", kind: "boolean" },
      { name: "octree_resolution", kind: "number" },
    ],
    returns: ["file", "file"],
  },
];

export const hunyuan3d2Adapter: ModelAdapter = {
  id: "hunyuan3d2",
  capability: "image-to-3d",
  endpoint: "/generation_all",
  version: 1,
  inputs: (req) => ({
    image: req.image.sha256,
    seed: req.seed,
    randomize_seed: false,
    check_box_rembg: true,
    octree_resolution: OCTREE_RESOLUTION,
  }),
  bind(endpoints, space) {
    assertApi(space, endpoints, expected);
    // A Radio/Dropdown of "256" | "384" | "512" wants the value as the Space spells it.
    const octree = endpoints["/generation_all"]?.params.find((p) => p.name === "octree_resolution");
    const octreeValue = octree?.enumValues?.find((v) => String(v) === String(OCTREE_RESOLUTION)) ?? OCTREE_RESOLUTION;
    return async (s, req) => {
      const image = await s.sendFile(req.image);
      const out = await s.call("/generation_all", {
        image,
        seed: req.seed,
        randomize_seed: false,
        check_box_rembg: true,
        octree_resolution: octreeValue,
      });
      return { file: out[1] };
    };
  },
};
