// Synthetic GLBs for the model tests and measurements, built with gltf-transform.
import { Document, NodeIO, type Node } from "@gltf-transform/core";
import sharp from "sharp";

/** A PNG that does not compress to nothing: gradients, a checkerboard and a little noise. */
export async function makeTexturePng(width: number, height: number, seed = 1): Promise<Uint8Array> {
  const px = Buffer.alloc(width * height * 3);
  let r = seed;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      r = (r * 1103515245 + 12345) & 0x7fffffff;
      const checker = ((x >> 6) + (y >> 6)) % 2 ? 40 : 0;
      const i = (y * width + x) * 3;
      px[i] = ((x * 255) / width + checker + (r & 15)) & 255;
      px[i + 1] = ((y * 255) / height + checker) & 255;
      px[i + 2] = (128 + checker + ((r >> 4) & 15)) & 255;
    }
  }
  return new Uint8Array(await sharp(px, { raw: { width, height, channels: 3 } }).png().toBuffer());
}

function addMesh(doc: Document, name: string, positions: number[], normals: number[], uvs: number[], indices: number[], texture?: Uint8Array) {
  const buffer = doc.getRoot().listBuffers()[0] ?? doc.createBuffer();
  const material = doc.createMaterial(`${name}-material`).setBaseColorFactor([1, 1, 1, 1]).setRoughnessFactor(0.8);
  if (texture) material.setBaseColorTexture(doc.createTexture(`${name}-texture`).setImage(texture).setMimeType("image/png"));
  const prim = doc
    .createPrimitive()
    .setMaterial(material)
    .setAttribute("POSITION", doc.createAccessor().setType("VEC3").setArray(new Float32Array(positions)).setBuffer(buffer))
    .setAttribute("NORMAL", doc.createAccessor().setType("VEC3").setArray(new Float32Array(normals)).setBuffer(buffer))
    .setAttribute("TEXCOORD_0", doc.createAccessor().setType("VEC2").setArray(new Float32Array(uvs)).setBuffer(buffer))
    .setIndices(doc.createAccessor().setType("SCALAR").setArray(new Uint32Array(indices)).setBuffer(buffer));
  return doc.createMesh(name).addPrimitive(prim);
}

/** An axis-aligned box from (0,0,0) to size, 24 vertices with per-face normals and UVs. */
function boxGeometry([sx, sy, sz]: [number, number, number]) {
  const positions: number[] = [];
  const normals: number[] = [];
  const uvs: number[] = [];
  const indices: number[] = [];
  const faces: { n: [number, number, number]; corners: [number, number, number][] }[] = [
    { n: [1, 0, 0], corners: [[1, 0, 0], [1, 1, 0], [1, 1, 1], [1, 0, 1]] },
    { n: [-1, 0, 0], corners: [[0, 0, 0], [0, 0, 1], [0, 1, 1], [0, 1, 0]] },
    { n: [0, 1, 0], corners: [[0, 1, 0], [0, 1, 1], [1, 1, 1], [1, 1, 0]] },
    { n: [0, -1, 0], corners: [[0, 0, 0], [1, 0, 0], [1, 0, 1], [0, 0, 1]] },
    { n: [0, 0, 1], corners: [[0, 0, 1], [1, 0, 1], [1, 1, 1], [0, 1, 1]] },
    { n: [0, 0, -1], corners: [[0, 0, 0], [0, 1, 0], [1, 1, 0], [1, 0, 0]] },
  ];
  for (const face of faces) {
    const base = positions.length / 3;
    face.corners.forEach(([x, y, z], i) => {
      positions.push(x * sx, y * sy, z * sz);
      normals.push(...face.n);
      uvs.push(i === 1 || i === 2 ? 1 : 0, i >= 2 ? 1 : 0);
    });
    indices.push(base, base + 1, base + 2, base, base + 2, base + 3);
  }
  return { positions, normals, uvs, indices };
}

/**
 * The brief's test subject: a textured box 2 × 1 × 10 m lying Z-up (10 m along +Z), off-centre, under two
 * nested transformed nodes, with a large PNG texture.
 */
export async function makeZUpBoxGlb(textureSize: [number, number] = [2048, 2048]): Promise<Uint8Array> {
  const doc = new Document();
  doc.createBuffer();
  const g = boxGeometry([2, 1, 10]);
  const mesh = addMesh(doc, "box", g.positions, g.normals, g.uvs, g.indices, await makeTexturePng(...textureSize));
  const child: Node = doc.createNode("box").setMesh(mesh).setTranslation([3, -2, 0.5]);
  const parent = doc.createNode("offset").setTranslation([10, 4, -6]).addChild(child);
  doc.createScene("scene").addChild(parent);
  return new NodeIO().writeBinary(doc);
}

/**
 * A dense, bumpy textured sphere, like a reconstruction's output: `segments`² quads, smooth normals, Y-up,
 * `radius` metres.
 */
export async function makeDenseSphereGlb(segments = 400, radius = 0.8, textureSize = 2048): Promise<Uint8Array> {
  const doc = new Document();
  doc.createBuffer();
  const positions: number[] = [];
  const normals: number[] = [];
  const uvs: number[] = [];
  const indices: number[] = [];
  for (let i = 0; i <= segments; i++) {
    const v = i / segments;
    const theta = v * Math.PI;
    for (let j = 0; j <= segments; j++) {
      const u = j / segments;
      const phi = u * 2 * Math.PI;
      const nx = Math.sin(theta) * Math.cos(phi);
      const ny = Math.cos(theta);
      const nz = Math.sin(theta) * Math.sin(phi);
      // Low-frequency bumps: a smooth surface, as marching-cubes reconstructions are between features.
      const r = radius * (1 + 0.05 * Math.sin(5 * theta) * Math.cos(4 * phi));
      positions.push(nx * r, ny * r + radius, nz * r);
      normals.push(nx, ny, nz);
      uvs.push(u, v);
    }
  }
  const row = segments + 1;
  for (let i = 0; i < segments; i++) {
    for (let j = 0; j < segments; j++) {
      const a = i * row + j;
      indices.push(a, a + row, a + 1, a + 1, a + row, a + row + 1);
    }
  }
  const mesh = addMesh(doc, "sphere", positions, normals, uvs, indices, await makeTexturePng(textureSize, textureSize, 7));
  doc.createScene("scene").addChild(doc.createNode("sphere").setMesh(mesh));
  return new NodeIO().writeBinary(doc);
}

/** One mesh drawn by three nodes (instancing by reference), untextured: tests baking shared meshes. */
export async function makeSharedMeshGlb(): Promise<Uint8Array> {
  const doc = new Document();
  doc.createBuffer();
  const g = boxGeometry([1, 1, 1]);
  const mesh = addMesh(doc, "cube", g.positions, g.normals, g.uvs, g.indices);
  const scene = doc.createScene("scene");
  for (let i = 0; i < 3; i++) scene.addChild(doc.createNode(`cube-${i}`).setMesh(mesh).setTranslation([i * 2, i, 0]));
  return new NodeIO().writeBinary(doc);
}

/** A 1 m square lying flat (no height): valid glTF that cannot stand on a plinth, so preparing it fails. */
export async function makeFlatGlb(): Promise<Uint8Array> {
  const doc = new Document();
  doc.createBuffer();
  const mesh = addMesh(doc, "floor", [0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 1], [0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0], [0, 0, 1, 0, 0, 1, 1, 1], [0, 2, 1, 1, 2, 3]);
  doc.createScene("scene").addChild(doc.createNode("floor").setMesh(mesh));
  return new NodeIO().writeBinary(doc);
}
