// The recorder writes a build's events one after another; an event must keep the time it was emitted, however
// long its write waits behind the others (the scale suite orders calls across workers by these times).
import { afterAll, afterEach, expect, it, vi } from "vitest";
import { closeDbs } from "@/lib/db/connection";
import { createBuild } from "@/lib/db/builds";
import { eventsSince } from "@/lib/db/events";
import { createGallery } from "@/lib/db/galleries";
import { makeTempDataDir } from "@/lib/db/testing/temp-dir";
import { createRecorder } from "./recorder";

const temp = makeTempDataDir("vernissage-recorder-");
afterAll(async () => {
  await closeDbs();
  temp.cleanup();
});
afterEach(() => {
  vi.useRealTimers();
});

it("stamps each event when it is emitted, not when its write comes round, and keeps their order", async () => {
  const { id: galleryId } = await createGallery({ title: "t", goal: "g" });
  const build = await createBuild({ galleryId, kind: "gallery", goal: "g" });
  const recorder = createRecorder(build.id, galleryId);
  vi.useFakeTimers({ toFake: ["Date"] });
  const t0 = Date.parse("2026-01-01T10:00:00.000Z");
  vi.setSystemTime(t0);
  recorder.emit({ type: "thought.delta", payload: { step: 0, phase: "plan", delta: "a" } });
  vi.setSystemTime(t0 + 40);
  recorder.emit({ type: "thought.delta", payload: { step: 0, phase: "plan", delta: "b" } });
  // Both writes are still waiting: by the time they run, the clock has moved on a long way.
  vi.setSystemTime(t0 + 60_000);
  await recorder.flush();
  const events = await eventsSince(build.id);
  expect(events.map((e) => [e.seq, e.at])).toEqual([
    [1, new Date(t0).toISOString()],
    [2, new Date(t0 + 40).toISOString()],
  ]);
});
