import "server-only";
import type { Document, mat4, Mesh, Node, vec3 } from "@gltf-transform/core";
import { dequantize, transformMesh, uninstance } from "@gltf-transform/functions";
import { ModelError } from "./io";

export type UpAxis = "y" | "z";

export interface NormalizeOptions {
  /** Height of the result in metres. */
  targetHeight: number;
  /** "auto": Z-up only when the depth clearly dominates (see detectUpAxis). */
  upAxis: UpAxis | "auto";
}

export interface NormalizeResult {
  height: number;
  upAxis: UpAxis;
}

// Column-major (glTF / gl-matrix order).
const IDENTITY: mat4 = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
/** −90° about X: Z-up → Y-up, taking (x, y, z) to (x, z, −y). A Z-up model's front (−Y) then faces +Z. */
const Z_UP_TO_Y_UP: mat4 = [1, 0, 0, 0, 0, 0, -1, 0, 0, 1, 0, 0, 0, 0, 0, 1];

/**
 * A reconstruction from one picture is about as deep as it is wide, never much deeper; a Y-up model whose
 * Z extent is twice its width and height is almost surely a Z-up model lying on its back. The margin is
 * wide on purpose: tipping up a long object seen end-on is worse than leaving a squat Z-up one lying.
 */
export function detectUpAxis(min: vec3, max: vec3): UpAxis {
  const [ex, ey, ez] = [max[0] - min[0], max[1] - min[1], max[2] - min[2]];
  return ez > 2 * Math.max(ex, ey) ? "z" : "y";
}

/**
 * Makes the default scene one root node holding only meshes, with every transform baked into the vertices,
 * Y up, `targetHeight` tall, x/z centred on the origin and resting on y = 0. Drops what a static exhibit
 * does not use: other scenes, animations, skins, cameras, lights.
 */
export async function normalizeDocument(doc: Document, opts: NormalizeOptions): Promise<NormalizeResult> {
  const root = doc.getRoot();
  const scene = root.getDefaultScene() ?? root.listScenes()[0];
  if (!scene) throw new ModelError("the model has no scene");
  for (const other of root.listScenes()) if (other !== scene) other.dispose();
  root.setDefaultScene(scene);

  // Float vertices (a quantised input is re-quantised at the end over the new volume), and GPU instancing
  // baked into plain nodes, so every copy becomes real geometry below.
  await doc.transform(dequantize(), uninstance());
  for (const animation of root.listAnimations()) animation.dispose();
  for (const skin of root.listSkins()) skin.dispose();
  for (const mesh of root.listMeshes()) {
    for (const prim of mesh.listPrimitives()) {
      for (const semantic of prim.listSemantics()) {
        if (/^(JOINTS|WEIGHTS)_\d+$/.test(semantic)) prim.setAttribute(semantic, null);
      }
    }
  }

  // Each mesh placed by its node's world matrix; a mesh drawn by several nodes is copied per node.
  const placed: { mesh: Mesh; matrix: mat4 }[] = [];
  const used = new Set<Mesh>();
  scene.traverse((node: Node) => {
    const mesh = node.getMesh();
    if (!mesh) return;
    placed.push({ mesh: used.has(mesh) ? mesh.clone() : mesh, matrix: node.getWorldMatrix() });
    used.add(mesh);
  });
  if (placed.length === 0) throw new ModelError("the model has no meshes");

  const exhibit = doc.createNode("exhibit");
  for (const child of scene.listChildren()) scene.removeChild(child);
  for (const node of root.listNodes()) if (node !== exhibit) node.dispose();
  scene.addChild(exhibit);

  // The bounds are measured through each mesh's matrix straight from the vertex arrays, and each mesh is
  // transformed once, by the product of its world matrix, the up-axis turn and the normalisation: every
  // transformMesh pass and every getBounds walk is a full trip over the vertices (the bulk of this function).
  let { min, max } = placedBounds(placed.map((p) => ({ mesh: p.mesh, matrix: p.matrix })));
  if (![...min, ...max].every(Number.isFinite)) throw new ModelError("the model has no vertices (or non-finite ones)");
  const upAxis = opts.upAxis === "auto" ? detectUpAxis(min, max) : opts.upAxis;
  const turn = upAxis === "z" ? Z_UP_TO_Y_UP : IDENTITY;
  if (upAxis === "z") ({ min, max } = placedBounds(placed.map((p) => ({ mesh: p.mesh, matrix: multiply(turn, p.matrix) }))));

  const height = max[1] - min[1];
  if (!(height > 1e-6)) throw new ModelError("the model is flat (no height), so it cannot stand on a plinth");
  const s = opts.targetHeight / height;
  const cx = (min[0] + max[0]) / 2;
  const cz = (min[2] + max[2]) / 2;
  // scale(s) · translate(−cx, −minY, −cz)
  const normalize: mat4 = [s, 0, 0, 0, 0, s, 0, 0, 0, 0, s, 0, -cx * s, -min[1] * s, -cz * s, 1];
  for (const { mesh, matrix } of placed) {
    transformMesh(mesh, multiply(normalize, multiply(turn, matrix))); // detaches primitives shared with other meshes first
    exhibit.addChild(doc.createNode(mesh.getName()).setMesh(mesh));
  }

  const after = placedBounds(placed.map((p) => ({ mesh: p.mesh, matrix: IDENTITY })));
  exhibit.setMatrix(IDENTITY);
  return { height: after.max[1] - after.min[1], upAxis };
}

/** a · b, column-major 4×4. */
export function multiply(a: mat4, b: mat4): mat4 {
  const out = new Array<number>(16);
  for (let c = 0; c < 4; c++) {
    for (let r = 0; r < 4; r++) {
      let v = 0;
      for (let k = 0; k < 4; k++) v += a[k * 4 + r]! * b[c * 4 + k]!;
      out[c * 4 + r] = v;
    }
  }
  return out as unknown as mat4;
}

/** World bounds of the meshes' vertices, each mesh's taken through its matrix. */
export function placedBounds(placed: { mesh: Mesh; matrix: mat4 }[]): { min: vec3; max: vec3 } {
  const min: vec3 = [Infinity, Infinity, Infinity];
  const max: vec3 = [-Infinity, -Infinity, -Infinity];
  const element: number[] = [0, 0, 0];
  for (const { mesh, matrix: m } of placed) {
    for (const prim of mesh.listPrimitives()) {
      const position = prim.getAttribute("POSITION");
      if (!position) continue;
      const count = position.getCount();
      const array = position.getArray();
      // Plain float arrays are read directly (all of them, after dequantize()); anything else element by element.
      const direct = array instanceof Float32Array && position.getElementSize() === 3 && !position.getNormalized() ? array : null;
      for (let i = 0; i < count; i++) {
        let x: number, y: number, z: number;
        if (direct) {
          x = direct[i * 3]!;
          y = direct[i * 3 + 1]!;
          z = direct[i * 3 + 2]!;
        } else {
          position.getElement(i, element);
          [x, y, z] = element as [number, number, number];
        }
        const wx = m[0] * x + m[4] * y + m[8] * z + m[12];
        const wy = m[1] * x + m[5] * y + m[9] * z + m[13];
        const wz = m[2] * x + m[6] * y + m[10] * z + m[14];
        if (!(Number.isFinite(wx) && Number.isFinite(wy) && Number.isFinite(wz))) return { min: [NaN, NaN, NaN], max: [NaN, NaN, NaN] };
        if (wx < min[0]) min[0] = wx;
        if (wy < min[1]) min[1] = wy;
        if (wz < min[2]) min[2] = wz;
        if (wx > max[0]) max[0] = wx;
        if (wy > max[1]) max[1] = wy;
        if (wz > max[2]) max[2] = wz;
      }
    }
  }
  return { min, max };
}
