import "server-only";

// Reads an image's format and pixel size from its header only, without decoding (for Space outputs in the
// toolbox and for the built-in image-to-3D Spaces' inputs alike). This runs BEFORE any decoder
// sees the bytes, so a 2 KB PNG claiming 100000×100000 pixels (a decompression bomb) is refused without
// allocating 40 GB.

export type ImageFormat = "png" | "jpeg" | "webp" | "gif" | "ktx2";

export interface ImageHeader {
  format: ImageFormat;
  width: number;
  height: number;
}

/** The header's format and size, or null when the bytes are not a recognised image. */
export function readImageHeader(b: Uint8Array): ImageHeader | null {
  if (b.length < 12) return null;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // PNG: signature, then the IHDR chunk with big-endian width/height.
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    if (b.length < 24 || ascii(b, 12, 4) !== "IHDR") return null;
    return { format: "png", width: dv.getUint32(16), height: dv.getUint32(20) };
  }
  // JPEG: walk the markers to the first start-of-frame.
  if (b[0] === 0xff && b[1] === 0xd8) return readJpeg(b, dv);
  // WebP: RIFF....WEBP then VP8 / VP8L / VP8X.
  if (ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 4) === "WEBP") return readWebp(b, dv);
  if (ascii(b, 0, 6) === "GIF87a" || ascii(b, 0, 6) === "GIF89a") {
    return { format: "gif", width: dv.getUint16(6, true), height: dv.getUint16(8, true) };
  }
  // KTX2 (KHR_texture_basisu): «KTX 20» identifier, pixelWidth/pixelHeight at 20/24.
  if (b.length >= 28 && b[0] === 0xab && ascii(b, 1, 6) === "KTX 20") {
    return { format: "ktx2", width: dv.getUint32(20, true), height: Math.max(1, dv.getUint32(24, true)) };
  }
  return null;
}

function ascii(b: Uint8Array, at: number, len: number): string {
  let s = "";
  for (let i = at; i < at + len && i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}

function readJpeg(b: Uint8Array, dv: DataView): ImageHeader | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    const len = dv.getUint16(i + 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8), DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { format: "jpeg", height: dv.getUint16(i + 5), width: dv.getUint16(i + 7) };
    }
    if (len < 2) return null;
    i += 2 + len;
  }
  return null;
}

function readWebp(b: Uint8Array, dv: DataView): ImageHeader | null {
  const chunk = ascii(b, 12, 4);
  if (chunk === "VP8 " && b.length >= 30) {
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null; // the key frame's start code
    return { format: "webp", width: dv.getUint16(26, true) & 0x3fff, height: dv.getUint16(28, true) & 0x3fff };
  }
  if (chunk === "VP8L" && b.length >= 25) {
    const bits = dv.getUint32(21, true);
    return { format: "webp", width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X" && b.length >= 30) {
    const w = 1 + (b[24]! | (b[25]! << 8) | (b[26]! << 16));
    const h = 1 + (b[27]! | (b[28]! << 8) | (b[29]! << 16));
    return { format: "webp", width: w, height: h };
  }
  return null;
}
