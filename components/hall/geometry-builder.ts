// Accumulates quads and boxes into one indexed BufferGeometry with positions, normals, uvs and vertex colours,
// so each part of the hall (walls, mouldings, vault…) is a single draw call however many pieces it has.
import * as THREE from "three";

type V3 = readonly [number, number, number];

export class GeometryBuilder {
  private positions: number[] = [];
  private normals: number[] = [];
  private uvs: number[] = [];
  private colors: number[] = [];
  private indices: number[] = [];

  /** One vertex; returns its index. */
  vertex(p: V3, n: V3, uv: readonly [number, number], color: THREE.Color): number {
    this.positions.push(p[0], p[1], p[2]);
    this.normals.push(n[0], n[1], n[2]);
    this.uvs.push(uv[0], uv[1]);
    this.colors.push(color.r, color.g, color.b);
    return this.positions.length / 3 - 1;
  }

  /** Two triangles a-b-c, a-c-d (counter-clockwise seen from the front). */
  quad(a: number, b: number, c: number, d: number) {
    this.indices.push(a, b, c, a, c, d);
  }

  triangle(a: number, b: number, c: number) {
    this.indices.push(a, b, c);
  }

  /**
   * An axis-aligned box from min to max. Faces listed in `skip` (e.g. the back against a wall, the bottom on the
   * floor) are left out: nobody sees them and they would only cost fill.
   */
  box(min: V3, max: V3, color: THREE.Color, skip: readonly ("px" | "nx" | "py" | "ny" | "pz" | "nz")[] = []) {
    const [x0, y0, z0] = min;
    const [x1, y1, z1] = max;
    const faces: Record<string, { n: V3; corners: V3[] }> = {
      px: { n: [1, 0, 0], corners: [[x1, y0, z1], [x1, y0, z0], [x1, y1, z0], [x1, y1, z1]] },
      nx: { n: [-1, 0, 0], corners: [[x0, y0, z0], [x0, y0, z1], [x0, y1, z1], [x0, y1, z0]] },
      py: { n: [0, 1, 0], corners: [[x0, y1, z1], [x1, y1, z1], [x1, y1, z0], [x0, y1, z0]] },
      ny: { n: [0, -1, 0], corners: [[x0, y0, z0], [x1, y0, z0], [x1, y0, z1], [x0, y0, z1]] },
      pz: { n: [0, 0, 1], corners: [[x0, y0, z1], [x1, y0, z1], [x1, y1, z1], [x0, y1, z1]] },
      nz: { n: [0, 0, -1], corners: [[x1, y0, z0], [x0, y0, z0], [x0, y1, z0], [x1, y1, z0]] },
    };
    for (const [name, face] of Object.entries(faces)) {
      if (skip.includes(name as (typeof skip)[number])) continue;
      const uv: [number, number][] = [[0, 0], [1, 0], [1, 1], [0, 1]];
      const [a, b, c, d] = face.corners.map((p, i) => this.vertex(p, face.n, uv[i]!, color));
      this.quad(a!, b!, c!, d!);
    }
  }

  build(): THREE.BufferGeometry {
    const g = new THREE.BufferGeometry();
    g.setAttribute("position", new THREE.Float32BufferAttribute(this.positions, 3));
    g.setAttribute("normal", new THREE.Float32BufferAttribute(this.normals, 3));
    g.setAttribute("uv", new THREE.Float32BufferAttribute(this.uvs, 2));
    g.setAttribute("color", new THREE.Float32BufferAttribute(this.colors, 3));
    g.setIndex(this.indices);
    g.computeBoundingSphere();
    g.computeBoundingBox();
    return g;
  }
}
