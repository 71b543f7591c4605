// A tool defined once: its name, what the model reads about it, and zod schemas for its arguments and its
// result. The argument schema validates every call and, with the result schema, writes the stub the prompt
// shows (tool-signature.ts); `run` is typed by both, so code, validation and prompt say the same thing.
import type { z } from "zod";
import { toolSignature } from "./tool-signature";
import type { AgentTool, ToolContext } from "./tool-types";

export interface ToolDefinition<Args extends z.ZodObject, Returns extends z.ZodType, Deps> {
  name: string;
  description: string;
  args: Args;
  returns: Returns;
  /** Runs a validated call with what the tool needs from its build (`deps`). */
  run(args: z.output<Args>, deps: Deps, ctx: ToolContext): Promise<z.output<Returns>>;
}

/** Identity, for inference: `defineTool({ … })` types `run`'s arguments and result from the schemas. */
export function defineTool<Args extends z.ZodObject, Returns extends z.ZodType, Deps>(
  definition: ToolDefinition<Args, Returns, Deps>,
): ToolDefinition<Args, Returns, Deps> {
  return definition;
}

/** Validated arguments, or an Error naming the tool and every problem, for the model to read and fix. */
export function parseToolArguments<S extends z.ZodType>(schema: S, tool: string, args: unknown): z.output<S> {
  const result = schema.safeParse(args);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.join(".") || "(arguments)"}: ${i.message}`).join("; ");
  throw new Error(`${tool}: invalid arguments — ${issues}`);
}

/** The definition as the agent calls it, bound to one build's `deps`. */
export function bindTool<Args extends z.ZodObject, Returns extends z.ZodType, Deps>(
  definition: ToolDefinition<Args, Returns, Deps>,
  deps: Deps,
): AgentTool {
  const { name, description, args, returns } = definition;
  return {
    name,
    signature: toolSignature(name, args, returns),
    description,
    async run(raw: unknown, ctx: ToolContext) {
      return definition.run(parseToolArguments(args, name, raw), deps, ctx);
    },
  };
}
