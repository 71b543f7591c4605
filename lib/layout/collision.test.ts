import { describe, expect, it } from "vitest";
import {
  hallWalls,
  moveCircle,
  plinthColliders,
  pushOutOfBox,
  pushOutOfSegment,
  resolveCircle,
  type BoxCollider,
  type Collider,
  type FloorPoint,
} from "./collision";
import { footprintOf, type Hall } from "./layout";

const box = (rotationY = 0): BoxCollider => ({ kind: "box", x: 0, z: 0, halfX: 1, halfZ: 0.5, rotationY });

describe("pushOutOfBox", () => {
  it("leaves a circle that does not touch alone", () => {
    const p = { x: 2, z: 0 };
    expect(pushOutOfBox(p, 0.3, box())).toBe(false);
    expect(p).toEqual({ x: 2, z: 0 });
  });

  it("pushes a touching circle out along the face normal", () => {
    const p = { x: 1.1, z: 0.2 };
    expect(pushOutOfBox(p, 0.3, box())).toBe(true);
    expect(p.x).toBeCloseTo(1.3);
    expect(p.z).toBeCloseTo(0.2);
  });

  it("pushes out of a corner diagonally", () => {
    const p = { x: 1.1, z: 0.6 };
    pushOutOfBox(p, 0.3, box());
    expect(Math.hypot(p.x - 1, p.z - 0.5)).toBeCloseTo(0.3);
  });

  it("moves a centre that is inside the box out through the nearest face", () => {
    const p = { x: 0.2, z: 0.4 };
    pushOutOfBox(p, 0.3, box());
    expect(p.x).toBeCloseTo(0.2);
    expect(p.z).toBeCloseTo(0.8);
  });

  it("honours the box rotation", () => {
    // Rotated 90°, the long side (halfX = 1) lies along Z.
    const p = { x: 0, z: 1.1 };
    expect(pushOutOfBox(p, 0.3, box(Math.PI / 2))).toBe(true);
    expect(p.z).toBeCloseTo(1.3);
    const q = { x: 0.85, z: 0 };
    expect(pushOutOfBox(q, 0.3, box(Math.PI / 2))).toBe(false);
  });
});

describe("pushOutOfSegment", () => {
  const wall = { kind: "segment" as const, ax: 0, az: -5, bx: 0, bz: 5 };

  it("keeps the circle at its radius from the wall, on its side", () => {
    const p = { x: 0.1, z: 1 };
    expect(pushOutOfSegment(p, 0.3, wall)).toBe(true);
    expect(p).toEqual({ x: 0.3, z: 1 });
    const q = { x: -0.1, z: 1 };
    pushOutOfSegment(q, 0.3, wall);
    expect(q.x).toBeCloseTo(-0.3);
  });

  it("rounds the wall's ends", () => {
    const p = { x: 0.1, z: 5.1 };
    pushOutOfSegment(p, 0.3, wall);
    expect(Math.hypot(p.x, p.z - 5)).toBeCloseTo(0.3);
  });

  it("ignores a distant circle", () => {
    expect(pushOutOfSegment({ x: 1, z: 0 }, 0.3, wall)).toBe(false);
  });
});

describe("moveCircle", () => {
  const hall: Hall = { minX: -4, maxX: 4, minZ: -10, maxZ: 3, height: 5 };
  const walls = hallWalls(hall);

  it("never tunnels through a wall, however long the step", () => {
    const p: FloorPoint = { x: 0, z: 0 };
    moveCircle(p, 50, 0, 0.3, walls);
    expect(p.x).toBeCloseTo(hall.maxX - 0.3);
  });

  it("slides along a wall when walking into it at an angle", () => {
    const p: FloorPoint = { x: 3.6, z: 0 };
    moveCircle(p, 1, -1, 0.3, walls);
    expect(p.x).toBeCloseTo(3.7);
    expect(p.z).toBeCloseTo(-1);
  });

  it("walks around plinths", () => {
    const colliders: Collider[] = [...walls, ...plinthColliders([{ id: "a", placement: { position: [0, 0, -3], rotationY: 0.4, scale: 1 }, footprint: footprintOf(1) }])];
    const p: FloorPoint = { x: 0, z: 0 };
    for (let i = 0; i < 100; i++) moveCircle(p, 0, -0.05, 0.3, colliders);
    // Blocked in front of the plinth, not inside it.
    const q = { ...p };
    resolveCircle(q, 0.3, colliders);
    expect(q).toEqual(p);
    expect(p.z).toBeGreaterThan(-3);
  });

  it("settles in a corner pushed by two walls", () => {
    const p: FloorPoint = { x: 3.9, z: 2.9 };
    resolveCircle(p, 0.3, walls);
    expect(p.x).toBeCloseTo(3.7);
    expect(p.z).toBeCloseTo(2.7);
  });
});
