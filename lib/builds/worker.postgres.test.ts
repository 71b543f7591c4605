// The worker loop on a real PostgreSQL and pg-boss: run by the scale step of `npm test` (scripts/scale.mjs sets
// VERNISSAGE_TEST_DATABASE_URL and DATABASE_URL to a throwaway database); skipped in a plain `vitest run`. The
// builds are real rows, queued, fetched and claimed for real; only what runs once a build is claimed is the
// test's own, so it can count how many run at once.
import { afterAll, describe, expect, it } from "vitest";
import { createBuild, finishBuild, getBuild } from "@/lib/db/builds";
import { createGallery } from "@/lib/db/galleries";
import { enqueueBuild, stopBoss } from "./queue";
import { LEASE_MS, startWorker } from "./worker";

const url = process.env.VERNISSAGE_TEST_DATABASE_URL;

describe.skipIf(!url)("a build worker on PostgreSQL", () => {
  afterAll(async () => {
    await stopBoss();
  });

  async function queuedBuilds(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const { id } = await createGallery({ title: `w${i}`, goal: "g" });
      ids.push((await createBuild({ galleryId: id, kind: "gallery", goal: "g" })).id);
    }
    // All queued before the worker starts: its loop fetches again at once after each fetch, the moment a
    // miscounted slot would let it take more than its share.
    for (const id of ids) await enqueueBuild(id);
    return ids;
  }

  async function runAll(concurrency: number, builds: number): Promise<{ most: number; ran: string[] }> {
    const ids = await queuedBuilds(builds);
    let now = 0;
    let most = 0;
    const ran: string[] = [];
    const worker = await startWorker({
      concurrency,
      id: `test-worker-${concurrency}`,
      runBuild: async (build) => {
        most = Math.max(most, ++now);
        ran.push(build.id);
        await new Promise((resolve) => setTimeout(resolve, 400));
        await finishBuild(build.id, "succeeded");
        now--;
      },
    });
    try {
      const deadline = Date.now() + 30_000;
      while ((await Promise.all(ids.map((id) => getBuild(id)))).some((b) => b?.status !== "succeeded")) {
        if (Date.now() > deadline) throw new Error(`builds still running after 30 s: ran ${ran.length} of ${builds}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await worker.stop();
    }
    return { most, ran };
  }

  it("runs at most WORKER_CONCURRENCY builds at once, and every queued build once", async () => {
    const one = await runAll(1, 3);
    expect(one.most).toBe(1);
    expect(new Set(one.ran).size).toBe(3);
    const two = await runAll(2, 5);
    expect(two.most).toBe(2);
    expect(new Set(two.ran).size).toBe(5);
  }, 90_000);

  it("a stopping worker hands its running build back, and another takes it at once, not after the lease lapses", async () => {
    const [id] = await queuedBuilds(1);
    let begun!: () => void;
    const running = new Promise<void>((resolve) => (begun = resolve));
    const first = await startWorker({
      concurrency: 1,
      id: "test-worker-stopping",
      runBuild: async (_build, controller) => {
        begun();
        await new Promise<void>((resolve) => controller.signal.addEventListener("abort", () => resolve()));
      },
    });
    await running;
    await first.stop();
    const stoppedAt = Date.now();
    const ran: string[] = [];
    const second = await startWorker({
      concurrency: 1,
      id: "test-worker-taking-over",
      runBuild: async (build) => {
        ran.push(build.id);
        await finishBuild(build.id, "succeeded");
      },
    });
    try {
      while ((await getBuild(id!))?.status !== "succeeded") {
        if (Date.now() - stoppedAt > 30_000) throw new Error("the handed-back build was never taken");
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await second.stop();
    }
    expect(ran).toEqual([id]);
    expect(Date.now() - stoppedAt).toBeLessThan(LEASE_MS);
  }, 60_000);
});
