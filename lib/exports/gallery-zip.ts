import "server-only";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import type { AssetStore } from "@/lib/contracts/asset-store";
import type { GalleryView } from "@/lib/contracts/gallery-view";
import { arrangeGallery } from "@/lib/layout/layout";
import { assetRef, currentAssets, relativeView } from "./assets-of";
import { galleryScript, modelScript, viewerIndexHtml } from "./viewer-page";
import type { ViewerGallery } from "./viewer/data";

// "Download gallery": a zip that opens anywhere without Vernissage. index.html + viewer.js (three.js bundled, no
// CDN; Spark for splats) + data/gallery.js + models/{sha}.js (each served model, GLB or SPZ, as base64 in a script: a page opened from file://
// may load scripts but not fetch its own files), and assets/ with the served models, the pictures and the
// originals, and gallery.json (the API's JSON with relative URLs). Streamed: the zip is written as the response
// is read, one asset at a time, so memory holds at most one file (and its base64) whatever the gallery's size.

export function viewerGallery(view: GalleryView, exportedAt = new Date()): ViewerGallery {
  const { hall, items } = arrangeGallery(view.exhibits);
  const byId = new Map(items.map((i) => [i.id, i]));
  return {
    id: view.id,
    title: view.title,
    goal: view.goal,
    exportedAt: exportedAt.toISOString(),
    hall,
    exhibits: view.exhibits.map((e) => {
      const item = byId.get(e.id)!;
      return {
        id: e.id,
        title: e.title,
        description: e.description,
        prompt: e.prompt,
        kind: e.kind,
        model: assetRef(e.modelUrl)?.sha256 ?? null,
        picture: assetRef(e.imageUrl)?.path ?? null,
        position: item.placement.position,
        rotationY: item.placement.rotationY,
        scale: item.placement.scale,
        plinthSide: item.footprint.plinthSide,
        plinthHeight: item.footprint.plinthHeight,
      };
    }),
  };
}

/** Already-compressed files (GLB with meshopt/WebP, PNG, JPEG, WebP, SPZ) are stored; text is deflated. */
const STORED = new Set(["glb", "png", "jpg", "webp", "spz"]);

type Job = () => Promise<void>;

export function galleryZipStream(input: { view: GalleryView; assets: AssetStore; viewerJs: Uint8Array | string }): ReadableStream<Uint8Array> {
  const { view, assets } = input;
  const viewer = viewerGallery(view);
  const enc = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const zip = new Zip((err, chunk, final) => {
    if (err) controller.error(err);
    else {
      if (chunk.byteLength) controller.enqueue(chunk);
      if (final) controller.close();
    }
  });
  // Level 1 for the models' base64 scripts: it wins back most of base64's third (6 bits a byte) at several times
  // the speed of level 6, whose extra effort finds little in compressed bytes (bench/exports.ts).
  const add = (path: string, data: Uint8Array | string, store = false, level: 1 | 6 = 6) => {
    const file = store ? new ZipPassThrough(path) : new ZipDeflate(path, { level });
    zip.add(file);
    file.push(typeof data === "string" ? enc.encode(data) : data, true);
  };
  const servedModels = new Set(viewer.exhibits.flatMap((e) => (e.model ? [e.model] : [])));
  const jobs: Job[] = [
    async () => add("index.html", viewerIndexHtml(viewer)),
    async () => add("viewer.js", input.viewerJs),
    async () => add("data/gallery.js", galleryScript(viewer)),
    async () => add("gallery.json", JSON.stringify(relativeView(view), null, 2)),
    ...currentAssets(view).map((ref): Job => async () => {
      const bytes = await assets.get(ref.sha256);
      if (!bytes) throw new Error(`asset ${ref.sha256} is missing from the store`);
      add(ref.path, bytes, STORED.has(ref.ext));
      if (servedModels.has(ref.sha256)) add(`models/${ref.sha256}.js`, modelScript(ref.sha256, bytes), false, 1);
    }),
    async () => zip.end(),
  ];
  let next = 0;
  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      // One job per pull: the reader's pace decides how fast files are read from the store.
      async pull() {
        const job = jobs[next++];
        if (job) await job();
      },
      cancel() {
        next = jobs.length;
      },
    },
    { highWaterMark: 1 },
  );
}

/** A file name for a download: the title's letters and digits, dashed. */
export function downloadName(title: string, id: string, ext: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .toLowerCase();
  return `${slug || "gallery"}-${id.slice(0, 8)}.${ext}`;
}
