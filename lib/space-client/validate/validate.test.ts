import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { makeGlb, makePly, makePng, makeWebp, patchGlbJson } from "../testing/media";
import { validateGlb } from "@/lib/models/validate";
import { validateImage } from "./image";
import { readImageHeader } from "@/lib/media/image-header";
import { validatePly } from "./ply";

/** A PNG signature + IHDR claiming w×h, with no image data: what a decompression bomb looks like up front. */
function pngHeaderClaiming(w: number, h: number): Buffer {
  const b = Buffer.alloc(64);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write("IHDR", 12, "latin1");
  b.writeUInt32BE(w, 16);
  b.writeUInt32BE(h, 20);
  return b;
}

describe("validateImage", () => {
  it("accepts a real PNG and WebP with their size and media type", async () => {
    const png = await validateImage(await makePng(320, 200));
    expect(png).toMatchObject({ mediaType: "image/png", width: 320, height: 200 });
    const webp = await validateImage(await makeWebp(128, 96));
    expect(webp).toMatchObject({ mediaType: "image/webp", width: 128, height: 96 });
  });

  it("refuses a PNG header claiming 100000² px before decoding", async () => {
    await expect(validateImage(pngHeaderClaiming(100_000, 100_000))).rejects.toThrow(/100000×100000 px \(header\)/);
  });

  it("refuses too small, empty, oversized and non-image outputs", async () => {
    await expect(validateImage(await makePng(32, 32))).rejects.toThrow(/under the 64² minimum/);
    await expect(validateImage(new Uint8Array())).rejects.toThrow(/empty/);
    await expect(validateImage(await makePng(), { maxBytes: 100, maxSide: 4096, minSide: 64 })).rejects.toThrow(/over the/);
    await expect(validateImage(Buffer.from("<html>Error 502</html>"))).rejects.toThrow(/not a PNG, JPEG or WebP/);
  });

  it("refuses a truncated PNG (header fine, body cut)", async () => {
    const png = await makePng(256, 256);
    await expect(validateImage(png.subarray(0, 60))).rejects.toThrow(/does not decode/);
  });

  it("reads PNG, JPEG, WebP and GIF headers", async () => {
    expect(readImageHeader(pngHeaderClaiming(5, 6))).toEqual({ format: "png", width: 5, height: 6 });
    const jpeg = await sharp({ create: { width: 90, height: 70, channels: 3, background: "#888" } }).jpeg().toBuffer();
    expect(readImageHeader(jpeg)).toEqual({ format: "jpeg", width: 90, height: 70 });
    expect(readImageHeader(await makeWebp(130, 66))).toEqual({ format: "webp", width: 130, height: 66 });
    expect(readImageHeader(Buffer.from("GIF89a\x10\x00\x20\x00\x00\x00\x00\x00", "latin1"))).toMatchObject({ format: "gif", width: 16, height: 32 });
  });
});

describe("validateGlb", () => {
  it("accepts a valid GLB with an embedded texture and counts vertices", async () => {
    const r = await validateGlb(await makeGlb());
    expect(r).toMatchObject({ vertices: 4, triangles: 2, textures: 1 });
  });

  it("refuses a truncated GLB", async () => {
    const glb = await makeGlb();
    await expect(validateGlb(glb.subarray(0, glb.byteLength - 100))).rejects.toThrow(/truncated/);
  });

  it("refuses a file that is not a GLB", async () => {
    await expect(validateGlb(Buffer.from("solid cube\nfacet normal 0 0 1\nendsolid"))).rejects.toThrow(/not a GLB/);
    await expect(validateGlb(new Uint8Array(8))).rejects.toThrow(/only 8 bytes/);
  });

  it("refuses external URIs in buffers and images", async () => {
    const glb = await makeGlb();
    const external = patchGlbJson(glb, (j) => {
      (j.images as { uri?: string; bufferView?: number; mimeType?: string }[])[0] = { uri: "https://attacker.example/t.png" };
    });
    await expect(validateGlb(external)).rejects.toThrow(/external URI/);
    const extBuffer = patchGlbJson(glb, (j) => {
      (j.buffers as unknown[]).push({ uri: "../../etc/passwd", byteLength: 4 });
    });
    await expect(validateGlb(extBuffer)).rejects.toThrow(/external URI/);
  });

  it("refuses a huge data: URI", async () => {
    const glb = await makeGlb();
    const huge = patchGlbJson(glb, (j) => {
      (j.buffers as unknown[]).push({ uri: `data:application/octet-stream;base64,${"A".repeat(200_000)}`, byteLength: 150_000 });
    });
    await expect(validateGlb(huge, { maxBytes: 50e6, maxVertices: 2e6, maxTextureSide: 4096, maxDataUriBytes: 64 * 1024 })).rejects.toThrow(/data URI, over the/);
  });

  it("refuses a texture whose header claims 100000² px, without decoding it", async () => {
    const glb = await makeGlb({ textureBytes: pngHeaderClaiming(100_000, 100_000) });
    await expect(validateGlb(glb)).rejects.toThrow(/Texture 0 claims 100000×100000 px/);
  });

  it("refuses too many vertices", async () => {
    await expect(validateGlb(await makeGlb(), { maxBytes: 50e6, maxVertices: 3, maxTextureSide: 4096, maxDataUriBytes: 1e6 })).rejects.toThrow(/4 vertices, over the 3 limit/);
  });

  it("reports Khronos validator errors", async () => {
    const glb = await makeGlb();
    const broken = patchGlbJson(glb, (j) => {
      const accessors = j.accessors as { count: number }[];
      accessors[2]!.count = 999; // indices accessor overruns its bufferView
    });
    await expect(validateGlb(broken)).rejects.toThrow(/glTF validation error/);
  });
});

describe("validatePly", () => {
  it("accepts a binary splat whose body matches its header", () => {
    expect(validatePly(makePly(10))).toMatchObject({ vertices: 10, format: "binary_little_endian" });
  });

  it("refuses truncated and padded bodies", () => {
    const ply = makePly(10);
    expect(() => validatePly(ply.subarray(0, ply.length - 8))).toThrow(/truncated/);
    expect(() => validatePly(makePly(10, new Uint8Array(12)))).toThrow(/header declares/);
  });

  it("refuses a bad header", () => {
    expect(() => validatePly(Buffer.from("<!DOCTYPE html><html>502</html>"))).toThrow(/not a PLY/);
    expect(() => validatePly(Buffer.from("ply\nformat binary_little_endian 1.0\nelement vertex 3\nproperty float x\n"))).toThrow(/end_header/);
    expect(() => validatePly(Buffer.from("ply\nformat binary_little_endian 1.0\nelement face 3\nproperty list uchar int vertex_indices\nend_header\n"))).toThrow(/element vertex/);
    expect(() => validatePly(Buffer.from("ply\nformat binary_little_endian 1.0\nelement vertex 1\nproperty float x\nproperty float y\nend_header\n\0\0\0\0\0\0\0\0"))).toThrow(/`z`/);
    expect(() => validatePly(Buffer.from("ply\nformat binary_little_endian 1.0\nelement vertex 1\nproperty quaternion x\nend_header\n"))).toThrow(/malformed property/);
    expect(() => validatePly(Buffer.from("ply\nformat binary_little_endian 1.0\nelement vertex 99999999\nproperty float x\nproperty float y\nproperty float z\nend_header\n"))).toThrow(/over the/);
  });

  it("accepts ASCII with enough rows", () => {
    const ascii = "ply\nformat ascii 1.0\nelement vertex 2\nproperty float x\nproperty float y\nproperty float z\nend_header\n0 0 0\n1 1 1\n";
    expect(validatePly(Buffer.from(ascii))).toMatchObject({ vertices: 2, format: "ascii" });
    expect(() => validatePly(Buffer.from(ascii.replace("1 1 1\n", "")))).toThrow(/1 rows/);
  });
});
