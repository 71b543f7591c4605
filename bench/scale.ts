// The PostgreSQL + S3 shape: builds per minute with one worker and with two, gallery JSON p95 with 50 viewers on
// one and on two web processes, and the delay from an event's write on a worker to a tab on another web process.
// The cluster (PostgreSQL, s3rver, `next start` processes) is driven by scripts/bench-scale.mjs, which shares its
// helpers with the scale suite (scripts/lib/cluster.mjs).
import type { Figure } from "./support/figures";

export async function run(): Promise<Figure[]> {
  const script = "../scripts/bench-scale.mjs"; // plain JavaScript, as the scripts are: loaded by path
  const mod = (await import(script)) as { run(): Promise<Figure[]> };
  return mod.run();
}
