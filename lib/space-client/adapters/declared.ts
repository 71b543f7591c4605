import "server-only";
import { defineAdapter, fixed, image, prompt, seed, size, sizes } from "./define";
import type { ImageAdapter, ModelAdapter } from "./types";

// The Spaces whose adapter is a table (define.ts): the endpoint(s), the values we send, the output we read.
// Everything else (the other parameters' defaults, slider ranges, how a choice is spelled) is read from the
// Space's own schema at call time. Each fact below names where it comes from; the fixtures' READMEs
// (fixtures/<space>/README.md) name the sources and commits.

/**
 * The built-in text-to-image Spaces, sketch-image and ink-image (lib/builtin-spaces/spaces.ts,
 * text-to-image-space.ts): one API, /generate(prompt, seed, width, height) → [image, seed].
 */
export const sketchAdapter: ImageAdapter = defineAdapter({
  id: "sketch",
  capability: "text-to-image",
  endpoints: [{ name: "/generate", returns: ["file"], file: 0, seed: 1 }],
  params: { prompt, seed, ...sizes(64, 2048, 16) },
});

/**
 * black-forest-labs/FLUX.1-schnell (ZeroGPU): /infer(prompt, seed, randomize_seed, width, height,
 * num_inference_steps) → [image (webp), seed]. randomize_seed is forced off so the seed we key by is the
 * seed that draws; its width and height sliders (256–2048, step 32) bring the size onto what it draws.
 */
export const fluxSchnellAdapter: ImageAdapter = defineAdapter({
  id: "flux-schnell",
  capability: "text-to-image",
  endpoints: [{ name: "/infer", returns: ["file", "number"], file: 0, seed: 1 }],
  params: { prompt, seed, randomize_seed: fixed(false), ...size, num_inference_steps: fixed(4) },
});

/**
 * black-forest-labs/flux-klein-9b-kv (ZeroGPU): /generate(prompt, input_images=[], seed, randomize_seed, width,
 * height (256–1024), num_inference_steps (1–20), prompt_upsampling) → [image (webp), seed]. input_images keeps its
 * default (text-to-image only); prompt upsampling stays off because it rewrites the prompt with an LLM, which
 * would make the result depend on more than what we key the cache by.
 */
export const fluxKleinAdapter: ImageAdapter = defineAdapter({
  id: "flux-klein",
  capability: "text-to-image",
  endpoints: [{ name: "/generate", returns: ["file", "number"], file: 0, seed: 1 }],
  params: { prompt, seed, randomize_seed: fixed(false), ...size, num_inference_steps: fixed(4), prompt_upsampling: fixed(false) },
});

/**
 * The built-in image-to-3D Spaces, shape-3d and relief-3d (lib/builtin-spaces/spaces.ts,
 * image-to-3d-space.ts): one API, /reconstruct(image, seed) → [model GLB].
 */
export const builtinShapeAdapter: ModelAdapter = defineAdapter({
  id: "builtin-shape",
  capability: "image-to-3d",
  endpoints: [{ name: "/reconstruct", returns: ["file"], file: 0 }],
  params: { image, seed },
});

/**
 * tencent/Hunyuan3D-2 (ZeroGPU): /generation_all(caption, image, mv_image_*, steps, guidance_scale, seed,
 * octree_resolution, check_box_rembg, num_chunks, randomize_seed) → [white mesh, TEXTURED glb, html, stats,
 * seed]. Its seed slider stops at MAX_SEED = int(1e7) (the schema's range folds ours into it); `caption` is sent
 * as "" because the app's text branch fails with a NameError when it is missing; /shape_generation (the
 * untextured mesh, output 0) is taken when /generation_all fails or is gone, as public callers report of the
 * live Space. Multi-view inputs and sampler settings keep the Space's defaults.
 */
export const hunyuan3d2Adapter: ModelAdapter = defineAdapter({
  id: "hunyuan3d2",
  capability: "image-to-3d",
  endpoints: [
    { name: "/generation_all", returns: ["file", "file"], file: 1 },
    { name: "/shape_generation", returns: ["file"], file: 0 },
  ],
  params: { caption: fixed(""), image, seed, randomize_seed: fixed(false), check_box_rembg: fixed(true), octree_resolution: fixed(256) },
  version: 2,
});

/**
 * VAST-AI/TripoSplat (ZeroGPU), and the built-in splat Space that speaks its API: one handler,
 * /generate(image, seed, steps, guidance_scale, num_gaussians, output_format="ply") → [preprocessed image,
 * viewer HTML, DownloadButton (the .ply), info text]. The .ply is found by its extension among the outputs.
 * 131072 Gaussians (half the app's default of 262144) keep the PLY near 32 MB and the GPU time, and so the
 * quota, lower; the schema maps it onto the nearest listed choice if the Space lists others.
 */
export const tripoSplatAdapter: ModelAdapter = defineAdapter({
  id: "triposplat",
  capability: "image-to-splat",
  endpoints: [{ name: "/generate", returns: [], file: 2 }],
  params: { image, seed, num_gaussians: fixed("131072"), output_format: fixed("ply") },
});
