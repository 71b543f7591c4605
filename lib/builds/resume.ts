import "server-only";
import { resumeInterruptedBuilds } from "./build-runner";
import { loadSpaceClientConfig } from "@/lib/space-client/config";

const READY_TIMEOUT_MS = 60_000;

/**
 * Resumes interrupted builds once this server answers on its own built-in Spaces (they are served by the same
 * process, which is not listening yet when instrumentation runs). Finished Space calls come from the cache.
 */
export function resumeWhenReady(): void {
  const probe = `${loadSpaceClientConfig().builtinBase}/sketch-image/config`;
  const started = Date.now();
  const attempt = async () => {
    try {
      const r = await fetch(probe, { signal: AbortSignal.timeout(2000) });
      if (r.ok) {
        // A first dynamic render loads the app's server runtime and the gallery's modules (seconds on a cold,
        // busy machine): pay that at boot, not on the first visitor's click.
        void fetch(probe.replace(/\/spaces\/sketch-image\/config$/, "/g/warming-up-the-server"), { signal: AbortSignal.timeout(30_000) }).catch(() => {});
        const resumed = await resumeInterruptedBuilds();
        if (resumed.length) console.log(`vernissage: resumed ${resumed.length} interrupted build(s)`);
        return;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() - started > READY_TIMEOUT_MS) {
      const resumed = await resumeInterruptedBuilds();
      if (resumed.length) console.warn(`vernissage: resumed ${resumed.length} build(s) without reaching the built-in Spaces`);
      return;
    }
    setTimeout(attempt, 500);
  };
  setTimeout(attempt, 200);
}
