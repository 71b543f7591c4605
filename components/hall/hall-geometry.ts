// The hall's static geometry, merged by material: floor, stone walls, mouldings (baseboard, cornice, pilasters,
// doorways, lunettes), coffered barrel vault and the glazed skylight along its crown. Five draw calls in all.
import * as THREE from "three";
import { mergeGeometries } from "three/examples/jsm/utils/BufferGeometryUtils.js";
import { pilasters, PILASTER_DEPTH, PILASTER_WIDTH } from "@/lib/layout/architecture";
import type { Hall } from "@/lib/layout/layout";
import { GeometryBuilder } from "./geometry-builder";
import { PARQUET_PERIOD } from "./textures/parquet";
import { SKYLIGHT_PANE } from "./textures/skylight";
import { STONE_PERIOD_U, STONE_PERIOD_V } from "./textures/stone";
import { VAULT_PERIOD } from "./textures/vault";

export interface HallGeometry {
  floor: THREE.BufferGeometry;
  walls: THREE.BufferGeometry;
  trim: THREE.BufferGeometry;
  vault: THREE.BufferGeometry;
  skylight: THREE.BufferGeometry;
}

/** The vault rises by this share of the hall's width above the cornice. */
const VAULT_RISE = 0.2;
/** Share of the vault's angular span glazed at the crown. */
const SKYLIGHT_SHARE = 0.4;
const DOOR_WIDTH = 2.2;
const DOOR_HEIGHT = 3.4;
const BASEBOARD = 0.22;
const CORNICE = 0.4;

const WHITE = new THREE.Color(1, 1, 1);
const PLASTER = new THREE.Color("#efe6d3");
const PILASTER = new THREE.Color("#e4d9c4");
const MARBLE = new THREE.Color("#4f4640");
const DOORWAY = new THREE.Color("#0b0907");
const DOORWAY_FLOOR = new THREE.Color("#3b2a1c");

/** Circle through the springing points (±w/2, H) and the crown (0, H + rise). */
export function vaultArc(hall: Hall) {
  const half = (hall.maxX - hall.minX) / 2;
  const rise = half * 2 * VAULT_RISE;
  const radius = (half * half + rise * rise) / (2 * rise);
  const centreY = hall.height + rise - radius;
  const span = Math.asin(half / radius);
  return { radius, centreY, span, centreX: (hall.minX + hall.maxX) / 2, crown: hall.height + rise };
}

function floor(hall: Hall) {
  const b = new GeometryBuilder();
  // Planks run diagonally: uv is the world position turned 45°, in texture periods.
  const uv = (x: number, z: number): [number, number] => [(x + z) / Math.SQRT2 / PARQUET_PERIOD, (x - z) / Math.SQRT2 / PARQUET_PERIOD];
  const up = [0, 1, 0] as const;
  const corners: [number, number][] = [[hall.minX, hall.maxZ], [hall.maxX, hall.maxZ], [hall.maxX, hall.minZ], [hall.minX, hall.minZ]];
  const [a, bb, c, d] = corners.map(([x, z]) => b.vertex([x, 0, z], up, uv(x, z), WHITE));
  b.quad(a!, bb!, c!, d!);
  const g = b.build();
  // Second uv set spanning the hall once, for the painted occlusion map (canvas row 0 = far wall, flipped on upload).
  const w = hall.maxX - hall.minX;
  const l = hall.maxZ - hall.minZ;
  g.setAttribute("uv1", new THREE.Float32BufferAttribute(corners.flatMap(([x, z]) => [(x - hall.minX) / w, (hall.maxZ - z) / l]), 2));
  return g;
}

/** Vertex shade by height: darker where the wall meets the floor (cheap ambient occlusion) and under the cornice. */
const WALL_SHADES: [number, number][] = [[0, 0.55], [0.3, 0.78], [1.1, 0.95], [-1.2, 1], [0, 0.82]];

function walls(hall: Hall) {
  const b = new GeometryBuilder();
  const H = hall.height;
  const ys = WALL_SHADES.map(([y], i) => (i === WALL_SHADES.length - 1 ? H : y < 0 ? H + y : y));
  // Each wall from a to b, seen from inside (counter-clockwise).
  const sides: [number, number, number, number][] = [
    [hall.minX, hall.maxZ, hall.minX, hall.minZ],
    [hall.minX, hall.minZ, hall.maxX, hall.minZ],
    [hall.maxX, hall.minZ, hall.maxX, hall.maxZ],
    [hall.maxX, hall.maxZ, hall.minX, hall.maxZ],
  ];
  for (const [ax, az, bx, bz] of sides) {
    const len = Math.hypot(bx - ax, bz - az);
    const n = [(az - bz) / len, 0, (bx - ax) / len] as const;
    let prev: [number, number] | null = null;
    ys.forEach((y, i) => {
      const shade = new THREE.Color().setScalar(WALL_SHADES[i]![1]);
      const v = y / STONE_PERIOD_V;
      const p = b.vertex([ax, y, az], n, [0, v], shade);
      const q = b.vertex([bx, y, bz], n, [len / STONE_PERIOD_U, v], shade);
      if (prev) b.quad(prev[0], prev[1], q, p);
      prev = [p, q];
    });
  }
  return b.build();
}

function trim(hall: Hall) {
  const b = new GeometryBuilder();
  const H = hall.height;
  const { minX, maxX, minZ, maxZ } = hall;
  // Baseboard and a three-step cornice along all four walls (boxes overlap at the corners, which nobody sees).
  const bands: { y0: number; y1: number; depth: number; color: THREE.Color }[] = [
    { y0: 0, y1: BASEBOARD, depth: 0.03, color: MARBLE },
    { y0: H - CORNICE, y1: H - 0.26, depth: 0.06, color: PLASTER },
    { y0: H - 0.26, y1: H - 0.1, depth: 0.13, color: PLASTER },
    { y0: H - 0.1, y1: H, depth: 0.22, color: PLASTER },
  ];
  for (const { y0, y1, depth, color } of bands) {
    b.box([minX, y0, minZ], [minX + depth, y1, maxZ], color, ["nx"]);
    b.box([maxX - depth, y0, minZ], [maxX, y1, maxZ], color, ["px"]);
    b.box([minX, y0, minZ], [maxX, y1, minZ + depth], color, ["nz"]);
    b.box([minX, y0, maxZ - depth], [maxX, y1, maxZ], color, ["pz"]);
  }
  // Pilasters with a base and a capital.
  for (const p of pilasters(hall)) {
    const left = p.x < 0;
    const wall = left ? minX : maxX;
    const out = (d: number) => (left ? [wall, wall + d] : [wall - d, wall]) as [number, number];
    const back = left ? "nx" : "px";
    const [x0, x1] = out(PILASTER_DEPTH);
    b.box([x0, BASEBOARD, p.z - PILASTER_WIDTH / 2], [x1, H - CORNICE - 0.2, p.z + PILASTER_WIDTH / 2], PILASTER, [back, "ny"]);
    const [bx0, bx1] = out(PILASTER_DEPTH + 0.03);
    b.box([bx0, 0, p.z - PILASTER_WIDTH / 2 - 0.05], [bx1, 0.32, p.z + PILASTER_WIDTH / 2 + 0.05], PLASTER, [back, "ny"]);
    const [cx0, cx1] = out(PILASTER_DEPTH + 0.05);
    b.box([cx0, H - CORNICE - 0.2, p.z - PILASTER_WIDTH / 2 - 0.07], [cx1, H - CORNICE, p.z + PILASTER_WIDTH / 2 + 0.07], PLASTER, [back]);
  }
  // A doorway in each end wall: the far one suggests the next room, the near one is the way in.
  const cx = (minX + maxX) / 2;
  for (const [z, dir] of [[minZ, 1], [maxZ, -1]] as const) {
    const face = (d: number) => z + dir * d;
    const zs = (d0: number, d1: number) => [Math.min(face(d0), face(d1)), Math.max(face(d0), face(d1))] as const;
    const skip = dir > 0 ? "nz" : "pz";
    // The opening: dark, with a little warm light on the next room's floor.
    const oz = face(0.01);
    const n = [0, 0, dir] as const;
    const x0 = dir > 0 ? cx - DOOR_WIDTH / 2 : cx + DOOR_WIDTH / 2;
    const x1 = dir > 0 ? cx + DOOR_WIDTH / 2 : cx - DOOR_WIDTH / 2;
    const [d0, d1, d2, d3] = [
      b.vertex([x0, 0, oz], n, [0, 0], DOORWAY_FLOOR),
      b.vertex([x1, 0, oz], n, [0, 0], DOORWAY_FLOOR),
      b.vertex([x1, DOOR_HEIGHT, oz], n, [0, 0], DOORWAY),
      b.vertex([x0, DOOR_HEIGHT, oz], n, [0, 0], DOORWAY),
    ];
    b.quad(d0, d1, d2, d3);
    const [fz0, fz1] = zs(0, 0.09);
    b.box([cx - DOOR_WIDTH / 2 - 0.22, 0, fz0], [cx - DOOR_WIDTH / 2, DOOR_HEIGHT, fz1], PLASTER, [skip, "ny"]);
    b.box([cx + DOOR_WIDTH / 2, 0, fz0], [cx + DOOR_WIDTH / 2 + 0.22, DOOR_HEIGHT, fz1], PLASTER, [skip, "ny"]);
    const [lz0, lz1] = zs(0, 0.14);
    b.box([cx - DOOR_WIDTH / 2 - 0.4, DOOR_HEIGHT, lz0], [cx + DOOR_WIDTH / 2 + 0.4, DOOR_HEIGHT + 0.35, lz1], PLASTER, [skip]);
  }
  // Lunettes: the end walls' segments between the cornice and the vault.
  const arc = vaultArc(hall);
  const steps = 24;
  for (const [z, nz] of [[minZ + 0.001, 1], [maxZ - 0.001, -1]] as const) {
    const n = [0, 0, nz] as const;
    const centre = b.vertex([arc.centreX, H, z], n, [0, 0], PLASTER);
    let prev = -1;
    for (let i = 0; i <= steps; i++) {
      const t = -arc.span + (2 * arc.span * i) / steps;
      const v = b.vertex([arc.centreX + arc.radius * Math.sin(t), arc.centreY + arc.radius * Math.cos(t), z], n, [0, 0], PLASTER);
      if (prev >= 0) {
        if (nz > 0) b.triangle(centre, v, prev);
        else b.triangle(centre, prev, v);
      }
      prev = v;
    }
  }
  return b.build();
}

/** The barrel vault between `from` and `to` (angles from the crown), facing down into the hall. */
function vaultStrip(hall: Hall, from: number, to: number, uvOf: (t: number, z: number, arcLen: number) => [number, number]) {
  const b = new GeometryBuilder();
  const arc = vaultArc(hall);
  const steps = Math.max(2, Math.ceil(((to - from) / (2 * arc.span)) * 32));
  let prev: [number, number] | null = null;
  for (let i = 0; i <= steps; i++) {
    const t = from + ((to - from) * i) / steps;
    const x = arc.centreX + arc.radius * Math.sin(t);
    const y = arc.centreY + arc.radius * Math.cos(t);
    const n = [-Math.sin(t), -Math.cos(t), 0] as const;
    const arcLen = arc.radius * t;
    const a = b.vertex([x, y, hall.maxZ], n, uvOf(t, hall.maxZ, arcLen), WHITE);
    const c = b.vertex([x, y, hall.minZ], n, uvOf(t, hall.minZ, arcLen), WHITE);
    if (prev) b.quad(prev[0], prev[1], c, a);
    prev = [a, c];
  }
  return b.build();
}

export function buildHallGeometry(hall: Hall): HallGeometry {
  const { span } = vaultArc(hall);
  const glass = span * SKYLIGHT_SHARE;
  const cofferUv = (_t: number, z: number, arcLen: number): [number, number] => [arcLen / VAULT_PERIOD, z / VAULT_PERIOD];
  const left = vaultStrip(hall, -span, -glass, cofferUv);
  const right = vaultStrip(hall, glass, span, cofferUv);
  const vault = mergeGeometries([left, right]);
  vault.computeBoundingBox();
  left.dispose();
  right.dispose();
  const skylight = vaultStrip(hall, -glass, glass, (t, z) => [(t + glass) / (2 * glass), z / SKYLIGHT_PANE]);
  return { floor: floor(hall), walls: walls(hall), trim: trim(hall), vault, skylight };
}
