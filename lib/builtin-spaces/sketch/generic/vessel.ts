import "server-only";

// Turned vessels drawn as lathe profiles: vases, urns, amphorae, bottles, cups and teapots, with
// handles, spouts, lids and painted bands.

import { fill, type Drawing, type Pt } from "../drawing";
import { cubic, profile, quad, ribbon, spread } from "../geometry";
import type { Albedo } from "../look";
import { between, pick, type Rng } from "../random";

export interface VesselPreset {
  /** Half-widths at the foot, belly, shoulder, neck and lip, and the belly's height share. */
  radii: [number, number, number, number, number];
  belly: number;
  height: number;
  handles: 0 | 1 | 2;
  spout: boolean;
  lid: boolean;
  color: string;
}

export const VESSELS: Record<string, VesselPreset> = {
  vase: { radii: [12, 24, 16, 8, 12], belly: 0.35, height: 90, handles: 0, spout: false, lid: false, color: "#4a7ab0" },
  urn: { radii: [14, 28, 24, 16, 20], belly: 0.45, height: 70, handles: 2, spout: false, lid: true, color: "#8a6a4a" },
  amphora: { radii: [3, 26, 18, 7, 10], belly: 0.45, height: 100, handles: 2, spout: false, lid: false, color: "#c0703c" },
  jar: { radii: [18, 26, 24, 18, 20], belly: 0.45, height: 60, handles: 0, spout: false, lid: true, color: "#d8c8a0" },
  pot: { radii: [16, 28, 27, 24, 26], belly: 0.4, height: 50, handles: 2, spout: false, lid: false, color: "#b8603a" },
  bottle: { radii: [14, 16, 15, 5, 5], belly: 0.3, height: 100, handles: 0, spout: false, lid: false, color: "#3e8a5a" },
  jug: { radii: [16, 24, 20, 12, 15], belly: 0.4, height: 70, handles: 1, spout: false, lid: false, color: "#c8a070" },
  pitcher: { radii: [16, 24, 20, 12, 15], belly: 0.4, height: 70, handles: 1, spout: false, lid: false, color: "#e8e0d0" },
  teapot: { radii: [20, 34, 28, 14, 14], belly: 0.42, height: 46, handles: 1, spout: true, lid: true, color: "#3e6aa8" },
  kettle: { radii: [26, 30, 26, 14, 14], belly: 0.3, height: 44, handles: 1, spout: true, lid: true, color: "#b8bcc4" },
  cup: { radii: [12, 18, 20, 21, 22], belly: 0.3, height: 34, handles: 1, spout: false, lid: false, color: "#f0ece4" },
  mug: { radii: [18, 18.5, 19, 19, 19], belly: 0.5, height: 44, handles: 1, spout: false, lid: false, color: "#c84a3a" },
  goblet: { radii: [16, 3, 3, 20, 22], belly: 0.15, height: 70, handles: 0, spout: false, lid: false, color: "#d8b048" },
  chalice: { radii: [16, 3, 3, 20, 22], belly: 0.15, height: 70, handles: 0, spout: false, lid: false, color: "#d8b048" },
  trophy: { radii: [18, 4, 6, 22, 24], belly: 0.2, height: 70, handles: 2, spout: false, lid: false, color: "#e0b83e" },
  bowl: { radii: [12, 18, 30, 34, 36], belly: 0.2, height: 30, handles: 0, spout: false, lid: false, color: "#e8dcc4" },
  lamp: { radii: [18, 22, 10, 5, 5], belly: 0.3, height: 60, handles: 0, spout: false, lid: false, color: "#c8a060" },
  vessel: { radii: [14, 26, 20, 10, 13], belly: 0.4, height: 80, handles: 0, spout: false, lid: false, color: "#8a7ab0" },
};

function halfWidth(p: VesselPreset, t: number): number {
  const [foot, belly, shoulder, neck, lip] = p.radii;
  const stops: [number, number][] = [[0, foot], [p.belly, belly], [Math.min(p.belly + 0.3, 0.8), shoulder], [0.86, neck], [1, lip]];
  for (let i = 0; i + 1 < stops.length; i++) {
    const [t0, r0] = stops[i] ?? [0, 0];
    const [t1, r1] = stops[i + 1] ?? [1, 0];
    if (t <= t1) {
      const f = (t - t0) / Math.max(t1 - t0, 1e-6);
      return r0 + (r1 - r0) * (0.5 - 0.5 * Math.cos(Math.PI * f));
    }
  }
  return lip;
}

export function drawVessel(d: Drawing, preset: VesselPreset, rng: Rng): Albedo {
  const p: VesselPreset = { ...preset, radii: preset.radii.map((r) => r * between(rng, 0.9, 1.1)) as VesselPreset["radii"], height: preset.height * between(rng, 0.92, 1.08) };
  const h = p.height;
  const at = (t: number): Pt => [halfWidth(p, t), h * t];
  // Handles and spout behind/beside the body.
  const rightAt = (t: number) => halfWidth(p, t);
  if (p.handles >= 1) {
    const side = p.spout ? -1 : 1;
    const top = p.lid ? 0.78 : 0.85;
    const handle = cubic([side * rightAt(top) * 0.9, h * top], [side * (rightAt(top) + h * 0.28), h * (top + 0.1)], [side * (rightAt(0.3) + h * 0.3), h * 0.25], [side * rightAt(0.28) * 0.9, h * 0.28], 16);
    d.poly(ribbon(handle, h * 0.07), fill("main", "h"));
    if (p.handles === 2) {
      const other = handle.map(([x, y]): Pt => [-x, y]);
      d.poly(ribbon(other, h * 0.07), fill("main", "h"));
    }
  }
  if (p.spout) {
    const spout = cubic([rightAt(0.3) * 0.8, h * 0.3], [rightAt(0.3) + h * 0.35, h * 0.3], [rightAt(0.5) + h * 0.3, h * 0.55], [rightAt(0.5) + h * 0.55, h * 0.85], 14);
    d.poly(ribbon(spout, h * 0.2, h * 0.07), fill("main", "h"));
  }
  const half = spread(0, 1, 30).map((t): [number, number] => [Math.max(at(t)[0], 0.4), at(t)[1]]);
  d.poly(profile(0, half), fill("main", "h"));
  d.poly([[-p.radii[4] * 1.05, h * 0.985], [p.radii[4] * 1.05, h * 0.985], [p.radii[4] * 1.05, h * 1.01], [-p.radii[4] * 1.05, h * 1.01]], fill("main", "lit"));
  if (p.lid) {
    const lw = p.radii[4] * 0.95;
    d.poly(quad([-lw, h], [0, h + lw * 0.9], [lw, h], 12), fill("main", "r"));
    d.ellipse(0, h + lw * 0.5, lw * 0.18, lw * 0.18, fill("accent", "r"));
  }
  // Painted bands and a motif, picked per subject.
  const bands = pick(rng, [[0.2, 0.62], [0.35], [0.15, 0.5, 0.75], [0.55]] as const);
  d.lines(bands.map((t): Pt[] => spread(-0.96, 0.96, 12).map((f): Pt => [f * halfWidth(p, t), h * t - (1 - f * f) * h * 0.015])), "accent", h * 0.02);
  const motif = pick(rng, ["dots", "waves", "none"] as const);
  if (motif === "dots") {
    const t = p.belly;
    d.shapes(spread(-0.7, 0.7, 7).map((f) => [[f * halfWidth(p, t) - 1.2, h * t - 1.2], [f * halfWidth(p, t) + 1.2, h * t - 1.2], [f * halfWidth(p, t) + 1.2, h * t + 1.2], [f * halfWidth(p, t) - 1.2, h * t + 1.2]] as Pt[]), fill("trim", "flat"));
  } else if (motif === "waves") {
    const t = p.belly + 0.05;
    d.lines([spread(-0.85, 0.85, 24).map((f, i): Pt => [f * halfWidth(p, t), h * t + (i % 2 === 0 ? 1.5 : -1.5)])], "trim", h * 0.012);
  }
  return { main: p.color, accent: pick(rng, ["#e8d8a8", "#2a4a8a", "#b8402e", "#f0f0f0"]), trim: "#f4efe2" };
}
