import "server-only";
import type { AssetStore } from "@/lib/contracts/asset-store";
import type { GalleryView } from "@/lib/contracts/gallery-view";
import { mergeHallInWorker } from "@/lib/model-worker/models";
import type { HallPiece } from "@/lib/models/merge-hall";
import { UserError } from "@/lib/errors/user-error";
import { assetRef } from "./assets-of";
import { viewerGallery } from "./gallery-zip";

// "Download as one model": the hall with every exhibit that has a mesh as one GLB, merged in the model worker
// (lib/models/merge-hall.ts). The served models are small (web versions: simplified, WebP ≤ 512², meshopt), so the
// whole set is held at once; past MAX_MERGE_BYTES of served models the export is refused with a sentence rather
// than risk the worker's memory (the zip export streams and has no such bound).

export const MAX_MERGE_BYTES = 200 * 1024 * 1024;

export async function galleryGlb(view: GalleryView, assets: AssetStore, signal?: AbortSignal): Promise<Uint8Array> {
  const layout = viewerGallery(view);
  const pieces: HallPiece[] = [];
  let total = 0;
  for (const e of layout.exhibits) {
    const source = view.exhibits.find((x) => x.id === e.id)!;
    const ref = assetRef(source.modelUrl);
    if (!ref || source.kind !== "mesh") continue;
    const stat = await assets.stat(ref.sha256);
    total += stat?.bytes ?? 0;
    if (total > MAX_MERGE_BYTES) throw new UserError("This gallery's models are too large to merge into one file: download the gallery (zip) instead.");
    const glb = await assets.get(ref.sha256);
    if (!glb) continue;
    pieces.push({ exhibitId: e.id, title: e.title, glb, position: e.position, rotationY: e.rotationY, scale: e.scale, plinthSide: e.plinthSide, plinthHeight: e.plinthHeight });
  }
  return mergeHallInWorker({ title: view.title, hall: layout.hall, pieces }, signal);
}
