import "server-only";
import { resumeInterruptedBuilds } from "./runner";
import { getToolbox } from "./toolbox";

const READY_TIMEOUT_MS = 60_000;

/**
 * Resumes interrupted builds once this server answers on its own built-in Spaces (they are served by the same
 * process, which is not listening yet when instrumentation runs). Finished Space calls come from the cache.
 */
export function resumeWhenReady(): void {
  const probe = `${getToolbox().config.builtinBase}/sketch-image/config`;
  const started = Date.now();
  const attempt = async () => {
    try {
      const r = await fetch(probe, { signal: AbortSignal.timeout(2000) });
      if (r.ok) {
        const resumed = resumeInterruptedBuilds();
        if (resumed.length) console.log(`vernissage: resumed ${resumed.length} interrupted build(s)`);
        return;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() - started > READY_TIMEOUT_MS) {
      const resumed = resumeInterruptedBuilds();
      if (resumed.length) console.warn(`vernissage: resumed ${resumed.length} build(s) without reaching the built-in Spaces`);
      return;
    }
    setTimeout(attempt, 500);
  };
  setTimeout(attempt, 200);
}
