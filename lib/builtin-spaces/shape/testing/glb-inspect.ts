import { NodeIO } from "@gltf-transform/core";
import { createRequire } from "node:module";
import type { Mask } from "../mask";

export interface GlbMesh {
  positions: Float32Array;
  normals: Float32Array;
  uvs: Float32Array;
  indices: Uint32Array;
  uris: string[];
  imageMimeTypes: string[];
}

/** Reads the GLB's single primitive back with gltf-transform, as a client would. */
export async function readGlb(glb: Uint8Array): Promise<GlbMesh> {
  const doc = await new NodeIO().readBinary(glb);
  const primitive = doc.getRoot().listMeshes()[0]!.listPrimitives()[0]!;
  const array = (name: string) => primitive.getAttribute(name)!.getArray() as Float32Array;
  return {
    positions: array("POSITION"),
    normals: array("NORMAL"),
    uvs: array("TEXCOORD_0"),
    indices: Uint32Array.from(primitive.getIndices()!.getArray()!),
    uris: [...doc.getRoot().listTextures(), ...doc.getRoot().listBuffers()].map((t) => t.getURI()).filter(Boolean),
    imageMimeTypes: doc.getRoot().listTextures().map((t) => t.getMimeType()),
  };
}

/**
 * Orthographic front view of the mesh rasterised on the subject mask's grid: the frame the engine promises is a
 * model `size` metres along the mask's longer side, centred in x and standing on y = 0. A pixel is covered when
 * its centre lies in a triangle's XY projection.
 */
export function frontSilhouette(mesh: GlbMesh, mask: Pick<Mask, "width" | "height">, size: number): Uint8Array {
  const { width, height } = mask;
  const perMetre = Math.max(width, height) / size;
  const grid = new Uint8Array(width * height);
  const { positions: p, indices } = mesh;
  const px = (v: number) => p[v * 3]! * perMetre + width / 2;
  const py = (v: number) => height - p[v * 3 + 1]! * perMetre;
  for (let t = 0; t < indices.length; t += 3) {
    const [a, b, c] = [indices[t]!, indices[t + 1]!, indices[t + 2]!];
    const xs = [px(a), px(b), px(c)];
    const ys = [py(a), py(b), py(c)];
    const area = (xs[1]! - xs[0]!) * (ys[2]! - ys[0]!) - (xs[2]! - xs[0]!) * (ys[1]! - ys[0]!);
    if (Math.abs(area) < 1e-12) continue;
    const x0 = Math.max(0, Math.floor(Math.min(...xs) - 0.5));
    const x1 = Math.min(width - 1, Math.ceil(Math.max(...xs)));
    const y0 = Math.max(0, Math.floor(Math.min(...ys) - 0.5));
    const y1 = Math.min(height - 1, Math.ceil(Math.max(...ys)));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const cx = x + 0.5;
        const cy = y + 0.5;
        const w0 = (xs[1]! - cx) * (ys[2]! - cy) - (xs[2]! - cx) * (ys[1]! - cy);
        const w1 = (xs[2]! - cx) * (ys[0]! - cy) - (xs[0]! - cx) * (ys[2]! - cy);
        const w2 = (xs[0]! - cx) * (ys[1]! - cy) - (xs[1]! - cx) * (ys[0]! - cy);
        const inside = area > 0 ? w0 >= 0 && w1 >= 0 && w2 >= 0 : w0 <= 0 && w1 <= 0 && w2 <= 0;
        if (inside) grid[y * width + x] = 1;
      }
    }
  }
  return grid;
}

export function iou(a: Uint8Array, b: Uint8Array): number {
  let both = 0;
  let either = 0;
  for (let i = 0; i < a.length; i++) {
    both += a[i]! & b[i]!;
    either += a[i]! | b[i]!;
  }
  return either ? both / either : 0;
}

interface ValidationReport {
  issues: { numErrors: number; numWarnings: number; messages: Array<{ code: string; message: string; severity: number }> };
}

// gltf-validator ships no type declarations; load it through require with the one call used here typed.
const validator = createRequire(import.meta.url)("gltf-validator") as {
  validateBytes(data: Uint8Array, options?: { maxIssues?: number }): Promise<ValidationReport>;
};

export function validateGlb(glb: Uint8Array): Promise<ValidationReport> {
  return validator.validateBytes(new Uint8Array(glb));
}

/**
 * Topology of the mesh with vertices welded by position (normals and UVs split them in the GLB): every edge
 * should be used exactly twice, once in each direction (closed and consistently wound), and the signed volume
 * should be positive (wound counter-clockwise seen from outside, so normals face out).
 */
export function meshTopology(mesh: GlbMesh): { badEdges: number; volume: number } {
  const { positions: p, indices } = mesh;
  const weld = new Map<string, number>();
  const id = (v: number) => {
    const key = `${p[v * 3]},${p[v * 3 + 1]},${p[v * 3 + 2]}`;
    if (!weld.has(key)) weld.set(key, weld.size);
    return weld.get(key)!;
  };
  const directed = new Map<string, number>();
  let volume = 0;
  for (let t = 0; t < indices.length; t += 3) {
    const v = [indices[t]!, indices[t + 1]!, indices[t + 2]!];
    const w = v.map(id);
    for (let k = 0; k < 3; k++) {
      const key = `${w[k]}>${w[(k + 1) % 3]}`;
      directed.set(key, (directed.get(key) ?? 0) + 1);
    }
    const [a, b, c] = v.map((i) => [p[i * 3]!, p[i * 3 + 1]!, p[i * 3 + 2]!] as const);
    volume += (a![0] * (b![1] * c![2] - b![2] * c![1]) - a![1] * (b![0] * c![2] - b![2] * c![0]) + a![2] * (b![0] * c![1] - b![1] * c![0])) / 6;
  }
  let badEdges = 0;
  for (const [key, count] of directed) {
    const [from, to] = key.split(">");
    if (count !== 1 || directed.get(`${to}>${from}`) !== 1) badEdges++;
  }
  return { badEdges, volume };
}
