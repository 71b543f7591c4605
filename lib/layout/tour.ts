// The guided tour as pure maths: where to stand to frame each exhibit, and a small state machine that flies from
// stop to stop (eased), dwells long enough to read the caption, advances by itself, and can be paused, sent to
// the next or previous stop, or told to cut instead of fly (prefers-reduced-motion). The scene steps it once per
// frame with the frame's time; nothing here knows about a renderer, so it is tested without one.
import { EYE_HEIGHT, type ArrangedExhibit, type Hall } from "./layout";

/** A camera pose: eye at (x, EYE_HEIGHT, z); yaw about Y (0 looks down −Z), pitch up positive. */
export interface Pose {
  x: number;
  z: number;
  yaw: number;
  pitch: number;
}

export interface TourStop {
  id: string;
  pose: Pose;
  /** Seconds to stay once arrived (long enough to read the caption). */
  dwell: number;
}

/** The scene's vertical field of view, degrees (components/hall/gallery-scene.tsx). */
export const TOUR_FOV = 60;

const SPEED = 1.6;
const MIN_TRAVEL = 2;
const MAX_TRAVEL = 7;
const TURN_RATE = 1.1;
/** Share of the view's height the framed exhibit fills. */
const FILL = 0.62;
const MIN_DWELL = 4;
const MAX_DWELL = 10;
const READING_CHARS_PER_SECOND = 18;

/** Looking from (x, EYE_HEIGHT, z) at a point. */
export function lookAt(x: number, z: number, tx: number, ty: number, tz: number): Pose {
  const dx = tx - x;
  const dz = tz - z;
  return { x, z, yaw: Math.atan2(-dx, -dz), pitch: Math.atan2(ty - EYE_HEIGHT, Math.hypot(dx, dz)) };
}

/**
 * In front of the exhibit, framed from its bounds: far enough back that the model and the top of its plinth fill
 * about FILL of the view's height (and its width fits), never closer than a step from the plinth, inside the walls.
 */
export function viewpointFor(item: ArrangedExhibit, hall: Hall, fovDeg = TOUR_FOV): Pose {
  const { footprint, placement } = item;
  const [px, , pz] = placement.position;
  const fx = Math.sin(placement.rotationY);
  const fz = Math.cos(placement.rotationY);
  const tanHalf = Math.tan(((fovDeg / 2) * Math.PI) / 180);
  // What is framed: the model plus a sliver of plinth, and its width (the plinth's diagonal at most).
  const framedHeight = footprint.modelHeight + 0.3;
  const framedWidth = footprint.radius * 2;
  const forHeight = framedHeight / 2 / (tanHalf * FILL);
  const forWidth = framedWidth / 2 / (tanHalf * FILL);
  const dist = Math.max(footprint.radius + 1, forHeight, forWidth, 2.2);
  const margin = 0.5;
  const x = Math.min(hall.maxX - margin, Math.max(hall.minX + margin, px + fx * dist));
  const z = Math.min(hall.maxZ - margin, Math.max(hall.minZ + margin, pz + fz * dist));
  return lookAt(x, z, px, footprint.plinthHeight + footprint.modelHeight * 0.5, pz);
}

/** How long to stay at an exhibit: a few seconds, more for a longer caption. */
export function dwellFor(caption: string): number {
  return Math.min(MAX_DWELL, Math.max(MIN_DWELL, 2.5 + caption.length / READING_CHARS_PER_SECOND));
}

/** Shortest signed turn from a to b. */
export function angleDelta(a: number, b: number): number {
  let d = (b - a) % (2 * Math.PI);
  if (d > Math.PI) d -= 2 * Math.PI;
  if (d < -Math.PI) d += 2 * Math.PI;
  return d;
}

/** Seconds to fly from one pose to another: by distance and by turn, within bounds; 0 for a cut. */
export function travelTime(from: Pose, to: Pose, cut: boolean): number {
  if (cut) return 0;
  const dist = Math.hypot(to.x - from.x, to.z - from.z);
  const turn = Math.abs(angleDelta(from.yaw, to.yaw));
  if (dist < 0.01 && turn < 0.01) return 0;
  return Math.min(MAX_TRAVEL, Math.max(MIN_TRAVEL, dist / SPEED, turn / TURN_RATE));
}

/** Slow in, slow out. */
export function easeInOut(u: number): number {
  return u < 0.5 ? 4 * u * u * u : 1 - Math.pow(-2 * u + 2, 3) / 2;
}

export interface TourState {
  /** The stop being flown to or shown. */
  index: number;
  /** Where the current leg started. */
  from: Pose;
  /** Seconds of flight for this leg (0: a cut). */
  travel: number;
  /** Seconds into this leg's flight. */
  flown: number;
  /** Seconds spent at the stop since arriving (does not grow while paused). */
  dwelt: number;
  /** Auto-advance held: the tour stays at the stop it reaches. */
  paused: boolean;
  /** Flights become cuts. */
  cut: boolean;
  arrived: boolean;
  done: boolean;
}

export type TourEvent = { type: "leave"; index: number } | { type: "arrive"; index: number } | { type: "end" };

function leg(state: TourState, from: Pose, to: Pose, index: number): void {
  state.index = index;
  state.from = { ...from };
  state.travel = travelTime(from, to, state.cut);
  state.flown = 0;
  state.dwelt = 0;
  state.arrived = false;
}

export function startTour(from: Pose, stops: readonly TourStop[], options: { cut?: boolean; index?: number } = {}): TourState {
  const state: TourState = { index: 0, from: { ...from }, travel: 0, flown: 0, dwelt: 0, paused: false, cut: options.cut ?? false, arrived: false, done: stops.length === 0 };
  if (stops.length) {
    const index = Math.min(stops.length - 1, Math.max(0, options.index ?? 0));
    leg(state, from, stops[index]!.pose, index);
  }
  return state;
}

/** Writes the pose of the current leg into `out` (no allocation). */
export function tourPose(state: TourState, stops: readonly TourStop[], out: Pose): Pose {
  const to = stops[state.index]?.pose;
  if (!to) return Object.assign(out, state.from);
  const u = state.travel > 0 ? Math.min(1, state.flown / state.travel) : 1;
  const e = easeInOut(u);
  const from = state.from;
  out.x = from.x + (to.x - from.x) * e;
  out.z = from.z + (to.z - from.z) * e;
  out.yaw = from.yaw + angleDelta(from.yaw, to.yaw) * e;
  out.pitch = from.pitch + (to.pitch - from.pitch) * e;
  return out;
}

/**
 * Advances the tour by dt seconds and writes the camera pose into `out`. Returns what happened in this step
 * (at most one event: arriving at a stop, leaving it for the next, or the end after the last stop's dwell).
 * `stops` may grow while touring (exhibits arriving): the tour follows the list as it is at each step.
 */
export function stepTour(state: TourState, stops: readonly TourStop[], dt: number, out: Pose): TourEvent | null {
  if (state.done || stops.length === 0) {
    tourPose(state, stops, out);
    return null;
  }
  if (state.index >= stops.length) state.index = stops.length - 1;
  let event: TourEvent | null = null;
  if (!state.arrived) {
    state.flown += dt;
    if (state.flown >= state.travel) {
      state.flown = state.travel;
      state.arrived = true;
      event = { type: "arrive", index: state.index };
    }
  } else if (!state.paused) {
    state.dwelt += dt;
    if (state.dwelt >= stops[state.index]!.dwell) {
      if (state.index + 1 < stops.length) {
        const here = tourPose(state, stops, { x: 0, z: 0, yaw: 0, pitch: 0 });
        leg(state, here, stops[state.index + 1]!.pose, state.index + 1);
        event = { type: "leave", index: state.index };
      } else {
        state.done = true;
        event = { type: "end" };
      }
    }
  }
  tourPose(state, stops, out);
  return event;
}

/** Flies (or cuts) from where the camera is now to stop `index` (clamped); keeps the paused flag. */
export function goToStop(state: TourState, stops: readonly TourStop[], index: number, current: Pose): void {
  if (stops.length === 0) return;
  const i = Math.min(stops.length - 1, Math.max(0, index));
  state.done = false;
  leg(state, current, stops[i]!.pose, i);
}
