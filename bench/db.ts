// The data layer on its own (SQLite, in this process): what the repositories cost per call as a build and a
// page use them. Event appends (a build writes one per progress report, several tool calls at once), an
// exhibit's result (version row + exhibit row in one transaction), and the gallery view (the JSON API and the
// page: a 12-exhibit gallery with its versions, read in one transaction). Each figure is a median over runs, in
// microseconds per call, so the async Kysely layer can be compared with the synchronous better-sqlite3 one it
// replaced (the same file ran on both: `await` on a plain value is a no-op). And a burst of streamed events (an
// agent's thought, token by token) written as the recorder used to, one append after another, and as it does now,
// what piles up during a write in one transaction: ms until the last is stored.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Figure } from "./support/figures";
import { median } from "./support/figures";

const EXHIBITS = 12;
const APPENDS = 2000;
const PARALLEL = 8;
const VIEWS = 500;
const RESULTS = 200;
const RUNS = 5;
const BURST = 500;

function glb(n: number): Uint8Array {
  const bytes = new Uint8Array(64);
  bytes.set([0x67, 0x6c, 0x54, 0x46]); // "glTF"
  new DataView(bytes.buffer).setUint32(8, n);
  return bytes;
}

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "vernissage-bench-db-"));
  const { openDb } = await import("@/lib/db/connection");
  const { createGallery } = await import("@/lib/db/galleries");
  const { createBuild } = await import("@/lib/db/builds");
  const { appendCheckedEvent, appendEvent } = await import("@/lib/db/events");
  const { createRecorder } = await import("@/lib/builds/recorder");
  const { createExhibits, setExhibitResult } = await import("@/lib/db/exhibits");
  const { getGalleryView } = await import("@/lib/db/view");
  const { FileAssetStore } = await import("@/lib/assets/file-store");
  const db = openDb(dir);
  try {
    const store = new FileAssetStore(dir, db);
    const { id: galleryId } = await createGallery({ title: "Bench", goal: "twelve monuments" }, db);
    const exhibits = await createExhibits(
      galleryId,
      Array.from({ length: EXHIBITS }, (_, i) => ({ key: `e${i}`, title: `Exhibit ${i}`, prompt: `monument ${i}` })),
      db,
    );
    const assets = await Promise.all(Array.from({ length: EXHIBITS * 3 }, (_, i) => store.put(glb(i), "model/gltf-binary")));
    for (const [i, e] of exhibits.entries()) {
      for (let v = 0; v < 3; v++) await setExhibitResult(e.id, { imageSha: null, modelSha: assets[i * 3 + v]!.sha256, height: 1.6 }, db);
    }

    const appendUs: number[] = [];
    const resultUs: number[] = [];
    const viewUs: number[] = [];
    const burstOneByOneMs: number[] = [];
    const burstRecorderMs: number[] = [];
    const token = (i: number) => ({ type: "thought.delta" as const, payload: { step: 0, phase: "plan" as const, delta: `t${i} ` } });
    for (let r = 0; r < RUNS; r++) {
      const build = await createBuild({ galleryId, kind: "gallery", goal: "bench" }, db);
      let t0 = performance.now();
      // PARALLEL producers, as a build's tool calls report at once.
      await Promise.all(
        Array.from({ length: PARALLEL }, async (_, p) => {
          for (let i = 0; i < APPENDS / PARALLEL; i++) {
            await appendEvent(build.id, { type: "tool.progress", payload: { capability: "image-to-3d", callId: `c${p}`, space: "bench", endpoint: "/predict", stage: "running", fraction: i / APPENDS } }, db);
          }
        }),
      );
      appendUs.push(((performance.now() - t0) * 1000) / APPENDS);

      t0 = performance.now();
      for (let i = 0; i < RESULTS; i++) {
        const e = exhibits[i % EXHIBITS]!;
        await setExhibitResult(e.id, { imageSha: null, modelSha: assets[i % assets.length]!.sha256, height: 1.6 }, db);
      }
      resultUs.push(((performance.now() - t0) * 1000) / RESULTS);

      t0 = performance.now();
      for (let i = 0; i < VIEWS; i++) {
        const view = await getGalleryView(galleryId, db);
        if (!view || view.exhibits.length !== EXHIBITS) throw new Error("the gallery view lost exhibits");
      }
      viewUs.push(((performance.now() - t0) * 1000) / VIEWS);

      const before = await createBuild({ galleryId, kind: "gallery", goal: "bench" }, db);
      t0 = performance.now();
      let chain: Promise<unknown> = Promise.resolve();
      for (let i = 0; i < BURST; i++) chain = chain.then(() => appendCheckedEvent(before.id, token(i), db));
      await chain;
      burstOneByOneMs.push(performance.now() - t0);

      const after = await createBuild({ galleryId, kind: "gallery", goal: "bench" }, db);
      const recorder = createRecorder(after.id, galleryId, db);
      t0 = performance.now();
      for (let i = 0; i < BURST; i++) recorder.emit(token(i));
      await recorder.flush();
      burstRecorderMs.push(performance.now() - t0);
    }
    return [
      { name: "db.event_append", value: Math.round(median(appendUs)), unit: "us" }, // per event, 8 producers at once
      { name: "db.exhibit_result", value: Math.round(median(resultUs)), unit: "us" },
      { name: "db.gallery_view", value: Math.round(median(viewUs)), unit: "us" }, // 12 exhibits, growing history
      { name: "db.event_burst_one_by_one", value: Math.round(median(burstOneByOneMs) * 10) / 10, unit: "ms" }, // 500 events, the old recorder's way
      { name: "db.event_burst_recorder", value: Math.round(median(burstRecorderMs) * 10) / 10, unit: "ms" }, // 500 events, batched
    ];
  } finally {
    const { closeDbs } = await import("@/lib/db/connection");
    await closeDbs();
    (db as unknown as { close?: () => void; destroy?: () => Promise<void> }).close?.();
    await (db as unknown as { destroy?: () => Promise<void> }).destroy?.();
    rmSync(dir, { recursive: true, force: true });
  }
}
