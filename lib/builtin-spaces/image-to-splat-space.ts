import "server-only";
// The built-in image-to-splat Space, shaped like VAST-AI/TripoSplat's published handler (run_gradio.py, as the
// Space client's fixture records it): /generate(image, seed, steps, guidance_scale, num_gaussians (a dropdown of
// counts as strings), output_format ("ply" | "splat")) → [preprocessed image, 3D viewer HTML, a DownloadButton
// update holding the file, info text]. The same adapter that drives TripoSplat drives this one. The work runs in
// the engine worker pool (splat/reconstruct.ts); a picture the engine refuses comes back as a Gradio error
// carrying its message.
import { outputFile, outputFileUpdate, type GradioAppDefinition } from "@/lib/builtin-spaces/gradio-server";
import { configValue } from "@/lib/platform/config";
import { engineFailure } from "./engine-errors";
import { splatInWorker } from "./engines/engines";
import type { BuiltinSpaceInfo } from "./space-info";

/**
 * TripoSplat's choices (32768–262144), with smaller ones before them for tests and slow GPUs: a caller that
 * sends one of TripoSplat's gets exactly that.
 */
export const GAUSSIAN_CHOICES = ["1024", "4096", "8192", "16384", "32768", "65536", "131072", "262144"] as const;

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
          { name: "image", label: "Input image", component: "image", type: "file", fileTypes: [".png", ".jpg", ".jpeg", ".webp"] },
          { name: "seed", label: "Seed", component: "number", type: "integer", default: 42 },
          { name: "steps", label: "Steps", component: "slider", type: "integer", default: 20, minimum: 1, maximum: 50 },
          { name: "guidance_scale", label: "Guidance scale", component: "slider", type: "number", default: 3, minimum: 1, maximum: 10 },
          { name: "num_gaussians", label: "Number of Gaussians", component: "dropdown", type: "string", default: "262144", choices: GAUSSIAN_CHOICES },
          { name: "output_format", label: "Output format", component: "dropdown", type: "string", default: "ply", choices: ["ply", "splat"] },
        ],
        returns: [
          { label: "Preprocessed image", component: "image", type: "file" },
          { label: "3D viewer", component: "html", type: "string" },
          { label: "Download", component: "downloadbutton", type: "file" },
          { label: "Info", component: "textbox", type: "string" },
        ],
        timeoutMs: 180_000,
        async run(args, ctx) {
          ctx.progress(0.05, "Reading the image");
          const image = await args.file("image").read();
          const asked = Number(args.string("num_gaussians"));
          // BUILTIN_SPLAT_GAUSSIANS caps what any call makes (browser tests on a software GPU, slow machines).
          const cap = configValue("BUILTIN_SPLAT_GAUSSIANS");
          const format = args.string("output_format") as "ply" | "splat";
          const request = {
            seed: args.number("seed"),
            steps: args.number("steps"),
            guidanceScale: args.number("guidance_scale"),
            numGaussians: cap === undefined ? asked : Math.min(asked, cap),
            format,
          };
          ctx.progress(0.15, info.working);
          const started = Date.now();
          const { file, preview, stats } = await splatInWorker(image, request, ctx.signal).catch((e: unknown) => engineFailure(e, info.failure));
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          ctx.progress(1, "Done");
          const count = stats.gaussians.toLocaleString("en");
          const capped = request.numGaussians < asked ? ` (capped from ${asked.toLocaleString("en")} by BUILTIN_SPLAT_GAUSSIANS)` : "";
          const viewer = `<div class="splat-result"><p>Gaussian splat: ${count} Gaussians (${stats.kind} body), base colour only, Y down.</p><p>Download the .${format} to view it in any 3DGS viewer.</p></div>`;
          const text = `${count} Gaussians${capped} · seed ${request.seed} · ${request.steps} steps · guidance ${request.guidanceScale} · ${seconds} s`;
          return [outputFile(preview, "preprocessed.png"), viewer, outputFileUpdate(file, `splat.${format}`, { visible: true }), text];
        },
      },
    ],
  };
}
