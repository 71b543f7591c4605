import "server-only";
import crypto from "node:crypto";
import os from "node:os";
import { CancelledError } from "@/lib/platform/abort";
import { claimBuild, findLapsedBuilds, releaseBuildLease, renewBuildLease } from "@/lib/db/builds";
import { listen } from "@/lib/db/signal";
import { abortRunningBuild, CANCEL_CHANNEL, LeaseLostError, runClaimedBuild, runningBuildCount } from "./build-runner";
import { BUILD_QUEUE, JOBS_CHANNEL, enqueueBuild, getBoss, type BuildJob } from "./queue";

// `npm run worker` (PostgreSQL deployments): takes builds off the queue, up to `concurrency` at once, and runs
// them in this process. Every step a build makes is already persisted as it happens (events, exhibits and
// their versions, and each finished Space call in the shared call cache), so a build is resumable at any point;
// what a worker adds is the lease: renewed every RENEW_MS while it runs the build, and checked by every worker's
// sweep, which puts a build whose lease lapsed for LEASE_MS back on the queue. A killed worker's build is thus
// claimed by another within LEASE_MS + SWEEP_MS + a poll (≈ 20 s), and resumed with its finished calls free.

export const LEASE_MS = 15_000;
const RENEW_MS = 3_000;
const SWEEP_MS = 3_000;
const POLL_MS = 1_000;

export interface WorkerHandle {
  id: string;
  /** Stops taking builds, and aborts the ones running (their leases then lapse and others resume them). */
  stop(): Promise<void>;
}

export interface WorkerOptions {
  /** Builds this worker runs at once (WORKER_CONCURRENCY). */
  concurrency: number;
  id?: string;
  /** Runs a claimed build to its end; the production build runner unless a test passes its own. */
  runBuild?: typeof runClaimedBuild;
}

export async function startWorker(options: WorkerOptions): Promise<WorkerHandle> {
  const runBuild = options.runBuild ?? runClaimedBuild;
  const id = options.id ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;
  const boss = await getBoss();
  const leases = new Map<string, { controller: AbortController; timer: NodeJS.Timeout }>();
  let stopped = false;
  let wake: (() => void) | null = null;
  const poke = () => wake?.();

  const unlistenJobs = await listen(JOBS_CHANNEL, poke);
  const unlistenCancel = await listen(CANCEL_CHANNEL, (buildId) => {
    abortRunningBuild(buildId, new CancelledError("Cancelled by the owner."));
  });

  const renew = async (buildId: string, controller: AbortController) => {
    try {
      const lease = await renewBuildLease(buildId, id);
      if (!lease) controller.abort(new LeaseLostError(buildId));
      else if (lease.cancelRequested) controller.abort(new CancelledError("Cancelled by the owner."));
    } catch (err) {
      // The database is unreachable for a moment: keep working; the lease lapses only if it lasts.
      console.warn(`vernissage: worker ${id} could not renew the lease of build ${buildId}: ${String(err)}`);
    }
  };

  const handBack = async (buildId: string) => {
    await releaseBuildLease(buildId, id).catch(() => {});
    await enqueueBuild(buildId).catch(() => {});
  };

  const run = async (buildId: string) => {
    const build = await claimBuild(buildId, id, LEASE_MS);
    if (!build) return; // finished, or another worker holds a live lease on it
    if (stopped) {
      // Claimed while the worker was stopping: handed straight back for another worker.
      await handBack(buildId);
      return;
    }
    const controller = new AbortController();
    const timer = setInterval(() => void renew(buildId, controller), RENEW_MS);
    leases.set(buildId, { controller, timer });
    try {
      await runBuild(build, controller);
    } catch (err) {
      console.error(`vernissage: worker ${id}: build ${buildId} stopped with an error`, err);
    } finally {
      clearInterval(timer);
      leases.delete(buildId);
    }
  };

  // The builds this worker has taken, from the fetch until they stop: its slots. A build takes its slot here,
  // synchronously, not when its claim returns: the loop fetches again at once after a fetch, and counting the
  // leases (set only after the claim's round trip) let one worker with WORKER_CONCURRENCY=1 run two or three
  // builds at once, which is also why two workers measured no faster than one.
  const taken = new Set<string>();
  const take = async () => {
    const free = options.concurrency - taken.size;
    if (free <= 0) return 0;
    const jobs = await boss.fetch<BuildJob>(BUILD_QUEUE, { batchSize: free });
    if (!jobs?.length) return 0;
    for (const job of jobs) {
      const buildId = job.data.buildId;
      if (!taken.has(buildId)) {
        taken.add(buildId);
        void run(buildId)
          .catch((err: unknown) => console.error(`vernissage: worker ${id} could not claim build ${buildId}: ${String(err)}`))
          .finally(() => {
            taken.delete(buildId);
            poke(); // a slot is free
          });
      }
      // The job only hands the build over: completed at once, whatever the build then does (the lease is ours).
      void boss.complete(BUILD_QUEUE, job.id).catch(() => {});
    }
    return jobs.length;
  };

  const loop = (async () => {
    while (!stopped) {
      let took = 0;
      try {
        took = await take();
      } catch (err) {
        console.warn(`vernissage: worker ${id} could not fetch jobs: ${String(err)}`);
      }
      if (took > 0) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, POLL_MS);
        function done() {
          clearTimeout(timer);
          wake = null;
          resolve();
        }
        wake = done;
      });
    }
  })();

  // Any worker may hand a lapsed build to the queue; the claim decides who runs it.
  const sweep = setInterval(() => {
    void findLapsedBuilds(LEASE_MS)
      .then((lapsed) => Promise.all(lapsed.filter((b) => !leases.has(b.id)).map((b) => enqueueBuild(b.id))))
      .catch((err: unknown) => console.warn(`vernissage: worker ${id} sweep failed: ${String(err)}`));
  }, SWEEP_MS);

  console.log(`vernissage: worker ${id} takes builds (up to ${options.concurrency} at once)`);
  return {
    id,
    async stop() {
      stopped = true;
      clearInterval(sweep);
      poke();
      await loop;
      unlistenJobs();
      unlistenCancel();
      const handedBack = [...leases.keys()];
      for (const [buildId, { controller }] of leases) controller.abort(new LeaseLostError(buildId));
      // Every taken build has stopped, including one whose claim was in flight (it hands itself back).
      while (taken.size > 0 || runningBuildCount() > 0) await new Promise((resolve) => setTimeout(resolve, 50));
      // Handed back rather than left to lapse: another worker resumes them at once.
      for (const buildId of handedBack) await handBack(buildId);
    },
  };
}
