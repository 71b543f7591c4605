// Models for the web: the built-in image-to-3D Space's GLBs of different landmarks (drawn at 1024² by the
// built-in text-to-image Space, through the real @gradio/client), each run through prepareModel — what the
// gallery serves. Served/original size, over the whole set and for the worst model, and the prepare time.
// Then the path a Space's GLB takes in a build: validated and prepared in the model worker, one trip, timed
// from the bytes in hand to the served GLB back on the main thread.
import type { Figure } from "./support/figures";
import { median } from "./support/figures";
import { connect, generateImage, LANDMARKS, reconstruct, startBuiltinSpaces } from "./support/builtin";

export async function run(): Promise<Figure[]> {
  const server = await startBuiltinSpaces();
  const sketch = await connect(server.origin, "sketch-image");
  const shape = await connect(server.origin, "shape-3d");
  try {
    const { prepareModel } = await import("@/lib/models/prepare");
    const originals: Buffer[] = [];
    for (const [i, landmark] of LANDMARKS.entries()) originals.push(await reconstruct(shape, await generateImage(sketch, landmark, 7 + i, 1024), i));
    await prepareModel(originals[0]!); // warm-up: the encoders' wasm, JIT

    let original = 0;
    let served = 0;
    let worst = 0;
    const times: number[] = [];
    for (const [i, glb] of originals.entries()) {
      const t0 = performance.now();
      const web = await prepareModel(glb);
      times.push(performance.now() - t0);
      if (process.env.BENCH_VERBOSE) console.error(`  ${LANDMARKS[i]}: ${glb.length} → ${web.glb.length} bytes, textures ${JSON.stringify(web.stats.textures)}`);
      original += glb.length;
      served += web.glb.length;
      worst = Math.max(worst, web.glb.length / glb.length);
    }
    const { validateAndPrepareInWorker } = await import("@/lib/model-worker/models");
    const { closeModelPool } = await import("@/lib/model-worker/pool");
    await validateAndPrepareInWorker(originals[0]!); // warm-up: the worker's start and its JIT
    const trips: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const glb of originals) {
        const t0 = performance.now();
        await validateAndPrepareInWorker(glb);
        trips.push(performance.now() - t0);
      }
    }
    await closeModelPool();
    return [
      { name: "models_count", value: originals.length, unit: "models" },
      { name: "models_original_total", value: Math.round(original / 1024), unit: "KiB" },
      { name: "models_served_total", value: Math.round(served / 1024), unit: "KiB" },
      // target ≤ 0.25 (over the set)
      { name: "models_served_original_ratio", value: Number((served / original).toFixed(3)), unit: "ratio" },
      { name: "models_served_original_ratio_worst", value: Number(worst.toFixed(3)), unit: "ratio" },
      { name: "models_prepare_median", value: Math.round(median(times)), unit: "ms" },
      { name: "models_validate_prepare_in_worker_median", value: Math.round(median(trips)), unit: "ms" },
    ];
  } finally {
    sketch.close();
    shape.close();
    await server.close();
  }
}
