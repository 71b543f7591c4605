// GET /gradio_api/info: the typed API description view_api() returns and both clients use to map named
// arguments to positions (parameter_name, parameter_has_default, parameter_default).
import { apiInfoFor, exampleFor, infoComponentName, pythonTypeFor } from "./components";
import type { CompiledEndpoint } from "./config";

export function buildInfo(endpoints: readonly CompiledEndpoint[]): Record<string, unknown> {
  const named: Record<string, unknown> = {};
  for (const ep of endpoints) {
    named[`/${ep.def.apiName}`] = {
      parameters: ep.def.parameters.map((p) => ({
        label: p.label,
        parameter_name: p.name,
        parameter_has_default: p.default !== undefined,
        parameter_default: p.default === undefined ? null : p.default,
        type: { ...apiInfoFor(p), ...(p.description ? { description: p.description } : {}) },
        python_type: pythonTypeFor(p),
        component: infoComponentName(p.component),
        example_input: exampleFor(p),
      })),
      returns: ep.def.returns.map((r) => ({
        label: r.label,
        type: { ...apiInfoFor(r), ...(r.description ? { description: r.description } : {}) },
        python_type: pythonTypeFor(r),
        component: infoComponentName(r.component),
      })),
      description: ep.def.description ?? "",
      api_visibility: "public",
    };
  }
  return { named_endpoints: named, unnamed_endpoints: {} };
}
