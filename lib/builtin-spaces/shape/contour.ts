import "server-only";
import type { Mask } from "./mask";

/** A closed outline without repeated end point, in pixel-edge coordinates (x right, y down). */
export type Loop = Array<[number, number]>;

/** Outlines deviate from the pixel boundary by at most this much (pixels) after simplification. */
const SIMPLIFY_TOLERANCE = 1;

/**
 * Traces every boundary of the mask along pixel edges, so the outline is the mask's exact outer boundary (corners
 * included, which keeps the model's bounding box and its footing on y = 0 exact), then simplifies pixel
 * staircases into slopes. Every loop keeps the subject on its left as drawn on screen, so outer outlines run
 * counter-clockwise and holes clockwise in the model's XY plane (y up). Where two subject pixels touch only at a
 * corner, the outline turns to join them (an 8-connected subject), matching how mask-clean.ts counts parts.
 */
export function traceContours(mask: Mask): Loop[] {
  const { width: w, height: h, data } = mask;
  const on = (x: number, y: number) => x >= 0 && y >= 0 && x < w && y < h && data[y * w + x] === 1;
  // Directed edges between lattice corners, id = corner * 4 + heading (E, S, W, N on screen). An edge exists when
  // the pixel on its left is subject and the one on its right is not.
  const stride = w + 1;
  const STEP = [[1, 0], [0, 1], [-1, 0], [0, -1]] as const;
  const exists = (x: number, y: number, d: number) => {
    if (d === 0) return on(x, y - 1) && !on(x, y);
    if (d === 1) return on(x, y) && !on(x - 1, y);
    if (d === 2) return on(x - 1, y) && !on(x - 1, y - 1);
    return on(x - 1, y - 1) && !on(x, y - 1);
  };
  const visited = new Uint8Array(stride * (h + 1) * 4);

  const loops: Loop[] = [];
  for (let y = 0; y <= h; y++) {
    for (let x = 0; x <= w; x++) {
      // Every loop has eastward edges; starting from the first unvisited one finds each loop exactly once.
      if (visited[(y * stride + x) * 4] || !exists(x, y, 0)) continue;
      const loop: Loop = [];
      let cx = x;
      let cy = y;
      let d = 0;
      while (!visited[(cy * stride + cx) * 4 + d]) {
        visited[(cy * stride + cx) * 4 + d] = 1;
        cx += STEP[d]![0];
        cy += STEP[d]![1];
        // Right turn first: at a pinch point that walks round the diagonal neighbour instead of cutting it off.
        const turn = [1, 0, 3].find((t) => exists(cx, cy, (d + t) % 4))!;
        const heading = (d + turn) % 4;
        if (heading !== d) loop.push([cx, cy]);
        d = heading;
      }
      const simple = dropStraightCorners(simplifyLoop(loop, SIMPLIFY_TOLERANCE));
      if (simple.length >= 3) loops.push(simple);
    }
  }
  return loops;
}

/**
 * Removes points lying exactly on the line through their neighbours. They add nothing to the outline, and
 * Earcut silently skips them, which would leave the wall that does use them unmatched by the face.
 */
function dropStraightCorners(loop: Loop): Loop {
  let out = loop;
  for (let changed = true; changed && out.length > 3; ) {
    changed = false;
    out = out.filter((p, i) => {
      const a = out[(i + out.length - 1) % out.length]!;
      const b = out[(i + 1) % out.length]!;
      const straight = (p[0] - a[0]) * (b[1] - p[1]) - (p[1] - a[1]) * (b[0] - p[0]) === 0;
      if (straight) changed = true;
      return !straight;
    });
  }
  return out;
}

/** Douglas–Peucker on a closed loop, split at two far-apart points so the result does not depend on the seam. */
function simplifyLoop(loop: Loop, tolerance: number): Loop {
  if (loop.length < 4) return loop;
  const first = loop[0]!;
  let far = 0;
  let best = -1;
  loop.forEach(([x, y], i) => {
    const d = (x - first[0]) ** 2 + (y - first[1]) ** 2;
    if (d > best) {
      best = d;
      far = i;
    }
  });
  const keep = new Uint8Array(loop.length);
  keep[0] = 1;
  keep[far] = 1;
  const closed = [...loop, first];
  douglasPeucker(closed, 0, far, tolerance, keep);
  douglasPeucker(closed, far, loop.length, tolerance, keep);
  return loop.filter((_, i) => keep[i]);
}

function douglasPeucker(pts: Loop, a: number, b: number, tolerance: number, keep: Uint8Array): void {
  const stack: Array<[number, number]> = [[a, b]];
  while (stack.length) {
    const [i, j] = stack.pop()!;
    const [ax, ay] = pts[i]!;
    const [bx, by] = pts[j]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len = Math.hypot(dx, dy);
    let worst = -1;
    let at = -1;
    for (let k = i + 1; k < j; k++) {
      const [px, py] = pts[k]!;
      const d = len > 0 ? Math.abs(dx * (py - ay) - dy * (px - ax)) / len : Math.hypot(px - ax, py - ay);
      if (d > worst) {
        worst = d;
        at = k;
      }
    }
    if (at >= 0 && worst > tolerance) {
      keep[at % keep.length] = 1;
      stack.push([i, at], [at, j]);
    }
  }
}
