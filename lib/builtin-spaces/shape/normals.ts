import "server-only";
import type { MeshBuilder } from "./mesh";

/** GPU-ready arrays: one vertex per distinct (position, normal, uv); triangles wind counter-clockwise. */
export interface Geometry {
  positions: Float32Array;
  normals: Float32Array;
  uvs: Float32Array;
  indices: Uint16Array | Uint32Array;
}

/** Faces meeting at more than this angle keep a hard edge (tower corners, ledges, chamfers); below it they blend. */
const CREASE_DEGREES = 40;

/**
 * Gives each triangle corner a normal averaged over the faces round its position that lie within the crease
 * angle of its own face (weighted by the corner angle, so fans and slivers do not dominate), then welds corners
 * that agree on position, normal and UV. Positions are scaled from mask pixels to metres on the way out.
 * Flat typed-array loops: revolved meshes have tens of thousands of corners.
 */
export function shadeMesh(mesh: MeshBuilder, metresPerPixel: number): Geometry {
  const p = Float64Array.from(mesh.positions);
  const tri = Int32Array.from(mesh.triangles);
  const uvs = Float32Array.from(mesh.uvs);
  const faceCount = tri.length / 3;
  const faceNormal = new Float64Array(faceCount * 3);
  const cornerAngle = new Float64Array(faceCount * 3);
  const live = new Uint8Array(faceCount);

  for (let f = 0; f < faceCount; f++) {
    const a = tri[f * 3]! * 3, b = tri[f * 3 + 1]! * 3, c = tri[f * 3 + 2]! * 3;
    const abx = p[b]! - p[a]!, aby = p[b + 1]! - p[a + 1]!, abz = p[b + 2]! - p[a + 2]!;
    const acx = p[c]! - p[a]!, acy = p[c + 1]! - p[a + 1]!, acz = p[c + 2]! - p[a + 2]!;
    const bcx = p[c]! - p[b]!, bcy = p[c + 1]! - p[b + 1]!, bcz = p[c + 2]! - p[b + 2]!;
    const nx = aby * acz - abz * acy, ny = abz * acx - abx * acz, nz = abx * acy - aby * acx;
    const len = Math.hypot(nx, ny, nz);
    if (len < 1e-9) continue; // zero-area triangles add nothing and would only upset normals and validators
    live[f] = 1;
    faceNormal[f * 3] = nx / len;
    faceNormal[f * 3 + 1] = ny / len;
    faceNormal[f * 3 + 2] = nz / len;
    const ab = Math.hypot(abx, aby, abz), ac = Math.hypot(acx, acy, acz), bc = Math.hypot(bcx, bcy, bcz);
    cornerAngle[f * 3] = angle(abx * acx + aby * acy + abz * acz, ab * ac);
    cornerAngle[f * 3 + 1] = angle(-(abx * bcx + aby * bcy + abz * bcz), ab * bc);
    cornerAngle[f * 3 + 2] = angle(acx * bcx + acy * bcy + acz * bcz, ac * bc);
  }

  // Corners grouped by position (compressed rows), in triangle order for determinism. Only faces with an area
  // shape normals; zero-area slivers are kept (they close the mesh's topology) and borrow a neighbour's normal.
  const vertexCount = p.length / 3;
  const start = new Int32Array(vertexCount + 1);
  for (let c = 0; c < tri.length; c++) if (live[(c / 3) | 0]) start[tri[c]! + 1]!++;
  for (let v = 0; v < vertexCount; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, vertexCount);
  const cornersAt = new Int32Array(start[vertexCount]!);
  for (let c = 0; c < tri.length; c++) if (live[(c / 3) | 0]) cornersAt[fill[tri[c]!]!++] = c;

  const cosCrease = Math.cos((CREASE_DEGREES * Math.PI) / 180);
  const maxOut = tri.length;
  const outPos = new Float32Array(maxOut * 3);
  const outNormal = new Float32Array(maxOut * 3);
  const outUv = new Float32Array(maxOut * 2);
  const outIndex = new Uint32Array(tri.length);
  // Output vertices made from each position, as a linked list: firstOut[v] → nextOut[i] → … (-1 ends).
  const firstOut = new Int32Array(vertexCount).fill(-1);
  const nextOut = new Int32Array(maxOut).fill(-1);
  let outCount = 0;
  let indexCount = 0;

  /** The output vertex for corner c, shaded as part of face f (its own face, or a neighbour for slivers). */
  const vertexFor = (c: number, f: number): number => {
    const v = tri[c]!;
    const fx = faceNormal[f * 3]!, fy = faceNormal[f * 3 + 1]!, fz = faceNormal[f * 3 + 2]!;
    let nx = 0, ny = 0, nz = 0;
    for (let k = start[v]!; k < start[v + 1]!; k++) {
      const corner = cornersAt[k]!;
      const g = ((corner / 3) | 0) * 3;
      const gx = faceNormal[g]!, gy = faceNormal[g + 1]!, gz = faceNormal[g + 2]!;
      if (fx * gx + fy * gy + fz * gz < cosCrease) continue;
      const w = cornerAngle[corner]!;
      nx += w * gx;
      ny += w * gy;
      nz += w * gz;
    }
    const len = Math.hypot(nx, ny, nz);
    const n0 = Math.fround(nx / len), n1 = Math.fround(ny / len), n2 = Math.fround(nz / len);
    const u = uvs[c * 2]!, w = uvs[c * 2 + 1]!;

    let index = firstOut[v]!;
    let last = -1;
    while (index >= 0) {
      if (outNormal[index * 3] === n0 && outNormal[index * 3 + 1] === n1 && outNormal[index * 3 + 2] === n2 &&
          outUv[index * 2] === u && outUv[index * 2 + 1] === w) return index;
      last = index;
      index = nextOut[index]!;
    }
    index = outCount++;
    outPos[index * 3] = p[v * 3]! * metresPerPixel;
    outPos[index * 3 + 1] = p[v * 3 + 1]! * metresPerPixel;
    outPos[index * 3 + 2] = p[v * 3 + 2]! * metresPerPixel;
    outNormal[index * 3] = n0;
    outNormal[index * 3 + 1] = n1;
    outNormal[index * 3 + 2] = n2;
    outUv[index * 2] = u;
    outUv[index * 2 + 1] = w;
    if (last < 0) firstOut[v] = index;
    else nextOut[last] = index;
    return index;
  };

  for (let f = 0; f < faceCount; f++) {
    const shading = [0, 1, 2].map((k) => {
      if (live[f]) return f;
      const v = tri[f * 3 + k]!;
      return start[v]! < start[v + 1]! ? (cornersAt[start[v]!]! / 3) | 0 : -1;
    });
    if (shading.includes(-1)) continue; // a sliver off on its own: nothing anything else needs
    for (let k = 0; k < 3; k++) outIndex[indexCount++] = vertexFor(f * 3 + k, shading[k]!);
  }

  const indices = outIndex.slice(0, indexCount);
  return {
    positions: outPos.slice(0, outCount * 3),
    normals: outNormal.slice(0, outCount * 3),
    uvs: outUv.slice(0, outCount * 2),
    indices: outCount > 0xffff ? indices : Uint16Array.from(indices),
  };
}

function angle(dot: number, lengths: number): number {
  return Math.acos(Math.max(-1, Math.min(1, dot / lengths)));
}
