// Runs once when the server starts: builds that were running when the previous process died resume here.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { resumeWhenReady } = await import("./lib/builds/resume");
  resumeWhenReady();
}
