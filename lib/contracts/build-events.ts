// The typed events of a build: streamed live to the browser and persisted in order (seq) so a build can be
// replayed from any point after a reload or a restart. One discriminated union on `type`, each with its own
// payload; the schemas are the contract (events cross into SQLite and the browser), the types are inferred.
// Payloads are small JSON: never bytes.
import { z } from "zod";
import { agentPlanSchema, plannedExhibitSchema } from "./agent-plan";
import { exhibitViewSchema } from "./gallery-view";
import { toolEventSchemas } from "./tool-events";

const event = <T extends string, P extends z.ZodType>(type: T, payload: P) => z.object({ type: z.literal(type), payload });

/** Which part of the agent's work a model message belongs to. */
export const brainPhaseSchema = z.enum(["plan", "step", "final"]);
export type BrainPhase = z.infer<typeof brainPhaseSchema>;

/** Why the agent's run ended. */
export const stopReasonSchema = z.enum(["final_answer", "max_steps", "max_tool_calls", "wall_clock", "aborted", "brain_error"]);
export type StopReason = z.infer<typeof stopReasonSchema>;

/** Which sandbox limit ended a step, if one did. */
export const limitHitSchema = z.enum(["memory", "stack", "cpu", "timeout", "deadlock", "aborted", "crash"]);
export type LimitHit = z.infer<typeof limitHitSchema>;

const exhibitChange = z.object({
  /** The exhibit as GET /api/galleries/{id} shows it now. */
  exhibit: exhibitViewSchema,
  key: z.string(),
  title: z.string(),
  error: z.string().nullable(),
});

/** What producers (agent, toolbox, build) hand to the build: the build assigns seq and time. */
export const emittedEventSchema = z.discriminatedUnion("type", [
  event(
    "build.started",
    z.object({ kind: z.enum(["gallery", "regenerate", "swap"]), resumed: z.boolean(), message: z.string() }),
  ),
  event("plan", z.object({ plan: agentPlanSchema, brain: z.string() })),
  event("step.started", z.object({ step: z.number(), maxSteps: z.number() })),
  // A piece of a model message as it streams; `reset` drops what this message had streamed (a retried request).
  event(
    "thought.delta",
    z.object({ step: z.number(), phase: brainPhaseSchema, delta: z.string().optional(), reset: z.literal(true).optional() }),
  ),
  event("code", z.object({ step: z.number(), code: z.string() })),
  // `text` is the observation exactly as the model reads it; the other fields describe the sandbox run, and
  // are absent when the reply had no code to run.
  event(
    "observation",
    z.object({
      step: z.number(),
      ok: z.boolean(),
      text: z.string(),
      error: z.string().nullable(),
      logs: z.string().optional(),
      value: z.string().nullable().optional(),
      limit: limitHitSchema.nullable().optional(),
      sandboxReset: z.object({ restored: z.array(z.string()), lost: z.array(z.string()) }).nullable().optional(),
      durationMs: z.number().optional(),
      cpuMs: z.number().optional(),
      toolCalls: z.number().optional(),
    }),
  ),
  ...toolEventSchemas,
  event("exhibit.planned", plannedExhibitSchema.extend({ order: z.number() })),
  event("exhibit.updated", exhibitChange),
  event("exhibit.ready", exhibitChange),
  event("exhibit.failed", exhibitChange),
  // Something went wrong that the log should say; `fallback` when the agent carried on with the offline brain.
  event(
    "error",
    z.object({ message: z.string(), step: z.number().optional(), phase: brainPhaseSchema.optional(), fallback: z.literal("offline").optional() }),
  ),
  event(
    "final",
    z.object({
      summary: z.string(),
      answered: z.boolean(),
      stopReason: stopReasonSchema,
      placed: z.array(z.string()),
      unplaced: z.array(z.string()),
      steps: z.number(),
      toolCalls: z.number(),
      durationMs: z.number(),
      brain: z.string(),
    }),
  ),
  event(
    "build.finished",
    z.object({ status: z.enum(["succeeded", "failed", "cancelled"]), message: z.string(), ready: z.number(), failed: z.number() }),
  ),
]);

export type EmittedEvent = z.infer<typeof emittedEventSchema>;
export type BuildEventType = EmittedEvent["type"];
/** The payload of one event type, e.g. `EventPayload<"tool.done">`. */
export type EventPayload<T extends BuildEventType> = Extract<EmittedEvent, { type: T }>["payload"];
export type Emit = (event: EmittedEvent) => void;
/** The events that carry an exhibit's new state (as ExhibitView). */
export type ExhibitChangeType = "exhibit.updated" | "exhibit.ready" | "exhibit.failed";

/**
 * An event as stored and sent: the emitted event with its build, its place in the build's log and its time.
 * Readers (the database, the browser) parse with it and skip what does not parse — see lib/db/events.ts.
 */
export const buildEventSchema = z
  .object({ buildId: z.string(), seq: z.number().int().nonnegative(), at: z.string() })
  .and(emittedEventSchema);
export type BuildEvent = z.infer<typeof buildEventSchema>;

