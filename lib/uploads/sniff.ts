import { readImageHeader } from "@/lib/media/image-header";

// What an uploaded file is, by its bytes (never by its name or the Content-Type a browser guessed): a picture
// to model, or a finished model to place. Anything else is refused with the list of what is accepted.

export type UploadKind =
  | { kind: "picture"; format: "png" | "jpeg" | "webp" }
  | { kind: "model"; format: "glb" }
  | { kind: "splat"; format: "ply" | "spz" };

export const ACCEPTED = "a picture (PNG, JPEG or WebP), a 3D model (GLB) or a Gaussian splat (PLY or SPZ)";

/** The file's kind, or a sentence saying why it is not one we take. */
export function sniffUpload(bytes: Uint8Array): UploadKind | { refused: string } {
  if (bytes.byteLength >= 4 && bytes[0] === 0x67 && bytes[1] === 0x6c && bytes[2] === 0x54 && bytes[3] === 0x46) return { kind: "model", format: "glb" };
  const head5 = new TextDecoder().decode(bytes.subarray(0, 5));
  if (head5.startsWith("ply\n") || head5 === "ply\r\n") return { kind: "splat", format: "ply" };
  // SPZ is a gzip stream (its NGSP header is inside).
  if (bytes.byteLength >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return { kind: "splat", format: "spz" };
  const header = readImageHeader(bytes);
  if (header) {
    if (header.format === "png" || header.format === "jpeg" || header.format === "webp") return { kind: "picture", format: header.format };
    return { refused: `This is a ${header.format.toUpperCase()} file: upload ${ACCEPTED}.` };
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 5));
  if (head.startsWith("{")) return { refused: `This file is not one we can show: upload ${ACCEPTED} (a .gltf with separate files is not supported).` };
  return { refused: `This file is not ${ACCEPTED}.` };
}

/** An exhibit title from a file name: "red_vase-2.png" → "Red vase 2". */
export function titleFromFileName(name: string | null, fallback: string): string {
  const base = (name ?? "")
    .replace(/^.*[\\/]/, "")
    .replace(/\.[A-Za-z0-9]{1,5}$/, "")
    .replace(/[_\-.]+/g, " ")
    .replace(/[\u0000-\u001f\u007f<>]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 120);
  return base ? base.charAt(0).toUpperCase() + base.slice(1) : fallback;
}

/** The file name as provenance keeps it: its last path segment, printable, at most 200 characters. */
export function cleanFileName(name: string | null): string | null {
  const n = (name ?? "").replace(/^.*[\\/]/, "").replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 200);
  return n || null;
}
