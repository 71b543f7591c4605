import "server-only";
import PgBoss from "pg-boss";
import { configValue } from "@/lib/platform/config";
import { processSingleton } from "@/lib/platform/singleton";
import { signal } from "@/lib/db/signal";

// The durable queue of builds to run (PostgreSQL deployments), on pg-boss 10: a job says "claim build X". It
// is short by design — a worker takes it, claims the build's lease in the builds table and completes it at
// once — because pg-boss 10 has no heartbeat: a job held for a whole build could only be retried after its
// expiry (minutes to hours) plus a maintenance run. The lease (lib/db/builds.ts, renewed by the worker every
// few seconds) is the heartbeat; a lapsed lease is put back on this queue by any worker (worker.ts).

export const BUILD_QUEUE = "vernissage-build";
/** Wakes idle workers as soon as a job is sent, instead of at their next poll. */
export const JOBS_CHANNEL = "vernissage_jobs";

export interface BuildJob {
  buildId: string;
}

/** The process's pg-boss, started and with its queue created (once; a failed start is retried by the next call). */
export function getBoss(): Promise<PgBoss> {
  const state = processSingleton("pgBoss", () => ({ boss: null as Promise<PgBoss> | null }));
  state.boss ??= startBoss().catch((err: unknown) => {
    state.boss = null;
    throw err;
  });
  return state.boss;
}

async function startBoss(): Promise<PgBoss> {
  const url = configValue("DATABASE_URL");
  if (!url) throw new Error("the build queue needs DATABASE_URL");
  const boss = new PgBoss({
    connectionString: url,
    max: 4,
    // Expired claim jobs are retried, and old ones archived, by whichever process runs maintenance.
    maintenanceIntervalSeconds: 30,
    schedule: false,
  });
  boss.on("error", (err: unknown) => console.warn(`vernissage: queue: ${err instanceof Error ? err.message : String(err)}`));
  await boss.start();
  // `short`: at most one waiting claim per build (singletonKey = build id), however often it is sent.
  await boss.createQueue(BUILD_QUEUE, { name: BUILD_QUEUE, policy: "short", retryLimit: 10, retryDelay: 2, expireInSeconds: 60 });
  return boss;
}

/** Puts the build on the queue (a second send while one claim waits does nothing) and wakes the workers. */
export async function enqueueBuild(buildId: string): Promise<void> {
  const boss = await getBoss();
  await boss.send(BUILD_QUEUE, { buildId } satisfies BuildJob, { singletonKey: buildId });
  await signal(JOBS_CHANNEL, buildId);
}

/** Stops the process's pg-boss (tests, shutdown). */
export async function stopBoss(): Promise<void> {
  const state = processSingleton("pgBoss", () => ({ boss: null as Promise<PgBoss> | null }));
  const boss = await state.boss?.catch(() => null);
  state.boss = null;
  await boss?.stop({ graceful: false, wait: true }).catch(() => {});
}
