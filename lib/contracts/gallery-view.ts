// The gallery as the browser sees it: the shape of GET /api/galleries/{id}, of the scene's props and of the
// exhibits build events carry. Schemas, because these shapes cross to the browser and back out of the
// database; the types are inferred from them. Units are metres, Y up, the floor at y = 0; an exhibit's front
// faces +Z (glTF convention).
import { z } from "zod";
import { plannedExhibitSchema } from "./agent-plan";
import { exhibitStatusSchema } from "./exhibit-status";

export const vec3Schema = z.tuple([z.number(), z.number(), z.number()]);
export type Vec3 = z.infer<typeof vec3Schema>;

export const placementSchema = z.object({
  position: vec3Schema,
  /** Rotation about Y, radians. */
  rotationY: z.number(),
  /** Uniform scale applied on top of the model's normalised size. */
  scale: z.number().positive(),
});
export type Placement = z.infer<typeof placementSchema>;

export const spaceCapabilitySchema = z.enum(["text-to-image", "image-to-3d", "image-to-splat", "custom"]);

/**
 * What made a step of an exhibit: a Space's capability, or "upload" for the owner's own file (its record's
 * `space` is "uploaded", its `endpoint` "picture" or "model", its inputs the file's name, size and type).
 */
export const provenanceKindSchema = z.enum([...spaceCapabilitySchema.options, "upload"]);

/** One Space call (or upload) that contributed to an exhibit: shown in the info panel and kept as provenance. */
export const spaceCallRecordSchema = z.object({
  capability: provenanceKindSchema,
  space: z.string(),
  endpoint: z.string(),
  inputs: z.record(z.string(), z.unknown()),
  durationMs: z.number().nonnegative(),
  cached: z.boolean(),
  attempts: z.number().int().nonnegative(),
  ok: z.boolean(),
  error: z.string().optional(),
});
export type SpaceCallRecord = z.infer<typeof spaceCallRecordSchema>;

/** A mesh (GLB) or a Gaussian splat (served as SPZ, the original a `.ply`). */
export const modelKindSchema = z.enum(["mesh", "splat"]);
export type ModelKind = z.infer<typeof modelKindSchema>;

export const exhibitVersionViewSchema = z.object({
  version: z.number(),
  kind: modelKindSchema,
  prompt: z.string(),
  seed: z.number(),
  imageUrl: z.string().nullable(),
  modelUrl: z.string().nullable(),
  createdAt: z.string(),
});
export type ExhibitVersionView = z.infer<typeof exhibitVersionViewSchema>;

/**
 * What an exhibit is, wherever it is kept or shown: what the plan said of it (key, title, prompt, description,
 * seed) and where it stands. The database record and the view both have these fields (the record adds its
 * storage, the view its URLs).
 */
export const exhibitCoreSchema = plannedExhibitSchema.extend({
  id: z.string(),
  status: exhibitStatusSchema,
  /** Why the exhibit failed, in words a person can act on. */
  error: z.string().nullable(),
  /** Order along the hall (automatic layout uses it). */
  order: z.number(),
  placement: placementSchema,
  /** Height in metres of the normalised model, before placement.scale. */
  height: z.number(),
  /** The version shown now; 0 until the first result. */
  version: z.number(),
  provenance: z.array(spaceCallRecordSchema),
});
export type ExhibitCore = z.infer<typeof exhibitCoreSchema>;

export const exhibitViewSchema = exhibitCoreSchema.extend({
  /** What `modelUrl` holds: a mesh (GLB) or a splat (SPZ). Read from the served model's media type. */
  kind: modelKindSchema,
  /** Web-optimised GLB, or for a splat the served SPZ (immutable URL). */
  modelUrl: z.string().nullable(),
  /** The model exactly as the Space returned it (GLB, or a splat's `.ply`), for download. */
  originalModelUrl: z.string().nullable(),
  imageUrl: z.string().nullable(),
  versions: z.array(exhibitVersionViewSchema),
});
export type ExhibitView = z.infer<typeof exhibitViewSchema>;

export const buildStatuses = ["queued", "running", "succeeded", "failed", "cancelled", "interrupted"] as const;
export type BuildStatus = (typeof buildStatuses)[number];

export const galleryViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  goal: z.string(),
  theme: z.string(),
  createdAt: z.string(),
  exhibits: z.array(exhibitViewSchema),
  build: z.object({ id: z.string(), status: z.enum(buildStatuses) }).nullable(),
});
export type GalleryView = z.infer<typeof galleryViewSchema>;

/** A Space an owner can swap an exhibit to: `ref` is what the swap action takes, `label` what the dialog shows. */
export interface SpaceOption {
  ref: string;
  label: string;
}
