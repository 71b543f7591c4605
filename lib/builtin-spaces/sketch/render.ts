import "server-only";

// The built-in text-to-image Space's engine: a prompt becomes a procedural picture of its subject,
// isolated on pure black for the image-to-3D step. A pure function of its inputs.

import { findStyleWords } from "@/lib/landmarks/styles";
import { buildSvg } from "./document";
import { resolveLook } from "./look";
import { parseSketchOptions } from "./options";
import { createRng, hashString } from "./random";
import { pixelArtSize, svgToPixelArtPng, svgToPng } from "./raster";
import { drawSubject } from "./subject";

export interface SketchRequest {
  prompt: string;
  seed: number;
  width: number;
  height: number;
}

/** Renders `prompt` as a PNG; the same request always gives the same bytes. */
export async function renderSketch(opts: SketchRequest): Promise<Buffer> {
  const { prompt, seed, width, height } = parseSketchOptions(opts);
  const text = prompt.trim();
  // The subject depends on the words only; the seed moves details (palette jitter, lit windows).
  const detail = createRng(hashString(text) ^ seed);
  const subject = drawSubject(text, detail);
  const look = resolveLook(findStyleWords(text), subject.albedo, detail);
  if (look.medium === "pixel") {
    const small = pixelArtSize(width, height);
    return svgToPixelArtPng(buildSvg(subject.drawing, look, small.width, small.height, detail), width, height);
  }
  return svgToPng(buildSvg(subject.drawing, look, width, height, detail));
}
