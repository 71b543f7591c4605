import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { readImageHeader } from "./image-header";

const solid = (width: number, height: number, channels: 3 | 4 = 3) =>
  sharp({ create: { width, height, channels, background: { r: 200, g: 100, b: 50, alpha: 0.5 } } });

describe("readImageHeader", () => {
  it.each([
    ["png", () => solid(37, 23).png().toBuffer()],
    ["jpeg", () => solid(37, 23).jpeg().toBuffer()],
    ["jpeg", () => solid(37, 23).jpeg({ progressive: true }).toBuffer()],
    ["webp", () => solid(37, 23).webp({ quality: 80 }).toBuffer()], // VP8 (lossy)
    ["webp", () => solid(37, 23).webp({ lossless: true }).toBuffer()], // VP8L
    ["webp", () => solid(37, 23, 4).webp({ quality: 80 }).toBuffer()], // VP8X (lossy with alpha)
  ] as const)("reads %s dimensions from the header", async (format, make) => {
    expect(readImageHeader(await make())).toEqual({ format, width: 37, height: 23 });
  });

  it("answers null for bytes that are not a recognised image, or a signature without a header", () => {
    expect(readImageHeader(Buffer.from("hello, I am a text file\n"))).toBeNull();
    expect(readImageHeader(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeNull();
  });
});
