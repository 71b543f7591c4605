import "server-only";
import { resumeInterruptedBuilds } from "./build-runner";
import { loadSpaceClientConfig } from "@/lib/space-client/config";

const READY_TIMEOUT_MS = 60_000;

/**
 * Runs `then` once this server answers on its own built-in Spaces (they are served by the same process, which is
 * not listening yet when instrumentation runs), or after READY_TIMEOUT_MS without them (`late` = true).
 */
function whenReady(then: (late: boolean) => Promise<void>): void {
  const probe = `${loadSpaceClientConfig().builtinBase}/sketch-image/config`;
  const started = Date.now();
  const attempt = async () => {
    try {
      const r = await fetch(probe, { signal: AbortSignal.timeout(2000) });
      if (r.ok) {
        // A first dynamic render loads the app's server runtime and the gallery's modules (seconds on a cold,
        // busy machine): pay that at boot, not on the first visitor's click.
        void fetch(probe.replace(/\/spaces\/sketch-image\/config$/, "/g/warming-up-the-server"), { signal: AbortSignal.timeout(30_000) }).catch(() => {});
        await then(false);
        return;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() - started > READY_TIMEOUT_MS) {
      await then(true);
      return;
    }
    setTimeout(attempt, 500);
  };
  setTimeout(attempt, 200);
}

/** Resumes interrupted builds (embedded default) once the built-in Spaces answer. Finished Space calls come from the cache. */
export function resumeWhenReady(): void {
  whenReady(async (late) => {
    const resumed = await resumeInterruptedBuilds();
    if (!resumed.length) return;
    if (late) console.warn(`vernissage: resumed ${resumed.length} build(s) without reaching the built-in Spaces`);
    else console.log(`vernissage: resumed ${resumed.length} interrupted build(s)`);
  });
}

/** A worker (`npm run worker`, PostgreSQL): takes builds off the queue once the built-in Spaces answer. */
export function workWhenReady(concurrency: number): void {
  whenReady(async () => {
    const { startWorker } = await import("./worker");
    for (let attempt = 1; ; attempt++) {
      try {
        const worker = await startWorker({ concurrency });
        const stop = () => void worker.stop().finally(() => process.exit(0));
        process.once("SIGTERM", stop);
        process.once("SIGINT", stop);
        return;
      } catch (err) {
        // The database may not be up yet (a deployment starting all at once): keep trying.
        console.warn(`vernissage: the worker could not start (attempt ${attempt}): ${String(err)}`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * attempt)));
      }
    }
  });
}
