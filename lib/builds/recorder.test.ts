// The recorder writes a build's events in the order they were emitted. An event keeps the time it was emitted,
// however long its write waits behind the others (the scale suite orders calls across workers by these times),
// and what piles up during a write goes in the next one, all at once.
import { afterAll, afterEach, expect, it, vi } from "vitest";
import { closeDbs } from "@/lib/db/connection";
import { createBuild } from "@/lib/db/builds";
import * as events from "@/lib/db/events";
import { createGallery } from "@/lib/db/galleries";
import { makeTempDataDir } from "@/lib/db/testing/temp-dir";
import type { BuildEvent, EmittedEvent } from "@/lib/contracts/build-events";
import { subscribe } from "./bus";
import { createRecorder } from "./recorder";

// The real appends, watched: each call is one transaction.
const appends = vi.hoisted(() => ({ sizes: [] as number[], failNext: 0 }));
vi.mock("@/lib/db/events", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/db/events")>();
  return {
    ...real,
    appendCheckedEvents: async (...args: Parameters<typeof real.appendCheckedEvents>) => {
      appends.sizes.push(args[1].length);
      if (appends.failNext > 0) {
        appends.failNext--;
        throw new Error("the database is gone for a moment");
      }
      return real.appendCheckedEvents(...args);
    },
  };
});

const temp = makeTempDataDir("vernissage-recorder-");
afterAll(async () => {
  await closeDbs();
  temp.cleanup();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  appends.sizes = [];
  appends.failNext = 0;
});

const delta = (i: number): EmittedEvent => ({ type: "thought.delta", payload: { step: i, phase: "plan", delta: `${i} ` } });
const step = (e: BuildEvent) => (e.type === "thought.delta" ? e.payload.step : null);

async function newBuild() {
  const { id: galleryId } = await createGallery({ title: "t", goal: "g" });
  const build = await createBuild({ galleryId, kind: "gallery", goal: "g" });
  return { galleryId, buildId: build.id };
}

it("stamps each event when it is emitted, not when its write comes round, and keeps their order", async () => {
  const { galleryId, buildId } = await newBuild();
  const recorder = createRecorder(buildId, galleryId);
  vi.useFakeTimers({ toFake: ["Date"] });
  const t0 = Date.parse("2026-01-01T10:00:00.000Z");
  vi.setSystemTime(t0);
  recorder.emit(delta(0));
  vi.setSystemTime(t0 + 40);
  recorder.emit(delta(1));
  // Both writes are still waiting: by the time they run, the clock has moved on a long way.
  vi.setSystemTime(t0 + 60_000);
  await recorder.flush();
  const stored = await events.eventsSince(buildId);
  expect(stored.map((e) => [e.seq, e.at])).toEqual([
    [1, new Date(t0).toISOString()],
    [2, new Date(t0 + 40).toISOString()],
  ]);
});

it("writes what piles up during a write in the next one, at most MAX_EVENTS_PER_APPEND at a time, and publishes every event in order", async () => {
  const { galleryId, buildId } = await newBuild();
  const published: number[] = [];
  const unsubscribe = subscribe(galleryId, (m) => {
    if (m.type === "event") published.push(m.event.seq);
  });
  const recorder = createRecorder(buildId, galleryId);
  const n = events.MAX_EVENTS_PER_APPEND + 50;
  // A streamed thought: token after token, faster than the database can take them one by one.
  for (let i = 0; i < n; i++) recorder.emit(delta(i));
  await recorder.flush();
  unsubscribe();
  // The first event goes at once; the rest piled up behind it.
  expect(appends.sizes).toEqual([1, events.MAX_EVENTS_PER_APPEND, n - 1 - events.MAX_EVENTS_PER_APPEND]);
  const stored = await events.eventsSince(buildId);
  expect(stored.map((e) => e.seq)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  expect(stored.map(step)).toEqual(Array.from({ length: n }, (_, i) => i));
  expect(published).toEqual(stored.map((e) => e.seq));

  // Later emits start a new writer.
  recorder.emit(delta(n));
  await recorder.flush();
  expect((await events.eventsSince(buildId, n)).map(step)).toEqual([n]);
});

it("reports a failed write at flush, and goes on recording after it without a gap in the numbers", async () => {
  const { galleryId, buildId } = await newBuild();
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});
  const recorder = createRecorder(buildId, galleryId);
  appends.failNext = 1;
  recorder.emit(delta(0));
  recorder.emit(delta(1));
  recorder.emit(delta(2));
  await expect(recorder.flush()).rejects.toThrow(/gone for a moment/);
  expect(errors).toHaveBeenCalledWith(expect.stringContaining(`could not record a thought.delta event of build ${buildId}`), expect.any(Error));
  // The first write (event 0) was lost; the two behind it were written, numbered from 1.
  const stored = await events.eventsSince(buildId);
  expect(stored.map((e) => [e.seq, step(e)])).toEqual([
    [1, 1],
    [2, 2],
  ]);
  recorder.emit(delta(3));
  await expect(recorder.flush()).resolves.toBeUndefined();
  expect((await events.eventsSince(buildId)).map((e) => e.seq)).toEqual([1, 2, 3]);
});
