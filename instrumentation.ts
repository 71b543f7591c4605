// Runs once when the server starts: says which settings it ignored, and then, by shape —
// embedded (no DATABASE_URL): resumes the builds that were running when the previous process died;
// PostgreSQL, web node: nothing to resume (builds run in workers); PostgreSQL, worker (`npm run worker`): takes
// builds off the queue once this server answers on its own built-in Spaces.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { config } = await import("./lib/platform/config");
  for (const warning of config().warnings) console.warn(`vernissage: ${warning.message}`);
  const c = config();
  if (c.DATABASE_URL === undefined) {
    const { resumeWhenReady } = await import("./lib/builds/resume");
    resumeWhenReady();
  } else if (c.VERNISSAGE_ROLE === "worker") {
    const { workWhenReady } = await import("./lib/builds/resume");
    workWhenReady(c.WORKER_CONCURRENCY);
  }
}
