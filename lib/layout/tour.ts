// The guided tour as a pure function of time: glide to a viewpoint in front of each exhibit, pause, move on.
// The scene samples it each frame, so the tour is deterministic and testable without a renderer.
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
}

export interface TourLeg {
  id: string;
  from: Pose;
  to: Pose;
  start: number;
  travel: number;
  pause: number;
}

export interface TourPlan {
  legs: TourLeg[];
  duration: number;
}

export interface TourSample {
  /** Index of the leg under way (or the last one once done). */
  index: number;
  /** At the stop, pausing. */
  arrived: boolean;
  done: boolean;
}

const SPEED = 1.4;
const MIN_TRAVEL = 1.8;
const TURN_RATE = 1.2;
const TOUR_PAUSE = 3.5;

/** Looking from (x, EYE_HEIGHT, z) at a point. */
export function lookAt(x: number, z: number, tx: number, ty: number, tz: number): Pose {
  const dx = tx - x;
  const dz = tz - z;
  return { x, z, yaw: Math.atan2(-dx, -dz), pitch: Math.atan2(ty - EYE_HEIGHT, Math.hypot(dx, dz)) };
}

/** In front of the exhibit, far enough back to see all of it, inside the walls. */
export function viewpointFor(item: ArrangedExhibit, hall: Hall): Pose {
  const { footprint, placement } = item;
  const [px, , pz] = placement.position;
  const fx = Math.sin(placement.rotationY);
  const fz = Math.cos(placement.rotationY);
  const dist = Math.max(2.2, footprint.radius + 1 + footprint.modelHeight * 0.7);
  const margin = 0.5;
  const x = Math.min(hall.maxX - margin, Math.max(hall.minX + margin, px + fx * dist));
  const z = Math.min(hall.maxZ - margin, Math.max(hall.minZ + margin, pz + fz * dist));
  return lookAt(x, z, px, footprint.plinthHeight + footprint.modelHeight * 0.5, pz);
}

/** Shortest signed turn from a to b. */
export function angleDelta(a: number, b: number): number {
  let d = (b - a) % (2 * Math.PI);
  if (d > Math.PI) d -= 2 * Math.PI;
  if (d < -Math.PI) d += 2 * Math.PI;
  return d;
}

export function planTour(start: Pose, stops: readonly TourStop[], pause = TOUR_PAUSE): TourPlan {
  const legs: TourLeg[] = [];
  let from = start;
  let t = 0;
  for (const stop of stops) {
    const dist = Math.hypot(stop.pose.x - from.x, stop.pose.z - from.z);
    const turn = Math.abs(angleDelta(from.yaw, stop.pose.yaw));
    const travel = Math.max(MIN_TRAVEL, dist / SPEED, turn / TURN_RATE);
    legs.push({ id: stop.id, from, to: stop.pose, start: t, travel, pause });
    t += travel + pause;
    from = stop.pose;
  }
  return { legs, duration: t };
}

const ease = (u: number) => u * u * (3 - 2 * u);

/** Writes the pose at time t into `out` (no allocation per frame). */
export function sampleTour(plan: TourPlan, t: number, out: Pose): TourSample {
  const { legs } = plan;
  if (legs.length === 0) return { index: -1, arrived: false, done: true };
  let index = legs.length - 1;
  for (let i = 0; i < legs.length; i++) {
    const leg = legs[i]!;
    if (t < leg.start + leg.travel + leg.pause) {
      index = i;
      break;
    }
  }
  const leg = legs[index]!;
  const u = Math.min(1, Math.max(0, (t - leg.start) / leg.travel));
  const e = ease(u);
  out.x = leg.from.x + (leg.to.x - leg.from.x) * e;
  out.z = leg.from.z + (leg.to.z - leg.from.z) * e;
  out.yaw = leg.from.yaw + angleDelta(leg.from.yaw, leg.to.yaw) * e;
  out.pitch = leg.from.pitch + (leg.to.pitch - leg.from.pitch) * e;
  return { index, arrived: u >= 1, done: t >= plan.duration };
}
