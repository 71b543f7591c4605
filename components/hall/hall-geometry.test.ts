import { describe, expect, it } from "vitest";
import * as THREE from "three";
import { hallFor } from "@/lib/layout/layout";
import { buildHallGeometry, vaultArc } from "./hall-geometry";

const hall = { ...hallFor([]), minZ: -20 };
const parts = buildHallGeometry(hall);

/** Every triangle's winding agrees with its vertex normals, so front faces face the way they are lit. */
function windingMatchesNormals(g: THREE.BufferGeometry): number {
  const pos = g.getAttribute("position");
  const nor = g.getAttribute("normal");
  const index = g.getIndex()!;
  const a = new THREE.Vector3();
  const b = new THREE.Vector3();
  const c = new THREE.Vector3();
  const n = new THREE.Vector3();
  let bad = 0;
  for (let i = 0; i < index.count; i += 3) {
    const [ia, ib, ic] = [index.getX(i), index.getX(i + 1), index.getX(i + 2)];
    a.fromBufferAttribute(pos, ia);
    b.fromBufferAttribute(pos, ib);
    c.fromBufferAttribute(pos, ic);
    const face = b.clone().sub(a).cross(c.clone().sub(a));
    n.fromBufferAttribute(nor, ia);
    if (face.lengthSq() > 1e-12 && face.dot(n) <= 0) bad++;
  }
  return bad;
}

describe("buildHallGeometry", () => {
  it("winds every triangle to face along its normal", () => {
    for (const [name, g] of Object.entries(parts)) expect([name, windingMatchesNormals(g)]).toEqual([name, 0]);
  });

  it("faces the walls inwards", () => {
    const pos = parts.walls.getAttribute("position");
    const nor = parts.walls.getAttribute("normal");
    const centre = new THREE.Vector3(0, 0, (hall.minZ + hall.maxZ) / 2);
    for (let i = 0; i < pos.count; i++) {
      const p = new THREE.Vector3().fromBufferAttribute(pos, i);
      const n = new THREE.Vector3().fromBufferAttribute(nor, i);
      expect(n.dot(centre.clone().setY(p.y).sub(p))).toBeGreaterThan(0);
    }
  });

  it("spans the floor, springs the vault from the cornice and glazes its crown", () => {
    parts.floor.computeBoundingBox();
    expect(parts.floor.boundingBox!.min.x).toBe(hall.minX);
    expect(parts.floor.boundingBox!.max.z).toBe(hall.maxZ);
    const arc = vaultArc(hall);
    expect(arc.centreY + arc.radius * Math.cos(arc.span)).toBeCloseTo(hall.height);
    expect(parts.vault.boundingBox!.min.y).toBeCloseTo(hall.height);
    expect(parts.skylight.boundingBox!.max.y).toBeCloseTo(arc.crown);
    expect(parts.skylight.boundingBox!.min.y).toBeGreaterThan(parts.vault.boundingBox!.min.y);
  });
});
