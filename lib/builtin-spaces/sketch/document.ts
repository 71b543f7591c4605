import "server-only";

// Turns a drawing and a look into an SVG document: the subject fitted and centred on pure black,
// shaded with a few shared gradients, with style effects confined to the subject's silhouette.

import type { Drawing, Element, Fill, Pt, Slot, Tone } from "./drawing";
import { arc } from "./geometry";
import { overlays, underlays } from "./effects";
import { fitDrawing, num, type Fit } from "./fit";
import type { Look, SlotColors } from "./look";
import type { Rng } from "./random";

function pathData(contours: readonly (readonly Pt[])[], closed: boolean, fit: Fit): string {
  return contours
    .map((contour) => {
      const body = contour.map(([x, y], i) => `${i === 0 ? "M" : "L"}${num(fit.x(x))} ${num(fit.y(y))}`).join("");
      return closed ? `${body}Z` : body;
    })
    .join("");
}

function gradientId(slot: Slot, tone: Tone): string {
  return `${tone}-${slot}`;
}

/** Colour stops for a tone, honouring finish and medium (metal bands, hard low-poly facets). */
function stops(colors: SlotColors, tone: Tone, look: Look): [number, string][] {
  const { lit, base, shade } = colors;
  if (look.medium === "low-poly") {
    return [[0, lit], [0.34, lit], [0.34, base], [0.67, base], [0.67, shade], [1, shade]];
  }
  if (tone === "v") return [[0, lit], [0.55, base], [1, shade]];
  if (tone === "r") return [[0, lit], [0.45, base], [1, shade]];
  if (look.finish === "metallic") return [[0, shade], [0.18, lit], [0.4, base], [0.62, shade], [0.82, lit], [1, base]];
  if (look.finish === "glass") return [[0, lit], [0.3, base], [0.55, lit], [0.7, base], [1, shade]];
  return [[0, lit], [0.4, base], [1, shade]];
}

function gradientMarkup(slot: Slot, tone: Tone, look: Look): string {
  const id = gradientId(slot, tone);
  const stopMarkup = stops(look.slots[slot], tone, look)
    .map(([offset, color]) => `<stop offset="${offset}" stop-color="${color}"/>`)
    .join("");
  const fromLeft = look.lighting.azimuth <= 0;
  if (tone === "r") {
    const cx = 0.5 + look.lighting.azimuth * 0.22;
    return `<radialGradient id="${id}" cx="${num(cx * 100)}%" cy="32%" r="75%">${stopMarkup}</radialGradient>`;
  }
  if (tone === "v") return `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1">${stopMarkup}</linearGradient>`;
  return `<linearGradient id="${id}" x1="${fromLeft ? 0 : 1}" y1="0" x2="${fromLeft ? 1 : 0}" y2="0">${stopMarkup}</linearGradient>`;
}

function paint(fill: Fill, look: Look, used: Set<string>): string {
  const colors = look.slots[fill.slot];
  switch (fill.tone) {
    case "flat":
      return colors.base;
    case "lit":
      return colors.lit;
    case "shade":
      return colors.shade;
    default: {
      const key = `${fill.slot}|${fill.tone}`;
      used.add(key);
      return `url(#${gradientId(fill.slot, fill.tone)})`;
    }
  }
}

function elementMarkup(element: Element, fit: Fit, look: Look, used: Set<string>): string {
  const px = (units: number) => num(Math.max(units * fit.scale, 0.6));
  const outlined = look.medium === "neon" || look.medium === "ink";
  const outline = outlined && element.layer === "body" ? ` stroke="${look.outline}" stroke-width="${look.medium === "neon" ? 2.4 : 1.6}" stroke-linejoin="round"` : "";
  if (element.kind === "ellipse") {
    return `<ellipse cx="${num(fit.x(element.cx))}" cy="${num(fit.y(element.cy))}" rx="${num(element.rx * fit.scale)}" ry="${num(element.ry * fit.scale)}" fill="${paint(element.fill, look, used)}"${outline}/>`;
  }
  const d = pathData(element.contours, element.closed, fit);
  if (element.fill) {
    const rule = element.rule === "evenodd" ? ` fill-rule="evenodd"` : "";
    const detailFill = look.medium === "neon" && element.layer === "detail" ? look.glow : paint(element.fill, look, used);
    return `<path d="${d}" fill="${detailFill}"${rule}${outline}/>`;
  }
  const stroke = element.stroke;
  if (!stroke) return "";
  const color = look.medium === "neon" ? look.glow : look.medium === "ink" ? look.outline : look.slots[stroke.slot].base;
  return `<path d="${d}" fill="none" stroke="${color}" stroke-width="${px(stroke.width)}" stroke-linecap="round" stroke-linejoin="round"/>`;
}

/** The subject in one colour, shifted by dx, dy pixels (rim light, snow). */
function silhouetteMarkup(drawing: Drawing, fit: Fit, color: string, dx: number, dy: number): string {
  const parts: string[] = [];
  for (const element of drawing.elements) {
    if (element.layer === "detail") continue;
    if (element.kind === "ellipse") {
      parts.push(`<ellipse cx="${num(fit.x(element.cx))}" cy="${num(fit.y(element.cy))}" rx="${num(element.rx * fit.scale)}" ry="${num(element.ry * fit.scale)}"/>`);
    } else if (element.fill) {
      parts.push(`<path d="${pathData(element.contours, true, fit)}"${element.rule === "evenodd" ? ` fill-rule="evenodd"` : ""}/>`);
    } else if (element.stroke) {
      parts.push(`<path d="${pathData(element.contours, false, fit)}" fill="none" stroke="${color}" stroke-width="${num(Math.max(element.stroke.width * fit.scale, 0.6))}" stroke-linecap="round"/>`);
    }
  }
  return `<g fill="${color}" transform="translate(${num(dx)} ${num(dy)})">${parts.join("")}</g>`;
}

/** Path data for the upward-facing edges of the subject's bodies: where snow settles. */
function upwardEdges(drawing: Drawing, fit: Fit): string {
  let d = "";
  const segment = (a: Pt, b: Pt) => {
    d += `M${num(fit.x(a[0]))} ${num(fit.y(a[1]))}L${num(fit.x(b[0]))} ${num(fit.y(b[1]))}`;
  };
  for (const element of drawing.elements) {
    if (element.layer !== "body") continue;
    if (element.kind === "ellipse") {
      const top = arc(element.cx, element.cy, element.rx, element.ry, 30, 150, 8);
      for (let i = 0; i + 1 < top.length; i++) segment(top[i] as Pt, top[i + 1] as Pt);
      continue;
    }
    if (!element.fill) continue;
    for (const contour of element.contours) {
      // The sign of the area tells which side of each edge is outside.
      let area = 0;
      contour.forEach((a, i) => {
        const b = contour[(i + 1) % contour.length] as Pt;
        area += a[0] * b[1] - b[0] * a[1];
      });
      contour.forEach((a, i) => {
        const b = contour[(i + 1) % contour.length] as Pt;
        const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
        if (length === 0) return;
        const outwardY = (area > 0 ? -(b[0] - a[0]) : b[0] - a[0]) / length;
        if (outwardY > 0.35) segment(a, b);
      });
    }
  }
  return d;
}

/** The subject's filled bodies as bare shapes, for a clip path (strokes do not clip). */
function clipMarkup(drawing: Drawing, fit: Fit): string {
  const parts: string[] = [];
  for (const element of drawing.elements) {
    if (element.layer !== "body") continue;
    if (element.kind === "ellipse") {
      parts.push(`<ellipse cx="${num(fit.x(element.cx))}" cy="${num(fit.y(element.cy))}" rx="${num(element.rx * fit.scale)}" ry="${num(element.ry * fit.scale)}"/>`);
    } else if (element.fill) {
      parts.push(`<path d="${pathData(element.contours, true, fit)}"${element.rule === "evenodd" ? ` clip-rule="evenodd"` : ""}/>`);
    }
  }
  return parts.join("");
}

export function buildSvg(drawing: Drawing, look: Look, width: number, height: number, rng: Rng): string {
  const fit = fitDrawing(drawing, width, height);
  const used = new Set<string>();
  const body = drawing.elements.map((element) => elementMarkup(element, fit, look, used)).join("");
  const gradients = [...used]
    .map((key) => {
      const [slot, tone] = key.split("|") as [Slot, Tone];
      return gradientMarkup(slot, tone, look);
    })
    .join("");
  const input = {
    look,
    fit,
    width,
    height,
    rng,
    silhouette: (color: string, dx: number, dy: number) => silhouetteMarkup(drawing, fit, color, dx, dy),
    clipShapes: () => clipMarkup(drawing, fit),
    upwardEdges: () => upwardEdges(drawing, fit),
  };
  const under = underlays(input);
  const over = overlays(input);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<defs>${gradients}${over.defs}</defs>` +
    `<rect width="${width}" height="${height}" fill="#000000"/>` +
    under +
    body +
    over.markup +
    `</svg>`
  );
}
