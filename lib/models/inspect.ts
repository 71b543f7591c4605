import "server-only";
import { ImageUtils, Primitive, type Document, type vec3 } from "@gltf-transform/core";
import { getBounds } from "@gltf-transform/functions";
import { ModelError, readGlb } from "./io";

export interface ModelInspection {
  /** Vertices uploaded to the GPU (sum over primitives). */
  vertices: number;
  triangles: number;
  /** World-space bounds of the default scene, metres. */
  bbox: { min: vec3; max: vec3 };
  textures: { width: number; height: number; mediaType: string }[];
}

export function countVertices(doc: Document): number {
  let n = 0;
  for (const mesh of doc.getRoot().listMeshes()) {
    for (const prim of mesh.listPrimitives()) n += prim.getAttribute("POSITION")?.getCount() ?? 0;
  }
  return n;
}

export function countTriangles(doc: Document): number {
  let n = 0;
  for (const mesh of doc.getRoot().listMeshes()) {
    for (const prim of mesh.listPrimitives()) {
      const count = prim.getIndices()?.getCount() ?? prim.getAttribute("POSITION")?.getCount() ?? 0;
      switch (prim.getMode()) {
        case Primitive.Mode.TRIANGLES:
          n += Math.floor(count / 3);
          break;
        case Primitive.Mode.TRIANGLE_STRIP:
        case Primitive.Mode.TRIANGLE_FAN:
          n += Math.max(0, count - 2);
          break;
      }
    }
  }
  return n;
}

export function listTextureSizes(doc: Document): ModelInspection["textures"] {
  return doc
    .getRoot()
    .listTextures()
    .map((texture) => {
      const image = texture.getImage();
      const mediaType = texture.getMimeType() || (image ? ImageUtils.getMimeType(image) : null) || "unknown";
      const size = image ? ImageUtils.getSize(image, mediaType) : null;
      return { width: size?.[0] ?? 0, height: size?.[1] ?? 0, mediaType };
    });
}

export function sceneBounds(doc: Document): { min: vec3; max: vec3 } {
  const root = doc.getRoot();
  const scene = root.getDefaultScene() ?? root.listScenes()[0];
  if (!scene) throw new ModelError("the model has no scene");
  return getBounds(scene);
}

/** Counts and bounds of a GLB (meshopt-compressed or not), for the info panel and the bench. */
export async function inspectGlb(glb: Uint8Array): Promise<ModelInspection> {
  const doc = await readGlb(glb);
  return { vertices: countVertices(doc), triangles: countTriangles(doc), bbox: sceneBounds(doc), textures: listTextureSizes(doc) };
}
