// `npm run bench`: runs every benchmark and prints one figure a line (`name value unit`).
// `npm run bench -- spaces pipelining` runs only the named ones. Speed and memory targets live here (in
// comments beside each figure), never in timed tests. Progress notes go to stderr; stdout has figures only.
import { print, type Figure } from "./support/figures";

type Bench = () => Promise<{ run(): Promise<Figure[]> }>;

const benches: Record<string, Bench> = {
  "first-load-js": () => import("./first-load-js"),
  spaces: () => import("./spaces"),
  pipelining: () => import("./pipelining"),
  agent: () => import("./agent"),
  models: () => import("./models"),
  splats: () => import("./splats"),
  "shared-link": () => import("./shared-link"),
  db: () => import("./db"),
  scale: () => import("./scale"),
  load: () => import("./load"),
  planner: () => import("./planner"),
  "splat-rendering": () => import("./splat-rendering"),
  mcp: () => import("./mcp"),
  exports: () => import("./exports"),
};

async function main(): Promise<number> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !(w in benches));
  if (unknown.length) {
    console.error(`unknown bench: ${unknown.join(", ")} (known: ${Object.keys(benches).join(", ")})`);
    return 2;
  }
  let failed = 0;
  for (const [name, load] of Object.entries(benches)) {
    if (wanted.length && !wanted.includes(name)) continue;
    const t0 = performance.now();
    try {
      const figures = await (await load()).run();
      figures.forEach(print);
    } catch (err) {
      failed++;
      console.error(`bench ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    } finally {
      console.error(`bench ${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  }
  return failed ? 1 : 0;
}

// Engine workers and the like may keep the event loop alive: the run ends when the benches do.
main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
