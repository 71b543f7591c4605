import type { Shape } from "@/lib/landmarks/catalog";
import type { StyleWord } from "@/lib/landmarks/styles";
import type { AgentPlan, LayoutArrangement, PlannedExhibit } from "@/lib/contracts/agent-plan";
import { capPlan, seedFrom, slugify } from "../plan";
import { readGoal, type GoalReading, type Subject } from "./offline/read-goal";

// The deterministic planner used when no model is configured: the goal's reading becomes a plan whose
// prompts name the subject plainly and carry the style words in their canonical form, which is what both
// real text-to-image Spaces and the built-in sketch renderer (which matches landmark names and style words
// in the prompt) respond to best.

const SHAPE_HINTS: Record<Shape, string> = {
  "lattice-tower": "openwork lattice tower",
  "needle-tower": "slender needle tower",
  skyscraper: "art deco skyscraper",
  "clock-tower": "gothic clock tower",
  "leaning-tower": "leaning bell tower",
  arch: "monumental triumphal arch",
  cathedral: "gothic cathedral with twin towers",
  basilica: "domed basilica",
  mausoleum: "domed mausoleum",
  "onion-domes": "church with colourful onion domes",
  palace: "grand palace facade",
  temple: "classical temple with columns",
  "egyptian-temple": "ancient Egyptian temple with massive pylons",
  pyramid: "great pyramid",
  obelisk: "tall carved obelisk",
  column: "monumental column with a statue on top",
  bridge: "bridge with towers",
  windmill: "traditional windmill",
  pagoda: "tiered pagoda",
  castle: "fairy-tale castle with turrets",
  torii: "torii gate",
  statue: "monumental statue",
  sphinx: "ancient sphinx",
  colosseum: "ancient elliptical amphitheatre",
  fountain: "baroque fountain",
  "ferris-wheel": "giant observation wheel",
  "shell-roof": "building with sail-shaped shell roofs",
  mountain: "volcanic mountain peak",
};

// Phrases use only the style word they stand for: the sketch renderer reads every style word in a prompt,
// so a decorative "glowing" or "white" would add a style the visitor never asked for.
const LIGHTING_PHRASE: Record<string, string> = { dusk: "at dusk", sunset: "at sunset", night: "at night", dawn: "at dawn", noon: "at noon" };
const WEATHER_PHRASE: Record<string, string> = { snow: "covered in snow", rain: "in the rain", fog: "in fog" };
const MEDIUM_PHRASE: Record<string, string> = {
  watercolor: "watercolor painting style",
  ink: "ink drawing style",
  pastel: "pastel style",
  neon: "neon style",
  pixel: "pixel art style",
  "low-poly": "low poly style",
};
const MATERIAL_PHRASE: Record<string, string> = {
  gold: "made of polished gold",
  silver: "made of polished silver",
  bronze: "cast in bronze",
  copper: "made of copper",
  iron: "made of iron",
  marble: "carved in marble",
  wood: "carved in wood",
  glass: "made of glass",
  stone: "carved in stone",
  sandstone: "carved in sandstone",
  clay: "modelled in clay",
  porcelain: "made of porcelain",
};

const LIGHT_TITLE: Record<string, string> = {
  dusk: "at Dusk", sunset: "at Sunset", night: "at Night", dawn: "at Dawn", noon: "at Noon",
  snow: "in the Snow", rain: "in the Rain", fog: "in the Fog",
};

function stylePhrase(style: StyleWord): string {
  switch (style.kind) {
    case "lighting":
      return LIGHTING_PHRASE[style.id] ?? `${style.id} light`;
    case "weather":
      return WEATHER_PHRASE[style.id] ?? style.id;
    case "medium":
      return MEDIUM_PHRASE[style.id] ?? `${style.id} style`;
    case "material":
      return MATERIAL_PHRASE[style.id] ?? `made of ${style.id}`;
    case "color":
      return `in ${style.id} tones`;
  }
}

const titleWord = (id: string) => id.split("-").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ");

/**
 * The gallery title's style: one "at …" for the light, one "in …" for the weather, and the colours,
 * materials and media in a single "in …" ("in White Marble", never "in White in Marble").
 */
function titleSuffix(styles: StyleWord[]): string {
  const light = styles.find((s) => s.kind === "lighting");
  const weather = styles.find((s) => s.kind === "weather");
  const order = ["color", "material", "medium"] as const;
  const look = order.flatMap((kind) => styles.filter((s) => s.kind === kind).slice(0, 1)).map((s) => titleWord(s.id));
  const parts = [light && LIGHT_TITLE[light.id], weather && LIGHT_TITLE[weather.id], look.length ? `in ${look.slice(0, 2).join(" ")}` : ""];
  return parts.filter(Boolean).slice(0, 2).join(" ");
}

const ISOLATION = "a single object, whole and centred, isolated on a plain dark background, no people, no text, studio lighting, highly detailed";

function exhibitPrompt(subject: Subject, styles: StyleWord[]): string {
  const parts: string[] = [];
  if (subject.landmark) {
    const { name, city, shape } = subject.landmark;
    const lower = name.toLowerCase();
    parts.push(lower.includes(city.toLowerCase()) ? name : `${name} in ${city}`);
    // "Great Pyramid of Giza, great pyramid" says nothing new: add the shape only when the name lacks its noun.
    const hint = SHAPE_HINTS[shape];
    const noun = hint.split(" ").pop() ?? "";
    if (!lower.includes(noun.toLowerCase())) parts.push(hint);
  } else {
    const material = styles.find((s) => s.kind === "material");
    const shown = subject.look ?? subject.name;
    parts.push(withArticle(material && !subject.look ? `${shown} sculpture` : shown));
  }
  for (const style of styles) parts.push(stylePhrase(style));
  parts.push(ISOLATION);
  return parts.join(", ");
}

function withArticle(noun: string): string {
  if (/^(a|an|the)\s/i.test(noun) || /^[A-Z]/.test(noun)) return noun; // "Saturn", "Tyrannosaurus rex"
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function exhibitDescription(subject: Subject, styles: StyleWord[]): string {
  if (subject.landmark) return subject.landmark.description;
  if (subject.note) return subject.note;
  const style = styles.map(stylePhrase).slice(0, 2).join(", ");
  return `${capitalise(subject.name)}${style ? `, ${style}` : ""}.`;
}

function arrangementFor(count: number): LayoutArrangement {
  if (count <= 5) return "ring";
  if (count >= 10) return "grid";
  return "hall";
}

export function planFromReading(goal: string, reading: GoalReading): AgentPlan {
  const subjects = reading.subjects;
  const used = new Set<string>();
  const exhibits: PlannedExhibit[] = subjects.slice(0, reading.count).map((subject) => {
    let key = slugify(subject.landmark?.id ?? subject.name);
    for (let n = 2; used.has(key); n++) key = `${slugify(subject.name).slice(0, 36)}-${n}`;
    used.add(key);
    return {
      key,
      title: subject.landmark ? subject.landmark.name : capitalise(subject.name),
      prompt: exhibitPrompt(subject, reading.styles),
      description: exhibitDescription(subject, reading.styles),
      seed: seedFrom(`${goal}|${key}`),
      ...(subject.kind === "splat" ? { kind: "splat" as const } : {}),
    };
  });
  const suffix = titleSuffix(reading.styles);
  const title = `${reading.topic}${suffix ? ` ${suffix}` : ""}`.slice(0, 100);
  const theme = reading.styles.length
    ? reading.styles.map((s) => (s.kind === "lighting" ? `${s.id} light` : s.id.replace("-", " "))).join(", ")
    : "classic gallery, soft daylight";
  return {
    title,
    theme,
    exhibits,
    layout: {
      arrangement: arrangementFor(exhibits.length),
      notes: reading.source === "named" || reading.source === "list" ? "in the order the visitor named them" : "most famous first",
    },
  };
}

/** The offline plan for a goal. */
export function planOffline(goal: string, maxExhibits = 12): AgentPlan {
  return capPlan(planFromReading(goal, readGoal(goal)), maxExhibits);
}
