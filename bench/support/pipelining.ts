import "server-only";
import { loadSpaceClientConfig } from "../../lib/space-client/config";
import { MemoryAssetStore, MemoryCallCache } from "../../lib/space-client/testing/memory";
import { createSpaceClient } from "../../lib/space-client/space-client";

// The pipelining benchmark: N exhibits, each an image → model chain, all started at once, against the built-in
// Spaces with one job at a time each and fixed latencies. With the per-Space limiters the two Spaces work in
// parallel on different exhibits, so the whole takes about N × (slowest step) + (the other step), not
// N × (sum of steps). `ratio` = measured / that ideal; the target is ≤ 1.1.

export interface PipelineBenchOptions {
  exhibits?: number;
  imageLatencyMs?: number;
  modelLatencyMs?: number;
  /** Origin of a running Vernissage (its /spaces); default: a loopback server started for the run. */
  origin?: string;
  /** Image side in pixels (small keeps the built-ins' own compute negligible next to the latencies). */
  size?: number;
  /**
   * Our own limiter's slots per Space (the Spaces themselves always run one job at a time here). Default: the
   * product's (4 for built-ins), which lets the next exhibit upload and join the Space's queue while the
   * current job runs; 1 also serialises that preparation.
   */
  limiterConcurrency?: number;
}

export interface PipelineBenchResult {
  exhibits: number;
  elapsedMs: number;
  /** N × max(step) + min(step): perfect pipelining with one job per Space. */
  idealMs: number;
  /** Without pipelining (each chain waiting for the previous): N × (image + model). */
  serialMs: number;
  ratio: number;
  /** When each exhibit's model was ready, from the start. */
  readyAtMs: number[];
}

export async function measurePipelining(opts: PipelineBenchOptions = {}): Promise<PipelineBenchResult> {
  const n = opts.exhibits ?? 6;
  const imageMs = opts.imageLatencyMs ?? 1000;
  const modelMs = opts.modelLatencyMs ?? 2000;
  const size = opts.size ?? 128;
  const slots = opts.limiterConcurrency;

  let origin = opts.origin;
  let stop: (() => Promise<void>) | null = null;
  if (!origin) {
    // Loaded lazily: the bench is the only non-test code that starts a server of its own.
    const [{ handleBuiltinSpaceRequest }, { serveFetch }] = await Promise.all([
      import("@/lib/builtin-spaces/registry"),
      import("@/lib/builtin-spaces/gradio-server/testing/node-server"),
    ]);
    const server = await serveFetch(handleBuiltinSpaceRequest);
    origin = server.url;
    stop = () => server.close();
  }
  const base = `${origin.replace(/\/+$/, "")}/spaces`;
  // A fresh variant per run (the seed names it) so no earlier queue or cache is involved.
  const run = Math.floor(Math.random() * 1e9);
  const config = loadSpaceClientConfig({
    BUILTIN_SPACES_URL: base,
    SPACES_TEXT_TO_IMAGE: `${base}/sketch-image~latency=${imageMs}~concurrency=1~seed=${run}`,
    SPACES_IMAGE_TO_3D: `${base}/shape-3d~latency=${modelMs}~concurrency=1~seed=${run}`,
    // One job at a time on each Space (its own queue); our limiter at the product default unless told.
    ...(slots ? { SPACE_CONCURRENCY: `sketch-image=${slots},shape-3d=${slots}` } : {}),
    SPACE_RETRIES: "0",
  });
  const toolbox = createSpaceClient({ assets: new MemoryAssetStore(), cache: new MemoryCallCache(), config });

  try {
    // Warm-up: connections and engine workers, so the measurement is about scheduling, not cold starts.
    const warm = await toolbox.textToImage({ prompt: "a small vase", seed: run % 1000, width: size, height: size }, { bypassCache: true });
    await toolbox.imageToModel({ image: { sha256: warm.asset.sha256 }, seed: 0 }, { bypassCache: true });

    const subjects = ["a lighthouse", "a clock tower", "an obelisk", "a pagoda", "a windmill", "a domed temple", "an arch", "a spire"];
    const t0 = performance.now();
    const readyAtMs: number[] = [];
    await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const img = await toolbox.textToImage({ prompt: subjects[i % subjects.length]!, seed: run + i + 1, width: size, height: size }, { bypassCache: true, exhibit: `bench-${i}` });
        await toolbox.imageToModel({ image: { sha256: img.asset.sha256 }, seed: i }, { bypassCache: true, exhibit: `bench-${i}` });
        readyAtMs[i] = Math.round(performance.now() - t0);
      }),
    );
    const elapsedMs = Math.round(performance.now() - t0);
    const idealMs = n * Math.max(imageMs, modelMs) + Math.min(imageMs, modelMs);
    return { exhibits: n, elapsedMs, idealMs, serialMs: n * (imageMs + modelMs), ratio: elapsedMs / idealMs, readyAtMs };
  } finally {
    await stop?.();
  }
}
