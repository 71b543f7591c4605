import "server-only";
import { defineAdapter, fixed, image, prompt, seed, sizes } from "./define";
import type { ImageAdapter, ModelAdapter } from "./types";

// The Spaces whose adapter is a table (define.ts): one endpoint, each parameter we send, the output we read.

/**
 * The built-in text-to-image Spaces, sketch-image and ink-image (lib/builtin-spaces/spaces.ts,
 * text-to-image-space.ts): one API, /generate(prompt, seed, width, height) → [image, seed].
 */
export const sketchAdapter: ImageAdapter = defineAdapter({
  id: "sketch",
  capability: "text-to-image",
  endpoint: "/generate",
  params: { prompt, seed, ...sizes(64, 2048, 16) },
  returns: ["file"],
  output: { file: 0, seed: 1 },
});

/**
 * black-forest-labs/FLUX.1-schnell (ZeroGPU): /infer(prompt, seed, randomize_seed, width, height,
 * num_inference_steps) → [image (webp), seed]. randomize_seed is forced off so the seed we key by is the
 * seed that draws; sizes are multiples of 32 up to the app's MAX_IMAGE_SIZE of 2048.
 */
export const fluxSchnellAdapter: ImageAdapter = defineAdapter({
  id: "flux-schnell",
  capability: "text-to-image",
  endpoint: "/infer",
  params: { prompt, seed, randomize_seed: fixed(false), ...sizes(256, 2048, 32), num_inference_steps: fixed(4) },
  returns: ["file", "number"],
  output: { file: 0, seed: 1 },
});

/**
 * black-forest-labs/flux-klein-9b-kv (ZeroGPU): /generate(prompt, input_images=[], seed, randomize_seed, width,
 * height (256–1024), num_inference_steps (1–20), prompt_upsampling) → [image, seed]. input_images keeps its
 * default (text-to-image only); prompt upsampling stays off because it rewrites the prompt with an LLM, which
 * would make the result depend on more than what we key the cache by.
 */
export const fluxKleinAdapter: ImageAdapter = defineAdapter({
  id: "flux-klein",
  capability: "text-to-image",
  endpoint: "/generate",
  params: { prompt, seed, randomize_seed: fixed(false), ...sizes(256, 1024, 16), num_inference_steps: fixed(4), prompt_upsampling: fixed(false) },
  returns: ["file", "number"],
  output: { file: 0, seed: 1 },
});

/**
 * The built-in image-to-3D Spaces, shape-3d and relief-3d (lib/builtin-spaces/spaces.ts,
 * image-to-3d-space.ts): one API, /reconstruct(image, seed) → [model GLB].
 */
export const builtinShapeAdapter: ModelAdapter = defineAdapter({
  id: "builtin-shape",
  capability: "image-to-3d",
  endpoint: "/reconstruct",
  params: { image, seed },
  returns: ["file"],
  output: { file: 0 },
});

/**
 * tencent/Hunyuan3D-2 (ZeroGPU): /generation_all(caption, image, mv_image_*, steps, guidance_scale, seed,
 * octree_resolution, check_box_rembg, num_chunks, randomize_seed) → [white mesh, TEXTURED glb, html, stats,
 * seed]. We read output 1 (the textured model); multi-view inputs and sampler settings keep the Space's
 * defaults. octree_resolution is a choice of "256" | "384" | "512": sent as the Space spells it.
 */
export const hunyuan3d2Adapter: ModelAdapter = defineAdapter({
  id: "hunyuan3d2",
  capability: "image-to-3d",
  endpoint: "/generation_all",
  params: { image, seed, randomize_seed: fixed(false), check_box_rembg: fixed(true), octree_resolution: fixed(256) },
  returns: ["file", "file"],
  output: { file: 1 },
});
