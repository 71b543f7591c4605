import "server-only";
import type { Box, Rect } from "../shape/mask";

/** Every relief stands exactly this tall (metres): the gallery sizes exhibits by height. */
export const RELIEF_HEIGHT = 2;
/** Grid samples along the plaque's longer side. 144² vertices keep a GLB near 1 MB with its texture. */
export const GRID_SAMPLES = 144;

/** Empty plate kept round the subject on every side, as a share of the plaque's height. */
const MARGIN = 0.08;
/** A plaque is never wider than this many times its height (a wide subject gets more plate above and below)… */
const MAX_ASPECT = 2;
/** …nor narrower than this (a needle on a sliver of plate would topple and read as a stick). */
const MIN_ASPECT = 0.4;
/** Total depth as a share of the plaque's width, and at least this many metres: depth ≥ 20% of width, with room. */
const DEPTH_PER_WIDTH = 0.22;
const MIN_DEPTH = 0.3;
/** Of that depth, the flat plate behind the subject; the rest is the subject's relief. */
const PLATE_SHARE = 0.3;
/** The raised frame round the plaque's edge: width as a share of the height, height as a share of the relief. */
const FRAME_WIDTH = 0.045;
const FRAME_HEIGHT = 0.2;
/** Corner radius as a share of the height. */
const CORNER = 0.05;

/**
 * Where the plaque lies on the picture and how big it is in the model. As a Rect, the plaque on the analysis
 * grid; it may reach past the picture's edges.
 */
export interface PlaqueLayout extends Rect {
  /** Model size in metres: width (x), height (y), total depth (z). */
  W: number;
  H: number;
  depth: number;
  /** Thickness of the flat plate, and the height the subject rises above it at most (metres; sum = depth). */
  plate: number;
  relief: number;
  /** The raised frame: width from the edge inward and height above the plate (metres). */
  frameWidth: number;
  frameHeight: number;
  /** Radius of the rounded corners (metres). */
  corner: number;
  /** Grid samples across (x) and up (y). */
  nx: number;
  ny: number;
}

/**
 * Sizes a plaque round the subject's bounding box on the analysis grid: the subject centred with a margin of
 * plate on every side (more above and below for a very wide subject, more at the sides for a needle), then
 * scaled so the plaque is RELIEF_HEIGHT metres tall. The grid keeps cells square.
 */
export function layoutPlaque(box: Box, samples = GRID_SAMPLES): PlaqueLayout {
  const subjectWidth = box.x1 - box.x0;
  const subjectHeight = box.y1 - box.y0;
  let height = subjectHeight / (1 - 2 * MARGIN);
  let width = subjectWidth + 2 * MARGIN * height;
  if (width > MAX_ASPECT * height) height = width / MAX_ASPECT;
  if (width < MIN_ASPECT * height) width = MIN_ASPECT * height;
  const cx = (box.x0 + box.x1) / 2;
  const cy = (box.y0 + box.y1) / 2;

  const H = RELIEF_HEIGHT;
  const W = (width / height) * H;
  const depth = Math.max(DEPTH_PER_WIDTH * W, MIN_DEPTH);
  const plate = PLATE_SHARE * depth;
  const relief = depth - plate;
  const longer = Math.max(W, H);
  return {
    x0: cx - width / 2,
    y0: cy - height / 2,
    width,
    height,
    W,
    H,
    depth,
    plate,
    relief,
    frameWidth: FRAME_WIDTH * H,
    frameHeight: FRAME_HEIGHT * relief,
    corner: CORNER * Math.min(W, H),
    nx: Math.max(8, Math.round(((samples - 1) * W) / longer) + 1),
    ny: Math.max(8, Math.round(((samples - 1) * H) / longer) + 1),
  };
}
