// Where exhibits stand and how big the hall is. Pure (no three.js, no DOM) so the server can place exhibits with
// the same rules the browser draws them with. Metres, Y up, floor y = 0, an exhibit's front faces +Z.
import type { ExhibitView, Placement } from "../contracts/gallery-view";

/** The inner faces of the hall's walls, and the height of the walls up to the cornice. */
export interface Hall {
  minX: number;
  maxX: number;
  minZ: number;
  maxZ: number;
  height: number;
}

/** What an exhibit occupies on the floor and how tall its plinth is. */
export interface Footprint {
  plinthSide: number;
  plinthHeight: number;
  /** Radius of the circle that holds the square plinth at any rotation: spacing never depends on rotation. */
  radius: number;
  /** Height of the model on top of the plinth (exhibit height × scale). */
  modelHeight: number;
}

export interface ArrangedExhibit {
  id: string;
  placement: Placement;
  footprint: Footprint;
}

export const GRID = 0.25;
export const ROTATION_STEP = Math.PI / 12;
export const EYE_HEIGHT = 1.6;
/** The near (entrance) wall stays put as the hall grows, so exhibits already placed never move when more arrive. */
export const ENTRANCE_Z = 3;
const AISLE = 3.2;
const FIRST_GAP = 3.2;
const PAIR_GAP = 1.3;
const END_SPACE = 3;
const WALL_CLEARANCE = 0.6;
const MIN_HALF_WIDTH = 4.5;
const MIN_LENGTH = 14;
const MIN_WALL_HEIGHT = 5;
/** Side exhibits turn 20° towards the entrance so a visitor walking in sees them three-quarter on. */
const TILT = 0.35;
/** Gap kept between two footprints and between a footprint and a wall when snapping. */
const SNAP_GAP = 0.1;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round2 = (v: number) => Math.round(v * 100) / 100;

/** Plinths grow with the model: small objects are raised towards the eye, big ones stand low on a wide base. */
export function footprintOf(height: number, scale = 1): Footprint {
  const modelHeight = clamp((Number.isFinite(height) && height > 0 ? height : 1) * (scale > 0 ? scale : 1), 0.1, 6);
  const plinthSide = round2(clamp(0.3 + 0.8 * modelHeight, 0.8, 2.6));
  const plinthHeight = round2(clamp(1.05 - 0.3 * modelHeight, 0.3, 0.9));
  return { plinthSide, plinthHeight, radius: round2(plinthSide / Math.SQRT2 + 0.05), modelHeight };
}

/**
 * Alternating left/right along a central aisle, in the given order; each exhibit faces the aisle, turned a little
 * towards the entrance. Pairs are spaced by their own footprints, so adding exhibits never moves earlier ones.
 */
export function autoLayout(footprints: readonly Footprint[]): Placement[] {
  const placements: Placement[] = [];
  let z = ENTRANCE_Z - FIRST_GAP;
  for (let pair = 0; pair * 2 < footprints.length; pair++) {
    const left = footprints[pair * 2]!;
    const right = footprints[pair * 2 + 1];
    const r = Math.max(left.radius, right?.radius ?? 0);
    z -= r;
    placements.push({ position: [-(AISLE / 2 + left.radius), 0, round2(z)], rotationY: Math.PI / 2 - TILT, scale: 1 });
    if (right) placements.push({ position: [AISLE / 2 + right.radius, 0, round2(z)], rotationY: -(Math.PI / 2 - TILT), scale: 1 });
    z -= r + PAIR_GAP;
  }
  return placements;
}

/** A hall that holds the automatic layout of these footprints and every given placement, with room to walk. */
export function hallFor(items: readonly { placement: Placement; footprint: Footprint }[]): Hall {
  let halfWidth = MIN_HALF_WIDTH;
  let minZ = ENTRANCE_Z - MIN_LENGTH;
  let maxZ = ENTRANCE_Z;
  let top = 0;
  for (const { placement, footprint } of items) {
    const [x, , z] = placement.position;
    halfWidth = Math.max(halfWidth, AISLE / 2 + 2 * footprint.radius + WALL_CLEARANCE, Math.abs(x) + footprint.radius + WALL_CLEARANCE);
    minZ = Math.min(minZ, z - footprint.radius - END_SPACE);
    maxZ = Math.max(maxZ, z + footprint.radius + WALL_CLEARANCE);
    top = Math.max(top, footprint.plinthHeight + footprint.modelHeight);
  }
  halfWidth = Math.ceil(halfWidth / GRID) * GRID;
  return {
    minX: -halfWidth,
    maxX: halfWidth,
    minZ: Math.floor(minZ / GRID) * GRID,
    maxZ: Math.ceil(maxZ / GRID) * GRID,
    height: Math.max(MIN_WALL_HEIGHT, Math.ceil((top + 1.5) * 2) / 2),
  };
}

/** A placement nobody chose: the data model's default. Such exhibits take their automatic slot. */
export function isUnplaced(p: Placement): boolean {
  return p.position[0] === 0 && p.position[2] === 0 && p.rotationY === 0;
}

/**
 * The scene's arrangement: stored placements are kept (the owner may have moved them), unplaced exhibits take the
 * automatic slot of their position in `order`, and the hall is sized to hold everything.
 */
export function arrangeGallery(exhibits: readonly Pick<ExhibitView, "id" | "order" | "placement" | "height">[]): {
  hall: Hall;
  items: ArrangedExhibit[];
} {
  const sorted = [...exhibits].sort((a, b) => a.order - b.order);
  const footprints = sorted.map((e) => footprintOf(e.height, e.placement.scale));
  const slots = autoLayout(footprints);
  const items = sorted.map((e, i): ArrangedExhibit => {
    const slot = slots[i]!;
    const placement = isUnplaced(e.placement) ? { ...slot, scale: e.placement.scale > 0 ? e.placement.scale : 1 } : e.placement;
    return { id: e.id, placement, footprint: footprints[i]! };
  });
  return { hall: hallFor(items), items };
}

function normaliseAngle(a: number): number {
  const t = a % (2 * Math.PI);
  if (t > Math.PI) return t - 2 * Math.PI;
  if (t <= -Math.PI) return t + 2 * Math.PI;
  return t;
}

/**
 * Where a moved exhibit may stand: on the floor, on the grid, rotated in 15° steps, inside the walls, and clear of
 * every other exhibit — the nearest such grid point to where it was dropped.
 * If the hall has no free point at all, the clamped drop point is returned.
 */
export function snapPlacement(
  p: Placement,
  radius: number,
  others: readonly { placement: Placement; footprint: Pick<Footprint, "radius"> }[],
  hall: Hall,
): Placement {
  const rotationY = normaliseAngle(Math.round(p.rotationY / ROTATION_STEP) * ROTATION_STEP) + 0; // +0 turns -0 into 0
  const lo = (edge: number) => Math.ceil((edge + radius + SNAP_GAP) / GRID - 1e-9) * GRID;
  const hi = (edge: number) => Math.floor((edge - radius - SNAP_GAP) / GRID + 1e-9) * GRID;
  const [minX, maxX] = fitRange(lo(hall.minX), hi(hall.maxX));
  const [minZ, maxZ] = fitRange(lo(hall.minZ), hi(hall.maxZ));
  const wantX = clamp(p.position[0], minX, maxX);
  const wantZ = clamp(p.position[2], minZ, maxZ);
  const gx = clamp(Math.round(wantX / GRID) * GRID, minX, maxX);
  const gz = clamp(Math.round(wantZ / GRID) * GRID, minZ, maxZ);

  const free = (x: number, z: number) =>
    others.every((o) => {
      const dx = o.placement.position[0] - x;
      const dz = o.placement.position[2] - z;
      const min = o.footprint.radius + radius + SNAP_GAP;
      return dx * dx + dz * dz >= min * min - 1e-9;
    });

  // Grid rings of growing Chebyshev radius around the drop point; stop once no farther ring can beat the best.
  let best: [number, number] | null = null;
  let bestDist = Infinity;
  const maxRing = Math.ceil(Math.max(maxX - minX, maxZ - minZ) / GRID) + 1;
  for (let k = 0; k <= maxRing; k++) {
    if (best && (k - 1) * GRID > bestDist) break;
    for (let i = -k; i <= k; i++) {
      for (let j = -k; j <= k; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== k) continue;
        const x = round2(gx + i * GRID);
        const z = round2(gz + j * GRID);
        if (x < minX - 1e-9 || x > maxX + 1e-9 || z < minZ - 1e-9 || z > maxZ + 1e-9) continue;
        const d = Math.hypot(x - wantX, z - wantZ);
        if (d < bestDist - 1e-9 && free(x, z)) {
          best = [x, z];
          bestDist = d;
        }
      }
    }
  }
  const [x, z] = best ?? [round2(gx), round2(gz)];
  return { position: [x + 0, 0, z + 0], rotationY, scale: p.scale };
}

/** A hall narrower than the footprint: the only sensible spot is its middle. */
function fitRange(lo: number, hi: number): [number, number] {
  if (lo <= hi) return [lo, hi];
  const mid = Math.round((lo + hi) / 2 / GRID) * GRID;
  return [mid, mid];
}

/** Where a visitor enters: in the aisle by the entrance, looking down the hall (towards −Z). */
export function entrancePose(hall: Hall): { x: number; z: number; yaw: number } {
  return { x: 0, z: hall.maxZ - 1.2, yaw: 0 };
}

/**
 * The keyboard nudge of a moved exhibit: the world-axis grid step that best matches "away from the camera" (up
 * arrow), "to its right" (right arrow)… Camera yaw is three's (0 looks down −Z); keys are KeyboardEvent.code.
 */
export function nudgeStep(key: string, cameraYaw: number): [number, number] | null {
  const ahead: Record<string, number> = { ArrowUp: 0, ArrowRight: -Math.PI / 2, ArrowDown: Math.PI, ArrowLeft: Math.PI / 2 };
  const turn = ahead[key];
  if (turn === undefined) return null;
  const yaw = cameraYaw + turn;
  const dx = -Math.sin(yaw);
  const dz = -Math.cos(yaw);
  return Math.abs(dx) > Math.abs(dz) ? [Math.sign(dx) * GRID, 0] : [0, Math.sign(dz) * GRID];
}

/** The plinth laid out for the exhibit, narrowed to its model once loaded: never wider than the layout allowed. */
export function fitPlinth(footprint: Footprint, model: { width: number; depth: number } | null, scale: number): Footprint {
  if (!model) return footprint;
  const side = Math.max(model.width, model.depth) * scale + 0.2;
  const plinthSide = Math.min(footprint.plinthSide, Math.max(footprint.plinthSide * 0.5, 0.6, side));
  return plinthSide === footprint.plinthSide ? footprint : { ...footprint, plinthSide };
}
