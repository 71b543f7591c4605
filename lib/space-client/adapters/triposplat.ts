import "server-only";
import { genericImageToFileAdapter } from "./generic";
import type { ModelAdapter } from "./types";

// VAST-AI/TripoSplat (ZeroGPU): one image in, a Gaussian splat .ply out (Y-down). Its endpoint names are not
// documented, so the endpoint is discovered at connect from /gradio_api/info: the one that takes an image and
// returns a file, preferring names that speak of splats, with the .ply chosen among several file outputs.

export const tripoSplatAdapter: ModelAdapter = genericImageToFileAdapter("image-to-splat", "triposplat");
