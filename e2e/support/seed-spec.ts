// What seed-gallery.mts makes: a gallery whose exhibits are built from files the test writes.
export interface SeedExhibit {
  title: string;
  description: string;
  height?: number;
  /** ply: a 3DGS .ply served as it is; spz: the same transcoded to SPZ by Spark's encoder; prepared: the same
   * prepared by the product (lib/splats: validated, pruned, upright, framed, SPZ v3), as a build serves it; glb: a
   * box mesh. */
  model: "ply" | "spz" | "prepared" | "glb";
  /** Gaussians in a splat. */
  count?: number;
  /** A splat not centred on its plinth (the hall refits it). */
  offset?: [number, number, number];
  /** A plain picture stored with it (the placeholder while the splat loads). */
  picture?: boolean;
  /** The splat's base colour (0–1). */
  color?: [number, number, number];
}

export interface SeedSpec {
  title: string;
  goal: string;
  exhibits: SeedExhibit[];
}
