import "server-only";
import type { EndpointSpec, ParamSpec } from "./api-info";
import { isSeedParam } from "./endpoint-fit";
import { SpaceError } from "./errors";

// Every call is made to fit the Space's schema as the Space states it now (/gradio_api/info, completed with
// /config's component props: api-info.ts), so a Space that tightened a slider or renamed a choice gets values
// it accepts instead of refusing them. Since Gradio 5.39 a slider refuses a value outside its range ("Value X is
// greater than maximum value Y."), and a Dropdown or Radio one outside its choices; both are input errors no
// retry can cure. So, for each parameter of the endpoint, in its order:
// - every parameter is sent explicitly by name: ours when we have one, else the Space's default (a required
//   parameter we cannot fill is an API change);
// - numbers are brought into the slider's range and onto its step: a seed is folded into the range (distinct
//   seeds stay distinct, so "another seed" still means another result), anything else is clamped;
// - a choice is sent as the Space spells it (256 → "256"), or mapped to the nearest listed choice;
// - a file goes in the form its component wants (a Gallery wants a list of {image, caption});
// - names the endpoint does not have are dropped: the schema, not the adapter, says what a call carries.

type Args = Record<string, unknown>;

/** The arguments of one call on `ep`, fitted to its schema (see above). */
export function fitArgs(ep: EndpointSpec, given: Args): Args {
  const out: Args = {};
  for (const p of ep.params) {
    if (Object.hasOwn(given, p.name) && given[p.name] !== undefined) out[p.name] = fitValue(p, given[p.name]);
    else if (!p.required) out[p.name] = p.default ?? null;
    else throw new SpaceError("api", `${ep.name} requires \`${p.name}\`, which Vernissage does not send`);
  }
  return out;
}

/** One value fitted to its parameter; null passes through (Gradio's "no value"). */
export function fitValue(p: ParamSpec, v: unknown): unknown {
  if (v === null) return v;
  if (p.enumValues && p.enumValues.length > 0 && (p.kind === "enum" || typeof v === "string" || typeof v === "number")) return fitChoice(p, v);
  switch (p.kind) {
    case "number":
    case "integer":
      return fitNumber(p, v);
    case "string":
      return typeof v === "number" || typeof v === "boolean" ? String(v) : v;
    case "boolean":
      return v === "true" ? true : v === "false" ? false : v;
    case "files":
      return fitFiles(p, v);
    default:
      return v;
  }
}

function fitNumber(p: ParamSpec, v: unknown): unknown {
  const parsed = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
  if (typeof parsed !== "number" || !Number.isFinite(parsed)) return v;
  let n: number = parsed;
  const { minimum: min, maximum: max, step } = p;
  const integral = p.kind === "integer" || p.pythonType === "int" || (step !== undefined && Number.isInteger(step) && (min === undefined || Number.isInteger(min)));
  if (isSeedParam(p.name) && min !== undefined && max !== undefined && (n < min || n > max)) {
    // Fold, not clamp: every seed above a maximum of 10,000,000 would otherwise become the same seed.
    const span = Math.floor(max - min) + 1;
    n = min + (((Math.round(n - min) % span) + span) % span);
  }
  if (step !== undefined) {
    const base = min ?? 0;
    n = base + Math.round((n - base) / step) * step;
    n = Number(n.toFixed(10)); // 0.1 + 0.2: keep the step's own decimals
  } else if (integral) n = Math.round(n);
  if (min !== undefined && n < min) n = min;
  if (max !== undefined && n > max) n = step !== undefined ? (min ?? 0) + Math.floor((max - (min ?? 0)) / step) * step : max;
  return n;
}

/** The listed choice `v` means: the same value as spelled, else the nearest number, else the same word in any case, else the default. */
function fitChoice(p: ParamSpec, v: unknown): unknown {
  const choices = p.enumValues!;
  const exact = choices.find((c) => c === v) ?? choices.find((c) => String(c) === String(v));
  if (exact !== undefined) return exact;
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  const numeric = choices.filter((c) => Number.isFinite(Number(c)) && String(c).trim() !== "");
  if (Number.isFinite(n) && numeric.length > 0) {
    return numeric.reduce((best, c) => (Math.abs(Number(c) - n) < Math.abs(Number(best) - n) ? c : best));
  }
  const folded = choices.find((c) => String(c).toLowerCase() === String(v).toLowerCase());
  if (folded !== undefined) return folded;
  return choices.find((c) => c === p.default || String(c) === String(p.default)) ?? choices[0];
}

/** A list input: a Gallery takes [{image, caption}], a multi-file input a list of files. */
function fitFiles(p: ParamSpec, v: unknown): unknown {
  const list = Array.isArray(v) ? v : [v];
  if (p.component.toLowerCase() !== "gallery") return list;
  return list.map((item) => (item && typeof item === "object" && "image" in item ? item : { image: item, caption: null }));
}
