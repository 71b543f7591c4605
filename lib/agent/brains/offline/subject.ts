import type { Landmark } from "@/lib/landmarks/catalog";

/** One thing a goal asks to see: a catalogue landmark, a named thing, or a variation on a topic. */
export interface Subject {
  name: string;
  landmark?: Landmark;
  /** What the picture shows when it differs from the name (a variation's look). */
  look?: string;
  /** What the description says about a subject that is not in the catalogue. */
  note?: string;
  /** Made as a Gaussian splat (the goal asked for it); a mesh when absent. */
  kind?: "splat";
}
