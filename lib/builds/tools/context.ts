import "server-only";
// What a build's built-in tools share: the build's dependencies, the exhibits they may touch, the statuses
// they move exhibits through, what each exhibit's work has produced so far (for place_exhibit's provenance),
// and the models the build received.
import type { ToolContext } from "@/lib/agent/tool-types";
import type { AssetStore } from "@/lib/contracts/asset-store";
import type { SpaceCallRecord } from "@/lib/contracts/gallery-view";
import { getExhibitByKey, listExhibits, setExhibitPicture, setExhibitStatus, type ExhibitRecord } from "@/lib/db/exhibits";
import type { SpaceClient } from "@/lib/space-client/space-client";
import type { CallOptions, ModelAsset, ServedModel } from "@/lib/space-client/types";
import type { ExhibitNotifier } from "../exhibit-notifier";

export interface BuildToolDeps {
  galleryId: string;
  toolbox: SpaceClient;
  assets: AssetStore;
  notify: ExhibitNotifier;
  /** Only these exhibits may be touched (a regenerate/swap build); all of the gallery's when null. */
  onlyExhibitId?: string | null;
  /** Skip cache reads: a regeneration must produce a new result even for inputs seen before. */
  bypassCache?: boolean;
  /** Shared with the build's discovered tools (gallery-tools.ts), whose GLB outputs may be placed too. */
  models?: ReceivedModels;
  /** The calls that drew the picture an exhibit build starts from (a retry models the kept one): its provenance. */
  pictureCalls?: SpaceCallRecord[];
}

/**
 * The web version of each model the build received (or why it has none), by the original's sha256: a GLB for a
 * mesh, an SPZ for a splat. The toolbox validates and prepares a model in one worker trip as it arrives and
 * stores both: placing it needs no read-back.
 */
export type ReceivedModels = Map<string, ModelAsset["served"]>;

/** What a build learnt along the way, per exhibit key: kept so place_exhibit can record provenance. */
export interface ExhibitWork {
  calls: SpaceCallRecord[];
  images: Map<string, { prompt: string; seed: number }>;
}

export type BuildToolContext = ReturnType<typeof createBuildToolContext>;

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function createBuildToolContext(deps: BuildToolDeps) {
  const work = new Map<string, ExhibitWork>();
  const models: ReceivedModels = deps.models ?? new Map();

  function workFor(key: string): ExhibitWork {
    let w = work.get(key);
    if (!w) work.set(key, (w = { calls: [...(deps.pictureCalls ?? [])], images: new Map() }));
    return w;
  }

  async function keyOf(id: string): Promise<string> {
    return (await listExhibits(deps.galleryId)).find((e) => e.id === id)?.key ?? id;
  }

  /** The exhibit the model named, as it stands now; an Error the model can act on when it may not touch it. */
  async function exhibitFor(key: string): Promise<ExhibitRecord> {
    const exhibit = await getExhibitByKey(deps.galleryId, key);
    if (!exhibit) {
      const known = (await listExhibits(deps.galleryId)).map((e) => e.key);
      throw new Error(`Unknown exhibit "${key}". Use one of the plan's keys: ${known.join(", ")}`);
    }
    if (deps.onlyExhibitId && exhibit.id !== deps.onlyExhibitId) {
      throw new Error(`This build may only change exhibit "${await keyOf(deps.onlyExhibitId)}".`);
    }
    return exhibit;
  }

  async function moveTo(exhibit: ExhibitRecord, status: "drawing" | "modelling"): Promise<void> {
    // A ready exhibit that is being redone keeps showing its current version until the new one lands.
    if (exhibit.status === "ready") return;
    await deps.notify.updated(await setExhibitStatus(exhibit.id, status));
  }

  /** A picture drawn for `exhibit`: kept on it while it has no result, so a failure to model it loses nothing. */
  async function keepPicture(exhibit: ExhibitRecord, imageSha: string): Promise<void> {
    const now = await exhibitFor(exhibit.key);
    if (now.version === 0 && now.imageSha !== imageSha) await deps.notify.updated(await setExhibitPicture(now.id, imageSha));
  }

  async function fail(exhibit: ExhibitRecord, reason: string, calls: SpaceCallRecord[]): Promise<void> {
    if (exhibit.status === "ready") return;
    await deps.notify.failed(await setExhibitStatus(exhibit.id, "failed", { error: reason, provenance: calls }));
  }

  /** The options of one Space call made for `exhibit` by the tool call `ctx`. */
  function callOptions(ctx: ToolContext, exhibit: ExhibitRecord, space: string | undefined): CallOptions {
    return { signal: ctx.signal, emit: ctx.emit, exhibit: exhibit.key, callId: ctx.callId, space, bypassCache: deps.bypassCache };
  }

  /**
   * Runs one Space call for an exhibit, keeps its calls for provenance, then makes the tool's result with `toResult`.
   * When either fails, the exhibit fails with `failure: why`, judged by its status now rather than before the
   * call: an exhibit placed meanwhile stays ready.
   */
  async function spaceCall<T extends { calls: SpaceCallRecord[] }, R>(
    exhibit: ExhibitRecord,
    failure: string,
    call: () => Promise<T>,
    toResult: (result: T) => R | Promise<R>,
  ): Promise<R> {
    const w = workFor(exhibit.key);
    try {
      const result = await call();
      w.calls.push(...result.calls);
      return await toResult(result);
    } catch (err) {
      w.calls.push(...((err as { calls?: SpaceCallRecord[] }).calls ?? []));
      await fail(await exhibitFor(exhibit.key), `${failure}: ${message(err)}`, w.calls);
      throw err;
    }
  }

  /** The web version of a model this build received; a model that could not be prepared fails with why. */
  function servedModel(id: string): ServedModel {
    const served = models.get(id);
    if (!served) throw new Error(`No model with id ${id}: pass the handle image_to_3d or image_to_splat returned.`);
    if ("error" in served) throw new Error(served.error);
    return served;
  }

  return { deps, models, workFor, exhibitFor, moveTo, keepPicture, callOptions, spaceCall, servedModel };
}
