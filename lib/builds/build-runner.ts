import "server-only";
import { CancelledError } from "@/lib/platform/abort";
import { setMaxListeners } from "node:events";
// Starts, runs, cancels and resumes builds. A gallery build lets the agent plan and act; an exhibit build
// (regenerate, swap, retry) runs one exhibit's chain with the same tools, so statuses, events and
// provenance look the same either way. Builds run in this process; everything they produce is persisted
// as it happens, so a restart can resume them, and the call cache makes finished Space calls free.
import { withDefaultBudgets, type AgentBudgets } from "@/lib/agent/budgets";
import { activeBuildStatuses, activeBuilds, cancelRequested, createBuild, requestCancel, finishBuild, findInterruptedBuilds, getBuild, latestBuild, updateBuild, type BuildKind, type BuildRecord } from "@/lib/db/builds";
import { getDb, inTransaction, lockRow, usesPostgres } from "@/lib/db/connection";
import { signal } from "@/lib/db/signal";
import { enqueueBuild } from "./queue";
import { createExhibits, getExhibit, listExhibits, setExhibitStatus, type ExhibitRecord } from "@/lib/db/exhibits";
import { createGallery, updateGallery } from "@/lib/db/galleries";
import { countEvents, eventsSince, timeSpentInRuns } from "@/lib/db/events";
import { getGalleryView } from "@/lib/db/view";
import { buildFailureMessage } from "@/lib/errors/internal-fault";
import { UserError } from "@/lib/errors/user-error";
import { publish } from "./bus";
import type { AgentPlan } from "@/lib/contracts/agent-plan";
import { modelKindOf, type AssetStore } from "@/lib/contracts/asset-store";
import type { Emit } from "@/lib/contracts/build-events";
import type { SpaceCallRecord } from "@/lib/contracts/gallery-view";
import type { ReceivedModels } from "./tools/context";
import { createExhibitNotifier } from "./exhibit-notifier";
import { createRecorder, type Recorder } from "./recorder";
import { config } from "@/lib/platform/config";
import { processSingleton } from "@/lib/platform/singleton";

/** A build's budgets: BUILD_MAX_* where set, the agent's defaults otherwise (an invalid value throws, naming it). */
export function configuredBudgets(): AgentBudgets {
  const c = config();
  const minutes = c.BUILD_MAX_MINUTES;
  return withDefaultBudgets({
    maxSteps: c.BUILD_MAX_STEPS,
    maxToolCalls: c.BUILD_MAX_TOOL_CALLS,
    wallClockMs: minutes === undefined ? undefined : Math.round(minutes * 60_000),
  });
}

// The agent, the toolbox and the model pipeline are heavy (QuickJS, gltf-transform, the validator, the Gradio
// client): loaded when the first build runs, so the action that starts a build answers without waiting for them.
// Once: a dynamic import is a trip through the module loader even when the module is already loaded.
let deps: ReturnType<typeof loadBuildDeps> | null = null;
function buildDeps(): ReturnType<typeof loadBuildDeps> {
  deps ??= loadBuildDeps().catch((err: unknown) => {
    deps = null; // a failed load (a broken install, a bundling error) is retried by the next build
    throw err;
  });
  return deps;
}

async function loadBuildDeps() {
  const [{ runAgent }, { selectBrain }, { getAssetStore }, { getSpaceClient }, { createBuildTools }, { discoveredAgentTools }] = await Promise.all([
    import("@/lib/agent/loop"),
    import("@/lib/agent/brains/select"),
    import("@/lib/assets/file-store"),
    import("./space-client"),
    import("./agent-tools"),
    import("./gallery-tools"),
  ]);
  return { runAgent, selectBrain, getAssetStore, getSpaceClient, createBuildTools, discoveredAgentTools };
}

interface Running {
  controller: AbortController;
  galleryId: string;
  /** The exhibit an exhibit build works on; null for a gallery build. */
  exhibitId: string | null;
  done: Promise<void>;
}

/** Cancel requests for builds in workers (PostgreSQL): the payload is the build's id. */
export const CANCEL_CHANNEL = "vernissage_cancel";

const running = processSingleton("builds", () => new Map<string, Running>());

export type ExhibitBuildRequest =
  /** `seed`: set when the build is created (a new seed is drawn once, so a resumed build redraws nothing). */
  | { kind: "regenerate"; prompt?: string; newSeed: boolean; seed?: number }
  | { kind: "retry" }
  | { kind: "swap-model"; space: string }
  | { kind: "swap-image"; space: string }
  /** Remakes the exhibit's picture as the other kind of model: a Gaussian splat or a mesh. */
  | { kind: "swap-kind"; to: ExhibitKind }
  /** An owner's uploaded picture (already validated and stored): modelled like a drawn one. `upload` is its provenance. */
  | { kind: "model-upload"; imageSha: string; seed: number; upload: SpaceCallRecord };

export type ExhibitKind = "mesh" | "splat";

/** Creates a gallery and starts building it; returns at once (the build runs in the background). */
export async function startGalleryBuild(goal: string): Promise<{ galleryId: string; editToken: string; buildId: string }> {
  const { id: galleryId, editToken } = await createGallery({ title: titleFromGoal(goal), goal });
  const build = await createBuild({ galleryId, kind: "gallery", goal, budget: { ...configuredBudgets() } });
  await start(build);
  return { galleryId, editToken, buildId: build.id };
}

/** Runs one exhibit's chain again; refuses while another build is changing the same exhibit. */
export async function startExhibitBuild(galleryId: string, exhibitId: string, request: ExhibitBuildRequest): Promise<{ buildId: string }> {
  const kind: BuildKind = request.kind === "swap-model" || request.kind === "swap-image" || request.kind === "swap-kind" ? "swap" : "regenerate";
  // Checked and created in one transaction holding the gallery's row, against the builds the database knows
  // (whichever process runs them): two clicks at once cannot both start a build of the same exhibit.
  const build = await inTransaction(getDb(), async (trx) => {
    await lockRow(trx, "galleries", galleryId);
    const exhibit = await getExhibit(exhibitId, trx);
    if (!exhibit || exhibit.galleryId !== galleryId) throw new UserError("No such exhibit in this gallery.");
    for (const active of await activeBuilds(galleryId, trx)) {
      if (active.exhibitId === exhibitId) throw new UserError("This exhibit is already being remade. Wait for it to finish or cancel it.");
      // The gallery's own build still owns the exhibits it has not finished.
      if (active.kind === "gallery" && exhibit.status !== "ready" && exhibit.status !== "failed") {
        throw new UserError("The agent is still making this exhibit. Wait for it to finish or cancel the build.");
      }
    }
    // The new seed is drawn now and stored with the build, not when it runs: a build resumed after a restart must
    // redo the same work — its finished Space calls then come from the cache — not draw yet another picture.
    const stored: ExhibitBuildRequest =
      request.kind === "regenerate" && request.newSeed && request.seed === undefined ? { ...request, seed: newSeedFor(exhibit.seed) } : request;
    return createBuild({ galleryId, kind, exhibitId, goal: JSON.stringify(stored), budget: { ...configuredBudgets() } }, trx);
  });
  await start(build);
  return { buildId: build.id };
}

/** Cancels every running build of a gallery; what is finished stays. */
export async function cancelBuilds(galleryId: string): Promise<number> {
  if (usesPostgres()) {
    // The build may run in any worker: the request is stored (its owner sees it at its next lease renewal, and
    // a worker about to claim it ends it at once) and signalled (its owner stops within milliseconds).
    const ids = await requestCancel(galleryId);
    await Promise.all(ids.map((id) => signal(CANCEL_CHANNEL, id)));
    return ids.length;
  }
  let n = 0;
  for (const r of running.values()) {
    if (r.galleryId === galleryId) {
      r.controller.abort(new CancelledError("Cancelled by the owner."));
      n++;
    }
  }
  return n;
}

/**
 * Whether the gallery's own (agent) build is queued or running, in any process — it owns every unfinished
 * exhibit until it ends. Asked of the database: on PostgreSQL it runs on a worker, never in the web process.
 */
export async function isGalleryBuildRunning(galleryId: string): Promise<boolean> {
  return (await activeBuilds(galleryId)).some((b) => b.kind === "gallery");
}

/** Waits for a build to end (tests and benchmarks). */
export async function waitForBuild(buildId: string): Promise<BuildRecord | null> {
  await running.get(buildId)?.done;
  // Run by a worker (PostgreSQL): its row says when it ended.
  for (;;) {
    const build = await getBuild(buildId);
    if (!build || !(activeBuildStatuses as readonly string[]).includes(build.status) || !usesPostgres()) return build;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Builds that were running when the process died: run them again (finished Space calls come from the cache). */
export async function resumeInterruptedBuilds(): Promise<string[]> {
  // With PostgreSQL no build runs in a web process: workers take over lapsed builds (worker.ts).
  if (usesPostgres()) return [];
  const resumed: string[] = [];
  for (const build of await findInterruptedBuilds()) {
    if (running.has(build.id)) continue;
    const runs = await countEvents(build.id, "build.started");
    if (runs >= MAX_RUNS_PER_BUILD) {
      await giveUp(build, runs);
      continue;
    }
    launch(build, true);
    resumed.push(build.id);
  }
  return resumed;
}

/**
 * A build cut off this many times is most likely what brings the server down (a crash in native code, memory
 * it cannot be given): resuming it at every start would take the server down again at every start. Ordinary
 * restarts during one build (a deploy, a kill) stay well under it.
 */
export const MAX_RUNS_PER_BUILD = 5;

/** Ends a build without running it again: what it finished stays, the rest is marked failed with the reason. */
async function giveUp(build: BuildRecord, runs: number): Promise<void> {
  const recorder = createRecorder(build.id, build.galleryId);
  const error = `The server stopped ${runs} times while this build ran, so it was not resumed again, to keep the server up.`;
  console.warn(`vernissage: build ${build.id} not resumed: ${error}`);
  recorder.emit({ type: "error", payload: { message: error } });
  await finishRun(build, "failed", error, "The build was stopped after repeated server restarts; retry this exhibit to make it.", recorder);
}


function newSeedFor(current: number): number {
  return (current + 1 + Math.floor(Math.random() * 100_000)) % 2 ** 31;
}

function titleFromGoal(goal: string): string {
  const t = goal.replace(/^(a|an|the)\s+(gallery|exhibition|collection)\s+of\s+/i, "");
  return (t.charAt(0).toUpperCase() + t.slice(1)).slice(0, 120);
}

/** Runs a new build: in this process (embedded default), or on the queue for a worker (PostgreSQL). */
async function start(build: BuildRecord): Promise<void> {
  if (!usesPostgres()) {
    launch(build);
    return;
  }
  try {
    await enqueueBuild(build.id);
  } catch (err) {
    // The row is saved: a worker's sweep finds the unclaimed build and queues it again.
    console.error(`vernissage: build ${build.id} could not be queued now; a worker will pick it up`, err);
  }
}

function launch(build: BuildRecord, resumed = false, controller = new AbortController()): Running {
  const entry: Running = { controller, galleryId: build.galleryId, exhibitId: build.exhibitId, done: Promise.resolve() };
  running.set(build.id, entry);
  entry.done = execute(build, controller.signal, resumed).finally(() => running.delete(build.id));
  return entry;
}

/** A worker lost a build's lease (another took it over): it stops at once and finishes nothing. */
export class LeaseLostError extends Error {
  constructor(buildId: string) {
    super(`build ${buildId} is now run by another worker`);
    this.name = "LeaseLostError";
  }
}

/**
 * Runs a build this worker has just claimed (worker.ts): a first run, or a resumed one when an earlier run left
 * events (its finished Space calls then come from the shared cache). `controller` is how the worker stops it:
 * a CancelledError to cancel, a LeaseLostError when the lease was lost.
 */
export async function runClaimedBuild(build: BuildRecord, controller: AbortController): Promise<void> {
  if (running.has(build.id)) return running.get(build.id)!.done;
  const runs = await countEvents(build.id, "build.started");
  if (runs >= MAX_RUNS_PER_BUILD) return giveUp(build, runs);
  if (await cancelRequested(build.id)) controller.abort(new CancelledError("Cancelled by the owner."));
  return launch(build, runs > 0, controller).done;
}

/** Aborts a build running in this process (a worker's cancel signal). */
export function abortRunningBuild(buildId: string, reason: Error): boolean {
  const entry = running.get(buildId);
  if (!entry) return false;
  entry.controller.abort(reason);
  return true;
}

/** How many builds this process is running. */
export function runningBuildCount(): number {
  return running.size;
}

async function execute(build: BuildRecord, signal: AbortSignal, resumed: boolean): Promise<void> {
  const recorder = createRecorder(build.id, build.galleryId);
  const emit = recorder.emit;
  // The time budget is the build's, not each run's: a resumed build has what its earlier runs left.
  const full = configuredBudgets();
  const spent = resumed ? await timeSpentInRuns(build.id) : 0;
  const budgets = { ...full, wallClockMs: Math.max(0, full.wallClockMs - spent) };
  const outOfTime = budgets.wallClockMs === 0;
  const deadline = AbortSignal.timeout(Math.max(1, budgets.wallClockMs));
  const combined = AbortSignal.any([signal, deadline]);
  // Every tool call in flight listens on this signal: a 12-exhibit build has more than Node's default 10.
  setMaxListeners(500, combined);
  let status: "succeeded" | "failed" | "cancelled" = "succeeded";
  let error: string | null = null;
  try {
    // Let the request that started the build answer first: the build's own work can wait one tick.
    await new Promise((resolve) => setImmediate(resolve));
    await updateBuild(build.id, { status: "running" });
    emit({ type: "build.started", payload: { kind: build.kind, resumed, message: resumed ? resumedMessage(budgets.wallClockMs) : "Build started." } });
    if (outOfTime) emit({ type: "error", payload: { message: `The build had used all of its ${minutes(full.wallClockMs)} before the restart.` } });
    else if (build.kind === "gallery") await runGallery(build, emit, combined, budgets);
    else await runExhibit(build, emit, combined);
  } catch (err) {
    error = buildFailureMessage(err);
    status = signal.aborted ? "cancelled" : "failed";
    if (status === "failed") emit({ type: "error", payload: { message: error } });
  }
  // Taken over by another worker: that one finishes the build; this run only stops.
  if (signal.reason instanceof LeaseLostError) {
    await recorder.flush().catch(() => {});
    return;
  }
  if (signal.aborted) status = "cancelled";
  const reason = signal.aborted ? "Cancelled before it was finished." : deadline.aborted || outOfTime ? "The build ran out of time before this exhibit was finished." : "The agent did not finish this exhibit.";
  await finishRun(build, status, error, reason, recorder);
}

function minutes(ms: number): string {
  const m = Math.round(ms / 60_000);
  return m >= 1 ? `${m} min` : `${Math.max(1, Math.round(ms / 1000))} s`;
}

function resumedMessage(leftMs: number): string {
  return leftMs > 0 ? `Resumed after a restart, with ${minutes(leftMs)} of its time left.` : "Resumed after a restart, with no time left.";
}

/** The end of a build: unfinished exhibits failed with `reason`, the closing event, the row, the live view. */
async function finishRun(
  build: BuildRecord,
  wanted: "succeeded" | "failed" | "cancelled",
  wantedError: string | null,
  reason: string,
  recorder: Recorder,
): Promise<void> {
  const emit = recorder.emit;
  let status = wanted;
  let error = wantedError;
  const outcome = await settleUnfinished(build, reason, emit);
  if (status === "succeeded" && outcome.ready === 0 && outcome.total > 0) {
    status = "failed";
    error ??= "No exhibit could be made.";
  }
  const message =
    status === "cancelled"
      ? `Build cancelled — ${outcome.ready} of ${outcome.total} exhibits kept.`
      : status === "failed"
        ? `Build failed: ${error}`
        : `Gallery ready — ${outcome.ready} of ${outcome.total} exhibits.`;
  emit({ type: "build.finished", payload: { status, message, ready: outcome.ready, failed: outcome.failed } });
  // The log is complete before the row says the build ended: whoever sees it finished can read all of it.
  await recorder.flush().catch(() => {});
  await finishBuild(build.id, status, error);
  const view = await getGalleryView(build.galleryId);
  if (view) publish(build.galleryId, { type: "gallery", gallery: view });
}

async function runGallery(build: BuildRecord, emit: Emit, signal: AbortSignal, budgets: AgentBudgets): Promise<void> {
  const { runAgent, selectBrain, getAssetStore, getSpaceClient, createBuildTools, discoveredAgentTools } = await buildDeps();
  const notify = createExhibitNotifier(build.galleryId, emit);
  // Models received from image_to_3d and from discovered Spaces alike may be placed: one record of them.
  const models: ReceivedModels = new Map();
  const base = createBuildTools({ galleryId: build.galleryId, toolbox: getSpaceClient(), assets: getAssetStore(), notify, models });
  const all = [...base, ...(await discoveredAgentTools(build.galleryId, getSpaceClient(), models, new Set(base.map((t) => t.name).concat("final_answer"))))];
  const onPlan = async (plan: AgentPlan) => {
    await updateGallery(build.galleryId, { title: plan.title, theme: plan.theme });
    const existing = new Set((await listExhibits(build.galleryId)).map((e) => e.key));
    const fresh = plan.exhibits.filter((e) => !existing.has(e.key));
    const created = await createExhibits(
      build.galleryId,
      fresh.map((e, i) => ({ key: e.key, title: e.title, prompt: e.prompt, description: e.description, seed: e.seed, order: existing.size + i })),
    );
    for (const record of created) await notify.updated(record);
    const view = await getGalleryView(build.galleryId);
    if (view) publish(build.galleryId, { type: "gallery", gallery: view });
  };
  // The plan arrives as an event (emitted synchronously) while the exhibits are created asynchronously: from the
  // plan on, events wait in line behind their creation (so the log reads as before: the exhibits, then the
  // plan, then the rest), and every tool call waits for it, since the agent's first call names them.
  const gate = orderedGate();
  let planned: Promise<void> = Promise.resolve();
  const withPlan: Emit = (event) => {
    if (event.type === "plan") {
      const plan = event.payload.plan;
      planned = gate.then(() => onPlan(plan));
      gate.then(() => emit(event)).catch(ignoreLogged);
    } else if (gate.busy()) gate.then(() => emit(event)).catch(ignoreLogged);
    else emit(event);
  };
  const tools = all.map((tool) => ({ ...tool, run: async (args: unknown, ctx: Parameters<typeof tool.run>[1]) => (await planned, tool.run(args, ctx)) }));
  await runAgent({ goal: build.goal, brain: selectBrain(), tools, budgets, emit: withPlan, signal });
  await gate.idle();
  await planned;
}

/**
 * Work run one after another, in the order it was handed over; `busy()` while any is pending. A failed piece is
 * reported by the promise `then` returned for it (and logged), and does not stop the ones after it.
 */
/** The gate has logged a failed step already: its own promise's rejection needs no second report. */
const ignoreLogged = () => undefined;

function orderedGate() {
  let tail: Promise<void> = Promise.resolve();
  let pending = 0;
  return {
    busy: () => pending > 0,
    then(work: () => unknown): Promise<void> {
      pending++;
      const done = tail.then(async () => {
        await work();
      });
      tail = done
        .catch((err: unknown) => console.error("vernissage: a build's plan step failed", err))
        .finally(() => {
          pending--;
        });
      return done;
    },
    idle: () => tail,
  };
}

async function runExhibit(build: BuildRecord, emit: Emit, signal: AbortSignal): Promise<void> {
  const { getAssetStore, getSpaceClient, createBuildTools } = await buildDeps();
  const exhibit = build.exhibitId ? await getExhibit(build.exhibitId) : null;
  if (!exhibit) throw new UserError("The exhibit no longer exists.");
  const request = JSON.parse(build.goal) as ExhibitBuildRequest;
  const notify = createExhibitNotifier(build.galleryId, emit);
  // A retry of an exhibit that kept its picture (drawn before its model failed) models that picture: nothing is
  // drawn again, and the new version's provenance still says how the picture was drawn.
  const keptPicture = request.kind === "retry" && exhibit.version === 0 ? exhibit.imageSha : null;
  // An owner's uploaded picture modelled again (a retry, a swap to another 3D Space) keeps its upload record
  // first in the new version's provenance, as a drawn picture keeps the call that drew it.
  const uploaded = exhibit.provenance.filter((c) => c.capability === "upload" && c.endpoint === "picture" && c.ok);
  const pictureCalls =
    request.kind === "model-upload"
      ? [request.upload]
      : keptPicture
        ? exhibit.provenance.filter((c) => (c.capability === "text-to-image" || c.capability === "upload") && c.ok)
        : request.kind === "swap-model" && uploaded.length
          ? uploaded
          : undefined;
  const tools = createBuildTools({
    galleryId: build.galleryId,
    toolbox: getSpaceClient(),
    assets: getAssetStore(),
    notify,
    onlyExhibitId: exhibit.id,
    pictureCalls,
  });
  const tool = (name: string) => tools.find((t) => t.name === name)!;
  let n = 0;
  const call = (name: string, args: Record<string, unknown>) => tool(name).run(args, { signal, emit, callId: `${build.id}:${++n}` });

  if (exhibit.status === "failed") await notify.updated(await setExhibitStatus(exhibit.id, "planned"));
  const key = exhibit.key;
  // What it is made as: what a swap asks for (another image-to-3D Space makes a mesh), else what it is now (or
  // was planned as, before its first version).
  const kind: ExhibitKind =
    request.kind === "swap-kind" ? request.to : request.kind === "swap-model" ? "mesh" : await exhibitKind(exhibit, getAssetStore());
  let image: unknown;
  let modelSeed: number | undefined;
  if (request.kind === "model-upload") {
    image = { kind: "image", id: request.imageSha };
    modelSeed = request.seed;
  } else if (request.kind === "swap-model" || request.kind === "swap-kind") {
    if (!exhibit.imageSha) throw new UserError("This exhibit has no picture yet: regenerate it instead.");
    image = { kind: "image", id: exhibit.imageSha };
  } else if (keptPicture) {
    image = { kind: "image", id: keptPicture };
  } else {
    const prompt = request.kind === "regenerate" && request.prompt ? request.prompt : exhibit.prompt;
    const seed = request.kind === "regenerate" && request.newSeed ? (request.seed ?? newSeedFor(exhibit.seed)) : exhibit.seed;
    image = await call("generate_image", { exhibit: key, prompt, seed, space: request.kind === "swap-image" ? request.space : undefined });
  }
  const model = await call(kind === "splat" ? "image_to_splat" : "image_to_3d", {
    exhibit: key,
    image,
    seed: modelSeed,
    space: request.kind === "swap-model" ? request.space : undefined,
  });
  await call("place_exhibit", { exhibit: key, image, model });
}

/**
 * Whether an exhibit is a splat or a mesh: its served model's media type once it has one; before that (a retry
 * of an exhibit that never got a model), what the gallery's plan made it.
 */
async function exhibitKind(exhibit: ExhibitRecord, assets: AssetStore): Promise<ExhibitKind> {
  if (exhibit.modelSha) {
    const stat = await assets.stat(exhibit.modelSha);
    if (stat) return modelKindOf(stat.mediaType);
  }
  const build = await latestBuild(exhibit.galleryId);
  const plan = build?.kind === "gallery" ? (await eventsSince(build.id)).find((e) => e.type === "plan") : undefined;
  const planned = plan?.type === "plan" ? plan.payload.plan.exhibits.find((e) => e.key === exhibit.key) : undefined;
  return planned?.kind ?? "mesh";
}

/** Marks exhibits this build left unfinished as failed (with why), and counts the outcome. */
async function settleUnfinished(build: BuildRecord, reason: string, emit: Emit): Promise<{ ready: number; failed: number; total: number }> {
  const notify = createExhibitNotifier(build.galleryId, emit);
  const exhibits = (await listExhibits(build.galleryId)).filter((e) => !build.exhibitId || e.id === build.exhibitId);
  let ready = 0;
  let failed = 0;
  for (const e of exhibits) {
    if (e.status === "ready") ready++;
    else if (e.status === "failed") failed++;
    else {
      await notify.failed(await setExhibitStatus(e.id, "failed", { error: reason }));
      failed++;
    }
  }
  return { ready, failed, total: exhibits.length };
}
