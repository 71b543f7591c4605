import "server-only";
import type { AssetStore } from "@/lib/contracts/asset-store";
import type { ExhibitView, SpaceCallRecord } from "@/lib/contracts/gallery-view";
import { createExhibit, deleteExhibit, setExhibitPicture, setExhibitResult } from "@/lib/db/exhibits";
import { getExhibitView, getGalleryView } from "@/lib/db/view";
import { publish } from "@/lib/builds/bus";
import { isGalleryBuildRunning, startExhibitBuild } from "@/lib/builds/build-runner";
import { validateAndPrepareInWorker } from "@/lib/model-worker/models";
import { defaultGlbLimits, InvalidGlbError } from "@/lib/models/glb-checks";
import { defaultImageLimits, validateImage } from "@/lib/space-client/validate/image";
import { OutputValidationError } from "@/lib/space-client/errors";
import { UploadRefusedError } from "./read-upload";
import { cleanFileName, sniffUpload, titleFromFileName } from "./sniff";
import { spzToPly } from "./splat-upload";
import { defaultPlyLimits, validatePly } from "@/lib/space-client/validate/ply";
import { validateAndPrepareSpaceSplat } from "@/lib/space-client/validate/splat";

// An owner's own file becomes an exhibit. Everything that could refuse it runs BEFORE anything is written: the
// kind is sniffed from the bytes, a picture is validated as a Space's picture is (header bounds before any
// decoder — a 30 000² header is refused without allocating — then a full decode), a model as a Space's model is
// (structural checks, the Khronos validator, then its web version, in the model worker). Only a file that passed
// is stored and given an exhibit: a bad file leaves the gallery exactly as it was.

/** The largest body the upload route reads: the larger of the picture and model limits. */
export const MAX_UPLOAD_BYTES = Math.max(defaultImageLimits.maxBytes, defaultGlbLimits.maxBytes);
// (A splat PLY may be larger in principle — the Space limit is 256 MB — but an upload is capped here: a splat
// over 50 MB is better sent as its SPZ, about a tenth of the size.)

export interface AcceptedUpload {
  exhibit: ExhibitView;
  /** The exhibit build modelling an uploaded picture; null for a model (placed at once). */
  buildId: string | null;
}

export async function acceptUpload(
  input: { galleryId: string; fileName: string | null; bytes: Uint8Array; assets: AssetStore; signal?: AbortSignal },
): Promise<AcceptedUpload> {
  const { galleryId, bytes, assets } = input;
  if (await isGalleryBuildRunning(galleryId)) {
    throw new UploadRefusedError(409, "The agent is still building this gallery: add your file when it has finished (or cancel the build).");
  }
  const kind = sniffUpload(bytes);
  if ("refused" in kind) throw new UploadRefusedError(415, kind.refused);
  const fileName = cleanFileName(input.fileName);
  const started = performance.now();
  const record = (endpoint: "picture" | "model" | "splat", mediaType: string): SpaceCallRecord => ({
    capability: "upload",
    space: "uploaded",
    endpoint,
    inputs: { ...(fileName ? { file: fileName } : {}), bytes: bytes.byteLength, mediaType },
    durationMs: Math.round(performance.now() - started),
    cached: false,
    attempts: 1,
    ok: true,
  });

  if (kind.kind === "picture") {
    const image = await refuseInvalid(() => validateImage(bytes, defaultImageLimits));
    const stored = await assets.put(image.bytes, image.mediaType);
    const title = titleFromFileName(fileName, "Uploaded picture");
    const exhibit = await createExhibit(galleryId, { title, prompt: title, description: "", seed: randomSeed() });
    try {
      await setExhibitPicture(exhibit.id, stored.sha256);
      const { buildId } = await startExhibitBuild(galleryId, exhibit.id, {
        kind: "model-upload",
        imageSha: stored.sha256,
        seed: exhibit.seed,
        upload: record("picture", image.mediaType),
      });
      return { exhibit: await changed(galleryId, exhibit.id), buildId };
    } catch (err) {
      await deleteExhibit(exhibit.id); // nothing half-made stays behind
      throw err;
    }
  }

  if (kind.kind === "splat") {
    // A splat goes the way a splat Space's output goes (stored-outputs.ts' storeSplat): the PLY header checked,
    // then validated and prepared to SPZ in the model worker. An SPZ is first turned into that PLY.
    const ply = kind.format === "spz" ? spzToPly(bytes) : bytes;
    const { valid, prepared } = await refuseInvalid(async () => {
      validatePly(ply, defaultPlyLimits);
      return validateAndPrepareSpaceSplat(ply, defaultPlyLimits, input.signal);
    });
    if ("error" in prepared) throw new UploadRefusedError(422, `The splat is valid but cannot be shown: ${prepared.error}`);
    const [original, served] = await Promise.all([assets.put(ply, "application/ply"), assets.put(prepared.spz, "application/x-spz")]);
    const upload = record("splat", kind.format === "spz" ? "application/x-spz" : "application/ply");
    return placeModel(galleryId, titleFromFileName(fileName, "Uploaded splat"), {
      modelSha: served.sha256,
      originalModelSha: original.sha256,
      height: prepared.height,
      provenance: { ...upload, inputs: { ...upload.inputs, gaussians: valid.count } },
    });
  }

  const { valid, prepared } = await refuseInvalid(() => validateAndPrepareInWorker(bytes, { limits: defaultGlbLimits, signal: input.signal }));
  if ("error" in prepared) throw new UploadRefusedError(422, `The model is valid glTF but cannot be shown: ${prepared.error}`);
  const [original, served] = await Promise.all([assets.put(bytes, "model/gltf-binary"), assets.put(prepared.glb, "model/gltf-binary")]);
  const upload = record("model", "model/gltf-binary");
  return placeModel(galleryId, titleFromFileName(fileName, "Uploaded model"), {
    modelSha: served.sha256,
    originalModelSha: original.sha256,
    height: prepared.height,
    provenance: { ...upload, inputs: { ...upload.inputs, vertices: valid.vertices, triangles: valid.triangles } },
  });
}

/** A new exhibit holding an uploaded model or splat, ready at once; nothing half-made stays if saving fails. */
async function placeModel(
  galleryId: string,
  title: string,
  result: { modelSha: string; originalModelSha: string; height: number; provenance: SpaceCallRecord },
): Promise<AcceptedUpload> {
  const exhibit = await createExhibit(galleryId, { title, prompt: title, description: "", seed: 0 });
  try {
    await setExhibitResult(exhibit.id, { imageSha: null, modelSha: result.modelSha, originalModelSha: result.originalModelSha, height: result.height, provenance: [result.provenance] });
  } catch (err) {
    await deleteExhibit(exhibit.id);
    throw err;
  }
  return { exhibit: await changed(galleryId, exhibit.id), buildId: null };
}

/** Tells the gallery's open pages, and returns the exhibit as they see it. */
async function changed(galleryId: string, exhibitId: string): Promise<ExhibitView> {
  const view = await getGalleryView(galleryId);
  if (view) publish(galleryId, { type: "gallery", gallery: view });
  return (await getExhibitView(galleryId, exhibitId))!;
}

/** A refusal of the file itself is a 422 with the validator's reason; anything else (a crashed worker) is ours. */
async function refuseInvalid<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof OutputValidationError || err instanceof InvalidGlbError || (err instanceof Error && err.name === "InvalidGlbError")) throw new UploadRefusedError(422, asSentence(err.message));
    throw err;
  }
}

function asSentence(reason: string): string {
  const s = reason.replace(/^The output is/, "The file is").trim();
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}
