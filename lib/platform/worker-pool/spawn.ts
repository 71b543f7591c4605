import "server-only";
// What every worker entry's spawn shares. Each pool starts its workers with its own literal
// `new Worker(new URL("./worker.ts", import.meta.url), { … })` in a file next to its worker.ts
// (lib/builtin-spaces/engines/engines.ts, lib/model-worker/pool.ts): in the Next build Turbopack bundles a
// worker only where it sees that exact pattern, resolving the URL against the file it is written in, so the
// call cannot move into a shared helper. The options stay an object literal too: Turbopack reads it (for
// `eval`) and warns about, or skips, a worker whose options it cannot see. Only their values come from here.
//
// Run from source (vitest, tsx) plain Node cannot load a .ts entry, so the worker gets tsx's require hook —
// the same code runs, in a real thread. `react-server` makes `import "server-only"` resolve to its empty
// module there, as it does in Next's server bundles.

// (tsx's CJS mode loads three.js through require(), which makes three print a deprecation notice: muted.)
export const TS_WORKER_EXEC_ARGV = [
  "--require",
  "tsx/cjs",
  "--conditions=react-server",
  "--disable-warning=THREE_CJS_DEPRECATED",
];

/**
 * True when this module runs from its .ts source under plain Node (vitest, tsx). Not inside Next: there the
 * worker is a bundled chunk, yet Turbopack's emulated import.meta.url still names the .ts source file — so
 * the Next runtime marker decides first.
 */
export function runningFromSource(moduleUrl: string | undefined, nextRuntime = process.env.NEXT_RUNTIME): boolean {
  if (nextRuntime) return false;
  return typeof moduleUrl === "string" && /\.ts$/.test(moduleUrl.split("?")[0] ?? "");
}

/** `execArgv` for a worker started from the module at `moduleUrl` (its import.meta.url). */
export function workerExecArgv(moduleUrl: string): string[] | undefined {
  return runningFromSource(moduleUrl) ? TS_WORKER_EXEC_ARGV : undefined;
}
