// The contract between the agent (which runs model-written code in a sandbox) and the tools it may call.
// Tools take and return plain JSON; media travel as opaque handles, never bytes.
import type { Emit } from "@/lib/contracts/build-events";

export interface ImageHandle {
  kind: "image";
  /** sha256 of the stored PNG/JPEG/WebP asset. */
  id: string;
  width: number;
  height: number;
}

export interface ModelHandle {
  kind: "model";
  /** sha256 of the stored GLB asset (as the Space returned it). */
  id: string;
  bytes: number;
  vertices: number;
}

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
