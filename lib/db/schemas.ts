import "server-only";
import { z } from "zod";
import type { ExhibitStatus, Placement, SpaceCallRecord } from "@/lib/contracts/gallery-view";

// Validation of what other modules hand to the repositories: a bad value fails at the call, with a clear
// message, instead of being stored and breaking the gallery page later.

export const vec3Schema = z.tuple([z.number().finite(), z.number().finite(), z.number().finite()]);

export const placementSchema = z.object({
  position: vec3Schema,
  rotationY: z.number().finite(),
  scale: z.number().finite().positive(),
}) satisfies z.ZodType<Placement>;

export const spaceCallRecordSchema = z.object({
  capability: z.enum(["text-to-image", "image-to-3d", "image-to-splat", "custom"]),
  space: z.string(),
  endpoint: z.string(),
  inputs: z.record(z.string(), z.unknown()),
  durationMs: z.number().nonnegative(),
  cached: z.boolean(),
  attempts: z.number().int().nonnegative(),
  ok: z.boolean(),
  error: z.string().optional(),
}) satisfies z.ZodType<SpaceCallRecord>;

export const provenanceSchema = z.array(spaceCallRecordSchema);

export const exhibitStatuses = ["planned", "drawing", "modelling", "ready", "failed"] as const satisfies readonly ExhibitStatus[];

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, "expected a lowercase hex sha256");

/** Seeds travel through JSON and SQLite INTEGER: keep them safe integers. */
export const seedSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const jsonObjectSchema = z.record(z.string(), z.unknown());

export const DEFAULT_PLACEMENT: Placement = { position: [0, 0, 0], rotationY: 0, scale: 1 };

/** Parses JSON this module wrote itself; a corrupt value is a bug worth a loud error. */
export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
