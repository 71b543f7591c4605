import "server-only";

// Style effects that never reach the background. Rim light and a snow crust are copies of the
// silhouette peeking out from under the subject (cheap: no masks); snow on ledges follows the
// upward-facing edges; washes, veins, grain, rain and fog are clipped to the silhouette.

import { num, type Fit } from "./fit";
import type { Look } from "./look";
import { between, type Rng } from "./random";

export interface OverlayInput {
  look: Look;
  fit: Fit;
  width: number;
  height: number;
  rng: Rng;
  /** The subject's silhouette filled with one colour, shifted by dx, dy pixels. */
  silhouette: (color: string, dx: number, dy: number) => string;
  /** The subject's filled shapes, for a clip path. */
  clipShapes: () => string;
  /** Path data of the subject's upward-facing edges. */
  upwardEdges: () => string;
}

function wavyLine(rng: Rng, x0: number, y0: number, x1: number, y1: number, wobble: number, steps: number): string {
  let d = `M${num(x0)} ${num(y0)}`;
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const x = x0 + (x1 - x0) * t + between(rng, -wobble, wobble);
    const y = y0 + (y1 - y0) * t + between(rng, -wobble, wobble);
    d += `L${num(x)} ${num(y)}`;
  }
  return d;
}

/** Effects confined to the subject, drawn over it. */
export function overlays(input: OverlayInput): { defs: string; markup: string } {
  const { look, fit, rng, height } = input;
  const w = fit.right - fit.left;
  const h = fit.bottom - fit.top;
  const px = height / 1024;
  const defs: string[] = [];
  const parts: string[] = [];
  const randomX = () => between(rng, fit.left, fit.right);
  const randomY = () => between(rng, fit.top, fit.bottom);

  if (look.medium === "watercolor") {
    const washes = [look.slots.main.lit, look.slots.main.shade, look.slots.roof.base, look.rim];
    for (let i = 0; i < 14; i++) {
      const color = washes[i % washes.length] ?? look.rim;
      parts.push(`<ellipse cx="${num(randomX())}" cy="${num(randomY())}" rx="${num(between(rng, 0.1, 0.3) * w)}" ry="${num(between(rng, 0.06, 0.18) * h)}" fill="${color}" opacity="0.2"/>`);
    }
    parts.push(`<rect x="0" y="0" width="100%" height="100%" fill="#fdf6e6" opacity="0.16"/>`);
  }
  if (look.medium === "watercolor" || look.medium === "pastel") {
    const tile = Math.max(4, Math.round(6 * px));
    defs.push(
      `<pattern id="paper" width="${tile}" height="${tile}" patternUnits="userSpaceOnUse">` +
        `<rect x="${num(tile * 0.1)}" y="${num(tile * 0.3)}" width="${num(tile * 0.3)}" height="${num(tile * 0.2)}" fill="#ffffff" opacity="0.22"/>` +
        `<rect x="${num(tile * 0.6)}" y="${num(tile * 0.7)}" width="${num(tile * 0.25)}" height="${num(tile * 0.2)}" fill="#5a4a3a" opacity="0.12"/>` +
        `</pattern>`,
    );
    parts.push(`<rect x="0" y="0" width="100%" height="100%" fill="url(#paper)"/>`);
  }
  if (look.finish === "veined") {
    const veins: string[] = [];
    for (let i = 0; i < 9; i++) {
      const y = randomY();
      veins.push(wavyLine(rng, fit.left, y, fit.right, y + between(rng, -0.3, 0.3) * h, 9 * px, 10));
    }
    parts.push(`<path d="${veins.join("")}" fill="none" stroke="${look.slots.accent.base}" stroke-width="${num(1.4 * px)}" opacity="0.55"/>`);
  }
  if (look.finish === "grain") {
    const lines: string[] = [];
    for (let i = 0; i < 36; i++) {
      const x = fit.left + (w * (i + rng())) / 36;
      lines.push(wavyLine(rng, x, fit.top, x + between(rng, -4, 4) * px, fit.bottom, 2.5 * px, 12));
    }
    parts.push(`<path d="${lines.join("")}" fill="none" stroke="${look.slots.accent.shade}" stroke-width="${num(1.2 * px)}" opacity="0.45"/>`);
  }
  if (look.finish === "glass") {
    for (let i = 0; i < 3; i++) {
      const x = fit.left + w * (0.15 + 0.3 * i + between(rng, -0.05, 0.05));
      const band = w * between(rng, 0.04, 0.09);
      parts.push(`<path d="M${num(x)} ${num(fit.top)}L${num(x + band)} ${num(fit.top)}L${num(x + band - h * 0.4)} ${num(fit.bottom)}L${num(x - h * 0.4)} ${num(fit.bottom)}Z" fill="#ffffff" opacity="0.16"/>`);
    }
  }
  if (look.weather === "rain") {
    const streaks: string[] = [];
    for (let i = 0; i < 90; i++) {
      const x = randomX();
      const y = randomY();
      const length = between(rng, 10, 24) * px;
      streaks.push(`M${num(x)} ${num(y)}L${num(x - length * 0.25)} ${num(y + length)}`);
    }
    parts.push(`<path d="${streaks.join("")}" stroke="#cfd8e8" stroke-width="${num(1.3 * px)}" opacity="0.5"/>`);
  }
  if (look.weather === "fog") {
    defs.push(`<linearGradient id="fog" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#c4c8d4" stop-opacity="0.05"/><stop offset="1" stop-color="#c4c8d4" stop-opacity="0.6"/></linearGradient>`);
    parts.push(`<rect x="${num(fit.left)}" y="${num(fit.top)}" width="${num(w)}" height="${num(h)}" fill="url(#fog)"/>`);
  }
  // Snow settles on every ledge, roof and cornice: thick strokes along upward-facing edges.
  const snow = look.weather === "snow" ? `<path d="${input.upwardEdges()}" fill="none" stroke="#f4f8ff" stroke-width="${num(10 * px)}" stroke-linecap="round"/>` : "";
  if (parts.length === 0) return { defs: "", markup: snow };
  defs.push(`<clipPath id="inside">${input.clipShapes()}</clipPath>`);
  return { defs: defs.join(""), markup: `<g clip-path="url(#inside)">${parts.join("")}</g>${snow}` };
}

/** Silhouette copies drawn before the subject: a rim toward the light, snow lying on top edges. */
export function underlays(input: OverlayInput): string {
  const { look, height } = input;
  const px = height / 1024;
  const parts: string[] = [];
  if (look.medium !== "ink" && look.medium !== "neon") {
    const reach = 3.5 * px;
    parts.push(input.silhouette(look.rim, look.lighting.azimuth * reach, -look.lighting.elevation * reach));
  }
  if (look.weather === "snow") parts.push(input.silhouette("#f4f8ff", 0, -9 * px));
  return parts.join("");
}
