// The built-in Spaces through the real @gradio/client on loopback (connect once, then one predict per call):
// text-to-image at 1024² and image-to-3D on that picture — median wall time per call, as a client sees it
// (queue join, SSE stream, engine worker, output file download), and the sizes of what comes back.
import type { Figure } from "./support/figures";
import { median } from "./support/figures";
import { connect, generateImage, LANDMARKS, reconstruct, startBuiltinSpaces } from "./support/builtin";

const SIDE = 1024;
const RUNS = 8; // after one warm-up call each (worker start, JIT)

export async function run(): Promise<Figure[]> {
  const server = await startBuiltinSpaces();
  const sketch = await connect(server.origin, "sketch-image");
  const shape = await connect(server.origin, "shape-3d");
  try {
    const warm = await generateImage(sketch, LANDMARKS[0]!, 0, SIDE);
    await reconstruct(shape, warm);

    const imageMs: number[] = [];
    const modelMs: number[] = [];
    const pngBytes: number[] = [];
    const glbBytes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const prompt = LANDMARKS[i % LANDMARKS.length]!;
      let t0 = performance.now();
      const png = await generateImage(sketch, prompt, 1000 + i, SIDE);
      imageMs.push(performance.now() - t0);
      t0 = performance.now();
      const glb = await reconstruct(shape, png, i);
      modelMs.push(performance.now() - t0);
      pngBytes.push(png.length);
      glbBytes.push(glb.length);
    }
    return [
      // target ≤ 150 ms
      { name: "space_text_to_image_1024_median", value: Math.round(median(imageMs)), unit: "ms" },
      // target ≤ 300 ms
      { name: "space_image_to_3d_median", value: Math.round(median(modelMs)), unit: "ms" },
      { name: "space_png_1024_median_size", value: Math.round(median(pngBytes) / 1024), unit: "KiB" },
      // target ≤ 1.5 MB (1536 KiB), for the largest
      { name: "space_glb_median_size", value: Math.round(median(glbBytes) / 1024), unit: "KiB" },
      { name: "space_glb_max_size", value: Math.round(Math.max(...glbBytes) / 1024), unit: "KiB" },
    ];
  } finally {
    sketch.close();
    shape.close();
    await server.close();
  }
}
