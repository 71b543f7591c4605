// GET /config: the app description @gradio/client reads first. The fields that matter to the clients:
// root (base of every later request), api_prefix, protocol "sse_v3", dependencies (api_name → fn_index,
// input/output component ids), components (a "state" type would change argument mapping; we have none),
// space_id null (else a token makes the client fetch a JWT from huggingface.co), connect_heartbeat false.
import { apiInfoFor, componentProps, exampleFor } from "./components";
import type { EndpointDefinition, GradioAppDefinition, ParameterDefinition, ReturnDefinition } from "./types";

export const API_PREFIX = "/gradio_api";
/** The Gradio release whose wire format we follow (it has /call/v2, which needs ≥ 6.13). */
export const GRADIO_VERSION = "6.25.0";

export interface CompiledEndpoint {
  fnIndex: number;
  def: EndpointDefinition;
  inputIds: number[];
  outputIds: number[];
}

/** Gives every endpoint a fn_index and its components ids, deterministically (ids are part of the wire format). */
export function compileEndpoints(endpoints: readonly EndpointDefinition[]): CompiledEndpoint[] {
  let nextId = 1;
  return endpoints.map((def, fnIndex) => {
    const inputIds = def.parameters.map(() => nextId++);
    const outputIds = def.returns.map(() => nextId++);
    return { fnIndex, def, inputIds, outputIds };
  });
}

/** A stable numeric app id (Gradio uses a random int per launch; clients compare it on reconnect). */
export function appIdFor(id: string): number {
  let h = 2166136261;
  for (const ch of id) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

export function buildConfig(
  definition: GradioAppDefinition,
  endpoints: readonly CompiledEndpoint[],
  root: string,
  maxFileSize: number,
): Record<string, unknown> {
  // The keys common to an input and an output component, in the order Gradio writes them.
  const component = (id: number | undefined, def: ParameterDefinition | ReturnDefinition, isInput: boolean) => ({
    id,
    type: def.component,
    props: componentProps(def, isInput),
    skip_api: false,
    component_class_id: def.component,
    key: null,
    api_info: apiInfoFor(def),
  });
  const components: Record<string, unknown>[] = [];
  for (const ep of endpoints) {
    ep.def.parameters.forEach((p, i) => {
      components.push({ ...component(ep.inputIds[i], p, true), api_info_as_input: apiInfoFor(p), example_inputs: exampleFor(p) });
    });
    ep.def.returns.forEach((r, i) => {
      components.push({ ...component(ep.outputIds[i], r, false), api_info_as_output: apiInfoFor(r) });
    });
  }
  const dependencies = endpoints.map((ep) => ({
    id: ep.fnIndex,
    targets: [],
    inputs: ep.inputIds,
    outputs: ep.outputIds,
    backend_fn: true,
    js: null,
    queue: null,
    api_name: ep.def.apiName,
    api_description: ep.def.description ?? null,
    scroll_to_output: false,
    show_progress: "full",
    show_progress_on: null,
    batch: false,
    max_batch_size: 4,
    cancels: [],
    types: { generator: false, cancel: false },
    collects_event_data: false,
    trigger_after: null,
    trigger_only_on_success: false,
    trigger_only_on_failure: false,
    trigger_mode: "once",
    api_visibility: "public",
    rendered_in: null,
    render_id: null,
    connection: "sse",
    time_limit: null,
    stream_every: 0.5,
    event_specific_args: null,
    component_prop_inputs: [],
    js_implementation: null,
  }));
  const componentIds = components.map((c) => c.id as number);
  const layout = { id: 0, children: componentIds.map((id) => ({ id })) };
  return {
    version: GRADIO_VERSION,
    api_prefix: API_PREFIX,
    mode: "blocks",
    app_id: appIdFor(definition.id),
    dev_mode: false,
    vibe_mode: false,
    analytics_enabled: false,
    components,
    css: null,
    connect_heartbeat: false,
    js: null,
    head: null,
    title: definition.title,
    space_id: null,
    enable_queue: true,
    show_error: definition.showError ?? true,
    footer_links: [],
    run_history: true,
    is_colab: false,
    max_file_size: maxFileSize,
    stylesheets: [],
    theme: "default",
    protocol: "sse_v3",
    body_css: {
      body_background_fill: "white",
      body_text_color: "#1f2937",
      body_background_fill_dark: "#0b0f19",
      body_text_color_dark: "#f3f4f6",
    },
    fill_height: false,
    fill_width: false,
    theme_hash: null,
    pwa: false,
    pages: [["", "Home", true]],
    page: { "": { components: componentIds, dependencies: endpoints.map((e) => e.fnIndex), layout } },
    mcp_server: true,
    i18n_translations: null,
    layout,
    dependencies,
    root,
    username: null,
    current_page: "",
    auth_required: false,
  };
}
