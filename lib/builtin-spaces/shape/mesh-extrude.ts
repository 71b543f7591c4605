import "server-only";
import { Earcut } from "three/src/extras/Earcut.js";
import { traceContours } from "./contour";
import { distanceToBackground } from "./distance";
import type { Mask } from "./mask";
import type { MeshBuilder } from "./mesh";

/** Slab depth as a share of the outline's width: solid enough to read as an object, not a cut-out. */
const EXTRUDE_DEPTH_RATIO = 0.35;
/** Bevel size as a share of the larger side, capped by a share of the depth. */
const BEVEL_RATIO = 0.015;
const MAX_BEVEL_DEPTH_SHARE = 0.15;
/** A bevel may take at most this share of a part's local half-thickness, so thin spires keep a front face. */
const MAX_BEVEL_THICKNESS_SHARE = 0.5;

type Point = [number, number];
type Face = [number, number, number];

interface Outline {
  outer: Point[];
  holes: Point[][];
}

/**
 * Extrudes the traced outline (holes included) into a slab centred on z = 0, with a chamfer round both faces.
 * The side walls stand exactly on the outline, so the front silhouette is the outline; the chamfer only insets
 * the flat front and back faces.
 */
export function buildExtrusion(mask: Mask, mesh: MeshBuilder): void {
  const { width, height } = mask;
  const loops = traceContours(mask).map((loop) => loop.map(([x, y]): Point => [x - width / 2, height - y]));
  const outlines = nestLoops(loops);
  const depth = EXTRUDE_DEPTH_RATIO * width;
  const distance = distanceToBackground(mask);
  const bevel = Math.min(BEVEL_RATIO * Math.max(width, height), MAX_BEVEL_DEPTH_SHARE * depth);

  for (const outline of outlines) {
    const rings = [outline.outer, ...outline.holes];
    const points = rings.flat();
    const insets = rings.flatMap((ring) => ring.map((_, i) => insetVector(ring, i, bevel, mask, distance)));
    // The flat faces are triangulated where they lie, on the inset rings. If an inset outline folds over itself
    // (it no longer triangulates into its own area), try a smaller chamfer; a plain square edge is the last resort.
    let scale = 0;
    let faces: Face[] | undefined;
    for (const s of [1, 0.5, 0.25]) {
      const moved = points.map((p, v) => inset(p, insets[v]!, s));
      const attempt = triangulate(outline, moved);
      if (coversOutline(attempt, moved, rings)) {
        scale = s;
        faces = attempt;
        break;
      }
    }
    faces ??= triangulate(outline, points);
    const bz = bevel * scale;

    const z = depth / 2;
    const frontOuter = points.map(([x, y]) => mesh.vertex(x, y, z - bz));
    const backOuter = points.map(([x, y]) => mesh.vertex(x, y, -z + bz));
    const frontInner = bz ? points.map((p, v) => mesh.vertex(...inset(p, insets[v]!, scale), z)) : frontOuter;
    const backInner = bz ? points.map((p, v) => mesh.vertex(...inset(p, insets[v]!, scale), -z)) : backOuter;

    for (const [a, b, c] of faces) {
      mesh.triangle(frontInner[a]!, frontInner[b]!, frontInner[c]!);
      mesh.triangle(backInner[a]!, backInner[c]!, backInner[b]!);
    }
    // Walls run along each ring with the subject on the left; each band is a quad strip from a higher ring to a
    // lower one, which faces outward with this winding.
    const bands = bz ? [[frontInner, frontOuter], [frontOuter, backOuter], [backOuter, backInner]] : [[frontOuter, backOuter]];
    let offset = 0;
    for (const ring of rings) {
      for (let i = 0; i < ring.length; i++) {
        const a = offset + i;
        const b = offset + ((i + 1) % ring.length);
        for (const [upper, lower] of bands) mesh.quad(upper![a]!, lower![a]!, lower![b]!, upper![b]!);
      }
      offset += ring.length;
    }
  }
}

/** Outer outlines run counter-clockwise (positive area); each hole joins the smallest outline containing it. */
function nestLoops(loops: Point[][]): Outline[] {
  const outlines = loops.filter((l) => area(l) > 0).map((outer) => ({ outer, holes: [] as Point[][], size: area(outer) }));
  outlines.sort((a, b) => a.size - b.size);
  for (const hole of loops.filter((l) => area(l) < 0)) {
    // A simplified hole may graze its outline, so let most of its points vote rather than trusting one.
    const step = Math.max(1, Math.floor(hole.length / 16));
    const samples = hole.filter((_, i) => i % step === 0);
    const home = outlines.find((o) => samples.filter((p) => contains(o.outer, p)).length * 2 > samples.length);
    home?.holes.push(hole);
  }
  return outlines.map(({ outer, holes }) => ({ outer, holes }));
}

/**
 * Earcut triangles as indices into `points` (outer then holes), wound counter-clockwise. Earcut winds all its
 * triangles alike, so one orientation test serves them all. Zero-area slivers (along a zig-zag whose alternate
 * points line up) are kept: they carry edges that the neighbouring triangles and walls pair with.
 */
function triangulate(outline: Outline, points: Point[]): Face[] {
  const holeStarts: number[] = [];
  let start = outline.outer.length;
  for (const hole of outline.holes) {
    holeStarts.push(start);
    start += hole.length;
  }
  const corners = Earcut.triangulate(points.flat(), holeStarts);
  const faces: Face[] = [];
  for (let t = 0; t < corners.length; t += 3) faces.push([corners[t]!, corners[t + 1]!, corners[t + 2]!]);
  const total = faces.reduce((sum, f) => sum + area(f.map((v) => points[v]!)), 0);
  return total >= 0 ? faces : faces.map(([a, b, c]): Face => [a, c, b]);
}

/**
 * Whether the triangles exactly tile the outline (outer area minus holes), as they do for a simple polygon, and
 * use every ring point, so that each wall edge has its face edge.
 */
function coversOutline(faces: Face[], points: Point[], rings: Point[][]): boolean {
  const used = new Uint8Array(points.length);
  for (const f of faces) for (const v of f) used[v] = 1;
  if (!used.every(Boolean)) return false;
  let offset = 0;
  let expected = 0;
  for (const ring of rings) {
    expected += area(points.slice(offset, offset + ring.length));
    offset += ring.length;
  }
  // Overlapping or inverted triangles (a folded outline) make the absolute areas add up to more than the outline.
  const tiled = faces.reduce((sum, f) => sum + Math.abs(area(f.map((v) => points[v]!))), 0);
  return expected > 0 && Math.abs(tiled - expected) <= 1e-6 * expected;
}

/**
 * How far, and which way, the chamfer moves ring vertex i into the material: along the bisector of its two edges
 * (lengthened at corners so the bevel keeps its width), but never more than half the part's local thickness,
 * found by walking inward over the distance map until it passes the part's middle.
 */
function insetVector(ring: Point[], i: number, bevel: number, mask: Mask, distance: Float32Array): Point {
  const p = ring[i]!;
  const prev = ring[(i + ring.length - 1) % ring.length]!;
  const next = ring[(i + 1) % ring.length]!;
  const n1 = leftNormal(prev, p);
  const n2 = leftNormal(p, next);
  const bx = n1[0] + n2[0];
  const by = n1[1] + n2[1];
  const len = Math.hypot(bx, by);
  if (len < 1e-6) return [0, 0];
  const dir: Point = [bx / len, by / len];
  const miter = Math.min(2, 1 / Math.max(0.5, dir[0] * n2[0] + dir[1] * n2[1]));

  let deepest = 0;
  for (let t = 0.5; t <= 3 * bevel + 1; t += 0.5) {
    // Model axes back to mask pixels: x shifts by half the width, y flips.
    const px = Math.floor(p[0] + dir[0] * t + mask.width / 2);
    const py = Math.floor(mask.height - (p[1] + dir[1] * t));
    if (px < 0 || py < 0 || px >= mask.width || py >= mask.height) break;
    const d = distance[py * mask.width + px]!;
    if (d === 0 || d < deepest - 1) break;
    deepest = Math.max(deepest, d);
  }
  const length = Math.min(bevel * miter, MAX_BEVEL_THICKNESS_SHARE * deepest);
  return [dir[0] * length, dir[1] * length];
}

function inset([x, y]: Point, [dx, dy]: Point, scale: number): Point {
  return [x + dx * scale, y + dy * scale];
}

function leftNormal([ax, ay]: Point, [bx, by]: Point): Point {
  const len = Math.hypot(bx - ax, by - ay) || 1;
  return [-(by - ay) / len, (bx - ax) / len];
}

/** Shoelace signed area: positive for counter-clockwise in the model's XY plane (y up). */
function area(ring: Point[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [ax, ay] = ring[i]!;
    const [bx, by] = ring[(i + 1) % ring.length]!;
    sum += ax * by - bx * ay;
  }
  return sum / 2;
}

function contains(ring: Point[], [x, y]: Point): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
