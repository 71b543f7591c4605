// Runs once when the server starts: says which settings it ignored, and resumes the builds that were running
// when the previous process died.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { config } = await import("./lib/platform/config");
  for (const warning of config().warnings) console.warn(`vernissage: ${warning.message}`);
  const { resumeWhenReady } = await import("./lib/builds/resume");
  resumeWhenReady();
}
