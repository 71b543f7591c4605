import { describe, expect, it } from "vitest";
import { arrangeGallery, EYE_HEIGHT } from "./layout";
import { angleDelta, lookAt, planTour, sampleTour, viewpointFor, type Pose } from "./tour";

const unplaced = { position: [0, 0, 0] as [number, number, number], rotationY: 0, scale: 1 };
const { hall, items } = arrangeGallery([0, 1, 2, 3].map((i) => ({ id: `e${i}`, order: i, height: 1 + i * 0.5, placement: unplaced })));

describe("lookAt / angleDelta", () => {
  it("yaw 0 looks down −Z; yaw π/2 looks down −X", () => {
    expect(lookAt(0, 0, 0, EYE_HEIGHT, -5).yaw).toBeCloseTo(0);
    expect(lookAt(0, 0, -5, EYE_HEIGHT, 0).yaw).toBeCloseTo(Math.PI / 2);
    expect(lookAt(0, 0, 0, 0, -1.6).pitch).toBeCloseTo(-Math.PI / 4);
  });

  it("turns the short way round", () => {
    expect(angleDelta(3, -3)).toBeCloseTo(2 * Math.PI - 6);
    expect(angleDelta(-3, 3)).toBeCloseTo(6 - 2 * Math.PI);
  });
});

describe("viewpointFor", () => {
  it("stands in front of each exhibit, inside the hall, clear of its plinth, looking at it", () => {
    for (const it of items) {
      const v = viewpointFor(it, hall);
      const [px, , pz] = it.placement.position;
      expect(v.x).toBeGreaterThan(hall.minX);
      expect(v.x).toBeLessThan(hall.maxX);
      expect(Math.hypot(v.x - px, v.z - pz)).toBeGreaterThan(it.footprint.radius + 0.5);
      // Looking towards the exhibit: the view direction points at it.
      const dx = -Math.sin(v.yaw);
      const dz = -Math.cos(v.yaw);
      expect(dx * (px - v.x) + dz * (pz - v.z)).toBeGreaterThan(0);
    }
  });
});

describe("planTour / sampleTour", () => {
  const start: Pose = { x: 0, z: 2, yaw: 0, pitch: 0 };
  const stops = items.map((it) => ({ id: it.id, pose: viewpointFor(it, hall) }));
  const plan = planTour(start, stops, 3);

  it("visits every stop in order with a pause at each", () => {
    expect(plan.legs.map((l) => l.id)).toEqual(["e0", "e1", "e2", "e3"]);
    const last = plan.legs.at(-1)!;
    expect(plan.duration).toBeCloseTo(last.start + last.travel + 3);
  });

  it("starts at the start pose, arrives exactly at each stop and pauses there", () => {
    const out: Pose = { x: 0, z: 0, yaw: 0, pitch: 0 };
    expect(sampleTour(plan, 0, out)).toEqual({ index: 0, arrived: false, done: false });
    expect(out).toEqual(start);
    const leg = plan.legs[1]!;
    const s = sampleTour(plan, leg.start + leg.travel + 1, out);
    expect(s).toEqual({ index: 1, arrived: true, done: false });
    expect(out.x).toBeCloseTo(leg.to.x);
    expect(out.z).toBeCloseTo(leg.to.z);
  });

  it("glides smoothly: no jumps between nearby samples", () => {
    const a: Pose = { x: 0, z: 0, yaw: 0, pitch: 0 };
    const b: Pose = { ...a };
    for (let t = 0; t < plan.duration; t += 0.05) {
      sampleTour(plan, t, a);
      sampleTour(plan, t + 1 / 60, b);
      expect(Math.hypot(a.x - b.x, a.z - b.z)).toBeLessThan(0.1);
      expect(Math.abs(angleDelta(a.yaw, b.yaw))).toBeLessThan(0.1);
    }
  });

  it("reports the end, and an empty tour is done at once", () => {
    const out: Pose = { x: 0, z: 0, yaw: 0, pitch: 0 };
    expect(sampleTour(plan, plan.duration + 1, out).done).toBe(true);
    expect(sampleTour(planTour(start, []), 0, out).done).toBe(true);
  });
});
