// The typed events of a build: streamed live to the browser and persisted in order (seq) so a build can be
// replayed from any point after a reload or a restart. Payloads are small JSON: never bytes.
import { z } from "zod";

export const buildEventTypes = [
  "build.started",
  "plan",
  "step.started",
  "thought.delta",
  "code",
  "tool.queued",
  "tool.progress",
  "tool.retried",
  "tool.fellback",
  "tool.done",
  "tool.failed",
  "observation",
  "exhibit.planned",
  "exhibit.updated",
  "exhibit.ready",
  "exhibit.failed",
  "error",
  "final",
  "build.finished",
] as const;

export type BuildEventType = (typeof buildEventTypes)[number];

export const buildEventSchema = z.object({
  buildId: z.string(),
  seq: z.number().int().nonnegative(),
  type: z.enum(buildEventTypes),
  payload: z.record(z.string(), z.unknown()),
  at: z.string(),
});

export type BuildEvent = z.infer<typeof buildEventSchema>;

/** What producers (agent, toolbox) hand to the build: the build assigns seq and time. */
export interface EmittedEvent {
  type: BuildEventType;
  payload: Record<string, unknown>;
}

export type Emit = (event: EmittedEvent) => void;
