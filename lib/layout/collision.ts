// Keeps the walking visitor (a circle on the floor plane) out of walls and plinths. Functions mutate the point
// they are given so the walker can call them every frame without allocating.
import type { ArrangedExhibit, Hall } from "./layout";

export interface FloorPoint {
  x: number;
  z: number;
}

/** A rectangle on the floor, centred at (x, z), rotated about Y like an exhibit (three.js convention). */
export interface BoxCollider {
  kind: "box";
  x: number;
  z: number;
  halfX: number;
  halfZ: number;
  rotationY: number;
}

/** A thin wall from a to b. */
export interface SegmentCollider {
  kind: "segment";
  ax: number;
  az: number;
  bx: number;
  bz: number;
}

export type Collider = BoxCollider | SegmentCollider;

export const WALKER_RADIUS = 0.3;
const EPS = 1e-9;

/** Pushes p out of the box; returns whether they touched. */
export function pushOutOfBox(p: FloorPoint, radius: number, box: BoxCollider): boolean {
  const c = Math.cos(box.rotationY);
  const s = Math.sin(box.rotationY);
  const dx = p.x - box.x;
  const dz = p.z - box.z;
  // World → box-local is the inverse (transpose) of three's Y rotation.
  const lx = c * dx - s * dz;
  const lz = s * dx + c * dz;
  const qx = Math.min(box.halfX, Math.max(-box.halfX, lx));
  const qz = Math.min(box.halfZ, Math.max(-box.halfZ, lz));
  let ox = lx - qx;
  let oz = lz - qz;
  const d2 = ox * ox + oz * oz;
  if (d2 >= radius * radius) return false;
  let nx: number;
  let nz: number;
  if (d2 > EPS) {
    const d = Math.sqrt(d2);
    const push = radius - d;
    nx = lx + (ox / d) * push;
    nz = lz + (oz / d) * push;
  } else {
    // Centre inside the box: leave through the nearest face.
    const px = box.halfX - Math.abs(lx);
    const pz = box.halfZ - Math.abs(lz);
    ox = px < pz ? Math.sign(lx) || 1 : 0;
    oz = px < pz ? 0 : Math.sign(lz) || 1;
    nx = ox ? ox * (box.halfX + radius) : lx;
    nz = oz ? oz * (box.halfZ + radius) : lz;
  }
  p.x = box.x + c * nx + s * nz;
  p.z = box.z - s * nx + c * nz;
  return true;
}

/** Pushes p away from the segment to `radius`; returns whether they touched. */
export function pushOutOfSegment(p: FloorPoint, radius: number, seg: SegmentCollider): boolean {
  const ex = seg.bx - seg.ax;
  const ez = seg.bz - seg.az;
  const len2 = ex * ex + ez * ez;
  const t = len2 > EPS ? Math.min(1, Math.max(0, ((p.x - seg.ax) * ex + (p.z - seg.az) * ez) / len2)) : 0;
  const cx = seg.ax + t * ex;
  const cz = seg.az + t * ez;
  const dx = p.x - cx;
  const dz = p.z - cz;
  const d2 = dx * dx + dz * dz;
  if (d2 >= radius * radius) return false;
  if (d2 > EPS) {
    const d = Math.sqrt(d2);
    p.x = cx + (dx / d) * radius;
    p.z = cz + (dz / d) * radius;
  } else if (len2 > EPS) {
    // Exactly on the wall: step off along its left normal.
    const len = Math.sqrt(len2);
    p.x = cx - (ez / len) * radius;
    p.z = cz + (ex / len) * radius;
  }
  return true;
}

/** Resolves overlaps with all colliders (a few passes settle corners where two push against each other). */
export function resolveCircle(p: FloorPoint, radius: number, colliders: readonly Collider[], passes = 4): void {
  for (let pass = 0; pass < passes; pass++) {
    let touched = false;
    for (const c of colliders) {
      if (c.kind === "box" ? pushOutOfBox(p, radius, c) : pushOutOfSegment(p, radius, c)) touched = true;
    }
    if (!touched) return;
  }
}

/**
 * Moves p by (dx, dz), sliding along whatever it meets. Steps shorter than the radius keep a fast walker
 * (or a long frame) from tunnelling through a thin wall.
 */
export function moveCircle(p: FloorPoint, dx: number, dz: number, radius: number, colliders: readonly Collider[]): void {
  const dist = Math.hypot(dx, dz);
  const steps = Math.max(1, Math.ceil(dist / (radius * 0.5)));
  for (let i = 0; i < steps; i++) {
    p.x += dx / steps;
    p.z += dz / steps;
    resolveCircle(p, radius, colliders);
  }
}

/** The four walls as segments along their inner faces. */
export function hallWalls(hall: Hall): SegmentCollider[] {
  const { minX, maxX, minZ, maxZ } = hall;
  return [
    { kind: "segment", ax: minX, az: maxZ, bx: minX, bz: minZ },
    { kind: "segment", ax: maxX, az: minZ, bx: maxX, bz: maxZ },
    { kind: "segment", ax: minX, az: minZ, bx: maxX, bz: minZ },
    { kind: "segment", ax: maxX, az: maxZ, bx: minX, bz: maxZ },
  ];
}

/** Every plinth as a box, so the visitor walks around it. */
export function plinthColliders(items: readonly ArrangedExhibit[]): BoxCollider[] {
  return items.map((it) => ({
    kind: "box",
    x: it.placement.position[0],
    z: it.placement.position[2],
    halfX: it.footprint.plinthSide / 2,
    halfZ: it.footprint.plinthSide / 2,
    rotationY: it.placement.rotationY,
  }));
}
