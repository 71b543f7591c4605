import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { FORMAT_SAMPLES } from "@/lib/media/testing/format-samples";
import { decodeImage, shrinkRgba } from "./decode";
import { ReconstructInputError } from "./errors";

/** A PNG that is only a signature and an IHDR chunk: enough for the header check, nothing to decode. */
function pngHeaderOnly(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(8 + 8 + 13 + 4);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(ihdr, 0);
  ihdr.writeUInt32BE(13, 8);
  ihdr.write("IHDR", 12, "ascii");
  ihdr.writeUInt32BE(width, 16);
  ihdr.writeUInt32BE(height, 20);
  ihdr.set([8, 6, 0, 0, 0], 24); // 8-bit RGBA; the CRC is left zero
  return ihdr;
}


describe("decodeImage", () => {
  it("decodes to straight RGBA at full size", async () => {
    const png = await sharp({ create: { width: 20, height: 10, channels: 3, background: "#ff8000" } }).png().toBuffer();
    const { format, image } = await decodeImage(png);
    expect(format).toBe("png");
    expect([image.width, image.height, image.data.length]).toEqual([20, 10, 800]);
    expect(Array.from(image.data.subarray(0, 4))).toEqual([255, 128, 0, 255]);
  });

  it("refuses oversized dimensions from the header alone, before decoding", async () => {
    await expect(decodeImage(pngHeaderOnly(5000, 10))).rejects.toThrow(/5000×10 pixels exceeds 4096×4096/);
    // A decompression bomb's header: would be 40 GB of pixels, refused without allocating any.
    await expect(decodeImage(pngHeaderOnly(100_000, 100_000))).rejects.toThrow(ReconstructInputError);
  });

  it("refuses a real 5000×10 PNG too", async () => {
    const png = await sharp({ create: { width: 5000, height: 10, channels: 3, background: "#fff" } }).png().toBuffer();
    await expect(decodeImage(png)).rejects.toThrow(/exceeds 4096×4096/);
  });

  it("refuses more than 20 MB before looking inside", async () => {
    const big = Buffer.alloc(20 * 1024 * 1024 + 1);
    pngHeaderOnly(100, 100).copy(big);
    await expect(decodeImage(big)).rejects.toThrow(/20\.0 MB exceeds the 20 MB limit/);
  });

  it.each(FORMAT_SAMPLES)("accepts %s", async (format, make) => {
    const decoded = await decodeImage(await make());
    expect([decoded.format, decoded.image.width, decoded.image.height]).toEqual([format, 37, 23]);
  });

  it("refuses bytes that are not PNG, JPEG or WebP", async () => {
    await expect(decodeImage(Buffer.from("hello, I am a text file\n"))).rejects.toThrow(ReconstructInputError);
    await expect(decodeImage(Buffer.from("GIF89a......"))).rejects.toThrow(/unsupported format/);
  });

  it("refuses a signature without a readable header", async () => {
    await expect(decodeImage(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).rejects.toThrow(/corrupt PNG/);
    await expect(decodeImage(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 2]))).rejects.toThrow(/corrupt JPEG/);
  });

  it("refuses non-images and corrupt image data as input errors", async () => {
    await expect(decodeImage(Buffer.from("just some text"))).rejects.toThrow(/not an image/);
    await expect(decodeImage(pngHeaderOnly(64, 64))).rejects.toThrow(/could not decode the PNG image/);
  });
});

describe("shrinkRgba", () => {
  it("averages exact blocks and drops a leftover strip", () => {
    // 5×2 image, factor 2 → 2×1: columns 0-1 and 2-3; column 4 is dropped.
    const data = new Uint8Array(5 * 2 * 4);
    const set = (x: number, y: number, v: number) => data.set([v, v, v, 255], (y * 5 + x) * 4);
    [0, 1, 2, 3].forEach((x) => set(x, 0, x * 40));
    [0, 1, 2, 3].forEach((x) => set(x, 1, 200));
    set(4, 0, 255);
    const small = shrinkRgba({ width: 5, height: 2, data }, 2);
    expect([small.width, small.height]).toEqual([2, 1]);
    expect(Array.from(small.data)).toEqual([110, 110, 110, 255, 150, 150, 150, 255]);
  });
});
