// Chrome falls back to software rendering (SwiftShader) on blocklisted GPUs, and headless test browsers always use
// it. There every pixel is expensive and a frame can take a second: render at device-independent resolution and
// skip ambient animation (drifting preview camera, turning placeholders) that would keep the page busy for nothing.
import { useThree, type RootState } from "@react-three/fiber";
import { useEffect, useState } from "react";
import type * as THREE from "three";

const software = new WeakMap<THREE.WebGLRenderer, boolean>();

function isSoftwareRenderer(gl: WebGLRenderingContext | WebGL2RenderingContext): boolean {
  const pattern = /swiftshader|llvmpipe|softpipe|software/i;
  // Firefox answers RENDERER unmasked (and warns about the extension); Chrome masks it as "WebKit WebGL".
  const renderer = String(gl.getParameter(gl.RENDERER));
  if (pattern.test(renderer)) return true;
  const info = /webkit webgl/i.test(renderer) ? gl.getExtension("WEBGL_debug_renderer_info") : null;
  return info ? pattern.test(String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL))) : false;
}

function softwareFor(renderer: THREE.WebGLRenderer): boolean {
  let value = software.get(renderer);
  if (value === undefined) {
    value = isSoftwareRenderer(renderer.getContext());
    software.set(renderer, value);
  }
  return value;
}

/** Whether WebGL runs on a software rasteriser here. */
export function useSoftwareRenderer(): boolean {
  return softwareFor(useThree((s) => s.gl));
}

/** Whether ambient animation is worth its frames on this renderer. */
export function useAmbientMotion(): boolean {
  return !softwareFor(useThree((s) => s.gl));
}

/** Canvas onCreated handler. */
export function adaptToRenderer(state: RootState) {
  if (softwareFor(state.gl)) state.setDpr(1);
}

const REDUCED_MOTION = "(prefers-reduced-motion: reduce)";

/** The visitor's reduced-motion preference, kept current. Client-only (the canvas is never server-rendered), so
 * the media query can be read on the first render. */
export function usePrefersReducedMotion(): boolean {
  const [reduced, setReduced] = useState(() => window.matchMedia(REDUCED_MOTION).matches);
  useEffect(() => {
    const query = window.matchMedia(REDUCED_MOTION);
    const update = () => setReduced(query.matches);
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);
  return reduced;
}
