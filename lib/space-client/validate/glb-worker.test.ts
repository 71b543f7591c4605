// The model pool with its REAL worker (worker.ts run through tsx in a thread), never in-process.
import { afterAll, describe, expect, it } from "vitest";
import { defaultGlbLimits, InvalidGlbError } from "../../models/glb-checks";
import { inspectGlb } from "../../models/inspect";
import { makeFlatGlb, makeSharedMeshGlb, makeZUpBoxGlb } from "../../models/testing/fixtures";
import { validateGlb as validateGlbInThread } from "../../models/validate";
import { WorkerTaskError } from "../../platform/worker-pool/pool";
import { OutputValidationError } from "../errors";
import { makeGlb, patchGlbJson } from "../testing/media";
import { validateAndPrepareSpaceGlb, validateSpaceGlb } from "./glb";
import { validateAndPrepareInWorker, validateInWorker } from "../../model-worker/models";
import { closeModelPool, DEFAULT_MAX_QUEUED, modelPool, modelWorkerCount } from "../../model-worker/pool";
import type { PreparedModel } from "../../models/prepare";

afterAll(() => closeModelPool());

/** The web version, failing the test if the worker could not make one. */
function webVersion(prepared: PreparedModel | { error: string }): PreparedModel {
  if ("error" in prepared) throw new Error(`not prepared: ${prepared.error}`);
  return prepared;
}

describe("model pool", () => {
  it("validates and prepares a model in one worker task, leaving the caller's bytes alone", async () => {
    const original = Buffer.from(await makeZUpBoxGlb([512, 512]));
    const copy = Buffer.from(original);
    const { valid, prepared } = await validateAndPrepareInWorker(original, { prepare: { upAxis: "z" } });
    expect(original.byteLength).toBe(copy.byteLength); // not transferred away
    expect(original.equals(copy)).toBe(true);
    expect(valid).toMatchObject({ vertices: 24, triangles: 12, textures: 1 });
    const { glb, height, stats } = webVersion(prepared);
    expect(Buffer.isBuffer(glb)).toBe(true);
    expect(height).toBeCloseTo(1.6, 3);
    expect(stats).toMatchObject({ originalBytes: original.byteLength, servedBytes: glb.byteLength, originalVertices: 24, upAxis: "z" });
    expect(stats.textures).toEqual([{ width: 512, height: 512 }]);
    const info = await inspectGlb(glb);
    expect(info.bbox.max[1] - info.bbox.min[1]).toBeCloseTo(1.6, 2);
    expect(info.textures[0]?.mediaType).toBe("image/webp");
    expect(modelPool().stats()).toMatchObject({ workers: 1, busy: 0, queued: 0 });
  });

  it("returns the input's faults as the errors callers know, and a model it cannot prepare as its reason", async () => {
    const bad = validateAndPrepareInWorker(new TextEncoder().encode("not a model, but long enough"));
    await expect(bad).rejects.toBeInstanceOf(InvalidGlbError);
    await expect(bad).rejects.toThrow(/not a GLB/);
    await expect(validateAndPrepareInWorker(await makeSharedMeshGlb(), { prepare: { targetHeight: -1 } })).rejects.toBeInstanceOf(RangeError);
    // Valid glTF, but flat: validation passes and the preparation's refusal comes back as the reason, as the
    // build shows it ("Could not model it: …"), not as a bad output of the Space.
    const flat = await validateAndPrepareInWorker(await makeFlatGlb());
    expect(flat.valid.vertices).toBe(4);
    expect(flat.prepared).toEqual({ error: expect.stringMatching(/flat/) });
    expect(modelPool().stats().workers).toBe(1); // a refused input does not cost the worker
  });

  it("runs the structural checks and the Khronos validator in the worker, with the same verdicts", async () => {
    const glb = await makeGlb();
    expect(await validateSpaceGlb(glb, defaultGlbLimits)).toMatchObject({ vertices: 4, triangles: 2, textures: 1 });
    expect(await validateInWorker(glb)).toEqual(await validateGlbInThread(glb));
    const broken = patchGlbJson(glb, (j) => {
      (j.accessors as { count: number }[])[2]!.count = 999;
    });
    const refused = validateAndPrepareSpaceGlb(broken, defaultGlbLimits);
    await expect(refused).rejects.toBeInstanceOf(OutputValidationError);
    await expect(refused).rejects.toThrow(/glTF validation error/);
    const inThread = await validateGlbInThread(broken).catch((e: unknown) => e);
    expect(inThread).toBeInstanceOf(InvalidGlbError);
    await expect(validateInWorker(broken)).rejects.toThrow((inThread as Error).message);
    // The structural checks come first, with the same limits: a refusal no validator had to see.
    await expect(validateSpaceGlb(glb, { ...defaultGlbLimits, maxVertices: 3 })).rejects.toThrow(/4 vertices, over the 3 limit/);
  });

  it("cancels a running task by replacing its worker", async () => {
    const controller = new AbortController();
    const running = validateAndPrepareInWorker(await makeZUpBoxGlb([2048, 2048]), { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: "AbortError", failure: "aborted" });
    await expect(running).rejects.toBeInstanceOf(WorkerTaskError);
    const { prepared } = await validateAndPrepareInWorker(await makeSharedMeshGlb());
    expect(webVersion(prepared).height).toBeCloseTo(1.6, 3);
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
