import "server-only";

// Rasterises the sketch SVG; pixel art is drawn small and enlarged so its blocks stay crisp.
import { Resvg } from "@resvg/resvg-js";
import sharp, { type PngOptions, type Sharp } from "sharp";

/** Pixel art is drawn this many times smaller, then enlarged without smoothing. */
const PIXEL_BLOCK = 10;

function rasterize(svg: string, crisp: boolean): Sharp {
  // No text is ever drawn, so skipping the system font scan saves most of resvg's start-up time.
  const image = new Resvg(svg, { font: { loadSystemFonts: false }, shapeRendering: crisp ? 1 : 2 }).render();
  return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } }).removeAlpha();
}

/** sharp encodes PNG several times faster than resvg's encoder, and smaller. */
const PNG_OPTIONS: PngOptions = { compressionLevel: 6 };

export async function svgToPng(svg: string): Promise<Buffer> {
  return rasterize(svg, false).png(PNG_OPTIONS).toBuffer();
}

/** Renders an SVG built at 1/PIXEL_BLOCK size and enlarges it with nearest-neighbour sampling. */
export async function svgToPixelArtPng(smallSvg: string, width: number, height: number): Promise<Buffer> {
  const small = await rasterize(smallSvg, true).raw().toBuffer({ resolveWithObject: true });
  return sharp(small.data, { raw: { width: small.info.width, height: small.info.height, channels: 3 } })
    .resize(width, height, { kernel: "nearest" })
    .png(PNG_OPTIONS)
    .toBuffer();
}

export function pixelArtSize(width: number, height: number): { width: number; height: number } {
  return { width: Math.max(8, Math.round(width / PIXEL_BLOCK)), height: Math.max(8, Math.round(height / PIXEL_BLOCK)) };
}
