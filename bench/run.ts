// `npm run bench`: runs every benchmark and prints one figure a line (`name value unit`).
// `npm run bench -- sketch pipelining` runs only the named ones.
import { print, type Figure } from "./support/figures";

const benches: Record<string, () => Promise<{ run(): Promise<Figure[]> }>> = {
  "first-load-js": () => import("./first-load-js"),
};

const wanted = process.argv.slice(2);
let failed = 0;
for (const [name, load] of Object.entries(benches)) {
  if (wanted.length && !wanted.includes(name)) continue;
  try {
    const figures = await (await load()).run();
    figures.forEach(print);
  } catch (err) {
    failed++;
    console.error(`bench ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
}
process.exit(failed ? 1 : 0);
