// Resuming a build cut off mid-way, in-process: a fast companion to e2e/crash.spec.ts (which SIGKILLs a real
// server). The "crash" freezes the build at a Space-call boundary — every later Space call hangs forever, as
// if the process had died there — and once it is still, the build is resumed the way a restarted server does.
// Space calls are counted where the built-in Spaces receive them (queue/join requests on their HTTP server).
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEFAULT_BUDGETS } from "@/lib/agent/budgets";
import { createBuild, getBuild, updateBuild } from "@/lib/db/builds";
import { getDb } from "@/lib/db/connection";
import { appendEvent, eventsSince } from "@/lib/db/events";
import { createExhibits, listExhibits } from "@/lib/db/exhibits";
import { createGallery } from "@/lib/db/galleries";
import type { SpaceClient } from "@/lib/space-client/space-client";
import { configuredBudgets, MAX_RUNS_PER_BUILD, resumeInterruptedBuilds, startExhibitBuild, startGalleryBuild, waitForBuild } from "./build-runner";
import { buildsWithSeqGaps, startBuildHarness, withDefaultImageSide, type BuildHarness } from "./testing/harness";
import { peekProcessSingleton, replaceProcessSingleton } from "@/lib/platform/singleton";
import { SPACE_CLIENT_SINGLETON } from "./space-client";

let h: BuildHarness;
const env = { SPACES_TEXT_TO_IMAGE: "sketch-image", SPACES_IMAGE_TO_3D: "shape-3d", SPACE_RETRY_BASE_MS: "20" };


beforeAll(async () => {
  h = await startBuildHarness();
});
afterAll(async () => {
  await h?.close();
});

/**
 * Freezes the process-wide toolbox once `after` calls of one kind (pictures or models) have completed: from then on no Space call returns to the
 * build — neither those still under way (they finish and are cached, as if the process died right after) nor
 * new ones (they never start) — so the build stops where a crash would have stopped it.
 */
function freezeAfter(after: number, kind: "image" | "model") {
  const state = { completed: 0, inflight: 0, waiting: 0, frozen: false };
  const real = peekProcessSingleton<SpaceClient>(SPACE_CLIENT_SINGLETON)!;
  const never = <R>() => {
    state.waiting++;
    return new Promise<R>(() => undefined);
  };
  const gate =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>, counts: boolean) =>
    async (...args: A): Promise<R> => {
      if (state.frozen) return never<R>();
      state.inflight++;
      let result: R;
      try {
        result = await fn(...args);
      } finally {
        state.inflight--;
      }
      if (state.frozen) return never<R>();
      if (counts && ++state.completed >= after) state.frozen = true;
      return result;
    };
  replaceProcessSingleton<SpaceClient>(SPACE_CLIENT_SINGLETON, {
    ...real,
    config: real.config,
    textToImage: gate(real.textToImage.bind(real), kind === "image"),
    imageToModel: gate(real.imageToModel.bind(real), kind === "model"),
    spaces: real.spaces.bind(real),
    health: real.health.bind(real),
  } as SpaceClient);
  return state;
}

it("a build cut off mid-way resumes, finishes, repeats no completed Space call and adds no duplicate version", async () => {
  h.configure(env, { imageSide: 256 });
  const frozen = freezeAfter(2, "model");
  const { galleryId, buildId } = await startGalleryBuild("six monuments of Japan at dawn");

  // Still: no Space call under way, and each of the 6 exhibits either placed or waiting on a call that never returns.
  const ready = async () => (await listExhibits(galleryId)).filter((e) => e.status === "ready").length;
  await expect.poll(async () => frozen.frozen && frozen.inflight === 0 && frozen.waiting + (await ready()) === 6, { timeout: 60_000, interval: 50 }).toBe(true);
  const cachedAtCrash = await cachedCalls();
  const readyAtCrash = (await listExhibits(galleryId)).filter((e) => e.status === "ready");
  const joinsAtCrash = h.spaceJoins.length;
  expect((await getBuild(buildId))?.status).toBe("running");
  expect(cachedAtCrash).toBeGreaterThanOrEqual(8); // at least 6 pictures and 2 models
  expect(readyAtCrash.length, "the 2 exhibits whose models were delivered were placed").toBeGreaterThanOrEqual(2);
  expect(readyAtCrash.length, "the crash came before the end").toBeLessThan(6);

  // "Restart": the frozen run is gone (as with the process), a fresh toolbox, and the start-up resume.
  peekProcessSingleton<Map<string, unknown>>("builds")!.delete(buildId);
  h.configure(env, { imageSide: 256 });
  expect(await resumeInterruptedBuilds()).toEqual([buildId]);
  const build = await waitForBuild(buildId);

  expect(build?.status).toBe("succeeded");
  const exhibits = await listExhibits(galleryId);
  expect(exhibits.map((e) => e.status)).toEqual(Array(6).fill("ready"));
  // The exhibits finished before the crash are untouched: same result, still version 1.
  for (const before of readyAtCrash) {
    const after = exhibits.find((e) => e.id === before.id)!;
    expect([after.version, after.imageSha, after.modelSha, after.provenance]).toEqual([1, before.imageSha, before.modelSha, before.provenance]);
  }
  expect(exhibits.map((e) => e.version)).toEqual(Array(6).fill(1));

  // Every call completed before the crash came from the cache; the Spaces ran only the rest, once each.
  const cachedAtEnd = await cachedCalls();
  const runs = await eventsSince(buildId);
  const resumedRun = runs.slice(runs.findLastIndex((e) => e.type === "build.started"));
  const fromCache = resumedRun.filter((e) => e.type === "tool.done" && e.payload.cached === true).length;
  expect(fromCache).toBe(cachedAtCrash);
  expect(h.spaceJoins.length - joinsAtCrash).toBe(cachedAtEnd - cachedAtCrash);

  // One log, no gap, two runs, one end.
  expect(await buildsWithSeqGaps()).toEqual([]);
  const log = await eventsSince(buildId);
  expect(log.filter((e) => e.type === "build.started").map((e) => e.payload.resumed)).toEqual([false, true]);
  expect(log.filter((e) => e.type === "build.finished")).toHaveLength(1);
  expect(log.at(-1)?.type).toBe("build.finished");
}, 120_000);

it("a regeneration cut off after its new picture resumes with that picture, not another one", async () => {
  h.configure(env, { imageSide: 256 });
  const { galleryId, buildId } = await startGalleryBuild("the Colosseum and the Pantheon");
  expect((await waitForBuild(buildId))?.status).toBe("succeeded");
  const target = (await listExhibits(galleryId))[0]!;

  // A new seed, a new picture: then the crash, before the picture is modelled.
  const frozen = freezeAfter(1, "image");
  const remake = await startExhibitBuild(galleryId, target.id, { kind: "regenerate", newSeed: true });
  await expect.poll(() => frozen.frozen && frozen.inflight === 0 && frozen.waiting === 1, { timeout: 60_000, interval: 50 }).toBe(true);
  const joinsAtCrash = h.spaceJoins.length;

  peekProcessSingleton<Map<string, unknown>>("builds")!.delete(remake.buildId);
  h.configure(env, { imageSide: 256 });
  expect(await resumeInterruptedBuilds()).toEqual([remake.buildId]);
  expect((await waitForBuild(remake.buildId))?.status).toBe("succeeded");

  // The resumed run used the picture drawn before the crash (from the cache) and only had it modelled.
  const remakeLog = await eventsSince(remake.buildId);
  const [first, resumed] = [0, 1].map((run) => {
    const log = remakeLog;
    const starts = log.flatMap((e, i) => (e.type === "build.started" ? [i] : []));
    return log.slice(starts[run], starts[run + 1]).filter((e) => e.type === "tool.done").map((e) => [e.payload.capability, e.payload.cached, (e.payload.asset as { sha256: string }).sha256]);
  });
  expect(first).toEqual([["text-to-image", false, expect.any(String)]]);
  expect(resumed).toEqual([["text-to-image", true, first![0]![2]], ["image-to-3d", false, expect.any(String)]]);
  expect(h.spaceJoins.slice(joinsAtCrash).map((s) => s.replace(/~.*/, ""))).toEqual(["shape-3d"]);
  const after = (await listExhibits(galleryId))[0]!;
  expect([after.version, after.seed === target.seed, after.imageSha === target.imageSha]).toEqual([2, false, false]);
}, 120_000);

it("a build the server keeps stopping on is not resumed again: it ends, and its unfinished exhibits say why", async () => {
  h.configure(env, { imageSide: 256 });
  // A build that has already been cut off MAX_RUNS_PER_BUILD times (a crash in native code, say): each run
  // left its build.started event, then the process died.
  const { id: galleryId } = await createGallery({ title: "Crash loop", goal: "the Eiffel Tower and the Louvre" });
  const build = await createBuild({ galleryId, kind: "gallery", goal: "the Eiffel Tower and the Louvre", budget: { ...configuredBudgets() } });
  await createExhibits(galleryId, [
    { key: "eiffel-tower", title: "Eiffel Tower", prompt: "Eiffel Tower", description: "", seed: 1, order: 0 },
    { key: "louvre", title: "Louvre", prompt: "Louvre", description: "", seed: 2, order: 1 },
  ]);
  await updateBuild(build.id, { status: "running" });
  for (let run = 0; run < MAX_RUNS_PER_BUILD; run++) {
    await appendEvent(build.id, { type: "build.started", payload: { kind: "gallery", resumed: run > 0, message: "Build started." } });
  }
  const joins = h.spaceJoins.length;

  expect(await resumeInterruptedBuilds()).toEqual([]);
  const ended = (await getBuild(build.id))!;
  expect(ended.status).toBe("failed");
  expect(ended.error).toMatch(new RegExp(`stopped ${MAX_RUNS_PER_BUILD} times while this build ran`));
  expect((await listExhibits(galleryId)).map((e) => [e.status, e.error])).toEqual([
    ["failed", expect.stringMatching(/repeated server restarts; retry this exhibit/)],
    ["failed", expect.stringMatching(/repeated server restarts; retry this exhibit/)],
  ]);
  const log = await eventsSince(build.id);
  expect(log.filter((e) => e.type === "build.started")).toHaveLength(MAX_RUNS_PER_BUILD); // not run again
  expect(log.at(-1)).toMatchObject({ type: "build.finished", payload: { status: "failed", ready: 0, failed: 2 } });
  expect(h.spaceJoins.length).toBe(joins);
  expect(await buildsWithSeqGaps()).toEqual([]);
  // Nothing is left to resume at the next start.
  expect(await resumeInterruptedBuilds()).toEqual([]);
});

async function cachedCalls(): Promise<number> {
  const row = await getDb().selectFrom("space_call_cache").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A two-exhibit gallery build left "running" by a dead server, whose one run worked `workedMs` before it died. */
async function interruptedBuild(title: string, workedMs: number) {
  const goal = "the Eiffel Tower and the Louvre";
  const { id: galleryId } = await createGallery({ title, goal });
  const build = await createBuild({ galleryId, kind: "gallery", goal, budget: { ...configuredBudgets() } });
  await createExhibits(galleryId, [
    { key: "eiffel-tower", title: "Eiffel Tower", prompt: "Eiffel Tower", description: "", seed: 1, order: 0 },
    { key: "louvre-pyramid", title: "Louvre Pyramid", prompt: "Louvre Pyramid", description: "", seed: 2, order: 1 },
  ]);
  await updateBuild(build.id, { status: "running" });
  const started = await appendEvent(build.id, { type: "build.started", payload: { kind: "gallery", resumed: false, message: "Build started." } });
  const last = await appendEvent(build.id, { type: "thought.delta", payload: { step: 0, phase: "plan", delta: "Thought: …" } });
  // The run began an hour ago and wrote its last event `workedMs` later; then the server was down.
  const t0 = Date.now() - 60 * 60_000;
  const setAt = (seq: number, ms: number) =>
    getDb().updateTable("build_events").set({ at: new Date(ms).toISOString() }).where("build_id", "=", build.id).where("seq", "=", seq).execute();
  await setAt(started.seq, t0);
  await setAt(last.seq, t0 + workedMs);
  return { galleryId, build };
}

it("a resumed build has the time its earlier runs left, not a new budget", async () => {
  h.configure(env, { imageSide: 256 });
  const budget = configuredBudgets().wallClockMs; // 20 min by default
  const { galleryId, build } = await interruptedBuild("Half done", budget - 15 * 60_000);
  expect(await resumeInterruptedBuilds()).toEqual([build.id]);
  await waitForBuild(build.id);
  const resumed = (await eventsSince(build.id)).filter((e) => e.type === "build.started").at(-1)!;
  expect(resumed.payload).toMatchObject({ resumed: true, message: "Resumed after a restart, with 15 min of its time left." });
  expect((await getBuild(build.id))!.status).toBe("succeeded");
  expect((await listExhibits(galleryId)).map((e) => e.status)).toEqual(["ready", "ready"]);
}, 60_000);

it("a build that had used all of its time before the restart ends at once, with what it has", async () => {
  h.configure(env, { imageSide: 256 });
  const { galleryId, build } = await interruptedBuild("Out of time", configuredBudgets().wallClockMs + 60_000);
  const joins = h.spaceJoins.length;
  expect(await resumeInterruptedBuilds()).toEqual([build.id]);
  await waitForBuild(build.id);
  expect(h.spaceJoins.length).toBe(joins); // no Space was called
  const log = await eventsSince(build.id);
  expect(log.filter((e) => e.type === "build.started").at(-1)!.payload).toMatchObject({ message: "Resumed after a restart, with no time left." });
  expect(log.some((e) => e.type === "error" && /used all of its 20 min before the restart/.test(String(e.payload.message)))).toBe(true);
  expect((await listExhibits(galleryId)).map((e) => [e.status, e.error])).toEqual([
    ["failed", "The build ran out of time before this exhibit was finished."],
    ["failed", "The build ran out of time before this exhibit was finished."],
  ]);
  expect((await getBuild(build.id))!.status).toBe("failed");
  expect(await buildsWithSeqGaps()).toEqual([]);
});

it("withDefaultImageSide only fills in a missing size", async () => {
  const calls: unknown[] = [];
  const fake = { textToImage: async (req: unknown) => (calls.push(req), null) } as unknown as SpaceClient;
  void withDefaultImageSide(fake, 256).textToImage({ prompt: "x", seed: 1 });
  void withDefaultImageSide(fake, 256).textToImage({ prompt: "x", seed: 1, width: 512, height: 384 });
  expect(calls).toEqual([
    { prompt: "x", seed: 1, width: 256, height: 256 },
    { prompt: "x", seed: 1, width: 512, height: 384 },
  ]);
});

it("a build's budgets are BUILD_MAX_* where set, the agent's defaults otherwise, and a bad one is refused by name", async () => {
  h.configure({ BUILD_MAX_STEPS: "", BUILD_MAX_TOOL_CALLS: "", BUILD_MAX_MINUTES: "" });
  expect(configuredBudgets()).toEqual(DEFAULT_BUDGETS);
  h.configure({ BUILD_MAX_STEPS: "5", BUILD_MAX_MINUTES: "1.5" });
  expect(configuredBudgets()).toEqual({ ...DEFAULT_BUDGETS, maxSteps: 5, wallClockMs: 90_000 });
  h.configure({ BUILD_MAX_TOOL_CALLS: "lots" });
  expect(() => configuredBudgets()).toThrow('BUILD_MAX_TOOL_CALLS must be a whole number from 1 to 1000, not "lots"');
  h.configure({ BUILD_MAX_STEPS: undefined, BUILD_MAX_TOOL_CALLS: undefined, BUILD_MAX_MINUTES: undefined });
});
