// Pipelining through the toolbox: 6 exhibits, each image → model, all started at once against the built-in
// Spaces running one job at a time each, with injected latencies of 1 s (image) and 2 s (3D). Perfect
// pipelining takes 6 × 2 + 1 = 13 s; one exhibit after the other would take 6 × 3 = 18 s.
import type { Figure } from "./support/figures";
import { startBuiltinSpaces } from "./support/builtin";

export async function run(): Promise<Figure[]> {
  const server = await startBuiltinSpaces();
  try {
    const { measurePipelining } = await import("@/bench/support/pipelining");
    const r = await measurePipelining({ exhibits: 6, imageLatencyMs: 1000, modelLatencyMs: 2000, origin: server.origin });
    return [
      { name: "pipelining_6_exhibits_elapsed", value: r.elapsedMs, unit: "ms" },
      { name: "pipelining_ideal", value: r.idealMs, unit: "ms" },
      { name: "pipelining_sequential_reference", value: r.serialMs, unit: "ms" },
      // target ≤ 1.1
      { name: "pipelining_ratio", value: Number(r.ratio.toFixed(3)), unit: "ratio" },
    ];
  } finally {
    await server.close();
  }
}
