// What the exported gallery's viewer reads: the shapes of data/gallery.js and models/*.js in the zip. Shared by
// the writer (lib/exports/gallery-zip.ts) and the viewer (./main.ts, bundled for the browser). Plain types only:
// the viewer bundle carries no zod and nothing of the server.

export interface ViewerExhibit {
  id: string;
  title: string;
  description: string;
  prompt: string;
  kind: "mesh" | "splat";
  /** The served model's sha256: its bytes are in models/{sha}.js (base64), its file in assets/. Null: no model. */
  model: string | null;
  /** Relative path of the picture in the zip, or null. */
  picture: string | null;
  position: [number, number, number];
  rotationY: number;
  scale: number;
  plinthSide: number;
  plinthHeight: number;
}

export interface ViewerGallery {
  id: string;
  title: string;
  goal: string;
  exportedAt: string;
  hall: { minX: number; maxX: number; minZ: number; maxZ: number; height: number };
  exhibits: ViewerExhibit[];
}

/** Globals the data scripts set (script tags work from file://, where fetch of a local file does not). */
export const GALLERY_GLOBAL = "VERNISSAGE_GALLERY";
export const MODELS_GLOBAL = "VERNISSAGE_MODELS";
