import "server-only";
import { bestFit } from "../endpoint-fit";
import { ApiChangedError } from "../errors";
import type { Capability } from "../types";
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

export function genericImageToFileAdapter(capability: Extract<Capability, "image-to-3d" | "image-to-splat">, id: "generic" | "triposplat" = "generic"): ModelAdapter {
  const splat = capability === "image-to-splat";
  return {
    id,
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
        const ext = splat ? /\.(ply|splat)$/i : /\.(glb)$/i;
        const byName = out.find((v) => ext.test(nameOf(v)));
        return { file: byName ?? out[fit.output], endpoint: fit.endpoint };
      };
    },
  };
}

/**
 * VAST-AI/TripoSplat (ZeroGPU): one image in, a Gaussian splat .ply out (Y-down). Its endpoint names are not
 * documented, so the endpoint is discovered at connect from /gradio_api/info: the one that takes an image and
 * returns a file, preferring names that speak of splats, with the .ply chosen among several file outputs.
 */
export const tripoSplatAdapter: ModelAdapter = genericImageToFileAdapter("image-to-splat", "triposplat");

function nameOf(v: unknown): string {
  if (typeof v === "string") return v;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (o.__type__ === "update") return nameOf(o.value);
    for (const k of ["orig_name", "path", "url"]) if (typeof o[k] === "string") return o[k];
  }
  return "";
}
