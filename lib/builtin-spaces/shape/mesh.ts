import "server-only";

/** Maps a point of the model's XY plane (pixel units) to the texture UV the front image has there. */
export type FrontProjection = (x: number, y: number) => [number, number];

/**
 * Collects a closed triangle mesh in mask-pixel units with the model's axes (X right, Y up, Z toward the viewer).
 * Positions are shared between triangles that meet smoothly or not — normals.ts decides where to split — while
 * UVs belong to each triangle corner, so faces that show the picture differently can meet at one position.
 * Triangles wind counter-clockwise seen from outside.
 */
export class MeshBuilder {
  readonly positions: number[] = [];
  readonly triangles: number[] = [];
  readonly uvs: number[] = [];

  constructor(private readonly project: FrontProjection) {}

  vertex(x: number, y: number, z: number): number {
    this.positions.push(x, y, z);
    return this.positions.length / 3 - 1;
  }

  /**
   * Adds a triangle textured by front projection. `imageX` optionally replaces each corner's x in that projection:
   * a face turned away from the front can then show the picture as if it faced the viewer.
   */
  triangle(a: number, b: number, c: number, imageX?: readonly [number, number, number]): void {
    this.triangles.push(a, b, c);
    [a, b, c].forEach((v, k) => {
      const [u, w] = this.project(imageX?.[k] ?? this.positions[v * 3]!, this.positions[v * 3 + 1]!);
      this.uvs.push(u, w);
    });
  }

  /** Adds the quad a-b-c-d (counter-clockwise from outside) as two triangles. */
  quad(a: number, b: number, c: number, d: number, imageX?: readonly [number, number, number, number]): void {
    this.triangle(a, b, c, imageX && [imageX[0], imageX[1], imageX[2]]);
    this.triangle(a, c, d, imageX && [imageX[0], imageX[2], imageX[3]]);
  }

  x(v: number): number {
    return this.positions[v * 3]!;
  }

  z(v: number): number {
    return this.positions[v * 3 + 2]!;
  }
}

/** The axis-aligned bounds of packed xyz positions. */
export function positionBounds(positions: ArrayLike<number>): { min: [number, number, number]; max: [number, number, number] } {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < positions.length; i++) {
    const k = i % 3;
    min[k] = Math.min(min[k]!, positions[i]!);
    max[k] = Math.max(max[k]!, positions[i]!);
  }
  return { min, max };
}
