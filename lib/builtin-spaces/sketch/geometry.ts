import "server-only";

// Point-list builders for the outlines subjects are made of (y up, angles in degrees).

import type { Pt } from "./drawing";

const RAD = Math.PI / 180;

/** Points along an ellipse from angle `from` to `to` (0° = +x, 90° = up), both included. */
export function arc(cx: number, cy: number, rx: number, ry: number, from: number, to: number, steps = 16): Pt[] {
  const points: Pt[] = [];
  for (let i = 0; i <= steps; i++) {
    const a = (from + ((to - from) * i) / steps) * RAD;
    points.push([cx + rx * Math.cos(a), cy + ry * Math.sin(a)]);
  }
  return points;
}

/** A full ellipse as a polygon. */
export function ellipsePoints(cx: number, cy: number, rx: number, ry: number, steps = 32): Pt[] {
  return arc(cx, cy, rx, ry, 0, 360, steps).slice(0, -1);
}

/** A round-topped opening: straight jambs from `bottom` up to `spring`, then a semicircle. */
export function archOpening(left: number, right: number, bottom: number, spring: number, steps = 14, rise?: number): Pt[] {
  const r = (right - left) / 2;
  return [[left, bottom], ...arc(left + r, spring, r, rise ?? r, 180, 0, steps), [right, bottom]];
}

/** A pointed (Gothic) opening. */
export function gothicOpening(left: number, right: number, bottom: number, spring: number, rise: number): Pt[] {
  const mid = (left + right) / 2;
  const w = right - left;
  return [
    [left, bottom],
    [left, spring],
    [left + w * 0.08, spring + rise * 0.55],
    [left + w * 0.25, spring + rise * 0.85],
    [mid, spring + rise],
    [right - w * 0.25, spring + rise * 0.85],
    [right - w * 0.08, spring + rise * 0.55],
    [right, spring],
    [right, bottom],
  ];
}

/**
 * A closed outline symmetric about x = `cx`, from its right half given bottom to top as
 * [half-width, y] pairs (a lathe profile).
 */
export function profile(cx: number, half: readonly (readonly [number, number])[]): Pt[] {
  const right: Pt[] = half.map(([w, y]) => [cx + w, y]);
  const left: Pt[] = [...half].reverse().map(([w, y]) => [cx - w, y]);
  return [...right, ...left];
}

/** Samples a quadratic Bézier from a to b pulled toward c. */
export function quad(a: Pt, c: Pt, b: Pt, steps = 10): Pt[] {
  const points: Pt[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    points.push([u * u * a[0] + 2 * u * t * c[0] + t * t * b[0], u * u * a[1] + 2 * u * t * c[1] + t * t * b[1]]);
  }
  return points;
}

/** Samples a cubic Bézier. */
export function cubic(a: Pt, c1: Pt, c2: Pt, b: Pt, steps = 14): Pt[] {
  const points: Pt[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t] as const;
    points.push([
      w[0] * a[0] + w[1] * c1[0] + w[2] * c2[0] + w[3] * b[0],
      w[0] * a[1] + w[1] * c1[1] + w[2] * c2[1] + w[3] * b[1],
    ]);
  }
  return points;
}

export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

export function lerpPt(a: Pt, b: Pt, t: number): Pt {
  return [lerp(a[0], b[0], t), lerp(a[1], b[1], t)];
}

/** A quadrilateral strip (a beam) of thickness `width` from a to b. */
export function beam(a: Pt, b: Pt, width: number): Pt[] {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy) || 1;
  const nx = (-dy / length) * (width / 2);
  const ny = (dx / length) * (width / 2);
  return [
    [a[0] + nx, a[1] + ny],
    [b[0] + nx, b[1] + ny],
    [b[0] - nx, b[1] - ny],
    [a[0] - nx, a[1] - ny],
  ];
}

/** Rotates points about a centre by `degrees` (counter-clockwise, y up). */
export function rotate(points: readonly Pt[], cx: number, cy: number, degrees: number): Pt[] {
  const c = Math.cos(degrees * RAD);
  const s = Math.sin(degrees * RAD);
  return points.map(([x, y]) => [cx + (x - cx) * c - (y - cy) * s, cy + (x - cx) * s + (y - cy) * c]);
}

/** `count` values evenly spread over [from, to], ends included. */
export function spread(from: number, to: number, count: number): number[] {
  if (count <= 1) return [(from + to) / 2];
  return Array.from({ length: count }, (_, i) => from + ((to - from) * i) / (count - 1));
}

/** A band of `width` (or tapering from `width` to `endWidth`) along a polyline, as one polygon. */
export function ribbon(points: readonly Pt[], width: number, endWidth = width): Pt[] {
  const left: Pt[] = [];
  const right: Pt[] = [];
  points.forEach((p, i) => {
    const prev = points[Math.max(0, i - 1)] ?? p;
    const next = points[Math.min(points.length - 1, i + 1)] ?? p;
    const dx = next[0] - prev[0];
    const dy = next[1] - prev[1];
    const length = Math.hypot(dx, dy) || 1;
    const half = lerp(width, endWidth, i / Math.max(points.length - 1, 1)) / 2;
    left.push([p[0] - (dy / length) * half, p[1] + (dx / length) * half]);
    right.push([p[0] + (dy / length) * half, p[1] - (dx / length) * half]);
  });
  return [...left, ...right.reverse()];
}
