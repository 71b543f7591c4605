// The fixed parts of the hall that both the renderer and the walker need to agree on: pilasters along the long
// walls (drawn, and walked around) and where the warm lights hang. Pure, like the layout.
import type { BoxCollider } from "./collision";
import type { Hall } from "./layout";

export const PILASTER_WIDTH = 0.5;
/** Shallow enough to stay clear of a plinth snapped to the wall (the snap keeps a 0.1 m gap). */
export const PILASTER_DEPTH = 0.08;
const PILASTER_SPACING = 4;

/** Pilasters as floor boxes, evenly along both long walls, clear of the end walls' corners. */
export function pilasters(hall: Hall): BoxCollider[] {
  const length = hall.maxZ - hall.minZ;
  const count = Math.max(2, Math.floor((length - 2) / PILASTER_SPACING) + 1);
  const step = (length - 2) / (count - 1);
  const out: BoxCollider[] = [];
  for (let i = 0; i < count; i++) {
    const z = hall.maxZ - 1 - i * step;
    for (const x of [hall.minX + PILASTER_DEPTH / 2, hall.maxX - PILASTER_DEPTH / 2]) {
      out.push({ kind: "box", x, z, halfX: PILASTER_DEPTH / 2, halfZ: PILASTER_WIDTH / 2, rotationY: 0 });
    }
  }
  return out;
}

/** Positions of the warm lights (unseen, as if from lanterns) hung down the middle of the hall: one per ~8 m, 2 to 3 (each costs every pixel). */
export function lampPositions(hall: Hall): [number, number, number][] {
  const length = hall.maxZ - hall.minZ;
  const count = Math.min(3, Math.max(2, Math.round(length / 8)));
  const step = length / count;
  return Array.from({ length: count }, (_, i) => [0, hall.height - 1.2, hall.maxZ - step * (i + 0.5)]);
}
