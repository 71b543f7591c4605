import sharp from "sharp";

// A 37 × 23 picture in every encoding the app accepts (the three WebP flavours differ in their headers), for
// the tests of what reads pictures: the header reader here and the built-in 3D Spaces' decoder.
const solid = (channels: 3 | 4 = 3) =>
  sharp({ create: { width: 37, height: 23, channels, background: { r: 200, g: 100, b: 50, alpha: 0.5 } } });

export const FORMAT_SAMPLES = [
  ["png", () => solid().png().toBuffer()],
  ["jpeg", () => solid().jpeg().toBuffer()],
  ["jpeg", () => solid().jpeg({ progressive: true }).toBuffer()],
  ["webp", () => solid().webp({ quality: 80 }).toBuffer()], // VP8 (lossy)
  ["webp", () => solid().webp({ lossless: true }).toBuffer()], // VP8L
  ["webp", () => solid(4).webp({ quality: 80 }).toBuffer()], // VP8X (lossy with alpha)
] as const;
