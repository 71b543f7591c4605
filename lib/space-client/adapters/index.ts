import "server-only";
import type { Capability, SpaceEntry } from "../types";
import { builtinShapeAdapter, fluxKleinAdapter, fluxSchnellAdapter, hunyuan3d2Adapter, sketchAdapter, tripoSplatAdapter } from "./declared";
import { genericImageToFileAdapter, genericTextToImageAdapter } from "./generic";
import { trellis2Adapter } from "./trellis2";
import { trellisCommunityAdapter } from "./trellis-community";
import type { ImageAdapter, ModelAdapter } from "./types";

const imageAdapters: Record<string, ImageAdapter> = {
  sketch: sketchAdapter,
  "flux-schnell": fluxSchnellAdapter,
  "flux-klein": fluxKleinAdapter,
};

const modelAdapters: Record<string, ModelAdapter> = {
  "builtin-shape": builtinShapeAdapter,
  trellis2: trellis2Adapter,
  "trellis-community": trellisCommunityAdapter,
  hunyuan3d2: hunyuan3d2Adapter,
  triposplat: tripoSplatAdapter,
};

const genericImage = genericTextToImageAdapter();
const genericModel = genericImageToFileAdapter("image-to-3d");
const genericSplat = genericImageToFileAdapter("image-to-splat");

export function imageAdapterFor(entry: SpaceEntry): ImageAdapter {
  return imageAdapters[entry.adapter] ?? genericImage;
}

export function modelAdapterFor(entry: SpaceEntry, capability: Extract<Capability, "image-to-3d" | "image-to-splat">): ModelAdapter {
  const a = modelAdapters[entry.adapter];
  if (a && a.capability === capability) return a;
  return capability === "image-to-splat" ? genericSplat : genericModel;
}
