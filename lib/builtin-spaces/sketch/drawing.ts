import "server-only";

// A subject is drawn as a list of paint-agnostic elements: each names a material slot and a
// shading tone, and the document step decides colours, so every style applies to every subject.

/** A point with y measured upward from the ground line. */
export type Pt = readonly [number, number];

/** Material slots a subject paints with; the look gives each a colour. */
export type Slot = "main" | "second" | "trim" | "roof" | "dark" | "glass" | "window" | "gold" | "accent";

/**
 * How a fill is shaded: "h" across (a lit side and a shaded side), "v" down (lit top), "r" round
 * (a sphere), "flat" the slot's mid colour, "lit" and "shade" its two extremes.
 */
export type Tone = "h" | "v" | "r" | "flat" | "lit" | "shade";

/** Bodies carry the silhouette; details sit on them (windows, panels); lines are strokes. */
export type Layer = "body" | "detail" | "line";

export interface Fill {
  slot: Slot;
  tone: Tone;
}

export type Element =
  | {
      kind: "path";
      contours: Pt[][];
      closed: boolean;
      /** "evenodd" lets inner contours cut holes; "nonzero" keeps overlapping pieces solid. */
      rule: "evenodd" | "nonzero";
      fill: Fill | null;
      stroke: { slot: Slot; width: number } | null;
      layer: Layer;
    }
  | { kind: "ellipse"; cx: number; cy: number; rx: number; ry: number; fill: Fill; layer: Layer };

export interface Box {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

export function fill(slot: Slot, tone: Tone = "h"): Fill {
  return { slot, tone };
}

export class Drawing {
  readonly elements: Element[] = [];
  private box: Box = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };

  private include(x: number, y: number, pad = 0): void {
    this.box.minX = Math.min(this.box.minX, x - pad);
    this.box.maxX = Math.max(this.box.maxX, x + pad);
    this.box.minY = Math.min(this.box.minY, y - pad);
    this.box.maxY = Math.max(this.box.maxY, y + pad);
  }

  /** A closed polygon. */
  poly(points: readonly Pt[], paint: Fill, layer: Layer = "body"): this {
    return this.shape([points], paint, layer);
  }

  /** Closed contours filled even-odd, so inner contours cut holes (arches, lattice gaps). */
  shape(contours: readonly (readonly Pt[])[], paint: Fill, layer: Layer = "body"): this {
    return this.filled(contours, paint, layer, "evenodd");
  }

  /** Axis-aligned rectangle standing on y = `bottom`. */
  rect(x: number, bottom: number, width: number, height: number, paint: Fill, layer: Layer = "body"): this {
    return this.poly(rectPoints(x, bottom, width, height), paint, layer);
  }

  /** Many rectangles sharing one paint, emitted as one path (windows, tiles). */
  rects(list: readonly (readonly [number, number, number, number])[], paint: Fill, layer: Layer = "detail"): this {
    return this.shapes(list.map(([x, y, w, h]) => rectPoints(x, y, w, h)), paint, layer);
  }

  /** Many separate polygons sharing one paint, as one path drawn non-zero so overlaps stay filled. */
  shapes(polys: readonly (readonly Pt[])[], paint: Fill, layer: Layer = "detail"): this {
    return this.filled(polys, paint, layer, "nonzero");
  }

  /** One filled path of the given closed contours (those with fewer than three points are dropped). */
  private filled(contours: readonly (readonly Pt[])[], paint: Fill, layer: Layer, rule: "evenodd" | "nonzero"): this {
    const copied = contours.filter((c) => c.length >= 3).map((c) => [...c]);
    if (copied.length === 0) return this;
    for (const contour of copied) for (const [x, y] of contour) this.include(x, y);
    this.elements.push({ kind: "path", contours: copied, closed: true, rule, fill: paint, stroke: null, layer });
    return this;
  }

  ellipse(cx: number, cy: number, rx: number, ry: number, paint: Fill, layer: Layer = "body"): this {
    this.include(cx - rx, cy - ry);
    this.include(cx + rx, cy + ry);
    this.elements.push({ kind: "ellipse", cx, cy, rx, ry, fill: paint, layer });
    return this;
  }

  /** Open polylines stroked with one slot and width (cross-bracing, cables, mullions). */
  lines(polylines: readonly (readonly Pt[])[], slot: Slot, width: number): this {
    const copied = polylines.filter((l) => l.length >= 2).map((l) => [...l]);
    if (copied.length === 0) return this;
    for (const line of copied) for (const [x, y] of line) this.include(x, y, width / 2);
    this.elements.push({ kind: "path", contours: copied, closed: false, rule: "nonzero", fill: null, stroke: { slot, width }, layer: "line" });
    return this;
  }

  bounds(): Box {
    if (!Number.isFinite(this.box.minX)) return { minX: -1, maxX: 1, minY: 0, maxY: 1 };
    return { ...this.box };
  }
}

export function rectPoints(x: number, bottom: number, width: number, height: number): Pt[] {
  return [
    [x, bottom],
    [x + width, bottom],
    [x + width, bottom + height],
    [x, bottom + height],
  ];
}
