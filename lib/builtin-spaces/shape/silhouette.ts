import "server-only";
import type { Mask } from "./mask";

export type ShapeKind = "sweep" | "revolve" | "extrude";

/** Outer extent of one mask row in pixel-edge coordinates: the subject covers columns [left, right). */
export interface RowSpan {
  left: number;
  right: number;
}

export interface SilhouetteMetrics {
  /** Height over width of the bounding box. */
  aspect: number;
  /** Share of rows that are one unbroken run (holes and side-by-side parts break rows into several). */
  singleRunShare: number;
  /** IoU of the silhouette with its mirror image about the box's vertical axis. */
  symmetry: number;
  /** Mean width of the top quarter over that of the bottom quarter: below 1 the form narrows upward. */
  taper: number;
  /** Total widening met while climbing the (smoothed) profile, as a share of the widest row. */
  rise: number;
  /** RMS distance of the half-width profile from its best straight line, as a share of the widest row. */
  curvature: number;
}

export interface Silhouette {
  kind: ShapeKind;
  rows: RowSpan[];
  metrics: SilhouetteMetrics;
}

/** Lofts (sweep, revolve) describe a row by one span, so nearly every row must be a single run. */
const MIN_SINGLE_RUN_SHARE = 0.97;
const TOWER_MIN_ASPECT = 1.6;
const TOWER_MAX_TAPER = 0.8;
const TOWER_MAX_RISE = 0.25;
/** A short form with straight, converging sides (a pyramid) is also a square sweep. */
const PYRAMID_MAX_TAPER = 0.6;
const PYRAMID_MAX_CURVATURE = 0.02;
const ROUND_MIN_SYMMETRY = 0.9;
const ROUND_MIN_CURVATURE = 0.025;

/** Measures a cropped subject mask row by row and picks the reconstruction that fits its outline. */
export function analyseSilhouette(mask: Mask): Silhouette {
  const { width, height, data } = mask;
  const rows: RowSpan[] = [];
  let singleRuns = 0;
  let emptyRows = 0;
  for (let y = 0; y < height; y++) {
    let left = -1;
    let right = -1;
    let runs = 0;
    for (let x = 0; x < width; x++) {
      if (!data[y * width + x]) continue;
      if (x === 0 || !data[y * width + x - 1]) runs++;
      if (left < 0) left = x;
      right = x + 1;
    }
    if (runs === 1) singleRuns++;
    if (runs === 0) emptyRows++;
    rows.push(runs ? { left, right } : { left: width / 2, right: width / 2 });
  }

  const widths = rows.map((r) => r.right - r.left);
  const maxWidth = Math.max(...widths);
  const quarter = Math.max(1, Math.round(height / 4));
  const metrics: SilhouetteMetrics = {
    aspect: height / width,
    singleRunShare: singleRuns / height,
    symmetry: mirrorIoU(mask),
    taper: mean(widths.slice(0, quarter)) / Math.max(1e-9, mean(widths.slice(height - quarter))),
    rise: rise(widths) / maxWidth,
    curvature: lineResidual(widths) / 2 / maxWidth,
  };
  return { kind: emptyRows ? "extrude" : chooseKind(metrics), rows, metrics };
}

function chooseKind(m: SilhouetteMetrics): ShapeKind {
  if (m.singleRunShare < MIN_SINGLE_RUN_SHARE) return "extrude";
  const tower = m.aspect >= TOWER_MIN_ASPECT && m.taper <= TOWER_MAX_TAPER && m.rise <= TOWER_MAX_RISE;
  const pyramid = m.taper <= PYRAMID_MAX_TAPER && m.rise <= TOWER_MAX_RISE && m.curvature <= PYRAMID_MAX_CURVATURE;
  if (tower || pyramid) return "sweep";
  if (m.symmetry >= ROUND_MIN_SYMMETRY && m.curvature >= ROUND_MIN_CURVATURE) return "revolve";
  return "extrude";
}

function mirrorIoU({ width, height, data }: Mask): number {
  let both = 0;
  let either = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const a = data[y * width + x]!;
      const b = data[y * width + width - 1 - x]!;
      both += a & b;
      either += a | b;
    }
  }
  return either ? both / either : 0;
}

/** Sum of increases in width going up the profile, after a 5-row moving average hides pixel staircase noise. */
function rise(widths: number[]): number {
  const smooth = widths.map((_, i) => mean(widths.slice(Math.max(0, i - 2), i + 3)));
  let total = 0;
  for (let y = smooth.length - 1; y > 0; y--) total += Math.max(0, smooth[y - 1]! - smooth[y]!);
  return total;
}

/** RMS residual of the least-squares line through widths[y]. */
function lineResidual(widths: number[]): number {
  const n = widths.length;
  const my = (n - 1) / 2;
  const mw = mean(widths);
  let sxy = 0;
  let sxx = 0;
  widths.forEach((w, y) => {
    sxy += (y - my) * (w - mw);
    sxx += (y - my) * (y - my);
  });
  const slope = sxx ? sxy / sxx : 0;
  let sse = 0;
  widths.forEach((w, y) => {
    const e = w - (mw + slope * (y - my));
    sse += e * e;
  });
  return Math.sqrt(sse / n);
}

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}
