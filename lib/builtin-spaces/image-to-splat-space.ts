import "server-only";
// The built-in image-to-splat Space, shaped like VAST-AI/TripoSplat's published handler (run_gradio.py):
// /generate(image, seed, steps, guidance_scale, num_gaussians, output_format="ply") → [preprocessed image, HTML
// viewer, a DownloadButton update holding the .ply, Markdown]. The same adapter that drives TripoSplat drives
// this one. The work runs in the engine worker pool (splat/reconstruct.ts); a picture the engine refuses comes
// back as a Gradio error carrying its message.
import { outputFile, outputFileUpdate, type GradioAppDefinition } from "@/lib/builtin-spaces/gradio-server";
import { engineFailure } from "./engine-errors";
import { splatInWorker } from "./engines/engines";
import type { BuiltinSpaceInfo } from "./space-info";
import { DEFAULT_GAUSSIANS, MAX_GAUSSIANS, MIN_GAUSSIANS } from "./splat/reconstruct";

/** TripoSplat's seed slider: numpy's int32 maximum, as Gradio demos write MAX_SEED. */
const MAX_SEED = 2 ** 31 - 1;

export function imageToSplatSpaceDefinition(info: BuiltinSpaceInfo, concurrencyLimit: number): GradioAppDefinition {
  return {
    id: info.id,
    title: info.title,
    description: info.description,
    concurrencyLimit,
    endpoints: [
      {
        apiName: "generate",
        description: info.endpointDescription,
        parameters: [
          { name: "image", label: "Input Image", component: "image", type: "file", fileTypes: [".png", ".jpg", ".jpeg", ".webp"] },
          { name: "seed", label: "Seed", component: "slider", type: "integer", default: 0, minimum: 0, maximum: MAX_SEED },
          { name: "steps", label: "Sampling Steps", component: "slider", type: "integer", default: 20, minimum: 1, maximum: 50 },
          { name: "guidance_scale", label: "Guidance Scale", component: "slider", type: "number", default: 3, minimum: 1, maximum: 10 },
          {
            name: "num_gaussians",
            label: "Number of Gaussians",
            component: "slider",
            type: "integer",
            default: DEFAULT_GAUSSIANS,
            minimum: MIN_GAUSSIANS,
            maximum: MAX_GAUSSIANS,
          },
          { name: "output_format", label: "Output Format", component: "dropdown", type: "string", default: "ply", choices: ["ply"] },
        ],
        returns: [
          { label: "Preprocessed Image", component: "image", type: "file" },
          { label: "Viewer", component: "html", type: "string" },
          { label: "Download", component: "downloadbutton", type: "file" },
          { label: "Info", component: "markdown", type: "string" },
        ],
        timeoutMs: 180_000,
        async run(args, ctx) {
          ctx.progress(0.05, "Reading the image");
          const image = await args.file("image").read();
          const request = {
            seed: args.number("seed"),
            steps: args.number("steps"),
            guidanceScale: args.number("guidance_scale"),
            numGaussians: args.number("num_gaussians"),
          };
          ctx.progress(0.15, info.working);
          const started = Date.now();
          const { ply, preview, stats } = await splatInWorker(image, request, ctx.signal).catch((e: unknown) => engineFailure(e, info.failure));
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          ctx.progress(1, "Done");
          const count = stats.gaussians.toLocaleString("en");
          const viewer = `<div class="splat-result"><p>Gaussian splat: ${count} Gaussians (${stats.kind} body), base colour only, Y down.</p><p>Download the .ply to view it in any 3DGS viewer.</p></div>`;
          const markdown = `**${count} Gaussians** · seed ${request.seed} · ${request.steps} steps · guidance ${request.guidanceScale} · ${seconds} s`;
          return [outputFile(preview, "preprocessed.png"), viewer, outputFileUpdate(ply, "splat.ply", { visible: true }), markdown];
        },
      },
    ],
  };
}
