import "server-only";
import { z } from "zod";

export const MIN_SIDE = 64;
export const MAX_SIDE = 2048;
export const DEFAULT_SIDE = 1024;
export const MAX_PROMPT_LENGTH = 2000;

const side = z
  .number({ error: "must be a number" })
  .int("must be a whole number of pixels")
  .min(MIN_SIDE, `must be at least ${MIN_SIDE} pixels`)
  .max(MAX_SIDE, `must be at most ${MAX_SIDE} pixels`)
  .default(DEFAULT_SIDE);

export const sketchOptionsSchema = z.object({
  prompt: z.string({ error: "must be text" }).max(MAX_PROMPT_LENGTH, `must be at most ${MAX_PROMPT_LENGTH} characters`),
  seed: z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(-(2 ** 31), "must fit in 32 bits")
    .max(2 ** 32 - 1, "must fit in 32 bits"),
  width: side,
  height: side,
});

export type SketchOptions = z.output<typeof sketchOptionsSchema>;

/** Validates render options; the error names each bad field and what it accepts. */
export function parseSketchOptions(input: unknown): SketchOptions {
  const result = sketchOptionsSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "options"} ${issue.message}`);
  throw new Error(`Invalid sketch options: ${problems.join("; ")}.`);
}
