import "server-only";
// The tools a build hands to the agent: each one validates its arguments, moves the exhibit through its
// statuses (drawing → modelling → ready, or failed with a reason), calls the toolbox, and keeps provenance.
// Tools take and return plain JSON; pictures and models travel as handles naming stored assets.
import { z } from "zod";
import type { AgentTool, ImageHandle, ModelHandle, ToolContext } from "@/lib/agent/tool-types";
import type { AssetStore } from "@/lib/contracts/asset-store";
import { getExhibitByKey, listExhibits, setExhibitResult, setExhibitStatus, type ExhibitRecord } from "@/lib/db/exhibits";
import type { SpaceCallRecord } from "@/lib/contracts/gallery-view";
import { inspectImage } from "@/lib/media/inspect-image";
import type { SpaceClient } from "@/lib/space-client/space-client";
import type { ModelAsset, ServedModel } from "@/lib/space-client/types";
import type { ExhibitNotifier } from "./exhibit-notifier";

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
}

/**
 * The web version of each model the build received (or why it has none), by the original's sha256. The toolbox
 * validates and prepares a model in one worker trip as it arrives and stores both: placing it needs no read-back.
 */
export type ReceivedModels = Map<string, ModelAsset["served"]>;

/** What a build learnt along the way, per exhibit key: kept so place_exhibit can record provenance. */
interface ExhibitWork {
  calls: SpaceCallRecord[];
  images: Map<string, { prompt: string; seed: number }>;
}

const imageHandle = z.object({ kind: z.literal("image"), id: z.string().regex(/^[0-9a-f]{64}$/, "not an image handle id") }).passthrough();
const modelHandle = z.object({ kind: z.literal("model"), id: z.string().regex(/^[0-9a-f]{64}$/, "not a model handle id") }).passthrough();
const seed = z.number().int().min(0).max(2 ** 31 - 1);
const exhibitKey = z.string().min(1).max(100);

const generateArgs = z.object({
  exhibit: exhibitKey,
  prompt: z.string().trim().min(1).max(1000),
  seed: seed.optional(),
  width: z.number().int().min(256).max(2048).optional(),
  height: z.number().int().min(256).max(2048).optional(),
  space: z.string().max(300).optional(),
});
const modelArgs = z.object({ exhibit: exhibitKey, image: imageHandle, seed: seed.optional(), space: z.string().max(300).optional() });
const inspectArgs = z.object({ image: imageHandle });
const placeArgs = z.object({
  exhibit: exhibitKey,
  image: imageHandle,
  model: modelHandle,
  title: z.string().trim().min(1).max(120).optional(),
  description: z.string().trim().max(800).optional(),
});

function parseArgs<T>(schema: z.ZodType<T>, tool: string, args: unknown): T {
  const result = schema.safeParse(args);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.join(".") || "(arguments)"}: ${i.message}`).join("; ");
  throw new Error(`${tool}: invalid arguments — ${issues}`);
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function createBuildTools(deps: BuildToolDeps): AgentTool[] {
  const work = new Map<string, ExhibitWork>();
  const models: ReceivedModels = deps.models ?? new Map();

  const workFor = (key: string): ExhibitWork => {
    let w = work.get(key);
    if (!w) work.set(key, (w = { calls: [], images: new Map() }));
    return w;
  };

  function exhibitFor(key: string): ExhibitRecord {
    const exhibit = getExhibitByKey(deps.galleryId, key);
    if (!exhibit) {
      const known = listExhibits(deps.galleryId).map((e) => e.key);
      throw new Error(`Unknown exhibit "${key}". Use one of the plan's keys: ${known.join(", ")}`);
    }
    if (deps.onlyExhibitId && exhibit.id !== deps.onlyExhibitId) {
      throw new Error(`This build may only change exhibit "${getExhibitKey(deps.onlyExhibitId)}".`);
    }
    return exhibit;
  }

  function getExhibitKey(id: string): string {
    return listExhibits(deps.galleryId).find((e) => e.id === id)?.key ?? id;
  }

  function moveTo(exhibit: ExhibitRecord, status: "drawing" | "modelling"): void {
    // A ready exhibit that is being redone keeps showing its current version until the new one lands.
    if (exhibit.status === "ready") return;
    deps.notify.updated(setExhibitStatus(exhibit.id, status));
  }

  function fail(exhibit: ExhibitRecord, reason: string, calls: SpaceCallRecord[]): void {
    if (exhibit.status === "ready") return;
    deps.notify.failed(setExhibitStatus(exhibit.id, "failed", { error: reason, provenance: calls }));
  }

  /** The web version of a model this build received; a model that could not be prepared fails with why. */
  function servedModel(id: string): ServedModel {
    const served = models.get(id);
    if (!served) throw new Error(`No model with id ${id}: pass the handle image_to_3d returned.`);
    if ("error" in served) throw new Error(served.error);
    return served;
  }

  const generate_image: AgentTool = {
    name: "generate_image",
    signature:
      "async function generate_image(args: { exhibit: string; prompt: string; seed?: number; width?: number; height?: number; space?: string }): Promise<ImageHandle>",
    description:
      "Draws a picture of one exhibit with a text-to-image Space (falling back to the next Space on failure). `exhibit` is the plan's key. Describe ONE subject, centred, on a plain black background. Returns an image handle {kind:'image', id, width, height}.",
    async run(raw: unknown, ctx: ToolContext) {
      const args = parseArgs(generateArgs, "generate_image", raw);
      const exhibit = exhibitFor(args.exhibit);
      const w = workFor(exhibit.key);
      const useSeed = args.seed ?? exhibit.seed;
      moveTo(exhibit, "drawing");
      try {
        const result = await deps.toolbox.textToImage(
          { prompt: args.prompt, seed: useSeed, width: args.width, height: args.height },
          { signal: ctx.signal, emit: ctx.emit, exhibit: exhibit.key, callId: ctx.callId, space: args.space, bypassCache: deps.bypassCache },
        );
        w.calls.push(...result.calls);
        w.images.set(result.asset.sha256, { prompt: args.prompt, seed: useSeed });
        const handle: ImageHandle = { kind: "image", id: result.asset.sha256, width: result.asset.width, height: result.asset.height };
        return handle;
      } catch (err) {
        const calls = (err as { calls?: SpaceCallRecord[] }).calls ?? [];
        w.calls.push(...calls);
        fail(exhibit, `Could not draw it: ${message(err)}`, w.calls);
        throw err;
      }
    },
  };

  const image_to_3d: AgentTool = {
    name: "image_to_3d",
    signature: "async function image_to_3d(args: { exhibit: string; image: ImageHandle; seed?: number; space?: string }): Promise<ModelHandle>",
    description:
      "Turns a picture into a 3D model (GLB) with an image-to-3D Space (falling back to the next Space on failure), then prepares it for the web. Returns a model handle {kind:'model', id, bytes, vertices}.",
    async run(raw: unknown, ctx: ToolContext) {
      const args = parseArgs(modelArgs, "image_to_3d", raw);
      const exhibit = exhibitFor(args.exhibit);
      const w = workFor(exhibit.key);
      moveTo(exhibitFor(args.exhibit), "modelling");
      try {
        const result = await deps.toolbox.imageToModel(
          { image: { sha256: args.image.id }, seed: args.seed ?? exhibit.seed },
          { signal: ctx.signal, emit: ctx.emit, exhibit: exhibit.key, callId: ctx.callId, space: args.space, bypassCache: deps.bypassCache },
        );
        w.calls.push(...result.calls);
        models.set(result.asset.sha256, result.asset.served);
        servedModel(result.asset.sha256); // a model that cannot be shown fails here, as the exhibit's reason
        const handle: ModelHandle = { kind: "model", id: result.asset.sha256, bytes: result.asset.bytes, vertices: result.asset.vertices };
        return handle;
      } catch (err) {
        const calls = (err as { calls?: SpaceCallRecord[] }).calls ?? [];
        w.calls.push(...calls);
        fail(exhibitFor(args.exhibit), `Could not model it: ${message(err)}`, w.calls);
        throw err;
      }
    },
  };

  const inspect_image: AgentTool = {
    name: "inspect_image",
    signature:
      "async function inspect_image(args: { image: ImageHandle }): Promise<{ width: number; height: number; sharpness: number; coverage: number; extent: number; background_clean: number }>",
    description:
      "Measures a picture: sharpness (variance of the Laplacian; below ~20 is blurry), coverage (share of the picture that is subject, 0–1), extent (the larger side of the subject's bounding box over the picture's, 0–1; coverage below 0.05 with extent below 0.5 is nearly empty — a slender tower has low coverage but a large extent), background_clean (share of the border that is plain background, 0–1; below 0.8 makes a poor 3D model). Retry generate_image with another seed when a picture is poor.",
    async run(raw: unknown) {
      const args = parseArgs(inspectArgs, "inspect_image", raw);
      const bytes = await deps.assets.get(args.image.id);
      if (!bytes) throw new Error(`No image with id ${args.image.id}: pass the handle generate_image returned.`);
      return inspectImage(bytes);
    },
  };

  const place_exhibit: AgentTool = {
    name: "place_exhibit",
    signature:
      "async function place_exhibit(args: { exhibit: string; image: ImageHandle; model: ModelHandle; title?: string; description?: string }): Promise<{ id: string }>",
    description:
      "Puts a finished exhibit in the gallery (its plinth, plaque and place in the hall) and shows it to the visitor at once. Call it as soon as an exhibit's model is ready.",
    async run(raw: unknown) {
      const args = parseArgs(placeArgs, "place_exhibit", raw);
      const exhibit = exhibitFor(args.exhibit);
      const w = workFor(exhibit.key);
      const model = servedModel(args.model.id);
      const made = w.images.get(args.image.id);
      // Placing the result the exhibit already shows changes nothing: a build resumed after a restart re-places
      // the exhibits it had finished (their Space calls come from the cache), and each would otherwise stack an
      // identical copy onto the version history at every restart.
      const alreadyShown =
        exhibit.status === "ready" &&
        exhibit.imageSha === args.image.id &&
        exhibit.modelSha === model.sha256 &&
        exhibit.originalModelSha === args.model.id &&
        (args.title === undefined || args.title === exhibit.title) &&
        (args.description === undefined || args.description === exhibit.description) &&
        (made === undefined || (made.prompt === exhibit.prompt && made.seed === exhibit.seed));
      const record = alreadyShown ? exhibit : setExhibitResult(exhibit.id, {
        imageSha: args.image.id,
        modelSha: model.sha256,
        originalModelSha: args.model.id,
        height: model.height,
        provenance: w.calls,
        title: args.title,
        description: args.description,
        prompt: made?.prompt,
        seed: made?.seed,
      });
      deps.notify.ready(record);
      return { id: record.id };
    },
  };

  return [generate_image, image_to_3d, inspect_image, place_exhibit];
}
