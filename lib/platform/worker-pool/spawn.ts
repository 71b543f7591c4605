import "server-only";
// Starting the engine worker. In the Next build Turbopack sees `new Worker(new URL("../../builtin-spaces/engines/worker.ts",
// import.meta.url))` and bundles worker.ts (with the engines) as its own entry. Run from source (vitest, tsx)
// plain Node cannot load a .ts entry, so the worker gets tsx's require hook — the same code runs, in a real
// thread. `react-server` makes `import "server-only"` in the engines resolve to its empty module there, as
// it does in Next's server bundles.
import { Worker } from "node:worker_threads";

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

export function spawnEngineWorker(): Worker {
  return new Worker(new URL("../../builtin-spaces/engines/worker.ts", import.meta.url), {
    name: "vernissage-engine",
    execArgv: runningFromSource(import.meta.url) ? TS_WORKER_EXEC_ARGV : undefined,
    // A runaway reconstruction dies alone (and is replaced) instead of taking the server with it.
    resourceLimits: { maxOldGenerationSizeMb: 1536 },
  });
}
