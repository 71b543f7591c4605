import "server-only";
import type { MeshBuilder } from "./mesh";
import type { RowSpan } from "./silhouette";

/** Rings stacked up the silhouette; more rows than this are sampled, which keeps vertex counts modest. */
const MAX_RINGS = 256;
/** Segments around a revolved ring: 7.5° steps read as round once normals are smoothed. */
const REVOLVE_SEGMENTS = 48;
/** Bilateral profile smoothing: window (stations either side) and the size of ripple (pixels) it treats as noise. */
const SMOOTH_REACH = 4;
const STAIRCASE_STEP = 1;
/**
 * How far (pixels) a cross-section may lie from the straight run between the sections kept above and below it
 * before it is kept itself: a quarter pixel, finer than the picture resolves. Long straight walls then take one
 * band of quads instead of a hundred, while domes and cornices keep every section their curve needs.
 */
const PROFILE_TOLERANCE = 0.25;

/** One horizontal cross-section: centre x, half-width and height, in pixel units on the model's axes. */
interface Station {
  y: number;
  cx: number;
  hw: number;
}

interface RingStyle {
  /** Ring points in order, as (x, z); consecutive points bound one side face. */
  points(s: Station): Array<[number, number]>;
  /** Where side face `face` takes its picture: the x fed to the front projection for a corner at (x, z). */
  imageX(face: number, s: Station, x: number, z: number): number;
}

/**
 * A square cross-section as wide as the row and as deep: a tower or obelisk. Each face shows the front picture
 * the right way round, as a tower looks much the same from every side.
 */
const squareRing: RingStyle = {
  points: ({ cx, hw }) => [
    [cx + hw, -hw],
    [cx - hw, -hw],
    [cx - hw, hw],
    [cx + hw, hw],
  ],
  imageX: (face, { cx }, x, z) => [2 * cx - x, cx + z, x, cx - z][face]!,
};

/** A circle as wide as the row: a dome, a drum, a vase. Front projection everywhere, mirrored on the back. */
const roundRing: RingStyle = {
  points: ({ cx, hw }) =>
    Array.from({ length: REVOLVE_SEGMENTS }, (_, j): [number, number] => {
      const a = (2 * Math.PI * j) / REVOLVE_SEGMENTS;
      return [cx + hw * Math.cos(a), -hw * Math.sin(a)];
    }),
  imageX: (_face, _s, x) => x,
};

/** rows: the silhouette's span per mask row, top to bottom, in a crop `width` pixels wide. */
export function buildSweep(rows: RowSpan[], width: number, mesh: MeshBuilder): void {
  loft(stations(rows, width), squareRing, mesh);
}

/**
 * A revolved ring has REVOLVE_SEGMENTS vertices, so a tall dome or tower sampled row by row came to 12,000 and more
 * (a 580 KB GLB that every later step — download, validation, preparation — paid for); only the sections the
 * profile needs are kept. A sweep's ring has four, so its rings are left as they are.
 */
export function buildRevolve(rows: RowSpan[], width: number, mesh: MeshBuilder): void {
  loft(keepBends(stations(rows, width)), roundRing, mesh);
}

/**
 * Cross-sections at the top edge, at (sampled) row centres and at the bottom edge, so the front silhouette spans
 * the mask exactly from y = 0 to its full height. The pixel staircase of the profile would shade as bands, so it
 * is smoothed twice: two [1 2 1] passes, which keep slopes (a dome's crown) and soften a ledge by a row or two,
 * then an edge-preserving (bilateral) average over SMOOTH_REACH stations either side, weighting each neighbour
 * by how well it follows the local tangent, which irons out the ripple left on long walls without blurring
 * ledges and cornices.
 */
function stations(rows: RowSpan[], width: number): Station[] {
  const height = rows.length;
  const count = Math.min(height, MAX_RINGS);
  const at = (py: number, row: RowSpan): Station => ({
    y: height - py,
    cx: (row.left + row.right) / 2 - width / 2,
    hw: (row.right - row.left) / 2,
  });
  let list = [at(0, rows[0]!)];
  for (let k = 0; k < count; k++) {
    const py = ((k + 0.5) * height) / count;
    list.push(at(py, rows[Math.floor(py)]!));
  }
  list.push(at(height, rows[height - 1]!));
  // The first and last stations stay put: they fix the model's exact top and footing.
  const interior = (smooth: (prev: Station[], k: number) => Station) => {
    const prev = list;
    list = prev.map((s, k) => (k === 0 || k === prev.length - 1 ? s : smooth(prev, k)));
  };
  for (let pass = 0; pass < 2; pass++) {
    interior((p, k) => ({
      y: p[k]!.y,
      cx: (p[k - 1]!.cx + 2 * p[k]!.cx + p[k + 1]!.cx) / 4,
      hw: (p[k - 1]!.hw + 2 * p[k]!.hw + p[k + 1]!.hw) / 4,
    }));
  }
  interior((p, k) => {
    const s = p[k]!;
    const slopeCx = (p[k + 1]!.cx - p[k - 1]!.cx) / 2;
    const slopeHw = (p[k + 1]!.hw - p[k - 1]!.hw) / 2;
    let cx = 0;
    let hw = 0;
    let total = 0;
    for (let j = Math.max(1, k - SMOOTH_REACH); j <= Math.min(p.length - 2, k + SMOOTH_REACH); j++) {
      // Symmetric pairs about k average to the tangent line, so slopes survive; off-line neighbours weigh little.
      const off = Math.max(Math.abs(p[j]!.cx - s.cx - slopeCx * (j - k)), Math.abs(p[j]!.hw - s.hw - slopeHw * (j - k)));
      const w = Math.exp(-((off / STAIRCASE_STEP) ** 2));
      cx += w * (p[j]!.cx - slopeCx * (j - k));
      hw += w * (p[j]!.hw - slopeHw * (j - k));
      total += w;
    }
    return { y: s.y, cx: cx / total, hw: hw / total };
  });
  return list;
}

/**
 * The stations the profile needs (Douglas–Peucker over the profile): the first and last, and recursively the one
 * farthest from the straight run between two kept ones while it is farther than PROFILE_TOLERANCE. A station
 * dropped lies within the tolerance of where the loft puts that height anyway, as the side faces and their picture
 * are both linear between rings.
 */
function keepBends(list: Station[]): Station[] {
  const keep = new Uint8Array(list.length);
  keep[0] = 1;
  keep[list.length - 1] = 1;
  const runs: Array<[number, number]> = [[0, list.length - 1]];
  while (runs.length) {
    const [a, b] = runs.pop()!;
    const from = list[a]!;
    const to = list[b]!;
    const span = to.y - from.y;
    let worst = PROFILE_TOLERANCE;
    let at = -1;
    for (let k = a + 1; k < b; k++) {
      const s = list[k]!;
      const t = span === 0 ? 0 : (s.y - from.y) / span;
      const off = Math.max(Math.abs(s.cx - (from.cx + t * (to.cx - from.cx))), Math.abs(s.hw - (from.hw + t * (to.hw - from.hw))));
      if (off > worst) {
        worst = off;
        at = k;
      }
    }
    if (at < 0) continue;
    keep[at] = 1;
    runs.push([a, at], [at, b]);
  }
  return list.filter((_, k) => keep[k] === 1);
}

/** Stations run top to bottom; side quads join each ring to the one below, and flat caps close both ends. */
function loft(list: Station[], style: RingStyle, mesh: MeshBuilder): void {
  const rings = list.map((s) => style.points(s).map(([x, z]) => mesh.vertex(x, s.y, z)));
  for (let k = 0; k + 1 < rings.length; k++) {
    const upper = rings[k]!;
    const lower = rings[k + 1]!;
    const n = upper.length;
    for (let j = 0; j < n; j++) {
      const corners = [lower[j]!, lower[(j + 1) % n]!, upper[(j + 1) % n]!, upper[j]!] as const;
      const owners = [list[k + 1]!, list[k + 1]!, list[k]!, list[k]!];
      const imageX = corners.map((v, c) => style.imageX(j, owners[c]!, mesh.x(v), mesh.z(v)));
      mesh.quad(...corners, [imageX[0]!, imageX[1]!, imageX[2]!, imageX[3]!]);
    }
  }
  cap(list[0]!, rings[0]!, mesh, true);
  cap(list[list.length - 1]!, rings[rings.length - 1]!, mesh, false);
}

function cap(s: Station, ring: number[], mesh: MeshBuilder, top: boolean): void {
  const centre = mesh.vertex(s.cx, s.y, 0);
  for (let j = 0; j < ring.length; j++) {
    const a = ring[j]!;
    const b = ring[(j + 1) % ring.length]!;
    if (top) mesh.triangle(centre, a, b);
    else mesh.triangle(centre, b, a);
  }
}
