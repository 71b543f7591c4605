import "server-only";
import { Drawing } from "../drawing";
import type { Albedo } from "../look";
import type { Rng } from "../random";

export interface DrawnSubject {
  drawing: Drawing;
  albedo: Albedo;
}

/** Draws one silhouette family: tuned parameters per landmark, or parameters drawn from a subject's hash. */
export interface ShapeRenderer {
  render(landmarkId: string | null, subject: Rng, detail: Rng): DrawnSubject;
}

/** What every family's parameters carry: the landmark's (or a generic member's) colours per material slot. */
export interface ShapeParams {
  colors: Albedo;
}

export interface ShapeSpec<P extends ShapeParams> {
  /** Parameters tuned to each catalogue landmark of this family, by landmark id. */
  variants: Record<string, P>;
  /** Plausible parameters for an unnamed member of the family ("a skyscraper"). */
  generic: (subject: Rng) => P;
  draw: (d: Drawing, params: P, detail: Rng) => void;
}

export function defineShape<P extends ShapeParams>(spec: ShapeSpec<P>): ShapeRenderer {
  return {
    render(landmarkId, subject, detail) {
      const params = (landmarkId !== null ? spec.variants[landmarkId] : undefined) ?? spec.generic(subject);
      const drawing = new Drawing();
      spec.draw(drawing, params, detail);
      return { drawing, albedo: params.colors };
    },
  };
}
