// The contract between the agent (which runs model-written code in a sandbox) and the tools it may call.
// Tools take and return plain JSON; media travel as opaque handles, never bytes.
import { z } from "zod";
import type { Emit } from "@/lib/contracts/build-events";
import { namedType } from "./tool-signature";

/** A stored picture as tools return it; the prompt declares it once as `ImageHandle`. */
export const imageHandleSchema = namedType(
  "ImageHandle",
  z.object({
    kind: z.literal("image"),
    /** sha256 of the stored PNG/JPEG/WebP asset. */
    id: z.string(),
    width: z.number(),
    height: z.number(),
  }),
);
export type ImageHandle = z.infer<typeof imageHandleSchema>;

/** A stored 3D model as tools return it; the prompt declares it once as `ModelHandle`. */
export const modelHandleSchema = namedType(
  "ModelHandle",
  z.object({
    kind: z.literal("model"),
    /** sha256 of the stored GLB asset (as the Space returned it). */
    id: z.string(),
    bytes: z.number(),
    vertices: z.number(),
  }),
);
export type ModelHandle = z.infer<typeof modelHandleSchema>;

export interface ToolContext {
  /** Aborted when the build is cancelled or its wall-clock budget runs out. */
  signal: AbortSignal;
  emit: Emit;
  /** Unique per call, so events about one call can be grouped. */
  callId: string;
}

export interface AgentTool {
  /** Identifier the model calls, e.g. `generate_image`. */
  name: string;
  /** A typed stub shown to the model, e.g. `async function generate_image(args: {prompt: string, seed?: number}): Promise<ImageHandle>`. */
  signature: string;
  /** What it does, when to use it, what it returns. */
  description: string;
  /** Validates `args` (throwing a precise, model-readable Error) and runs the tool. Returns plain JSON. */
  run(args: unknown, ctx: ToolContext): Promise<unknown>;
}
