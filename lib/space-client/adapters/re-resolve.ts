import "server-only";
import type { EndpointSpec } from "../api-info";
import { bestFit, type EndpointFit } from "../endpoint-fit";
import { ApiChangedError } from "../errors";
import type { Capability } from "../types";

// When the endpoint an adapter names is gone or no longer takes what it sends (a Space renamed /generation_all,
// or dropped a parameter), the call does not fail with "changed its API": it asks the one judge of endpoints
// (endpoint-fit.ts) which endpoint of the Space now does the capability's job, calls that one, and says so in
// the build log. Only a Space where no endpoint fits is refused.

export interface ReResolved {
  fit: EndpointFit;
  /** The build-log line: what was gone, and what is called instead. */
  note: string;
}

const wants: Record<Capability, string> = {
  "text-to-image": "takes a prompt and returns an image",
  "image-to-3d": "takes an image and returns a 3D model",
  "image-to-splat": "takes an image and returns a splat file",
};

/** The endpoint that now fits `capability`, or an ApiChangedError naming what changed and that nothing fits. */
export function reResolve(endpoints: Record<string, EndpointSpec>, capability: Capability, space: string, problems: string[]): ReResolved {
  const fit = bestFit(endpoints, capability);
  if (!fit) {
    const has = Object.keys(endpoints).join(", ") || "none";
    throw new ApiChangedError(space, `${problems.join("; ")}; and no other endpoint ${wants[capability]} (it has ${has})`);
  }
  return { fit, note: `${space} changed its API (${problems.join("; ")}): calling ${fit.endpoint} instead, the endpoint that now ${wants[capability]}` };
}

/** The name a file output carries (FileData, a gr.update around one, or a bare path), for picking by extension. */
export function fileNameOf(v: unknown): string {
  if (typeof v === "string") return v;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (o.__type__ === "update") return fileNameOf(o.value);
    for (const k of ["orig_name", "path", "url"]) if (typeof o[k] === "string") return o[k];
  }
  return "";
}

/** Which output holds the file: the one at `index` when its name has the wanted extension, else the first that has it, else the one at `index`. */
export function pickFile(out: unknown[], ext: RegExp, index: number): unknown {
  if (ext.test(fileNameOf(out[index]))) return out[index];
  return out.find((v) => ext.test(fileNameOf(v))) ?? out[index];
}

/** The file extension each image-to-* capability's output has. */
export const fileExt: Record<Exclude<Capability, "text-to-image">, RegExp> = {
  "image-to-3d": /\.glb$/i,
  "image-to-splat": /\.(ply|splat)$/i,
};
