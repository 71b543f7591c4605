// How many Gaussians this device may draw, and how generously each is drawn. A 12-exhibit splat gallery of
// image-to-splat models holds about 3 million Gaussians (262k each): more than a phone can sort and blend at an
// interactive rate. Spark's level-of-detail keeps the total under `lodSplatCount` (coarser versions of the far
// exhibits); exhibits above `lodAbove` Gaussians get a LoD tree (built in Spark's worker when they load), smaller
// ones are drawn whole. `maxStdDev` trims each Gaussian's footprint: less overdraw for a softer edge.
export interface SplatBudget {
  lodSplatCount: number;
  lodAbove: number;
  maxStdDev: number;
}

export interface DeviceFacts {
  /** A phone or tablet (touch-first, mobile user agent). */
  mobile: boolean;
  /** WebGL through a software rasteriser (SwiftShader, llvmpipe): every pixel costs CPU. */
  software: boolean;
  /** navigator.deviceMemory in GiB, when the browser tells. */
  memoryGiB?: number;
}

/** Exhibits a full gallery shows at once: each gets at least this share of the budget before LoD thins it. */
const FULL_GALLERY = 12;

export function splatBudget({ mobile, software, memoryGiB }: DeviceFacts): SplatBudget {
  // Spark's own defaults are 1–1.5 M on phones and 2.5 M on desktops for a scene of splats alone; the hall's
  // meshes, lights and reflections share the frame, so ours are lower.
  let lodSplatCount = software ? 150_000 : mobile ? 600_000 : 1_500_000;
  if (memoryGiB !== undefined && memoryGiB <= 2) lodSplatCount = Math.min(lodSplatCount, 400_000);
  return {
    lodSplatCount,
    lodAbove: Math.max(20_000, Math.floor(lodSplatCount / FULL_GALLERY)),
    // √8 is Spark's default (sharp edges); √5 on phones and software renderers (about 40 % fewer fragments).
    maxStdDev: software || mobile ? Math.sqrt(5) : Math.sqrt(8),
  };
}

/** The facts of the browser this runs in (`software` comes from the renderer). */
export function deviceFacts(software: boolean): DeviceFacts {
  const nav = navigator as Navigator & { deviceMemory?: number; userAgentData?: { mobile?: boolean } };
  const mobile =
    nav.userAgentData?.mobile ?? (/Mobi|Android|iPhone|iPad|iPod/.test(nav.userAgent) || (nav.maxTouchPoints > 1 && window.matchMedia("(pointer: coarse)").matches));
  return { mobile, software, memoryGiB: nav.deviceMemory };
}
