import "server-only";
import { z } from "zod";

// A Space's /gradio_api/info, read through zod into one normalised shape. It accepts both the raw payload
// (type as a JSON-schema object) and what @gradio/client's view_api() returns (type flattened to a string,
// hidden gr.State parameters re-inserted with `hidden: true`), because adapters check the latter and discovery
// may read the former.

export type ParamKind = "string" | "number" | "integer" | "boolean" | "enum" | "file" | "files" | "json";
export type FileKind = "image" | "model" | "audio" | "video" | "file";

export interface ParamSpec {
  name: string;
  label: string;
  component: string;
  kind: ParamKind;
  required: boolean;
  default?: unknown;
  enumValues?: (string | number)[];
  fileKind?: FileKind;
  description: string;
  /** Python type as Gradio describes it, e.g. `Literal['512', '1024']`. */
  pythonType: string;
  /**
   * A slider's or number's range and step, from the component's props in /config (see withComponentProps):
   * /info leaves them out in most Gradio versions, yet Gradio ≥ 5.39 refuses a value outside them.
   */
  minimum?: number;
  maximum?: number;
  step?: number;
}

export interface ReturnSpec {
  label: string;
  component: string;
  kind: ParamKind;
  fileKind?: FileKind;
  pythonType: string;
}

export interface EndpointSpec {
  name: string;
  description: string;
  params: ParamSpec[];
  returns: ReturnSpec[];
}

const entrySchema = z.looseObject({
  label: z.string().nullish(),
  parameter_name: z.string().nullish(),
  parameter_has_default: z.boolean().nullish(),
  parameter_default: z.unknown().optional(),
  type: z.union([z.string(), z.looseObject({ type: z.unknown().optional(), enum: z.array(z.unknown()).optional(), description: z.unknown().optional() })]).nullish(),
  python_type: z.looseObject({ type: z.string().nullish(), description: z.string().nullish() }).nullish(),
  component: z.string().nullish(),
  hidden: z.boolean().nullish(),
  description: z.string().nullish(),
});
type Entry = z.infer<typeof entrySchema>;

const endpointSchema = z.looseObject({
  parameters: z.array(entrySchema).nullish(),
  returns: z.array(entrySchema).nullish(),
  description: z.string().nullish(),
  api_visibility: z.string().nullish(),
  show_api: z.boolean().nullish(),
});

export const apiInfoSchema = z.looseObject({
  named_endpoints: z.record(z.string(), endpointSchema),
  unnamed_endpoints: z.record(z.string(), z.unknown()).optional(),
});

const FILE_COMPONENTS: Record<string, FileKind> = {
  image: "image",
  imageeditor: "image",
  imageslider: "image",
  model3d: "model",
  litmodel3d: "model",
  audio: "audio",
  video: "video",
  file: "file",
  downloadbutton: "file",
  uploadbutton: "file",
  simpleimage: "image",
};

const componentSchema = z.looseObject({ id: z.number(), type: z.string(), props: z.looseObject({}).nullish() });
const dependencySchema = z.looseObject({
  api_name: z.union([z.string(), z.literal(false)]).nullish(),
  inputs: z.array(z.number()).nullish(),
});
const configSchema = z.looseObject({
  components: z.array(componentSchema).nullish(),
  dependencies: z.array(dependencySchema).nullish(),
});

/**
 * Completes the endpoints with what only /config says: each input component's range (`minimum`, `maximum`,
 * `step`) and choices (a Dropdown's or Radio's `choices`, as values or `[label, value]` pairs). Inputs are
 * matched by position: /info lists an endpoint's parameters in the order of its dependency's inputs, state
 * components left out. A config that does not parse leaves the endpoints as they were.
 */
export function withComponentProps(endpoints: Record<string, EndpointSpec>, rawConfig: unknown): Record<string, EndpointSpec> {
  const config = configSchema.safeParse(rawConfig);
  if (!config.success) return endpoints;
  const components = new Map((config.data.components ?? []).map((c) => [c.id, c]));
  const out: Record<string, EndpointSpec> = {};
  for (const [name, ep] of Object.entries(endpoints)) {
    const dep = (config.data.dependencies ?? []).find((d) => typeof d.api_name === "string" && `/${d.api_name.replace(/^\//, "")}` === name);
    const inputs = (dep?.inputs ?? []).map((id) => components.get(id)).filter((c) => c && c.type !== "state");
    if (!dep || inputs.length !== ep.params.length) {
      out[name] = ep;
      continue;
    }
    out[name] = { ...ep, params: ep.params.map((p, i) => withProps(p, inputs[i]!.props ?? {})) };
  }
  return out;
}

function withProps(p: ParamSpec, props: Record<string, unknown>): ParamSpec {
  const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
  const next: ParamSpec = { ...p };
  const [minimum, maximum, step] = [num(props.minimum), num(props.maximum), num(props.step)];
  if (minimum !== undefined) next.minimum = minimum;
  if (maximum !== undefined) next.maximum = maximum;
  if (step !== undefined && step > 0) next.step = step;
  if (Array.isArray(props.choices) && props.choices.length > 0) {
    // Gradio ≥ 4 sends [label, value] pairs; older versions the values themselves.
    const values = props.choices
      .map((c: unknown) => (Array.isArray(c) ? c[1] : c))
      .filter((v): v is string | number => typeof v === "string" || typeof v === "number");
    if (values.length > 0 && props.multiselect !== true && props.allow_custom_value !== true) {
      next.enumValues = values;
      if (next.kind === "string" || next.kind === "number" || next.kind === "integer" || next.kind === "json") next.kind = "enum";
    }
  }
  return next;
}

/** Parses /info (raw or as view_api returns it). Throws a ZodError when it is not an info payload at all. */
export function parseApiInfo(raw: unknown): Record<string, EndpointSpec> {
  const info = apiInfoSchema.parse(raw);
  const out: Record<string, EndpointSpec> = {};
  for (const [name, ep] of Object.entries(info.named_endpoints)) {
    if (ep.api_visibility === "private" || ep.show_api === false) continue;
    const key = name.startsWith("/") ? name : `/${name}`;
    out[key] = {
      name: key,
      description: ep.description ?? "",
      params: (ep.parameters ?? []).filter((p) => !p.hidden && p.component !== "state" && p.parameter_name).map(toParam),
      returns: (ep.returns ?? []).map(toReturn),
    };
  }
  return out;
}

function toParam(p: Entry): ParamSpec {
  const { kind, enumValues, fileKind } = kindOf(p);
  const spec: ParamSpec = {
    name: p.parameter_name ?? "",
    label: p.label ?? p.parameter_name ?? "",
    component: p.component ?? "",
    kind,
    required: !p.parameter_has_default,
    description: p.python_type?.description || p.description || "",
    pythonType: p.python_type?.type ?? "",
  };
  if (p.parameter_has_default) spec.default = p.parameter_default ?? null;
  if (enumValues) spec.enumValues = enumValues;
  // Sliders describe their range in words ("numeric value between 0 and 10000000"); /config's props, read
  // later (withComponentProps), take precedence where both exist.
  const range = /numeric value between (-?[\d.e+]+) and (-?[\d.e+]+)/i.exec(spec.description || (typeof p.type === "object" && p.type && typeof p.type.description === "string" ? p.type.description : ""));
  if (range && (kind === "number" || kind === "integer")) {
    const [min, max] = [Number(range[1]), Number(range[2])];
    if (Number.isFinite(min) && Number.isFinite(max)) Object.assign(spec, { minimum: min, maximum: max });
  }
  if (fileKind) spec.fileKind = fileKind;
  return spec;
}

function toReturn(r: Entry): ReturnSpec {
  const { kind, fileKind } = kindOf(r);
  return { label: r.label ?? "", component: r.component ?? "", kind, pythonType: r.python_type?.type ?? "", ...(fileKind ? { fileKind } : {}) };
}

function kindOf(p: Entry): { kind: ParamKind; enumValues?: (string | number)[]; fileKind?: FileKind } {
  const component = (p.component ?? "").toLowerCase();
  const py = (p.python_type?.type ?? "").trim();
  const rawType = typeof p.type === "object" && p.type ? p.type : null;
  const flatType = typeof p.type === "string" ? p.type : typeof rawType?.type === "string" ? rawType.type : "";

  const fileKind = FILE_COMPONENTS[component];
  const looksFile = /filepath|gradio\.FileData|path: str/i.test(py) || /Blob \| File \| Buffer/.test(flatType);
  if (fileKind || looksFile) {
    const many = component === "gallery" || /^list\[/i.test(py) || /\)\[\]$/.test(flatType);
    return { kind: many ? "files" : "file", fileKind: fileKind ?? "file" };
  }
  if (component === "gallery") return { kind: "files", fileKind: "image" };

  const literal = /^Literal\[(.*)\]$/s.exec(py);
  if (literal?.[1] !== undefined) {
    const values = parseLiteralList(literal[1]);
    if (values.length > 0) return { kind: "enum", enumValues: values };
  }
  if (rawType?.enum && rawType.enum.length > 0) {
    const values = rawType.enum.filter((v): v is string | number => typeof v === "string" || typeof v === "number");
    if (values.length > 0) return { kind: "enum", enumValues: values };
  }
  if (py === "int") return { kind: "integer" };
  if (py === "float") return { kind: "number" };
  if (py === "bool") return { kind: "boolean" };
  if (py === "str") return { kind: "string" };
  switch (flatType) {
    case "string":
      return { kind: "string" };
    case "number":
    case "integer":
      return { kind: flatType };
    case "boolean":
      return { kind: "boolean" };
  }
  if (/^(int|float)\s*\|\s*None$/.test(py)) return { kind: "number" };
  if (/^str\s*\|\s*None$/.test(py)) return { kind: "string" };
  if (component === "checkbox") return { kind: "boolean" };
  if (component === "slider" || component === "number") return { kind: "number" };
  if (component === "textbox") return { kind: "string" };
  return { kind: "json" };
}

/** `'512', '1024', 3` → ["512", "1024", 3] (Python literal list as Gradio prints it). */
function parseLiteralList(s: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(-?\d+(?:\.\d+)?))\s*(?:,|$)/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    if (m[0] === "") break;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(m[2]);
    else if (m[3] !== undefined) out.push(Number(m[3]));
  }
  return out;
}
