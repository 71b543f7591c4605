// `npm test`: typecheck, lint, unit tests, end-to-end tests. Every part runs even when an earlier one
// fails, so one run shows everything that is broken; the exit code is non-zero if any part failed.
import { mkdirSync, readFileSync, existsSync, rmSync } from "node:fs";
import { run } from "./lib/run.mjs";

const results = ".test-results";
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const steps = [
  ["typecheck", "npx", ["tsc", "--noEmit"]],
  ["lint", "npx", ["eslint", "--max-warnings=0", "."]],
  ["unit", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${results}/vitest.json`]],
  ["e2e", "node", ["scripts/e2e.mjs"]],
  // PostgreSQL + S3 + two web nodes + two workers (installs Debian's postgresql when missing). Reuses the e2e
  // step's production build when that step ran.
  ["scale", "node", ["scripts/scale.mjs"]],
];

const only = process.env.TEST_ONLY?.split(",");
const failed = [];
for (const [name, cmd, args] of steps) {
  if (only && !only.includes(name)) continue;
  console.log(`\n━━ ${name} ━━`);
  const t0 = Date.now();
  const reuseBuild = name === "scale" && (!only || only.includes("e2e")) && !failed.includes("e2e") ? { SCALE_SKIP_BUILD: "1" } : {};
  const code = await run(cmd, args, { env: { NEXT_TELEMETRY_DISABLED: "1", PW_JSON_OUTPUT: `${results}/playwright.json`, ...reuseBuild } });
  console.log(`━━ ${name}: ${code === 0 ? "ok" : `FAILED (exit ${code})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (code !== 0) failed.push(name);
}

function readJson(path) {
  try {
    return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null;
  } catch {
    return null;
  }
}
let passed = 0;
let failedTests = 0;
let skipped = 0;
const vitest = readJson(`${results}/vitest.json`);
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failedTests += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
}
const pw = readJson(`${results}/playwright.json`);
if (pw?.stats) {
  passed += pw.stats.expected ?? 0;
  failedTests += (pw.stats.unexpected ?? 0) + (pw.stats.flaky ?? 0);
  skipped += pw.stats.skipped ?? 0;
}
// A failing step with no failing test (a type error, a lint error, a broken build) still counts as a failure.
const stepFailuresWithoutTests = failed.filter((s) => s === "typecheck" || s === "lint" || failedTests === 0).length;
console.log(`\nfailed steps: ${failed.length ? failed.join(", ") : "none"}`);
console.log(`test: ${passed} passed, ${failedTests + stepFailuresWithoutTests} failed, ${skipped} skipped`);
process.exit(failed.length ? 1 : 0);
