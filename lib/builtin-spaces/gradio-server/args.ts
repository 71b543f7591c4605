import "server-only";
// Turns the positional `data` of a call into checked, typed arguments — the job Gradio's preprocess does.
// Every refusal is a GradioError, so it reaches the caller as a failed process_completed with a message that
// says which parameter was wrong and why (the same text for queue/join, /call and /call/v2).
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { GradioError } from "./errors";
import type { FileStore } from "./files";
import type { CompiledEndpoint } from "./config";
import type { ParameterDefinition } from "./types";
import { RunArgs, type ArgValue, type InputFile } from "./run-args";

const DEFAULT_MAX_STRING = 20_000;

const fileDataSchema = z.looseObject({
  path: z.string().min(1).max(4096),
  url: z.string().nullish(),
  orig_name: z.string().nullish(),
});

function describe(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function invalid(ep: CompiledEndpoint, index: number, p: ParameterDefinition, reason: string): GradioError {
  return new GradioError(
    `Invalid value for parameter "${p.name}" (input ${index}, a ${p.component} component) of /${ep.def.apiName}: ${reason}`,
  );
}

function checkRange(ep: CompiledEndpoint, i: number, p: ParameterDefinition, n: number): void {
  const lo = p.minimum ?? -Infinity;
  const hi = p.maximum ?? Infinity;
  if (n < lo || n > hi) throw invalid(ep, i, p, `must be between ${p.minimum ?? "-∞"} and ${p.maximum ?? "∞"}, got ${n}.`);
}

export interface ArgContext {
  files: FileStore;
  /**
   * An http(s) URL given as a file (handle_file(url)). Real Spaces download it; we never fetch, but a URL that
   * names a file one of our Spaces serves resolves to that file. Returns a real path or null.
   */
  resolveUrl?: (url: string) => Promise<string | null>;
}

async function prepareFile(
  ep: CompiledEndpoint,
  i: number,
  p: ParameterDefinition,
  value: unknown,
  ctx: ArgContext,
): Promise<InputFile> {
  const parsed = fileDataSchema.safeParse(typeof value === "string" ? { path: value } : value);
  if (!parsed.success) {
    throw invalid(
      ep,
      i,
      p,
      `expected a file (a gradio.FileData object with a "path"), got ${describe(value)}. ` +
        `If an upload failed, @gradio/client sends {} in place of the file.`,
    );
  }
  // Like Gradio, only `path` decides: a FileData carrying another Space's path (and its URL) is refused.
  const { path: given, orig_name } = parsed.data;
  const isUrl = /^https?:\/\//i.test(given);
  let real: string | null;
  if (isUrl) {
    real = ctx.resolveUrl ? await ctx.resolveUrl(given) : null;
    if (!real) {
      throw invalid(ep, i, p, `cannot fetch ${given}: this Space reads only files uploaded to it or served by a built-in Space.`);
    }
  } else {
    real = await ctx.files.resolve(given);
    if (!real) {
      // Gradio's InvalidPathError text: a path the Space did not receive is refused, never read.
      throw new GradioError(
        `Cannot move ${path.resolve(given)} to the gradio cache dir because it was not uploaded by a user.`,
      );
    }
  }
  const resolved = real;
  const size = (await stat(resolved)).size;
  return {
    kind: "input-file",
    path: resolved,
    name: orig_name || path.basename(resolved),
    size,
    read: () => readFile(resolved),
  };
}

/** Checks `data` against the endpoint's parameters and resolves files. Throws GradioError on any refusal. */
export async function prepareArgs(ep: CompiledEndpoint, data: readonly unknown[], ctx: ArgContext): Promise<RunArgs> {
  const params = ep.def.parameters;
  if (data.length < params.length) {
    throw new GradioError(
      `An event handler (${ep.def.apiName}) didn't receive enough input values (needed: ${params.length}, got: ${data.length}).\n` +
        `Wanted inputs:\n    [${params.map((p) => p.name).join(", ")}]`,
    );
  }
  if (data.length > params.length) {
    throw new GradioError(
      `An event handler (${ep.def.apiName}) received too many input values (needed: ${params.length}, got: ${data.length}).`,
    );
  }
  const values = new Map<string, ArgValue>();
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    let value = data[i];
    if (value === null || value === undefined) {
      if (p.default === undefined) throw new GradioError(`No value provided for required parameter: ${p.name}`);
      values.set(p.name, p.default);
      continue;
    }
    switch (p.type) {
      case "string": {
        if (typeof value !== "string") throw invalid(ep, i, p, `expected a string, got ${describe(value)}.`);
        const max = p.maxLength ?? DEFAULT_MAX_STRING;
        if (value.length > max) throw invalid(ep, i, p, `must be at most ${max} characters long, got ${value.length}.`);
        // Gradio's Dropdown.preprocess: a value outside its choices is refused with this message.
        if (p.choices && !p.choices.includes(value)) {
          throw new GradioError(`Value: ${JSON.stringify(value)} is not in the list of choices: ${JSON.stringify(p.choices)}`);
        }
        values.set(p.name, value);
        break;
      }
      case "integer":
      case "number": {
        // Integral floats (3.0) are integers on the wire; Python and JS both send them for int sliders.
        if (typeof value !== "number" || !Number.isFinite(value)) {
          throw invalid(ep, i, p, `expected a number, got ${describe(value)}.`);
        }
        if (p.type === "integer" && !Number.isInteger(value)) {
          throw invalid(ep, i, p, `expected an integer, got ${value}.`);
        }
        checkRange(ep, i, p, value);
        values.set(p.name, value);
        break;
      }
      case "boolean":
        if (typeof value !== "boolean") throw invalid(ep, i, p, `expected true or false, got ${describe(value)}.`);
        values.set(p.name, value);
        break;
      case "file":
        value = await prepareFile(ep, i, p, value, ctx);
        values.set(p.name, value as InputFile);
        break;
    }
  }
  return new RunArgs(values);
}

/**
 * /call/v2 and keyword calls: a flat object of named parameters → positional data, with defaults, refusing
 * unknown names and missing required ones (the same rules as the clients' map_data_to_params).
 */
export function namedToPositional(ep: CompiledEndpoint, named: Record<string, unknown>): unknown[] {
  const params = ep.def.parameters;
  for (const key of Object.keys(named)) {
    if (!params.some((p) => p.name === key)) {
      throw new GradioError(`Parameter \`${key}\` is not a valid keyword argument. Please refer to the API for usage.`);
    }
  }
  return params.map((p) => {
    if (Object.hasOwn(named, p.name)) return named[p.name];
    if (p.default !== undefined) return p.default;
    throw new GradioError(`No value provided for required parameter: ${p.name}`);
  });
}
