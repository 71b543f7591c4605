// Shared helpers for the procedural textures: a seeded random source (the hall looks the same on every visit)
// and a canvas → three.js texture wrapper.
import * as THREE from "three";
import { seededRandom } from "@/lib/platform/seeded-random";

export { seededRandom };

export function createCanvas(width: number, height: number): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("2D canvas is not available");
  return { canvas, ctx };
}

/** A colour texture (sRGB) that tiles, with mipmaps and some anisotropy for floors seen at grazing angles. */
export function tilingTexture(canvas: HTMLCanvasElement, anisotropy = 2): THREE.CanvasTexture {
  const texture = new THREE.CanvasTexture(canvas);
  texture.colorSpace = THREE.SRGBColorSpace;
  texture.wrapS = texture.wrapT = THREE.RepeatWrapping;
  texture.anisotropy = anisotropy;
  return texture;
}

/** Sprinkles small translucent dots: the grain of stone and plaster. */
export function speckle(ctx: CanvasRenderingContext2D, rand: () => number, x: number, y: number, w: number, h: number, count: number, dark: string, light: string) {
  for (let i = 0; i < count; i++) {
    ctx.fillStyle = rand() < 0.5 ? dark : light;
    const s = 1 + rand() * 2;
    ctx.fillRect(x + rand() * w, y + rand() * h, s, s);
  }
}
