import "server-only";
import { bestFit } from "../endpoint-fit";
import { ApiChangedError } from "../errors";
import type { Capability } from "../types";
import { fileExt, pickFile } from "./re-resolve";
import { numberOr, snap, type ImageAdapter, type ModelAdapter } from "./types";

// Adapters for Spaces nobody wrote one for: at connect they ask the endpoint-fit judge (endpoint-fit.ts) which
// endpoint fits the capability (a prompt in and an image out; an image in and a model/splat out), filling what
// it recognises by name and leaving every other parameter at its default. A Space with no fitting endpoint is
// refused with a clear message.

const endpointsOf = (endpoints: Record<string, unknown>) => Object.keys(endpoints).join(", ") || "none";

export function genericTextToImageAdapter(): ImageAdapter {
  const inputs = (req: { prompt: string; seed: number; width: number; height: number }) => ({
    prompt: req.prompt,
    seed: req.seed,
    width: snap(req.width, 256, 2048, 32),
    height: snap(req.height, 256, 2048, 32),
  });
  return {
    id: "generic",
    capability: "text-to-image",
    endpoint: "auto",
    version: 1,
    inputs,
    bind(endpoints, space) {
      const fit = bestFit(endpoints, "text-to-image");
      if (!fit) throw new ApiChangedError(space, `no endpoint takes a prompt and returns an image (it has ${endpointsOf(endpoints)})`);
      return async (s, req) => {
        const sent = inputs(req);
        const out = await s.call(fit.endpoint, fit.fill(sent.prompt, sent));
        const seedOut = out.findIndex((v, i) => i !== fit.output && typeof v === "number");
        return { file: out[fit.output], seed: seedOut >= 0 ? numberOr(out[seedOut], req.seed) : req.seed, endpoint: fit.endpoint };
      };
    },
  };
}

export function genericImageToFileAdapter(capability: Extract<Capability, "image-to-3d" | "image-to-splat">): ModelAdapter {
  const splat = capability === "image-to-splat";
  return {
    id: "generic",
    capability,
    endpoint: "auto",
    version: 1,
    inputs: (req) => ({ image: req.image.sha256, seed: req.seed }),
    bind(endpoints, space) {
      const fit = bestFit(endpoints, capability);
      if (!fit) {
        throw new ApiChangedError(space, `no endpoint takes an image and returns a ${splat ? "splat file" : "3D model"} (it has ${endpointsOf(endpoints)})`);
      }
      return async (s, req) => {
        const image = await s.sendFile(req.image);
        const out = await s.call(fit.endpoint, fit.fill(image, { seed: req.seed }));
        // Several file outputs (a preview video, a GLB, a PLY…): prefer the one with the wanted extension.
        return { file: pickFile(out, fileExt[capability], fit.output), endpoint: fit.endpoint };
      };
    },
  };
}
