// The model pool with its REAL worker (worker.ts run through tsx in a thread), never in-process.
import { afterAll, describe, expect, it } from "vitest";
import { ModelError } from "../../models/io";
import { inspectGlb } from "../../models/inspect";
import { makeSharedMeshGlb, makeZUpBoxGlb } from "../../models/testing/fixtures";
import { validateGlb as validateGlbInThread } from "../../models/validate";
import { WorkerTaskError } from "../../platform/worker-pool/pool";
import { OutputValidationError } from "../errors";
import { makeGlb, patchGlbJson } from "../testing/media";
import { validateGlb } from "./glb";
import { khronosInWorker, prepareModelInWorker } from "../../model-worker/models";
import { closeModelPool, DEFAULT_MAX_QUEUED, modelPool, modelWorkerCount } from "../../model-worker/pool";

afterAll(() => closeModelPool());

describe("model pool", () => {
  it("prepares a model in a worker thread, leaving the caller's bytes alone", async () => {
    const original = Buffer.from(await makeZUpBoxGlb([512, 512]));
    const copy = Buffer.from(original);
    const { glb, height, stats } = await prepareModelInWorker(original, { upAxis: "z" });
    expect(original.byteLength).toBe(copy.byteLength); // not transferred away
    expect(original.equals(copy)).toBe(true);
    expect(Buffer.isBuffer(glb)).toBe(true);
    expect(height).toBeCloseTo(1.6, 3);
    expect(stats).toMatchObject({ originalBytes: original.byteLength, servedBytes: glb.byteLength, originalVertices: 24, upAxis: "z" });
    expect(stats.textures).toEqual([{ width: 512, height: 512 }]);
    const info = await inspectGlb(glb);
    expect(info.bbox.max[1] - info.bbox.min[1]).toBeCloseTo(1.6, 2);
    expect(info.textures[0]?.mediaType).toBe("image/webp");
    expect(modelPool().stats()).toMatchObject({ workers: 1, busy: 0, queued: 0 });
  });

  it("returns the input's faults as the errors callers know", async () => {
    const bad = prepareModelInWorker(new TextEncoder().encode("not a model"));
    await expect(bad).rejects.toBeInstanceOf(ModelError);
    await expect(bad).rejects.toThrow(/not a readable GLB/);
    await expect(prepareModelInWorker(await makeSharedMeshGlb(), { targetHeight: -1 })).rejects.toBeInstanceOf(RangeError);
    expect(modelPool().stats().workers).toBe(1); // a refused input does not cost the worker
  });

  it("runs the Khronos validator in the worker, with the same verdicts", async () => {
    const glb = await makeGlb();
    expect(await validateGlb(glb, undefined, { khronos: khronosInWorker })).toMatchObject({ vertices: 4, triangles: 2, textures: 1 });
    const broken = patchGlbJson(glb, (j) => {
      (j.accessors as { count: number }[])[2]!.count = 999;
    });
    const refused = validateGlb(broken, undefined, { khronos: khronosInWorker });
    await expect(refused).rejects.toBeInstanceOf(OutputValidationError);
    await expect(refused).rejects.toThrow(/glTF validation error/);
    expect((await khronosInWorker(broken)).numErrors).toBe((await validateGlbInThread(broken)).numErrors);
  });

  it("cancels a running task by replacing its worker", async () => {
    const controller = new AbortController();
    const running = prepareModelInWorker(await makeZUpBoxGlb([2048, 2048]), {}, controller.signal);
    await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: "AbortError", failure: "aborted" });
    await expect(running).rejects.toBeInstanceOf(WorkerTaskError);
    const { height } = await prepareModelInWorker(await makeSharedMeshGlb());
    expect(height).toBeCloseTo(1.6, 3);
  });
});

describe("model pool settings", () => {
  it("bounds the tasks waiting for a worker (the bound itself: lib/platform/worker-pool/pool.test.ts)", () => {
    expect(modelPool().maxQueued).toBe(DEFAULT_MAX_QUEUED);
  });

  it("sizes the pool from MODEL_WORKERS, else one worker per core up to four", () => {
    expect(modelWorkerCount(undefined, 2)).toBe(2);
    expect(modelWorkerCount("", 1)).toBe(1);
    expect(modelWorkerCount(undefined, 16)).toBe(4);
    expect(modelWorkerCount("3", 2)).toBe(3);
    expect(modelWorkerCount("0", 2)).toBe(2);
    expect(modelWorkerCount("two", 8)).toBe(4);
    expect(modelWorkerCount("99", 1)).toBe(1);
  });
});
