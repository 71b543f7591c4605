import "server-only";

// Resolves the colours of a picture: the subject's own materials, recoloured by the prompt's
// style words (material, lighting, medium, weather, colour) and jittered a little by the seed.

import type { Finish, Lighting, Medium, Palette, StyleWord, Weather } from "@/lib/landmarks/styles";
import { atLeast, mix, multiply, shift } from "./color";
import type { Slot } from "./drawing";
import type { Rng } from "./random";

export interface SlotColors {
  lit: string;
  base: string;
  shade: string;
}

export interface Look {
  slots: Record<Slot, SlotColors>;
  rim: string;
  lighting: Lighting;
  medium: Medium;
  finish: Finish;
  weather: Weather | null;
  /** Colour of strokes in the ink and neon media. */
  outline: string;
  /** A second neon colour for details. */
  glow: string;
}

/** Materials of a subject in neutral daylight. */
export type Albedo = Partial<Record<Slot, string>>;

/**
 * The image-to-3D step finds the subject against pure black; every subject colour stays at or
 * above this luminance (0–255).
 */
export const MIN_SUBJECT_LUMINANCE = 44;

const DEFAULT_ALBEDO: Record<Slot, string> = {
  main: "#d9d0bf",
  second: "#bdb29e",
  trim: "#ede7db",
  roof: "#7f8d9a",
  dark: "#6d655b",
  glass: "#8ab0cc",
  window: "#4b5866",
  gold: "#dcae3e",
  accent: "#b8473b",
};

/** How a pale surface looks in plain daylight; lighting words replace parts of it. */
const NEUTRAL_LIGHT: Palette = {
  base: "#f6f2ea",
  shade: "#8f97a8",
  highlight: "#ffffff",
  rim: "#fff4dc",
  accent: "#ffd27a",
};

const NEUTRAL_LIGHTING: Lighting = { azimuth: -0.6, elevation: 0.5, intensity: 0.7 };

const SLOTS = Object.keys(DEFAULT_ALBEDO) as Slot[];

function firstOfKind(words: readonly StyleWord[], kind: StyleWord["kind"]): StyleWord | undefined {
  return words.find((word) => word.kind === kind);
}

function applyMaterial(albedo: Record<Slot, string>, material: Partial<Palette>): void {
  const base = material.base ?? albedo.main;
  const shade = material.shade ?? mix(base, "#000000", 0.4);
  const highlight = material.highlight ?? mix(base, "#ffffff", 0.4);
  albedo.main = base;
  albedo.second = mix(base, shade, 0.25);
  albedo.trim = mix(base, highlight, 0.35);
  albedo.roof = mix(base, shade, 0.4);
  albedo.dark = mix(base, shade, 0.7);
  albedo.gold = mix(base, highlight, 0.2);
  albedo.accent = material.accent ?? mix(base, shade, 0.5);
}

function applyTint(albedo: Record<Slot, string>, tint: string): void {
  albedo.main = mix(albedo.main, tint, 0.65);
  albedo.second = mix(albedo.second, tint, 0.5);
  albedo.trim = mix(albedo.trim, tint, 0.3);
  albedo.roof = mix(albedo.roof, tint, 0.35);
  albedo.accent = mix(albedo.accent, tint, 0.5);
}

function applyMedium(albedo: Record<Slot, string>, medium: Medium, palette: Partial<Palette> | undefined): void {
  if (medium === "ink") {
    for (const slot of SLOTS) albedo[slot] = mix(albedo[slot], palette?.base ?? "#ebe5d6", 0.85);
    albedo.window = "#b9b2a2";
  } else if (medium === "pastel" && palette) {
    for (const slot of SLOTS) albedo[slot] = mix(albedo[slot], "#ffffff", 0.45);
    albedo.main = mix(albedo.main, palette.base ?? albedo.main, 0.5);
    albedo.roof = mix(albedo.roof, palette.shade ?? albedo.roof, 0.6);
    albedo.second = mix(albedo.second, palette.accent ?? albedo.second, 0.5);
  }
}

function jitter(rng: Rng, hex: string, amount: number): string {
  const d = () => Math.round((rng() * 2 - 1) * amount);
  const common = d();
  return shift(hex, common + d() / 2, common + d() / 2, common + d() / 2);
}

export function resolveLook(words: readonly StyleWord[], subjectAlbedo: Albedo, rng: Rng): Look {
  const material = firstOfKind(words, "material");
  const lightingWord = firstOfKind(words, "lighting");
  const mediumWord = firstOfKind(words, "medium");
  const weatherWord = firstOfKind(words, "weather");
  const colorWord = firstOfKind(words, "color");
  const medium = mediumWord?.spec.medium ?? "solid";
  const weather = weatherWord?.spec.weather ?? null;

  const albedo: Record<Slot, string> = { ...DEFAULT_ALBEDO, ...subjectAlbedo };
  if (material?.spec.palette) applyMaterial(albedo, material.spec.palette);
  if (colorWord?.spec.tint) applyTint(albedo, colorWord.spec.tint);
  applyMedium(albedo, medium, mediumWord?.spec.palette);
  if (weather === "rain") for (const slot of SLOTS) albedo[slot] = multiply(albedo[slot], "#c8d0dc");

  const light: Palette = { ...NEUTRAL_LIGHT, ...lightingWord?.spec.palette, ...weatherWord?.spec.palette };
  const lighting: Lighting = {
    ...NEUTRAL_LIGHTING,
    ...lightingWord?.spec.lighting,
    ...mediumWord?.spec.lighting,
    ...weatherWord?.spec.lighting,
  };
  const windowsLit = Boolean(lightingWord?.spec.litWindows);
  const metallic = material?.spec.finish === "metallic";

  const slots = {} as Record<Slot, SlotColors>;
  for (const slot of SLOTS) {
    const a = jitter(rng, albedo[slot], 5);
    const base = multiply(a, light.base, 1.04);
    const litSurface = metallic ? mix(a, material?.spec.palette?.highlight ?? "#ffffff", 0.6) : mix(a, "#ffffff", 0.3);
    const lit = mix(base, multiply(litSurface, light.highlight, 1.08), lighting.intensity);
    // Coloured light also tints the shadows themselves (dusk's purple, night's blue).
    const shade = mix(base, mix(multiply(a, light.shade, 0.95), light.shade, lightingWord ? 0.3 : 0), lighting.intensity);
    slots[slot] = { lit, base, shade };
  }
  if (windowsLit) {
    const glow = jitter(rng, light.accent, 6);
    slots.window = { lit: mix(glow, "#ffffff", 0.35), base: glow, shade: mix(glow, "#c0603a", 0.3) };
  }
  if (weather === "fog") {
    for (const slot of SLOTS) {
      const s = slots[slot];
      slots[slot] = { lit: mix(s.lit, "#b4b8c6", 0.3), base: mix(s.base, "#b4b8c6", 0.3), shade: mix(s.shade, "#b4b8c6", 0.35) };
    }
  }
  if (medium === "neon") applyNeon(slots, mediumWord?.spec.palette ?? {});

  for (const slot of SLOTS) {
    const s = slots[slot];
    slots[slot] = {
      lit: atLeast(s.lit, MIN_SUBJECT_LUMINANCE),
      base: atLeast(s.base, MIN_SUBJECT_LUMINANCE),
      shade: atLeast(s.shade, MIN_SUBJECT_LUMINANCE),
    };
  }
  const palette = mediumWord?.spec.palette;
  return {
    slots,
    rim: atLeast(mix(light.rim, "#ffffff", 0.2), MIN_SUBJECT_LUMINANCE),
    lighting,
    medium,
    finish: material?.spec.finish ?? "matte",
    weather,
    outline: atLeast(medium === "neon" ? (palette?.rim ?? "#ff40d8") : (palette?.accent ?? "#3c3c48"), MIN_SUBJECT_LUMINANCE),
    glow: atLeast(palette?.accent ?? "#40f0ff", MIN_SUBJECT_LUMINANCE),
  };
}

/** Neon keeps each material's hue but sinks it toward the dark base so the tubes stand out. */
function applyNeon(slots: Record<Slot, SlotColors>, palette: Partial<Palette>): void {
  const dark = palette.base ?? "#3b2356";
  for (const slot of SLOTS) {
    const s = slots[slot];
    slots[slot] = { lit: mix(s.lit, dark, 0.6), base: mix(s.base, dark, 0.72), shade: mix(s.shade, dark, 0.82) };
  }
  const tube = palette.accent ?? "#40f0ff";
  slots.window = { lit: tube, base: tube, shade: mix(tube, dark, 0.3) };
}
