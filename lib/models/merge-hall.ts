import "server-only";
import { Document, Logger, type Accessor, type Buffer as GltfBuffer, type Material, type Mesh } from "@gltf-transform/core";
import { mergeDocuments, unpartition } from "@gltf-transform/functions";
import { getIO, readGlb } from "./io";

// The whole hall as one GLB ("Download as one model"): a floor, and one node per exhibit — placed, turned and
// scaled as in the hall, holding its plinth and its model. The models are the served (web) versions: read through
// the meshopt decoder, merged, and written back WITHOUT meshopt, so the file opens in any glTF viewer and passes
// the Khronos validator (which does not decode meshopt). Merging from the served models rather than the originals
// keeps the file small and each model already upright, normalised and centred on its plinth. Relative imports:
// this runs in the model worker.

export interface HallPiece {
  exhibitId: string;
  title: string;
  /** The served GLB. */
  glb: Uint8Array;
  position: [number, number, number];
  rotationY: number;
  scale: number;
  plinthSide: number;
  plinthHeight: number;
}

export interface HallShape {
  minX: number;
  maxX: number;
  minZ: number;
  maxZ: number;
}

const quietLogger = new Logger(Logger.Verbosity.WARN);

export async function mergeHall(input: { title: string; hall: HallShape; pieces: HallPiece[] }): Promise<Uint8Array> {
  const doc = new Document();
  doc.setLogger(quietLogger);
  const buffer = doc.createBuffer("hall");
  const scene = doc.createScene(input.title);
  doc.getRoot().setDefaultScene(scene);

  const stone = doc.createMaterial("Floor").setBaseColorFactor([0.55, 0.5, 0.44, 1]).setRoughnessFactor(0.9).setMetallicFactor(0);
  const plinthMaterial = doc.createMaterial("Plinth").setBaseColorFactor([0.92, 0.9, 0.86, 1]).setRoughnessFactor(0.7).setMetallicFactor(0);
  const { minX, maxX, minZ, maxZ } = input.hall;
  const floor = box(doc, buffer, "Floor", stone, [minX, -0.05, minZ], [maxX, 0, maxZ]);
  scene.addChild(doc.createNode("Hall").addChild(doc.createNode("Floor").setMesh(floor)));
  // One unit cube for every plinth, scaled per exhibit.
  const cube = box(doc, buffer, "Plinth", plinthMaterial, [-0.5, 0, -0.5], [0.5, 1, 0.5]);

  for (const piece of input.pieces) {
    const source = await readGlb(piece.glb);
    const map = mergeDocuments(doc, source);
    const merged = source.getRoot().listScenes().map((s) => map.get(s) as ReturnType<Document["createScene"]>);
    const model = doc.createNode("Model").setTranslation([0, piece.plinthHeight, 0]).setScale([piece.scale, piece.scale, piece.scale]);
    for (const s of merged) {
      for (const child of s.listChildren()) model.addChild(child);
      s.dispose();
    }
    const half = piece.rotationY / 2;
    const exhibit = doc
      .createNode(piece.title)
      .setTranslation([piece.position[0], 0, piece.position[2]])
      .setRotation([0, Math.sin(half), 0, Math.cos(half)])
      .setExtras({ vernissage: { exhibitId: piece.exhibitId } })
      .addChild(doc.createNode("Plinth").setMesh(cube).setScale([piece.plinthSide, piece.plinthHeight, piece.plinthSide]))
      .addChild(model);
    scene.addChild(exhibit);
  }

  // The served models were meshopt-compressed: their data is decoded now, and the extension goes, so the file is
  // written plain. A GLB holds one buffer: the merged documents' buffers become one.
  for (const ext of doc.getRoot().listExtensionsUsed()) if (ext.extensionName === "EXT_meshopt_compression") ext.dispose();
  await doc.transform(unpartition());
  const io = await getIO();
  return io.writeBinary(doc);
}

/** An axis-aligned box from `min` to `max` with flat normals (24 vertices, 12 triangles). */
function box(doc: Document, buffer: GltfBuffer, name: string, material: Material, min: [number, number, number], max: [number, number, number]): Mesh {
  const [x0, y0, z0] = min;
  const [x1, y1, z1] = max;
  const faces: { n: [number, number, number]; c: [number, number, number][] }[] = [
    { n: [0, 1, 0], c: [[x0, y1, z1], [x1, y1, z1], [x1, y1, z0], [x0, y1, z0]] },
    { n: [0, -1, 0], c: [[x0, y0, z0], [x1, y0, z0], [x1, y0, z1], [x0, y0, z1]] },
    { n: [0, 0, 1], c: [[x0, y0, z1], [x1, y0, z1], [x1, y1, z1], [x0, y1, z1]] },
    { n: [0, 0, -1], c: [[x1, y0, z0], [x0, y0, z0], [x0, y1, z0], [x1, y1, z0]] },
    { n: [1, 0, 0], c: [[x1, y0, z1], [x1, y0, z0], [x1, y1, z0], [x1, y1, z1]] },
    { n: [-1, 0, 0], c: [[x0, y0, z0], [x0, y0, z1], [x0, y1, z1], [x0, y1, z0]] },
  ];
  const positions: number[] = [];
  const normals: number[] = [];
  const indices: number[] = [];
  faces.forEach((f, i) => {
    for (const c of f.c) positions.push(...c);
    for (let k = 0; k < 4; k++) normals.push(...f.n);
    const b = i * 4;
    indices.push(b, b + 1, b + 2, b, b + 2, b + 3);
  });
  const accessor = (type: "VEC3" | "SCALAR", array: Float32Array | Uint16Array): Accessor => doc.createAccessor().setType(type).setArray(array).setBuffer(buffer);
  const prim = doc
    .createPrimitive()
    .setMaterial(material)
    .setAttribute("POSITION", accessor("VEC3", new Float32Array(positions)))
    .setAttribute("NORMAL", accessor("VEC3", new Float32Array(normals)))
    .setIndices(accessor("SCALAR", new Uint16Array(indices)));
  return doc.createMesh(name).addPrimitive(prim);
}
