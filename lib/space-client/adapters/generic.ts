import "server-only";
import type { EndpointSpec, ParamSpec } from "../api-info";
import { ApiChangedError } from "../errors";
import type { Capability } from "../types";
import { numberOr, snap, type Adapter, type ImageAdapter, type ModelAdapter, type NormalizedImageRequest, type NormalizedModelRequest } from "./types";

// Adapters for Spaces nobody wrote one for: at connect they read /gradio_api/info and pick the endpoint that
// fits the capability (a prompt in and an image out; an image in and a model/splat out), filling what they
// recognise by name (seed, width, height, randomize_seed → false) and leaving every other parameter at its
// default. A Space with a required parameter we cannot fill is refused with a clear message.

interface Pick {
  endpoint: string;
  fill: (req: Record<string, unknown>) => Record<string, unknown>;
  /** Which output holds the file: the first whose kind matches, by default. */
  output: number;
}

const NAME_BONUS = /^\/(predict|infer|inference|generate|run|process|txt2img|text_to_image|image_to_3d|image_to_splat|to_3d|generate_3d)$/i;

function fillers(ep: EndpointSpec, main: ParamSpec): ((req: Record<string, unknown>, out: Record<string, unknown>) => void)[] | null {
  const out: ((req: Record<string, unknown>, out: Record<string, unknown>) => void)[] = [];
  for (const p of ep.params) {
    if (p === main) continue;
    const n = p.name.toLowerCase();
    const numeric = p.kind === "number" || p.kind === "integer";
    if (numeric && /(^|_)seed$/.test(n)) out.push((r, o) => (o[p.name] = r.seed));
    else if (numeric && /^(width|image_width|w)$/.test(n)) out.push((r, o) => (o[p.name] = r.width ?? p.default));
    else if (numeric && /^(height|image_height|h)$/.test(n)) out.push((r, o) => (o[p.name] = r.height ?? p.default));
    else if (p.kind === "boolean" && /random/.test(n)) out.push((_r, o) => (o[p.name] = false));
    else if (p.required) return null; // a required parameter we cannot fill: this endpoint does not fit
  }
  return out;
}

export function pickTextToImage(endpoints: Record<string, EndpointSpec>): Pick | null {
  let best: { pick: Pick; score: number } | null = null;
  for (const ep of Object.values(endpoints)) {
    const output = ep.returns.findIndex((r) => r.kind === "file" && (r.fileKind === "image" || r.fileKind === "file"));
    if (output < 0) continue;
    const strings = ep.params.filter((p) => p.kind === "string");
    const prompt = strings.find((p) => /prompt|text|caption|description/i.test(p.name)) ?? (strings.length === 1 ? strings[0] : undefined);
    if (!prompt) continue;
    const fill = fillers(ep, prompt);
    if (!fill) continue;
    const score = (NAME_BONUS.test(ep.name) ? 2 : 0) + (/prompt/i.test(prompt.name) ? 2 : 0) + (ep.returns[output]!.fileKind === "image" ? 1 : 0);
    if (!best || score > best.score) {
      best = {
        score,
        pick: {
          endpoint: ep.name,
          output,
          fill: (req) => {
            const o: Record<string, unknown> = { [prompt.name]: req.prompt };
            for (const f of fill) f(req, o);
            return o;
          },
        },
      };
    }
  }
  return best?.pick ?? null;
}

export function pickImageToFile(endpoints: Record<string, EndpointSpec>, want: "model" | "splat"): Pick | null {
  const prefer = want === "splat" ? /splat|gaussian|ply|3dgs/i : /3d|mesh|model|glb|shape/i;
  let best: { pick: Pick; score: number } | null = null;
  for (const ep of Object.values(endpoints)) {
    const images = ep.params.filter((p) => p.kind === "file" && (p.fileKind === "image" || p.fileKind === "file"));
    const image = images.find((p) => p.required) ?? images[0];
    if (!image) continue;
    const output = ep.returns.findIndex((r) => r.kind === "file" && (r.fileKind === "model" || r.fileKind === "file"));
    if (output < 0) continue;
    const fill = fillers(ep, image);
    if (!fill) continue;
    const score =
      (prefer.test(ep.name) ? 3 : 0) +
      (NAME_BONUS.test(ep.name) ? 2 : 0) +
      (ep.returns[output]!.fileKind === "model" ? 1 : 0) +
      (images.length === 1 ? 1 : 0);
    if (!best || score > best.score) {
      best = {
        score,
        pick: {
          endpoint: ep.name,
          output,
          fill: (req) => {
            const o: Record<string, unknown> = { [image.name]: req.image };
            for (const f of fill) f(req, o);
            return o;
          },
        },
      };
    }
  }
  return best?.pick ?? null;
}

export function genericTextToImageAdapter(): ImageAdapter {
  const adapter: Adapter<NormalizedImageRequest> = {
    id: "generic",
    capability: "text-to-image",
    endpoint: "auto",
    version: 1,
    inputs: (req) => ({ prompt: req.prompt, seed: req.seed, width: snap(req.width, 256, 2048, 32), height: snap(req.height, 256, 2048, 32) }),
    bind(endpoints, space) {
      const pick = pickTextToImage(endpoints);
      if (!pick) {
        throw new ApiChangedError(space, `no endpoint takes a prompt and returns an image (it has ${Object.keys(endpoints).join(", ") || "none"})`);
      }
      return async (s, req) => {
        const out = await s.call(pick.endpoint, pick.fill(adapter.inputs(req)));
        const seedOut = out.findIndex((v, i) => i !== pick.output && typeof v === "number");
        return { file: out[pick.output], seed: seedOut >= 0 ? numberOr(out[seedOut], req.seed) : req.seed, endpoint: pick.endpoint };
      };
    },
  };
  return adapter;
}

export function genericImageToFileAdapter(capability: Extract<Capability, "image-to-3d" | "image-to-splat">, id: "generic" | "triposplat" = "generic"): ModelAdapter {
  const want = capability === "image-to-splat" ? "splat" : "model";
  const adapter: Adapter<NormalizedModelRequest> = {
    id,
    capability,
    endpoint: "auto",
    version: 1,
    inputs: (req) => ({ image: req.image.sha256, seed: req.seed }),
    bind(endpoints, space) {
      const pick = pickImageToFile(endpoints, want);
      if (!pick) {
        throw new ApiChangedError(
          space,
          `no endpoint takes an image and returns a ${want === "splat" ? "splat file" : "3D model"} (it has ${Object.keys(endpoints).join(", ") || "none"})`,
        );
      }
      return async (s, req) => {
        const image = await s.sendFile(req.image);
        const out = await s.call(pick.endpoint, pick.fill({ image, seed: req.seed }));
        // Several file outputs (a preview video, a GLB, a PLY…): prefer the one with the wanted extension.
        const ext = want === "splat" ? /\.(ply|splat)$/i : /\.(glb)$/i;
        const byName = out.find((v) => ext.test(nameOf(v)));
        return { file: byName ?? out[pick.output], endpoint: pick.endpoint };
      };
    },
  };
  return adapter;
}

function nameOf(v: unknown): string {
  if (typeof v === "string") return v;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (o.__type__ === "update") return nameOf(o.value);
    for (const k of ["orig_name", "path", "url"]) if (typeof o[k] === "string") return o[k];
  }
  return "";
}
