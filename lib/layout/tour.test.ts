import { describe, expect, it } from "vitest";
import { arrangeGallery, EYE_HEIGHT } from "./layout";
import { angleDelta, dwellFor, easeInOut, goToStop, lookAt, startTour, stepTour, TOUR_FOV, travelTime, viewpointFor, type Pose, type TourEvent, type TourStop } from "./tour";

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

describe("viewpointFor frames the exhibit from its bounds", () => {
  it("stands back far enough that the model fills at most about two thirds of the view's height", () => {
    const tanHalf = Math.tan(((TOUR_FOV / 2) * Math.PI) / 180);
    for (const it of items) {
      const v = viewpointFor(it, hall);
      const [px, , pz] = it.placement.position;
      const dist = Math.hypot(v.x - px, v.z - pz);
      const visibleHeight = 2 * dist * tanHalf;
      // Unless a wall stopped it, the framed height (model + a sliver of plinth) takes ≤ 65 % of the view.
      const clamped = v.x <= hall.minX + 0.51 || v.x >= hall.maxX - 0.51 || v.z <= hall.minZ + 0.51 || v.z >= hall.maxZ - 0.51;
      if (!clamped) expect((it.footprint.modelHeight + 0.3) / visibleHeight).toBeLessThan(0.65);
    }
  });

  it("a taller exhibit is framed from further away", () => {
    const small = items[0]!;
    const tall = { ...small, footprint: { ...small.footprint, modelHeight: small.footprint.modelHeight * 3 } };
    const d = (p: Pose) => Math.hypot(p.x - small.placement.position[0], p.z - small.placement.position[2]);
    expect(d(viewpointFor(tall, { ...hall, minZ: -100, maxZ: 100, minX: -100, maxX: 100 }))).toBeGreaterThan(
      d(viewpointFor(small, { ...hall, minZ: -100, maxZ: 100, minX: -100, maxX: 100 })),
    );
  });
});

describe("dwellFor / travelTime / easeInOut", () => {
  it("dwells longer for a longer caption, within bounds", () => {
    expect(dwellFor("")).toBe(4);
    expect(dwellFor("x".repeat(80))).toBeGreaterThan(dwellFor("x".repeat(20)));
    expect(dwellFor("x".repeat(5000))).toBe(10);
  });

  it("a cut takes no time; a flight takes a few seconds", () => {
    const a: Pose = { x: 0, z: 0, yaw: 0, pitch: 0 };
    const b: Pose = { x: 6, z: -4, yaw: 1, pitch: 0 };
    expect(travelTime(a, b, true)).toBe(0);
    expect(travelTime(a, b, false)).toBeGreaterThanOrEqual(2);
    expect(travelTime(a, b, false)).toBeLessThanOrEqual(7);
  });

  it("eases in and out, monotonically, from 0 to 1", () => {
    expect(easeInOut(0)).toBe(0);
    expect(easeInOut(1)).toBe(1);
    expect(easeInOut(0.5)).toBeCloseTo(0.5);
    expect(easeInOut(0.1)).toBeLessThan(0.1);
    expect(easeInOut(0.9)).toBeGreaterThan(0.9);
    for (let u = 0; u < 1; u += 0.01) expect(easeInOut(u + 0.01)).toBeGreaterThanOrEqual(easeInOut(u));
  });
});

describe("the tour's state machine", () => {
  const start: Pose = { x: 0, z: 2, yaw: 0, pitch: 0 };
  const stops: TourStop[] = items.map((it) => ({ id: it.id, pose: viewpointFor(it, hall), dwell: 3 }));
  const pose = (): Pose => ({ x: 0, z: 0, yaw: 0, pitch: 0 });

  /** Runs the tour at 60 frames a second until `until` says stop (or a time limit), collecting its events. */
  function run(state: ReturnType<typeof startTour>, seconds: number, until: (e: TourEvent) => boolean = () => false) {
    const out = pose();
    const events: TourEvent[] = [];
    for (let t = 0; t < seconds; t += 1 / 60) {
      const e = stepTour(state, stops, 1 / 60, out);
      if (e) {
        events.push(e);
        if (until(e)) break;
      }
    }
    return { events, out };
  }

  it("visits every stop in order, arriving exactly at each, and ends after the last dwell", () => {
    const state = startTour(start, stops);
    const { events, out } = run(state, 120, (e) => e.type === "end");
    expect(events.filter((e) => e.type === "arrive").map((e) => (e as { index: number }).index)).toEqual([0, 1, 2, 3]);
    expect(events.at(-1)).toEqual({ type: "end" });
    expect(state.done).toBe(true);
    expect(out.x).toBeCloseTo(stops[3]!.pose.x);
    expect(out.z).toBeCloseTo(stops[3]!.pose.z);
  });

  it("glides smoothly: no jumps between frames", () => {
    const state = startTour(start, stops);
    const prev = pose();
    const out = pose();
    stepTour(state, stops, 0, prev);
    for (let i = 0; i < 60 * 40 && !state.done; i++) {
      stepTour(state, stops, 1 / 60, out);
      expect(Math.hypot(out.x - prev.x, out.z - prev.z)).toBeLessThan(0.1);
      expect(Math.abs(angleDelta(prev.yaw, out.yaw))).toBeLessThan(0.1);
      Object.assign(prev, out);
    }
  });

  it("paused, it still arrives but stays at the stop; resumed, it moves on", () => {
    const state = startTour(start, stops);
    state.paused = true;
    const { events } = run(state, 60);
    expect(events).toEqual([{ type: "arrive", index: 0 }]);
    expect(state.dwelt).toBe(0);
    state.paused = false;
    expect(run(state, 60, (e) => e.type === "leave").events).toEqual([{ type: "leave", index: 1 }]);
  });

  it("next and previous fly from where the camera is, and clamp at the ends", () => {
    const state = startTour(start, stops);
    const { out } = run(state, 0.5);
    goToStop(state, stops, state.index + 1, out);
    expect(state.index).toBe(1);
    expect(state.from).toEqual(out);
    expect(run(state, 30, (e) => e.type === "arrive").events).toEqual([{ type: "arrive", index: 1 }]);
    goToStop(state, stops, -1, out);
    expect(state.index).toBe(0);
    goToStop(state, stops, 99, out);
    expect(state.index).toBe(3);
  });

  it("with reduced motion, each stop is a cut: the first step is already there", () => {
    const state = startTour(start, stops, { cut: true });
    const out = pose();
    expect(stepTour(state, stops, 1 / 60, out)).toEqual({ type: "arrive", index: 0 });
    expect(out.x).toBeCloseTo(stops[0]!.pose.x);
    const { events } = run(state, 10, (e) => e.type === "arrive");
    expect(events).toEqual([{ type: "leave", index: 1 }, { type: "arrive", index: 1 }]);
  });

  it("an empty tour is done at once", () => {
    expect(startTour(start, []).done).toBe(true);
    expect(stepTour(startTour(start, []), [], 1, pose())).toBeNull();
  });
});
