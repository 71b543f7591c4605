// Tests only: splats built in code — random ones for format round trips, and a standing "tower" (broad base,
// narrow top) for the upright and framing checks, written Y down as image-to-splat models write them.
import { seededRandom } from "@/lib/platform/seeded-random";
import { allocateCloud, logit, shCoefficients, type SplatCloud } from "../cloud";

export const rng = seededRandom;

/** Random Gaussians in a unit-ish box, with every attribute exercised (and higher SH when asked). */
export function randomCloud(count: number, seed = 1, shDegree: 0 | 1 | 2 | 3 = 0): SplatCloud {
  const r = rng(seed);
  const cloud = allocateCloud(count, shDegree);
  for (let i = 0; i < count; i++) {
    for (let a = 0; a < 3; a++) {
      cloud.positions[i * 3 + a] = (r() - 0.5) * 4;
      cloud.colors[i * 3 + a] = (r() - 0.5) * 3;
      cloud.scales[i * 3 + a] = -6 + 4 * r();
    }
    cloud.opacities[i] = logit(0.05 + 0.9 * r());
    const q = [r() - 0.5, r() - 0.5, r() - 0.5, r() - 0.5];
    cloud.rotations.set(q, i * 4);
  }
  if (cloud.sh) {
    const k = 3 * shCoefficients(shDegree);
    for (let i = 0; i < count * k; i++) cloud.sh.coefficients[i] = (r() - 0.5) * 0.8;
  }
  return cloud;
}

/**
 * A tower of `count` Gaussians: a square section narrowing from 1 unit wide at its base to 0.2 at its top,
 * 3 units tall, centred at `centre`, with Y pointing DOWN (its base at the largest y), as TripoSplat writes.
 */
export function yDownTower(count: number, centre: [number, number, number] = [5, -2, 3], seed = 2): SplatCloud {
  const r = rng(seed);
  const cloud = allocateCloud(count);
  for (let i = 0; i < count; i++) {
    const h = r(); // 0 at the base, 1 at the top
    const half = 0.5 - 0.4 * h;
    cloud.positions[i * 3] = centre[0] + (r() * 2 - 1) * half;
    cloud.positions[i * 3 + 1] = centre[1] + 1.5 - 3 * h; // y down: the top has the smallest y
    cloud.positions[i * 3 + 2] = centre[2] + (r() * 2 - 1) * half;
    cloud.scales.set([-4, -4, -5], i * 3);
    cloud.opacities[i] = logit(0.9);
    cloud.colors.set([0.5, 0.2, -0.3], i * 3);
  }
  return cloud;
}
