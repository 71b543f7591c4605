// The plan a gallery build works to: decided before any tool runs, so every exhibit can show as "planned" at
// once. The agent makes it (lib/agent/plan.ts mends and validates a model's JSON into this shape), the build
// creates the exhibits from it, and the browser shows it: one shape, as a schema because it is persisted and
// streamed inside build events.
import { z } from "zod";

export const layoutArrangements = ["hall", "ring", "grid"] as const;
export type LayoutArrangement = (typeof layoutArrangements)[number];

export const plannedExhibitSchema = z.object({
  /** Slug, unique in the plan: the `exhibit` argument of every tool call for this exhibit. */
  key: z.string(),
  title: z.string(),
  /** Text-to-image prompt: one isolated subject, plain background, so image-to-3D can lift it. */
  prompt: z.string(),
  description: z.string(),
  seed: z.number(),
  /**
   * What the exhibit is made as: a mesh (image_to_3d, the default when absent) or a Gaussian splat
   * (image_to_splat) — when the goal asks for it ("as Gaussian splats", "photo-real") or names it per exhibit.
   */
  kind: z.enum(["mesh", "splat"]).optional(),
});
export type PlannedExhibit = z.infer<typeof plannedExhibitSchema>;

export const agentPlanSchema = z.object({
  title: z.string(),
  /** Mood and lighting of the hall in a few words ("warm dusk", "snowy night"). */
  theme: z.string(),
  exhibits: z.array(plannedExhibitSchema),
  layout: z.object({ arrangement: z.enum(layoutArrangements), notes: z.string() }),
});
export type AgentPlan = z.infer<typeof agentPlanSchema>;
