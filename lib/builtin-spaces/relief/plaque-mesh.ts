import "server-only";
import type { Geometry } from "../shape/normals";
import type { PlaqueLayout } from "./layout";

/** How far the subject rises at a point of the plaque, 0–1, given on the analysis grid (pixel-edge, y down). */
export type ReliefSampler = (x: number, y: number) => number;

/**
 * A closed bas-relief plaque in metres: a rounded-rectangle plate standing on y = 0, centred in x and z, front
 * toward +Z. Its front is a heightfield on a regular grid — plate, a raised frame along the edge, and the
 * subject rising out of the middle — its sides a wall round the outline, its back flat. Grid vertices in the
 * corners are pulled onto the rounded outline radially, which keeps every cell a proper quad.
 *
 * The front is textured by front projection of the plaque's texture; walls and back, which show no picture,
 * take plate-coloured texels (the texture's edge, and the margin round the corner). The relief is scaled so
 * its highest grid point sits exactly `layout.relief` above the plate: the depth is exactly `layout.depth`.
 */
export function buildPlaqueMesh(layout: PlaqueLayout, sample: ReliefSampler): Geometry {
  const { nx, ny, W, H } = layout;
  const count = nx * ny;
  const xy = new Float64Array(count * 2);
  const rise = new Float64Array(count);
  let highest = 0;
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const v = j * nx + i;
      const [x, y] = roundCorner(layout, (i / (nx - 1) - 0.5) * W, (j / (ny - 1)) * H);
      xy[v * 2] = x;
      xy[v * 2 + 1] = y;
      rise[v] = sample(layout.x0 + (x / W + 0.5) * layout.width, layout.y0 + (1 - y / H) * layout.height);
      if (rise[v]! > highest) highest = rise[v]!;
    }
  }
  const scale = highest > 0 ? layout.relief / highest : 0;
  const back = -layout.depth / 2;
  const uv = (x: number, y: number): [number, number] => [x / W + 0.5, 1 - y / H];

  // Front grid, two side vertices and one back vertex per outline point (2·(nx + ny) − 4 of them), the back centre.
  const out = new GeometryWriter(count + 6 * (nx + ny));
  // Front: the heightfield, wound counter-clockwise seen from +Z.
  for (let v = 0; v < count; v++) {
    const x = xy[v * 2]!;
    const y = xy[v * 2 + 1]!;
    const z = back + layout.plate + frame(layout, x, y) + scale * rise[v]!;
    out.vertex(x, y, z, 0, 0, 0, x / W + 0.5, 1 - y / H);
  }
  for (let j = 0; j < ny - 1; j++) {
    for (let i = 0; i < nx - 1; i++) {
      const a = j * nx + i;
      // Alternate the diagonal in a checkerboard so slopes do not all lean one way.
      if ((i + j) % 2 === 0) out.quad(a, a + 1, a + nx + 1, a + nx);
      else out.quad(a + 1, a + nx + 1, a + nx, a);
    }
  }
  smoothNormals(out, 0, count);

  // The outline: the grid's border, counter-clockwise seen from +Z (bottom, right, top, left).
  const ring: number[] = [];
  for (let i = 0; i < nx - 1; i++) ring.push(i);
  for (let j = 0; j < ny - 1; j++) ring.push(j * nx + nx - 1);
  for (let i = nx - 1; i > 0; i--) ring.push((ny - 1) * nx + i);
  for (let j = ny - 1; j > 0; j--) ring.push(j * nx);

  // Sides: one vertex pair per outline point, normals horizontal and outward, shared round the smooth outline.
  const sideStart = out.vertexCount;
  ring.forEach((v, k) => {
    const prev = ring[(k + ring.length - 1) % ring.length]!;
    const next = ring[(k + 1) % ring.length]!;
    const tx = xy[next * 2]! - xy[prev * 2]!;
    const ty = xy[next * 2 + 1]! - xy[prev * 2 + 1]!;
    const len = Math.hypot(tx, ty);
    const x = xy[v * 2]!;
    const y = xy[v * 2 + 1]!;
    const [u, w] = uv(x, y);
    out.vertex(x, y, out.z(v), ty / len, -tx / len, 0, u, w);
    out.vertex(x, y, back, ty / len, -tx / len, 0, u, w);
  });
  for (let k = 0; k < ring.length; k++) {
    const top = sideStart + 2 * k;
    const nextTop = sideStart + 2 * ((k + 1) % ring.length);
    out.quad(top + 1, nextTop + 1, nextTop, top);
  }

  // Back: a flat fan from the middle (the outline is convex), facing -Z, all one plate-coloured texel.
  const [cu, cv] = uv(-W / 2 + layout.corner, layout.corner);
  const backStart = out.vertexCount;
  for (const v of ring) out.vertex(xy[v * 2]!, xy[v * 2 + 1]!, back, 0, 0, -1, cu, cv);
  const middle = out.vertex(0, H / 2, back, 0, 0, -1, cu, cv);
  for (let k = 0; k < ring.length; k++) out.triangle(middle, backStart + ((k + 1) % ring.length), backStart + k);

  return out.finish();
}

/**
 * Moves a grid point of a corner square onto the rounded rectangle: radially about the corner's arc centre,
 * by the ratio of its square norm to its round norm. The square's outer edges land on the arc, its inner
 * edges stay put (so neighbouring cells match), and order along every ray is kept (so no cell folds).
 */
function roundCorner(layout: PlaqueLayout, x: number, y: number): [number, number] {
  const r = layout.corner;
  const inX = layout.W / 2 - r;
  if (Math.abs(x) <= inX || (y >= r && y <= layout.H - r)) return [x, y];
  const cx = Math.sign(x) * inX;
  const cy = y < r ? r : layout.H - r;
  const qx = x - cx;
  const qy = y - cy;
  const squareNorm = Math.max(Math.abs(qx), Math.abs(qy));
  const k = squareNorm / Math.hypot(qx, qy);
  return [cx + qx * k, cy + qy * k];
}

/** The raised frame's height above the plate at a point: full at the edge, easing to nothing `frameWidth` in. */
function frame(layout: PlaqueLayout, x: number, y: number): number {
  const inset = -roundedRectDistance(layout, x, y);
  if (inset >= layout.frameWidth) return 0;
  const t = 1 - Math.max(0, inset) / layout.frameWidth;
  return layout.frameHeight * t * t * (3 - 2 * t);
}

/** Signed distance to the plaque's rounded outline (negative inside). */
function roundedRectDistance(layout: PlaqueLayout, x: number, y: number): number {
  const r = layout.corner;
  const qx = Math.abs(x) - (layout.W / 2 - r);
  const qy = Math.abs(y - layout.H / 2) - (layout.H / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Vertex normals of the front grid: face normals summed (area-weighted by the cross product) and normalised. */
function smoothNormals(out: GeometryWriter, from: number, to: number): void {
  const { positions: p, normals: n, indices } = out;
  for (let t = 0; t < out.indexCount; t += 3) {
    const a = indices[t]!, b = indices[t + 1]!, c = indices[t + 2]!;
    if (a < from || a >= to) continue;
    const abx = p[b * 3]! - p[a * 3]!, aby = p[b * 3 + 1]! - p[a * 3 + 1]!, abz = p[b * 3 + 2]! - p[a * 3 + 2]!;
    const acx = p[c * 3]! - p[a * 3]!, acy = p[c * 3 + 1]! - p[a * 3 + 1]!, acz = p[c * 3 + 2]! - p[a * 3 + 2]!;
    const fx = aby * acz - abz * acy, fy = abz * acx - abx * acz, fz = abx * acy - aby * acx;
    for (let k = 0; k < 3; k++) {
      const v = indices[t + k]! * 3;
      n[v]! += fx;
      n[v + 1]! += fy;
      n[v + 2]! += fz;
    }
  }
  for (let v = from; v < to; v++) {
    const len = Math.hypot(n[v * 3]!, n[v * 3 + 1]!, n[v * 3 + 2]!) || 1;
    n[v * 3]! /= len;
    n[v * 3 + 1]! /= len;
    n[v * 3 + 2]! /= len;
  }
}

/** Fixed-capacity typed arrays filled vertex by vertex (Float64 while building; Float32 on the way out). */
class GeometryWriter {
  readonly positions: Float64Array;
  readonly normals: Float64Array;
  readonly uvs: Float64Array;
  indices: Uint32Array;
  vertexCount = 0;
  indexCount = 0;

  constructor(capacity: number) {
    this.positions = new Float64Array(capacity * 3);
    this.normals = new Float64Array(capacity * 3);
    this.uvs = new Float64Array(capacity * 2);
    this.indices = new Uint32Array(capacity * 6 + 1024);
  }

  vertex(x: number, y: number, z: number, nx: number, ny: number, nz: number, u: number, v: number): number {
    const i = this.vertexCount++;
    const { positions: p, normals: n, uvs: t } = this;
    p[i * 3] = x;
    p[i * 3 + 1] = y;
    p[i * 3 + 2] = z;
    n[i * 3] = nx;
    n[i * 3 + 1] = ny;
    n[i * 3 + 2] = nz;
    t[i * 2] = u;
    t[i * 2 + 1] = v;
    return i;
  }

  z(v: number): number {
    return this.positions[v * 3 + 2]!;
  }

  triangle(a: number, b: number, c: number): void {
    if (this.indexCount + 3 > this.indices.length) {
      const grown = new Uint32Array(this.indices.length * 2);
      grown.set(this.indices);
      this.indices = grown;
    }
    this.indices[this.indexCount++] = a;
    this.indices[this.indexCount++] = b;
    this.indices[this.indexCount++] = c;
  }

  /** The quad a-b-c-d, counter-clockwise seen from outside, as two triangles. */
  quad(a: number, b: number, c: number, d: number): void {
    this.triangle(a, b, c);
    this.triangle(a, c, d);
  }

  finish(): Geometry {
    const n = this.vertexCount;
    const indices = this.indices.subarray(0, this.indexCount);
    return {
      positions: Float32Array.from(this.positions.subarray(0, n * 3)),
      normals: Float32Array.from(this.normals.subarray(0, n * 3)),
      uvs: Float32Array.from(this.uvs.subarray(0, n * 2)),
      indices: n > 0xffff ? Uint32Array.from(indices) : Uint16Array.from(indices),
    };
  }
}
