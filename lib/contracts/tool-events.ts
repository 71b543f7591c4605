// The tool.* build events: one logical Space call ("draw this", "model that") as it queues, progresses,
// retries, falls back and ends. Every one names the call (callId), its capability and, when it is for one,
// the exhibit (its plan key), so the build log can fold a call's events into one line that changes in place.
import { z } from "zod";
import { spaceCapabilitySchema } from "./gallery-view";

/** Why a Space call failed (the Space client's classification: it decides retry, fallback or stop). */
export const failureKinds = ["transient", "timeout", "quota", "input", "api", "unavailable", "malformed", "app-error", "aborted"] as const;
const failureKindSchema = z.enum(failureKinds);

/** What every tool.* event says about its call. */
export const toolCallContextSchema = z.object({
  capability: spaceCapabilitySchema,
  callId: z.string().optional(),
  exhibit: z.string().optional(),
});
export type ToolCallContext = z.infer<typeof toolCallContextSchema>;

/** A Space's progress as the Space client reports it (queue place, stage, fraction, messages). */
export const spaceProgressSchema = z.object({
  stage: z.enum(["connecting", "sleeping", "building", "starting", "queue", "running", "log", "downloading", "validating"]),
  /** Place in the Space's own queue (0 = being processed). */
  position: z.number().optional(),
  size: z.number().optional(),
  /** Seconds, as the Space estimates. */
  eta: z.number().optional(),
  /** 0…1 when the app reports progress. */
  fraction: z.number().optional(),
  desc: z.string().optional(),
  message: z.string().optional(),
});
export type SpaceProgress = z.infer<typeof spaceProgressSchema>;

/** Small JSON describing a result, for tool.done: the stored asset and what is known of it, or a tool's outputs. */
export const toolResultSummarySchema = z.object({
  asset: z.object({ sha256: z.string(), mediaType: z.string(), bytes: z.number() }).optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  seed: z.number().optional(),
  vertices: z.number().optional(),
  outputs: z.array(z.unknown()).optional(),
  /** How a toolbox Space was called: over its MCP server, or the Gradio API. */
  via: z.enum(["mcp", "gradio"]).optional(),
  /** Why the MCP call failed before the Gradio API did it instead. */
  mcpError: z.string().optional(),
});
export type ToolResultSummary = z.infer<typeof toolResultSummarySchema>;

const tool = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), payload: toolCallContextSchema.extend(shape) });

const where = { space: z.string(), endpoint: z.string() };

export const toolEventSchemas = [
  // Waiting for the Space's concurrency slot in our own line (FIFO): `position` ahead, `running` of `limit`.
  tool("tool.queued", { ...where, position: z.number(), running: z.number(), limit: z.number() }),
  tool("tool.progress", { ...where, ...spaceProgressSchema.shape }),
  tool("tool.retried", { ...where, attempt: z.number(), delayMs: z.number(), kind: failureKindSchema, reason: z.string() }),
  tool("tool.fellback", { from: z.string(), to: z.string(), kind: failureKindSchema, reason: z.string(), attempts: z.number() }),
  tool("tool.done", { ...where, cached: z.boolean(), attempts: z.number(), durationMs: z.number(), ...toolResultSummarySchema.shape }),
  // Every Space tried failed (or the call was refused or aborted); `calls` says what each one did.
  tool("tool.failed", {
    space: z.string().optional(),
    error: z.string(),
    kind: failureKindSchema,
    calls: z.array(z.object({ space: z.string(), attempts: z.number(), ok: z.boolean(), error: z.string().optional() })),
  }),
] as const;

type ToolEvent = z.infer<(typeof toolEventSchemas)[number]>;
export type ToolEventType = ToolEvent["type"];
/** A tool event's own fields, without the call context every one carries. */
export type ToolEventBody<T extends ToolEventType> = Omit<Extract<ToolEvent, { type: T }>["payload"], keyof ToolCallContext>;

/** Builds a tool.* event from its call's context and its own fields: the one place the two are joined. */
export function toolEvent<T extends ToolEventType>(type: T, context: ToolCallContext, body: ToolEventBody<T>): Extract<ToolEvent, { type: T }> {
  // The correlation between `type` and `body` is checked by the signature; TypeScript cannot follow it
  // through the spread, hence the one cast.
  return { type, payload: { ...context, ...body } } as unknown as Extract<ToolEvent, { type: T }>;
}
