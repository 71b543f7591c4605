import "server-only";
import { ReconstructInputError } from "./errors";

export type ImageFormat = "png" | "jpeg" | "webp";

export interface ImageHeader {
  format: ImageFormat;
  width: number;
  height: number;
}

/**
 * Sniffs the format from magic bytes and reads the pixel dimensions from the header alone, so that oversized images
 * (decompression bombs) are refused before any decoder allocates a pixel buffer.
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader {
  const format = sniffFormat(bytes);
  if (!format) throw new ReconstructInputError("not an image: unsupported format (expected PNG, JPEG or WebP)");
  const size = format === "png" ? pngSize(bytes) : format === "jpeg" ? jpegSize(bytes) : webpSize(bytes);
  if (!size || size.width < 1 || size.height < 1) {
    throw new ReconstructInputError(`corrupt ${format.toUpperCase()} image: its header has no readable dimensions`);
  }
  return { format, ...size };
}

function sniffFormat(b: Uint8Array): ImageFormat | null {
  if (startsWith(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(b, 0, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(b, 0, ascii("RIFF")) && startsWith(b, 8, ascii("WEBP"))) return "webp";
  return null;
}

type Size = { width: number; height: number };

// The IHDR chunk must come first: signature (8) + length (4) + "IHDR" (4) + width (4) + height (4).
function pngSize(b: Uint8Array): Size | null {
  if (b.length < 24 || !startsWith(b, 12, ascii("IHDR"))) return null;
  return { width: u32be(b, 16), height: u32be(b, 20) };
}

// Walks the marker segments up to the first start-of-frame (SOF0..SOF15 except DHT, JPG and DAC), which holds the size.
function jpegSize(b: Uint8Array): Size | null {
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // markers without a length
      continue;
    }
    const length = u16be(b, i + 2);
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (i + 9 > b.length) return null;
      return { height: u16be(b, i + 5), width: u16be(b, i + 7) };
    }
    if (marker === 0xda || length < 2) return null; // scan data before any frame header
    i += 2 + length;
  }
  return null;
}

// The first chunk after "WEBP" is VP8 (lossy), VP8L (lossless) or VP8X (extended, which carries the canvas size).
function webpSize(b: Uint8Array): Size | null {
  if (b.length < 30) return null;
  if (startsWith(b, 12, ascii("VP8 "))) {
    if (!startsWith(b, 23, [0x9d, 0x01, 0x2a])) return null;
    return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  if (startsWith(b, 12, ascii("VP8L"))) {
    if (b[20] !== 0x2f) return null;
    const bits = u32le(b, 21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (startsWith(b, 12, ascii("VP8X"))) {
    return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  }
  return null;
}

function ascii(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

function startsWith(b: Uint8Array, at: number, sig: number[]): boolean {
  return b.length >= at + sig.length && sig.every((v, k) => b[at + k] === v);
}

const byte = (b: Uint8Array, i: number) => b[i] ?? 0;
const u16be = (b: Uint8Array, i: number) => (byte(b, i) << 8) | byte(b, i + 1);
const u16le = (b: Uint8Array, i: number) => byte(b, i) | (byte(b, i + 1) << 8);
const u24le = (b: Uint8Array, i: number) => byte(b, i) | (byte(b, i + 1) << 8) | (byte(b, i + 2) << 16);
const u32be = (b: Uint8Array, i: number) => ((byte(b, i) << 24) | (byte(b, i + 1) << 16) | (byte(b, i + 2) << 8) | byte(b, i + 3)) >>> 0;
const u32le = (b: Uint8Array, i: number) => (u24le(b, i) | (byte(b, i + 3) << 24)) >>> 0;
