// How each parameter/return shows up in /config (component props, api_info) and /info (type, python_type,
// component, example). Mirrors what Gradio 5/6 emits for the same components so both official clients
// (JS view_api typing, Python's file detection via api_info) treat our endpoints like real ones.
import type { ComponentName, ParameterDefinition, ReturnDefinition, ValueType } from "./types";

export const FILE_DATA_META = { _type: "gradio.FileData" } as const;

const nullable = (type: string, description: string, title: string) => ({
  anyOf: [{ type }, { type: "null" }],
  default: null,
  description,
  title,
});

/** gradio.data_classes.FileData's JSON schema (ImageData for images): how clients recognise a file value. */
export function fileDataSchema(title: string): Record<string, unknown> {
  return {
    properties: {
      path: nullable("string", "Path to a local file", "Path"),
      url: nullable("string", "Publicly available url or base64 encoded image", "Url"),
      size: nullable("integer", "Size of image in bytes", "Size"),
      orig_name: nullable("string", "Original filename", "Orig Name"),
      mime_type: nullable("string", "mime type of image", "Mime Type"),
      is_stream: { default: false, description: "Can always be set to False", title: "Is Stream", type: "boolean" },
      meta: { default: { ...FILE_DATA_META }, title: "Meta", type: "object" },
    },
    title,
    type: "object",
  };
}

type Describable = Pick<ParameterDefinition, "component" | "type" | "minimum" | "maximum" | "description" | "choices">;

/** The component's api_info: the JSON schema of its value. */
export function apiInfoFor(def: Describable): Record<string, unknown> {
  switch (def.type) {
    case "file":
      return fileDataSchema(def.component === "image" ? "ImageData" : "FileData");
    case "string":
      // A dropdown's schema lists its choices, as Gradio's does.
      return def.choices ? { enum: [...def.choices], title: "Dropdown", type: "string" } : { type: "string" };
    case "boolean":
      return { type: "boolean" };
    case "integer":
    case "number": {
      const schema: Record<string, unknown> = { type: def.type };
      if (def.component === "slider") {
        schema.description = `numeric value between ${def.minimum ?? 0} and ${def.maximum ?? 100}`;
      }
      return schema;
    }
  }
}

const PYTHON_TYPES: Record<ValueType, string> = {
  string: "str",
  integer: "int",
  number: "float",
  boolean: "bool",
  file: "filepath",
};

export function pythonTypeFor(def: Describable): { type: string; description: string } {
  if (def.choices) return { type: `Literal[${def.choices.map((c) => `'${c}'`).join(", ")}]`, description: "" };
  return { type: PYTHON_TYPES[def.type], description: "" };
}

/** /info writes components the way Gradio does: `props.name.capitalize()` ("Model3d", not "Model3D"). */
export function infoComponentName(component: ComponentName): string {
  return component.charAt(0).toUpperCase() + component.slice(1);
}

const EXAMPLE_IMAGE_URL = "https://raw.githubusercontent.com/gradio-app/gradio/main/test/test_files/bus.png";

export function exampleFor(def: ParameterDefinition): unknown {
  if (def.example !== undefined) return def.example;
  switch (def.type) {
    case "string":
      return typeof def.default === "string" && def.default ? def.default : "Hello!!";
    case "boolean":
      return typeof def.default === "boolean" ? def.default : true;
    case "integer":
    case "number":
      return typeof def.default === "number" ? def.default : (def.minimum ?? 3);
    case "file":
      return { path: EXAMPLE_IMAGE_URL, meta: { ...FILE_DATA_META }, orig_name: "bus.png", url: EXAMPLE_IMAGE_URL };
  }
}

/** Component props in /config. Only what a client could read; the UI-only ones are left at Gradio's defaults. */
export function componentProps(def: ParameterDefinition | ReturnDefinition, isInput: boolean): Record<string, unknown> {
  const value = isInput && "name" in def && def.default !== undefined ? def.default : null;
  const common = { label: def.label, show_label: true, visible: true, interactive: isInput, name: def.component };
  const bounds = "minimum" in def ? { minimum: def.minimum ?? null, maximum: def.maximum ?? null } : {};
  switch (def.component) {
    case "textbox":
      return { ...common, value: value ?? "", lines: 1, max_lines: 20, type: "text" };
    case "number":
      return { ...common, value, precision: def.type === "integer" ? 0 : null, ...bounds };
    case "slider":
      return { ...common, value, step: def.type === "integer" ? 1 : 0.01, ...bounds };
    case "checkbox":
      return { ...common, value: value ?? false };
    case "image":
      return { ...common, value: null, type: "filepath", format: "png", sources: ["upload"] };
    case "model3d":
      return { ...common, value: null, clear_color: [0, 0, 0, 0], display_mode: "solid" };
    case "file":
      return { ...common, value: null, file_count: "single", type: "filepath" };
    case "downloadbutton":
      return { ...common, value: null, variant: "secondary", size: "lg" };
    case "dropdown": {
      const choices = "choices" in def ? (def.choices ?? []) : [];
      return { ...common, value, choices: choices.map((c) => [c, c]), multiselect: false, allow_custom_value: false };
    }
    case "html":
      return { ...common, value: "", show_label: false };
    case "markdown":
      return { ...common, value: "", show_label: false };
  }
}
