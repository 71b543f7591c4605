import "server-only";
import { z } from "zod";
import type { ToolParameter } from "./discover";

// Arguments of a discovered tool come from model-written code: validated against the tool's parameters with a
// zod schema built from them, with errors the model can act on. File arguments are asset handles (the agent's
// ImageHandle/ModelHandle `{ id }`, or `{ sha256 }`) or raw bytes.

export type FileArg = { sha256: string } | { bytes: Uint8Array };

const sha = z.string().regex(/^[0-9a-f]{64}$/, "an asset id is a 64-character sha256");
const fileArgSchema = z.union([
  z.object({ sha256: sha }).loose().transform((v) => ({ sha256: v.sha256 }) as FileArg),
  z.object({ id: sha }).loose().transform((v) => ({ sha256: v.id }) as FileArg),
  z.instanceof(Uint8Array).transform((b) => ({ bytes: b }) as FileArg),
]);

function paramSchema(p: ToolParameter): z.ZodType {
  switch (p.kind) {
    case "string":
      return z.string().max(20_000);
    case "number":
      return z.number().finite();
    case "integer":
      return z.number().int();
    case "boolean":
      return z.boolean();
    case "enum": {
      const values = p.enumValues ?? [];
      return z.union([z.string(), z.number()]).refine((v) => values.some((x) => String(x) === String(v)), {
        message: `must be one of ${values.map((v) => JSON.stringify(v)).join(", ")}`,
      }).transform((v) => values.find((x) => String(x) === String(v)) ?? v);
    }
    case "file":
      return fileArgSchema;
    case "files":
      return z.array(fileArgSchema).max(16);
    case "json":
      return z.unknown();
  }
}

export function argsSchema(params: readonly ToolParameter[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const p of params) shape[p.name] = p.required ? paramSchema(p) : paramSchema(p).optional();
  return z.strictObject(shape);
}

/** Validated arguments, or an Error listing every problem in one model-readable message. */
export function parseToolArgs(params: readonly ToolParameter[], args: unknown): Record<string, unknown> {
  const r = argsSchema(params).safeParse(args ?? {});
  if (r.success) return r.data as Record<string, unknown>;
  const problems = r.error.issues.map((i) => `${i.path.length ? `\`${i.path.join(".")}\`` : "arguments"}: ${i.message}`);
  throw new Error(`Invalid arguments: ${problems.join("; ")}`);
}

export function isFileArg(v: unknown): v is FileArg {
  return typeof v === "object" && v !== null && ("sha256" in v || "bytes" in v);
}
