// The gallery as the browser sees it: the shape of GET /api/galleries/{id} and of the scene's props.
// Units are metres, Y up, the floor at y = 0; an exhibit's front faces +Z (glTF convention).

export type Vec3 = [number, number, number];

export type ExhibitStatus = "planned" | "drawing" | "modelling" | "ready" | "failed";

export interface Placement {
  position: Vec3;
  /** Rotation about Y, radians. */
  rotationY: number;
  /** Uniform scale applied on top of the model's normalised size. */
  scale: number;
}

/** One Space call that contributed to an exhibit: shown in the info panel and kept as provenance. */
export interface SpaceCallRecord {
  capability: "text-to-image" | "image-to-3d" | "image-to-splat" | "custom";
  space: string;
  endpoint: string;
  inputs: Record<string, unknown>;
  durationMs: number;
  cached: boolean;
  attempts: number;
  ok: boolean;
  error?: string;
}

export interface ExhibitVersionView {
  version: number;
  prompt: string;
  seed: number;
  imageUrl: string | null;
  modelUrl: string | null;
  createdAt: string;
}

export interface ExhibitView {
  id: string;
  /** The plan's handle for the exhibit (unique in its gallery): build events name exhibits by it. */
  key: string;
  title: string;
  description: string;
  prompt: string;
  seed: number;
  status: ExhibitStatus;
  /** Why the exhibit failed, in words a person can act on. */
  error: string | null;
  /** Order along the hall (automatic layout uses it). */
  order: number;
  placement: Placement;
  /** Web-optimised GLB (immutable URL). */
  modelUrl: string | null;
  /** The GLB exactly as the Space returned it, for download. */
  originalModelUrl: string | null;
  imageUrl: string | null;
  /** Height in metres of the normalised model, before placement.scale. */
  height: number;
  version: number;
  versions: ExhibitVersionView[];
  provenance: SpaceCallRecord[];
}

export type BuildStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled" | "interrupted";

export interface GalleryView {
  id: string;
  title: string;
  goal: string;
  theme: string;
  createdAt: string;
  exhibits: ExhibitView[];
  build: { id: string; status: BuildStatus } | null;
}

/** A Space an owner can swap an exhibit to: `ref` is what the swap action takes, `label` what the dialog shows. */
export interface SpaceOption {
  ref: string;
  label: string;
}
