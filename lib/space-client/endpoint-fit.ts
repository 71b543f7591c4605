import type { EndpointSpec, ParamSpec, ReturnSpec } from "./api-info";
import type { Capability } from "./types";

// The one judge of "which capability does this endpoint fit": a prompt in and an image out (text-to-image), a
// picture in and a model or splat out (image-to-3d, image-to-splat), every other required parameter one we can
// fill by its name (seed, width, height, randomize_seed → false). The generic adapters ask it which endpoint of
// an unknown Space to call; the swap dialog asks it which capability a Space an owner added can stand in for;
// discovery shares its sense of which names are a Space's main action. One judge, so a Space offered for a
// capability is one its generic adapter will accept.

/** What the judge reads of a parameter: /gradio_api/info's ParamSpec, or a discovered tool's ToolParameter. */
export type FitParam = Pick<ParamSpec, "name" | "kind" | "required" | "default" | "fileKind">;
export type FitReturn = Pick<ReturnSpec, "kind" | "fileKind">;

/** An endpoint as the judge sees it (a discovered tool passes its parameters and returns, without a name). */
export interface EndpointShape {
  name?: string;
  params: readonly FitParam[];
  returns: readonly FitReturn[];
}

/** What a generic call fills besides the main input; width and height only for pictures. */
export interface FitRequest {
  seed: number;
  width?: number;
  height?: number;
}

export interface EndpointFit {
  endpoint: string;
  /** The parameter that takes the prompt (text-to-image) or the picture (image-to-*). */
  main: string;
  /** Which output holds the file: the first whose kind matches. */
  output: number;
  /** The endpoint's arguments: the main input, and the parameters recognised by name; the rest keep their defaults. */
  fill(main: unknown, req: FitRequest): Record<string, unknown>;
  /** How much the endpoint looks like the capability's main action; the best-scoring fit wins. */
  score: number;
}

/** Endpoint names that say "this is the app's main action". */
const MAIN_ACTION = /^\/(predict|infer|inference|generate|run|process|submit|txt2img|text_to_image|image_to_3d|image_to_splat|to_3d|generate_3d)$/i;
const PREFER: Record<Exclude<Capability, "text-to-image">, RegExp> = {
  "image-to-3d": /3d|mesh|model|glb|shape/i,
  "image-to-splat": /splat|gaussian|ply|3dgs/i,
};

export function looksLikeMainAction(endpoint: string): boolean {
  return MAIN_ACTION.test(endpoint);
}

const isFile = (kinds: readonly string[]) => (x: { kind: string; fileKind?: string | undefined }) =>
  x.kind === "file" && x.fileKind !== undefined && kinds.includes(x.fileKind);

/** A parameter that takes a random seed, by its name (`seed`, `random_seed`…): filled with ours, and folded into its range. */
export function isSeedParam(name: string): boolean {
  return /(^|_)seed$/i.test(name);
}

type Filler = (req: FitRequest, out: Record<string, unknown>) => void;

/** How to fill every parameter but `main`; null when a required one cannot be filled (the endpoint does not fit). */
function fillers(params: readonly FitParam[], main: FitParam): Filler[] | null {
  const out: Filler[] = [];
  for (const p of params) {
    if (p === main) continue;
    const n = p.name.toLowerCase();
    const numeric = p.kind === "number" || p.kind === "integer";
    if (numeric && isSeedParam(n)) out.push((r, o) => (o[p.name] = r.seed));
    else if (numeric && /^(width|image_width|w)$/.test(n)) out.push((r, o) => (o[p.name] = r.width ?? p.default));
    else if (numeric && /^(height|image_height|h)$/.test(n)) out.push((r, o) => (o[p.name] = r.height ?? p.default));
    else if (p.kind === "boolean" && /random/.test(n)) out.push((_r, o) => (o[p.name] = false));
    else if (p.required) return null;
  }
  return out;
}

/** Whether (and how well) one endpoint fits `capability`; null when it does not. */
export function fitEndpoint(ep: EndpointShape, capability: Capability): EndpointFit | null {
  const name = ep.name ?? "";
  let main: FitParam | undefined;
  let output: number;
  let score: number;
  if (capability === "text-to-image") {
    output = ep.returns.findIndex(isFile(["image", "file"]));
    const strings = ep.params.filter((p) => p.kind === "string");
    main = strings.find((p) => /prompt|text|caption|description/i.test(p.name)) ?? (strings.length === 1 ? strings[0] : undefined);
    if (output < 0 || !main) return null;
    score = (looksLikeMainAction(name) ? 2 : 0) + (/prompt/i.test(main.name) ? 2 : 0) + (ep.returns[output]!.fileKind === "image" ? 1 : 0);
  } else {
    const images = ep.params.filter(isFile(["image", "file"]));
    main = images.find((p) => p.required) ?? images[0];
    output = ep.returns.findIndex(isFile(["model", "file"]));
    if (output < 0 || !main) return null;
    score =
      (PREFER[capability].test(name) ? 3 : 0) +
      (looksLikeMainAction(name) ? 2 : 0) +
      (ep.returns[output]!.fileKind === "model" ? 1 : 0) +
      (images.length === 1 ? 1 : 0);
  }
  const fill = fillers(ep.params, main);
  if (!fill) return null;
  const mainName = main.name;
  return {
    endpoint: name,
    main: mainName,
    output,
    score,
    fill: (value, req) => {
      const o: Record<string, unknown> = { [mainName]: value };
      for (const f of fill) f(req, o);
      return o;
    },
  };
}

/** The endpoint of a Space that best fits `capability` (the first of equals, in /info order), or null. */
export function bestFit(endpoints: Record<string, EndpointSpec>, capability: Capability): EndpointFit | null {
  let best: EndpointFit | null = null;
  for (const ep of Object.values(endpoints)) {
    const fit = fitEndpoint(ep, capability);
    if (fit && (!best || fit.score > best.score)) best = fit;
  }
  return best;
}
