import "server-only";
import { Document, NodeIO } from "@gltf-transform/core";
import type { Geometry } from "./normals";

/** Painted stone and plaster: matte, not metal. */
const ROUGHNESS = 0.85;
// WebGL sampler enums (TextureInfo's lookup tables type their members as possibly undefined).
const CLAMP_TO_EDGE = 33071;
const LINEAR = 9729;
const LINEAR_MIPMAP_LINEAR = 9987;

/** One self-contained binary glTF: a single textured primitive, its JPEG embedded in the GLB's buffer. */
export async function writeGlb(geometry: Geometry, jpeg: Uint8Array): Promise<Buffer> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const accessor = (type: "VEC2" | "VEC3" | "SCALAR", array: Geometry[keyof Geometry]) =>
    doc.createAccessor().setType(type).setArray(array).setBuffer(buffer);

  const texture = doc.createTexture("picture").setImage(jpeg).setMimeType("image/jpeg");
  const material = doc
    .createMaterial("exhibit")
    .setBaseColorTexture(texture)
    .setMetallicFactor(0)
    .setRoughnessFactor(ROUGHNESS)
    .setDoubleSided(false);
  // Clamping stops the texture from wrapping round at the crop's edges.
  material
    .getBaseColorTextureInfo()!
    .setWrapS(CLAMP_TO_EDGE)
    .setWrapT(CLAMP_TO_EDGE)
    .setMinFilter(LINEAR_MIPMAP_LINEAR)
    .setMagFilter(LINEAR);

  const primitive = doc
    .createPrimitive()
    .setAttribute("POSITION", accessor("VEC3", geometry.positions))
    .setAttribute("NORMAL", accessor("VEC3", geometry.normals))
    .setAttribute("TEXCOORD_0", accessor("VEC2", geometry.uvs))
    .setIndices(accessor("SCALAR", geometry.indices))
    .setMaterial(material);
  const node = doc.createNode("exhibit").setMesh(doc.createMesh("exhibit").addPrimitive(primitive));
  doc.getRoot().setDefaultScene(doc.createScene("exhibit").addChild(node));
  return Buffer.from(await new NodeIO().writeBinary(doc));
}

/** What both image-to-3D engines report of the model they wrote. */
export interface ModelStats {
  vertices: number;
  triangles: number;
  /** Bounding box in metres. */
  width: number;
  height: number;
  depth: number;
  textureBytes: number;
}
