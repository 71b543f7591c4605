import "server-only";
import { readImageHeader as readAnyImageHeader } from "../../media/image-header";
import { ReconstructInputError } from "./errors";

export type ImageFormat = "png" | "jpeg" | "webp";

export interface ImageHeader {
  format: ImageFormat;
  width: number;
  height: number;
}

/**
 * The header of an image this Space accepts (lib/media/image-header.ts reads it), so that oversized images
 * (decompression bombs) are refused before any decoder allocates a pixel buffer.
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader {
  const header = readAnyImageHeader(bytes);
  if (!header) {
    const format = sniffFormat(bytes);
    if (format) throw new ReconstructInputError(`corrupt ${format.toUpperCase()} image: its header has no readable dimensions`);
    throw new ReconstructInputError("not an image: unsupported format (expected PNG, JPEG or WebP)");
  }
  if (header.format !== "png" && header.format !== "jpeg" && header.format !== "webp") {
    throw new ReconstructInputError("not an image: unsupported format (expected PNG, JPEG or WebP)");
  }
  if (header.width < 1 || header.height < 1) {
    throw new ReconstructInputError(`corrupt ${header.format.toUpperCase()} image: its header has no readable dimensions`);
  }
  return { format: header.format, width: header.width, height: header.height };
}

/** The format by its magic bytes alone: tells a corrupt PNG, JPEG or WebP from something else. */
function sniffFormat(b: Uint8Array): ImageFormat | null {
  const starts = (at: number, bytes: number[]) => bytes.every((v, i) => b[at + i] === v);
  const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
  if (starts(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (starts(0, [0xff, 0xd8, 0xff])) return "jpeg";
  if (starts(0, ascii("RIFF")) && starts(8, ascii("WEBP"))) return "webp";
  return null;
}
