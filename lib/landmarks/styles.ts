// Style words in a prompt ("at dusk", "in bronze", "watercolour") and what each asks of a picture.
// The sketch renderer turns these specs into palette, lighting and surface treatment.

import { findLandmarks } from "./match";
import { phraseStarts, tokenize } from "./normalize";
import { LANDMARKS } from "./catalog";

export type StyleKind = "lighting" | "material" | "medium" | "weather" | "color";

/** Colours as #rrggbb. */
export interface Palette {
  /** Body colour of lit-facing surfaces. */
  base: string;
  /** Surfaces turned away from the light. */
  shade: string;
  /** Brightest glints. */
  highlight: string;
  /** Edge light on the lit side. */
  rim: string;
  /** Secondary details: windows, trims, veins, neon tubes. */
  accent: string;
}

export interface Lighting {
  /** Horizontal direction the light comes from: -1 from the left, 1 from the right. */
  azimuth: number;
  /** 0 grazing from the horizon, 1 from overhead. */
  elevation: number;
  /** 0 flat, 1 strong contrast between lit and shaded sides. */
  intensity: number;
}

export type Finish = "matte" | "metallic" | "glass" | "veined" | "grain";
export type Medium = "solid" | "watercolor" | "ink" | "pastel" | "neon" | "pixel" | "low-poly";
export type Weather = "snow" | "rain" | "fog";

export interface StyleSpec {
  palette?: Partial<Palette>;
  lighting?: Partial<Lighting>;
  finish?: Finish;
  medium?: Medium;
  weather?: Weather;
  /** Windows glow in the accent colour (evening and night). */
  litWindows?: boolean;
  /** Colour words tint the subject's own palette instead of replacing it. */
  tint?: string;
}

export interface StyleWord {
  /** Canonical name, e.g. "watercolor" for "watercolour". */
  id: string;
  kind: StyleKind;
  spec: StyleSpec;
}

interface StyleEntry extends StyleWord {
  words: string[];
}

const ENTRIES: StyleEntry[] = [
  // Time of day and lighting
  {
    id: "dusk", kind: "lighting", words: ["dusk", "twilight", "evening", "golden hour", "blue hour"],
    spec: { palette: { base: "#d98a5f", shade: "#6b4c8e", highlight: "#ffc890", rim: "#ff9f62", accent: "#ffd77a" }, lighting: { azimuth: -0.85, elevation: 0.15, intensity: 0.8 }, litWindows: true },
  },
  {
    id: "sunset", kind: "lighting", words: ["sunset", "sundown"],
    spec: { palette: { base: "#e27a4c", shade: "#7a3e6c", highlight: "#ffb26e", rim: "#ff7b45", accent: "#ffd36a" }, lighting: { azimuth: -0.9, elevation: 0.1, intensity: 0.85 } },
  },
  {
    id: "night", kind: "lighting", words: ["night", "nighttime", "midnight", "moonlight", "moonlit", "nocturnal"],
    spec: { palette: { base: "#3d528f", shade: "#283670", highlight: "#7088c8", rim: "#a3b7ff", accent: "#ffcf6a" }, lighting: { azimuth: 0.6, elevation: 0.6, intensity: 0.5 }, litWindows: true },
  },
  {
    id: "dawn", kind: "lighting", words: ["dawn", "sunrise", "daybreak", "morning"],
    spec: { palette: { base: "#e6b4a6", shade: "#8c7ea8", highlight: "#fff0d8", rim: "#ffd0ac", accent: "#f7a8a0" }, lighting: { azimuth: 0.85, elevation: 0.2, intensity: 0.6 } },
  },
  {
    id: "noon", kind: "lighting", words: ["noon", "midday", "daylight", "sunny", "sunlit", "bright day"],
    spec: { palette: { highlight: "#ffffff", rim: "#fffbe8" }, lighting: { azimuth: 0.3, elevation: 0.95, intensity: 0.9 } },
  },

  // Materials
  {
    id: "marble", kind: "material", words: ["marble", "alabaster"],
    spec: { palette: { base: "#ece8e2", shade: "#b5afa7", highlight: "#ffffff", rim: "#ffffff", accent: "#8f8780" }, finish: "veined" },
  },
  {
    id: "bronze", kind: "material", words: ["bronze", "brass"],
    spec: { palette: { base: "#b47a3c", shade: "#5e3a1c", highlight: "#f2c67c", rim: "#ffdca2", accent: "#4f9a82" }, finish: "metallic" },
  },
  {
    id: "gold", kind: "material", words: ["gold", "golden", "gilded", "gilt"],
    spec: { palette: { base: "#d6a92e", shade: "#7e5b14", highlight: "#fff2a8", rim: "#fff7d0", accent: "#b8860b" }, finish: "metallic" },
  },
  {
    id: "silver", kind: "material", words: ["silver", "chrome", "steel", "stainless", "metallic", "aluminium", "aluminum"],
    spec: { palette: { base: "#b9bdc6", shade: "#5f636c", highlight: "#ffffff", rim: "#f4f8ff", accent: "#8c93a0" }, finish: "metallic" },
  },
  {
    id: "copper", kind: "material", words: ["copper", "verdigris", "patina"],
    spec: { palette: { base: "#5fa78f", shade: "#2f6656", highlight: "#a8e0c8", rim: "#d2f5e6", accent: "#c0703c" }, finish: "metallic" },
  },
  {
    id: "iron", kind: "material", words: ["iron", "cast iron", "wrought iron"],
    spec: { palette: { base: "#6e727a", shade: "#43464c", highlight: "#aab0ba", rim: "#c8ced8", accent: "#8a5a3c" }, finish: "metallic" },
  },
  {
    id: "wood", kind: "material", words: ["wood", "wooden", "oak", "timber", "carved wood"],
    spec: { palette: { base: "#a46c3d", shade: "#5e3b1f", highlight: "#dba66e", rim: "#f0c894", accent: "#6e4526" }, finish: "grain" },
  },
  {
    id: "glass", kind: "material", words: ["glass", "crystal", "transparent", "translucent"],
    spec: { palette: { base: "#8cc6e0", shade: "#3f6f8f", highlight: "#eafcff", rim: "#ffffff", accent: "#d6f4ff" }, finish: "glass" },
  },
  {
    id: "stone", kind: "material", words: ["stone", "granite", "limestone", "concrete", "rock"],
    spec: { palette: { base: "#a99d8b", shade: "#6b6257", highlight: "#dad1c2", rim: "#ece4d6", accent: "#857a6c" }, finish: "matte" },
  },
  {
    id: "sandstone", kind: "material", words: ["sandstone", "sand", "desert"],
    spec: { palette: { base: "#d6ab70", shade: "#8c6438", highlight: "#f6dba8", rim: "#ffeccc", accent: "#a67c48" }, finish: "matte" },
  },
  {
    id: "clay", kind: "material", words: ["clay", "terracotta", "ceramic", "pottery", "earthenware"],
    spec: { palette: { base: "#c2714a", shade: "#7a3f26", highlight: "#eaa47c", rim: "#f8c8a8", accent: "#8e4a2c" }, finish: "matte" },
  },
  {
    id: "porcelain", kind: "material", words: ["porcelain", "china clay", "delftware"],
    spec: { palette: { base: "#f1f1f5", shade: "#b6bccb", highlight: "#ffffff", rim: "#ffffff", accent: "#3d5fb0" }, finish: "glass" },
  },

  // Media
  { id: "watercolor", kind: "medium", words: ["watercolor", "watercolour", "watercolors", "watercolours", "aquarelle"], spec: { medium: "watercolor", lighting: { intensity: 0.45 } } },
  { id: "ink", kind: "medium", words: ["ink", "pen and ink", "line drawing", "sketch", "etching", "engraving"], spec: { medium: "ink", palette: { base: "#ebe5d6", shade: "#b9b2a2", highlight: "#fbf8ee", rim: "#ffffff", accent: "#3c3c48" } } },
  { id: "pastel", kind: "medium", words: ["pastel", "pastels", "chalk"], spec: { medium: "pastel", palette: { base: "#f3c6d6", shade: "#a9b8e6", highlight: "#fff4d6", rim: "#fffaf0", accent: "#b8e6cf" }, lighting: { intensity: 0.4 } } },
  { id: "neon", kind: "medium", words: ["neon", "synthwave", "cyberpunk", "vaporwave", "glowing"], spec: { medium: "neon", palette: { base: "#3b2356", shade: "#2c1d48", highlight: "#6a3c92", rim: "#ff40d8", accent: "#40f0ff" } } },
  { id: "pixel", kind: "medium", words: ["pixel", "pixel art", "pixelated", "8 bit", "16 bit", "retro game"], spec: { medium: "pixel" } },
  { id: "low-poly", kind: "medium", words: ["low poly", "lowpoly", "polygonal", "faceted"], spec: { medium: "low-poly" } },

  // Weather
  { id: "snow", kind: "weather", words: ["snow", "snowy", "snowfall", "winter", "wintry", "snowing", "blizzard"], spec: { weather: "snow", palette: { shade: "#7d8aa6", highlight: "#ffffff" } } },
  { id: "rain", kind: "weather", words: ["rain", "rainy", "raining", "storm", "stormy", "downpour", "drizzle"], spec: { weather: "rain", lighting: { intensity: 0.45 } } },
  { id: "fog", kind: "weather", words: ["fog", "foggy", "mist", "misty", "haze", "hazy"], spec: { weather: "fog", lighting: { intensity: 0.35 } } },

  // Colours
  ...(
    [
      ["red", ["red", "crimson", "scarlet", "vermilion"], "#d0443a"],
      ["orange", ["orange", "amber"], "#e8863a"],
      ["yellow", ["yellow", "lemon"], "#e8cf3f"],
      ["green", ["green", "emerald", "jade"], "#4fa65a"],
      ["blue", ["blue", "azure", "cobalt", "navy"], "#3f6fd0"],
      ["purple", ["purple", "violet", "lilac", "lavender"], "#8a56c8"],
      ["pink", ["pink", "rose", "magenta", "fuchsia"], "#e873b0"],
      ["teal", ["teal", "turquoise", "cyan", "aqua"], "#3fb8b0"],
      ["brown", ["brown", "chocolate", "sepia"], "#8a5a3a"],
      ["white", ["white", "ivory"], "#f2f0ea"],
      ["black", ["black", "ebony", "obsidian", "jet black"], "#3e3e46"],
      ["gray", ["gray", "slate"], "#8e9098"],
    ] as const
  ).map(([id, words, tint]): StyleEntry => ({ id, kind: "color", words: [...words], spec: { tint } })),
];

/**
 * The same style words in French, German, Spanish and Italian, mapped onto the English entries so a goal
 * written "au crépuscule" or "im Schnee" asks for the same picture as "at dusk" or "in the snow". Words that
 * are also common English words ("or", "ton", "rot", "viola") appear only inside a phrase that cannot be
 * English ("en or", "aus Ton").
 */
const OTHER_LANGUAGES: Record<string, string[]> = {
  dusk: ["crépuscule", "au crépuscule", "soir", "soirée", "heure dorée", "dämmerung", "abenddämmerung", "abend", "abends", "crepúsculo", "atardecer", "anochecer", "hora dorada", "crepuscolo", "sera", "al tramonto dorato", "ora d'oro"],
  sunset: ["coucher de soleil", "soleil couchant", "sonnenuntergang", "puesta de sol", "ocaso", "tramonto"],
  night: ["nuit", "de nuit", "la nuit", "nocturne", "nacht", "nachts", "noche", "de noche", "nocturno", "nocturna", "notte", "di notte", "notturno", "clair de lune", "mondschein", "luz de luna", "chiaro di luna"],
  dawn: ["aube", "aurore", "lever du soleil", "matin", "morgendämmerung", "sonnenaufgang", "morgen", "morgens", "amanecer", "alba", "madrugada", "mañana", "aurora", "mattina", "mattino"],
  noon: ["midi", "plein soleil", "mittag", "mittags", "mediodía", "pleno sol", "mezzogiorno", "pieno sole"],
  marble: ["marbre", "en marbre", "marmor", "mármol", "marmo"],
  bronze: ["bronce", "bronzo", "laiton", "messing", "latón", "ottone"],
  gold: ["en or", "d or", "doré", "dorée", "dorés", "dorées", "golden", "vergoldet", "goldene", "goldenen", "oro", "de oro", "dorado", "dorada", "dorato", "dorata", "d oro"],
  silver: ["argent", "en argent", "argenté", "acier", "silber", "stahl", "plata", "de plata", "plateado", "acero", "argento", "d argento", "argentato", "acciaio"],
  copper: ["cuivre", "kupfer", "cobre", "di rame", "in rame"],
  iron: ["fer", "en fer", "eisen", "gusseisen", "hierro", "de hierro", "ferro", "di ferro"],
  wood: ["bois", "en bois", "holz", "aus holz", "hölzern", "madera", "de madera", "legno", "di legno"],
  glass: ["verre", "en verre", "cristal", "glas", "aus glas", "vidrio", "de vidrio", "vetro", "di vetro", "cristallo"],
  stone: ["pierre", "en pierre", "granit", "stein", "aus stein", "piedra", "de piedra", "granito", "pietra", "di pietra"],
  sandstone: ["grès", "sandstein", "arenisca", "arenaria"],
  clay: ["argile", "terre cuite", "céramique", "aus ton", "keramik", "terrakotta", "arcilla", "barro", "cerámica", "argilla", "terracotta", "ceramica"],
  porcelain: ["porcelaine", "porzellan", "porcelana", "porcellana"],
  watercolor: ["aquarelle", "à l aquarelle", "aquarell", "acuarela", "acuarelas", "acquerello", "acquerelli", "all acquerello"],
  ink: ["encre", "à l encre", "dessin à l encre", "tusche", "tuschezeichnung", "tinta", "a tinta", "tinta china", "inchiostro", "inchiostro di china"],
  pastel: ["pastell", "pastelle", "pastello", "pastelli", "craie", "kreide", "tiza", "gesso"],
  neon: ["néon", "néons", "fluo"],
  pixel: ["pixel art", "pixelart", "pixelisé", "pixelig", "pixelado", "pixelato"],
  "low-poly": ["low poly", "polygonal", "polygonale", "poligonal", "poligonale"],
  snow: ["neige", "sous la neige", "enneigé", "enneigée", "hiver", "schnee", "im schnee", "verschneit", "winter", "nieve", "nevado", "nevada", "invierno", "neve", "innevato", "innevata", "inverno"],
  rain: ["pluie", "sous la pluie", "pluvieux", "orage", "regen", "im regen", "regnerisch", "gewitter", "lluvia", "bajo la lluvia", "lluvioso", "tormenta", "pioggia", "sotto la pioggia", "piovoso", "temporale"],
  fog: ["brouillard", "brume", "brumeux", "nebel", "neblig", "dunst", "niebla", "neblina", "nebbia", "nebbioso", "foschia"],
  red: ["rouge", "rouges", "roten", "rote", "roter", "rojo", "roja", "rojos", "rosso", "rossa", "rossi"],
  orange: ["naranja", "arancione"],
  yellow: ["jaune", "jaunes", "gelb", "gelbe", "amarillo", "amarilla", "giallo", "gialla"],
  green: ["vert", "verte", "verts", "grün", "grüne", "verde", "verdes", "verdi"],
  blue: ["bleu", "bleue", "bleus", "blau", "blaue", "azul", "azules", "blu", "azzurro", "azzurra"],
  purple: ["violette", "mauve", "lila", "morado", "morada", "violetto", "violetta"],
  pink: ["rosa", "rosé"],
  white: ["blanc", "blanche", "blancs", "weiß", "weiße", "weißen", "blanco", "blanca", "blancos", "bianco", "bianca", "bianchi"],
  black: ["noir", "noire", "noirs", "schwarz", "schwarze", "negro", "negra", "nero", "nera", "neri"],
  gray: ["gris", "grise", "grau", "graue", "grigio", "grigia"],
  brown: ["marron", "braun", "braune", "marrón", "marrone"],
};

const PHRASES = ENTRIES.flatMap((entry) =>
  [...entry.words, ...(OTHER_LANGUAGES[entry.id] ?? [])].map((word) => ({ tokens: tokenize(word), entry })),
);

const LANDMARK_LABELS = LANDMARKS.map((landmark) => ({
  landmark,
  labels: [landmark.name, ...landmark.aliases].map(tokenize),
}));

/** Tokens of the text with landmark names blanked, so "Golden Gate" or "Red Square" set no style. */
function tokensOutsideLandmarks(text: string): string[] {
  const tokens = tokenize(text);
  for (const found of findLandmarks(text)) {
    const labels = LANDMARK_LABELS.find((entry) => entry.landmark === found)?.labels ?? [];
    for (const label of labels) {
      for (const start of phraseStarts(tokens, label)) tokens.fill("", start, start + label.length);
    }
  }
  return tokens;
}

interface StyleHit {
  start: number;
  length: number;
  entry: StyleEntry;
}

/** Style phrases found in the tokens, in order; a longer phrase wins over a word inside it. */
function styleHits(tokens: readonly string[]): StyleHit[] {
  const hits: StyleHit[] = [];
  for (const { tokens: phrase, entry } of PHRASES) {
    for (const start of phraseStarts(tokens, phrase)) hits.push({ start, length: phrase.length, entry });
  }
  hits.sort((a, b) => b.length - a.length || a.start - b.start);
  const taken = new Set<number>();
  const kept: StyleHit[] = [];
  for (const hit of hits) {
    const span = Array.from({ length: hit.length }, (_, k) => hit.start + k);
    if (span.some((index) => taken.has(index))) continue;
    span.forEach((index) => taken.add(index));
    kept.push(hit);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Style words in order of appearance, each once. */
export function findStyleWords(text: string): StyleWord[] {
  const result: StyleWord[] = [];
  for (const { entry } of styleHits(tokensOutsideLandmarks(text))) {
    if (result.some((word) => word.id === entry.id)) continue;
    result.push({ id: entry.id, kind: entry.kind, spec: entry.spec });
  }
  return result;
}

/** The text's normalised words minus its style words: what it depicts rather than how. */
export function withoutStyleWords(text: string): string[] {
  const tokens = tokenize(text);
  const styled = new Set(styleHits(tokens).flatMap((hit) => Array.from({ length: hit.length }, (_, k) => hit.start + k)));
  return tokens.filter((_, index) => !styled.has(index));
}
