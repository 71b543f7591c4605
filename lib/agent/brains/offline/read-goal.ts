import { LANDMARKS, type Landmark, type Region } from "@/lib/landmarks/catalog";
import { findLandmarks, findRegion, landmarksInRegion } from "@/lib/landmarks/match";
import { tokenize } from "@/lib/landmarks/normalize";
import { findStyleWords, withoutStyleWords, type StyleWord } from "@/lib/landmarks/styles";
import { CATEGORIES, type Category } from "./categories";
import {
  DETERMINERS,
  EMOJI,
  FORM_WORDS,
  INSTRUCTION,
  INSTRUCTION_NOISE,
  LEADING_FILLER,
  LEADING_REQUEST,
  LIST_SEPARATOR,
  MONUMENT_WORDS,
  STYLE_PREPOSITIONS,
  SUBJECT_CLAUSE,
  WORLD_WORDS,
} from "./grammar";
import { readKinds, type KindReading } from "./kinds";
import { COUNT_WORDS, findCount } from "./numbers";
import type { Subject } from "./subject";
import { variationsOf } from "./variations";

export type { Subject } from "./subject";

// What a goal asks for, read without a model: how many exhibits, which subjects (named landmarks, a
// region's landmarks, a category's items, an explicit list, or variations on a topic), and which style words
// to carry into every picture. Reads English, French, German, Spanish and Italian. Deterministic: the same
// goal always gives the same reading.

export const DEFAULT_COUNT = 6;
export const MAX_COUNT = 12;

export type SubjectSource = "named" | "collection" | "category" | "list" | "topic" | "none";

export interface GoalReading {
  /** The number of exhibits: explicit, or the number of named subjects, or 6; always 1–12. */
  count: number;
  /** Whether the goal itself gave a number. */
  explicitCount: boolean;
  /** The number the goal gave as written (may be more than 12, or than the subjects known); null if none. */
  askedCount: number | null;
  subjects: Subject[];
  source: SubjectSource;
  region: Region | null;
  category: Category | null;
  styles: StyleWord[];
  /** What the gallery is about, in title case ("Monuments of Paris", "Fruits"). */
  topic: string;
  /** The goal gives orders but names nothing to show: the visitor should be asked for a subject. */
  needsSubject: boolean;
}

/** What the goal box says to an empty goal; said to a goal that names no subject too. */
export const NO_SUBJECT_MESSAGE = "Describe the gallery you want, e.g. “the monuments of Paris at dusk”.";

/** The first count in the goal (1–12), or null. "3D", years and "one of" are not counts. */
export function readCount(goal: string): number | null {
  const hit = findCount(goal);
  return hit ? clampCount(hit.value) : null;
}

export function clampCount(n: number): number {
  return Math.min(MAX_COUNT, Math.max(1, Math.round(n)));
}

/** Nouns that narrow a region's landmarks: "3 Japanese temples" wants temples first. */
const KIND_FILTERS: { words: string[]; shapes: string[]; keywords: string[] }[] = [
  { words: ["temple", "temples", "shrine", "shrines", "tempel", "templos", "templi", "sanctuaires"], shapes: ["temple", "egyptian-temple", "pagoda", "torii"], keywords: ["temple", "shrine"] },
  { words: ["tower", "towers", "tours", "turme", "torres", "torri"], shapes: ["lattice-tower", "needle-tower", "clock-tower", "leaning-tower"], keywords: ["tower"] },
  { words: ["bridge", "bridges", "ponts", "brucken", "puentes", "ponti"], shapes: ["bridge"], keywords: ["bridge"] },
  { words: ["church", "churches", "cathedral", "cathedrals", "basilica", "basilicas", "eglises", "cathedrales", "kirchen", "iglesias", "catedrales", "chiese", "cattedrali"], shapes: ["cathedral", "basilica", "onion-domes"], keywords: ["cathedral", "church", "basilica"] },
  { words: ["castle", "castles", "palace", "palaces", "chateaux", "burgen", "schlosser", "castillos", "castelli", "palais", "palacios", "palazzi"], shapes: ["castle", "palace"], keywords: ["castle", "palace"] },
  { words: ["pyramid", "pyramids", "pyramides", "pyramiden", "piramides", "piramidi"], shapes: ["pyramid"], keywords: ["pyramid"] },
  { words: ["skyscraper", "skyscrapers", "gratte", "wolkenkratzer", "rascacielos", "grattacieli"], shapes: ["skyscraper"], keywords: ["skyscraper"] },
  { words: ["statue", "statues", "sculpture", "sculptures", "statuen", "estatuas"], shapes: ["statue", "sphinx"], keywords: ["statue"] },
];

/** A region's landmarks, those matching a kind noun ("temples") first; only those when the goal gave no count. */
function narrowByKind(landmarks: Landmark[], tokens: string[], explicitCount: boolean): Landmark[] {
  const filter = KIND_FILTERS.find((f) => f.words.some((w) => tokens.includes(w)));
  if (!filter) return landmarks;
  const matches = (l: Landmark) =>
    filter.shapes.includes(l.shape) || filter.keywords.some((k) => `${l.name} ${l.description}`.toLowerCase().includes(k));
  const matching = landmarks.filter(matches);
  // "New York skyscrapers" means the skyscrapers; "six New York skyscrapers" may need others to reach six.
  if (!explicitCount && matching.length > 0) return matching;
  return [...matching, ...landmarks.filter((l) => !matches(l))];
}

function findCategory(tokens: string[]): Category | null {
  let best: { category: Category; at: number } | null = null;
  for (const category of CATEGORIES) {
    for (const word of category.words) {
      const phrase = tokenize(word);
      for (let i = 0; i + phrase.length <= tokens.length; i++) {
        if (phrase.every((p, j) => tokens[i + j] === p) && (!best || i < best.at)) best = { category, at: i };
      }
    }
  }
  return best?.category ?? null;
}

/** The goal without emoji, control of spacing, and with emoji used as bullets turned into commas. */
function listText(goal: string): string {
  return goal
    .normalize("NFC")
    .replace(EMOJI, ", ")
    .replace(/\s+/g, " ")
    .replace(/^[\s,]+/, "")
    .trim();
}

function stripFiller(text: string): string {
  let body = text.replace(LEADING_REQUEST, "").replace(LEADING_FILLER, "");
  // "Gallery: pizza, burger and taco" / "Ma galerie : …"
  const colon = /^[^,:]{0,60}:\s*(.+)$/u.exec(body);
  if (colon?.[1] && !/\d:\d/.test(body)) body = colon[1];
  return body;
}

/** Cuts a trailing style or form phrase: "owl in bronze" → "owl", "Tour Eiffel au crépuscule" → "Tour Eiffel". */
function cutStyleTail(item: string): string {
  const words = item.split(/\s+/);
  for (let i = 1; i < words.length; i++) {
    const folded = tokenize(words[i] ?? "")[0] ?? "";
    if (!STYLE_PREPOSITIONS.has(folded) && !/^(?:l|d|all|dell|nell)['’]/i.test(words[i] ?? "")) continue;
    const tail = words.slice(i).join(" ");
    const tailTokens = tokenize(tail);
    const formPhrase = ["as", "als", "comme", "como", "come"].includes(folded);
    if (formPhrase || findStyleWords(tail).length > 0 || tailTokens.some((t) => FORM_WORDS.has(t))) {
      return words.slice(0, i).join(" ");
    }
  }
  return item;
}

function cleanItem(raw: string): string {
  let item = raw.trim().replace(/[!?;:…"“”«»()]+/g, " ").replace(/\s+/g, " ").trim();
  // A full stop ends a sentence, not an abbreviation: "T. rex", "St. Peter's", "Mt. Fuji" keep theirs.
  item = item.replace(/(?<!\b(?:\p{Lu}|St|Mt|Dr|Mr|Mrs|Ms|Ste|Sr|Jr))\.+$/u, "").trim();
  item = cutStyleTail(item);
  item = item.replace(DETERMINERS, "").trim();
  // Drop a form word left at the end ("pizza sculpture" when the goal says "as sculptures" elsewhere).
  const words = item.split(/\s+/);
  while (words.length > 1 && FORM_WORDS.has(tokenize(words[words.length - 1] ?? "")[0] ?? "")) words.pop();
  return words.join(" ");
}

const ITEM_SHAPE = /^[\p{L}\p{N}'’. -]+$/u;

/** "a cat, a dog and an owl in bronze" → ["cat", "dog", "owl"]; null when the goal is not such a list. */
export function readList(goal: string): string[] | null {
  const body = stripFiller(listText(goal));
  const pieces = body.split(LIST_SEPARATOR).map(cleanItem).filter((p) => p.length > 0 && !/^[\p{P}\s]+$/u.test(p));
  if (pieces.length < 2) return null;
  const [first, ...rest] = pieces;
  const longestRest = Math.max(...rest.map((p) => p.split(/\s+/).length));
  // "sculptures of a cat, a dog and an owl": the first piece carries the sentence's head.
  if (first && first.split(/\s+/).length > longestRest + 1) {
    const ofMatch = /^.*\b(?:of|de|des|du|von|di|del|della|dei|with|mit|con|avec|featuring)\s+(.+)$/iu.exec(first);
    if (ofMatch?.[1]) pieces[0] = cleanItem(ofMatch[1]);
  }
  // Names of things, not paths, addresses or sentences.
  if (pieces.some((p) => p.split(/\s+/).length > 5 || !ITEM_SHAPE.test(p))) return null;
  return pieces;
}

/** "A", "A & B", "A, B & C". */
function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} & ${names[names.length - 1]}`;
}

export function titleCase(text: string): string {
  const small = new Set(["of", "the", "and", "in", "at", "a", "an", "on", "for", "to", "as", "de", "du", "des", "la", "le", "les", "di", "del", "della", "von", "der", "die", "das", "y", "e", "et", "und"]);
  return text
    .split(/\s+/)
    .map((w, i) => (i > 0 && small.has(w.toLowerCase()) ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(" ");
}

const REGION_NAMES: Record<Region, string> = {
  paris: "Paris", france: "France", egypt: "Egypt", japan: "Japan", rome: "Rome", italy: "Italy", london: "London",
  uk: "Britain", "new-york": "New York", usa: "America", greece: "Greece", spain: "Spain", germany: "Germany",
  netherlands: "the Netherlands", russia: "Russia", india: "India", china: "China", "middle-east": "the Middle East",
  australia: "Australia", americas: "the Americas",
};

function collectionNoun(tokens: string[]): string {
  const filter = KIND_FILTERS.find((f) => f.words.some((w) => tokens.includes(w)));
  if (filter) {
    const english = filter.words.find((w) => w.endsWith("s") && tokens.includes(w) && /^[a-z]+$/.test(w) && filter.words.indexOf(w) < 4);
    return titleCase(english ?? `${filter.words[0]}s`);
  }
  if (tokens.includes("landmarks") || tokens.includes("landmark") || tokens.includes("wahrzeichen")) return "Landmarks";
  if (tokens.includes("sights") || tokens.includes("sehenswurdigkeiten")) return "Sights";
  if (tokens.includes("wonders") || tokens.includes("merveilles") || tokens.includes("maravillas") || tokens.includes("meraviglie")) return "Wonders";
  return "Monuments";
}

/** The topic words of a goal with no recognisable subjects ("a gallery of dreams" → "dreams"). */
function readTopic(goal: string): string {
  const body = cutStyleTail(stripFiller(listText(goal)).replace(/[.!?]+$/, ""))
    .replace(INSTRUCTION_NOISE, " ") // paths, URLs and addresses are not a topic
    .replace(/[^\p{L}\p{N}'’ -]+/gu, " ")
    .replace(DETERMINERS, "")
    .replace(/\s+/g, " ")
    .trim();
  // Style and count words describe the pictures, not the topic ("golden robots" is about robots).
  const styled = new Set(findStyleWords(body).length ? styleTokens(body) : []);
  const words = body.split(/\s+/).filter((w) => {
    const t = tokenize(w)[0] ?? "";
    return !styled.has(t) && !COUNT_WORDS.has(t) && !/^\d+$/.test(t);
  });
  return words.slice(0, 6).join(" ");
}

function styleTokens(text: string): string[] {
  const all = tokenize(text);
  return all.filter((t) => findStyleWords(t).length > 0);
}

/** The most famous landmark of each region first, then the next of each: a tour of the world. */
function worldTour(): Landmark[] {
  const regions = [...new Set(LANDMARKS.map((l) => l.region))];
  return interleave(regions.map((r) => LANDMARKS.filter((l) => l.region === r)));
}

/** Interleaves several pools: A1, B1, C1, A2, B2 … */
function interleave<T>(pools: T[][]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...pools.map((p) => p.length));
  for (let i = 0; i < longest; i++) for (const pool of pools) if (pool[i] !== undefined && !out.includes(pool[i] as T)) out.push(pool[i] as T);
  return out;
}

const landmarkSubject = (l: Landmark): Subject => ({ name: l.name, landmark: l });

/** The subject part of an instruction-shaped goal, or null when it names nothing to show. */
function subjectOfInstruction(goal: string): string | null {
  const clause = SUBJECT_CLAUSE.exec(goal)?.[1]?.replace(INSTRUCTION_NOISE, " ").trim();
  if (clause && /\p{L}{2,}/u.test(clause)) return clause;
  const clean = goal.replace(INSTRUCTION_NOISE, " ");
  if (findLandmarks(clean).length > 0 || findRegion(clean)) return clean;
  const category = findCategory(tokenize(clean));
  return category ? category.label : null;
}

export function readGoal(goal: string): GoalReading {
  const kinds = readKinds(goal);
  return withKinds(readGoalText(kinds.text), kinds);
}

/** Marks the subjects the goal wants as splats: all of them, or the list items marked one by one. */
function withKinds(reading: GoalReading, kinds: KindReading): GoalReading {
  const splat = (s: Subject): Subject => ({ ...s, kind: "splat" });
  if (kinds.items && (reading.source === "list" || reading.source === "named")) {
    return { ...reading, subjects: reading.subjects.map((s, i) => (kinds.items![i] === "splat" ? splat(s) : s)) };
  }
  return kinds.all === "splat" ? { ...reading, subjects: reading.subjects.map(splat) } : reading;
}

function readGoalText(goal: string): GoalReading {
  if (INSTRUCTION.test(goal)) {
    const subject = subjectOfInstruction(goal);
    if (subject) return readSubjects(subject, { ignoreTopic: false });
    const reading = readSubjects(goal.replace(INSTRUCTION_NOISE, " "), { ignoreTopic: true });
    return { ...reading, needsSubject: true };
  }
  return readSubjects(goal, { ignoreTopic: false });
}

function readSubjects(goal: string, options: { ignoreTopic: boolean }): GoalReading {
  const tokens = tokenize(goal);
  const asked = findCount(goal)?.value ?? null;
  const explicit = asked === null ? null : clampCount(asked);
  const list = readList(goal);
  // A list item that is only a style word is a subject, not a style: "a rose, a tulip and a lily".
  const styleOnly = (list ?? []).filter((item) => withoutStyleWords(item).length === 0);
  const styles = findStyleWords(styleOnly.reduce((text, item) => text.replace(item, " "), goal));
  const region = findRegion(goal) ?? null;

  const result = (source: SubjectSource, subjects: Subject[], topic: string, cat: Category | null = null): GoalReading => {
    const count = clampCount(Math.min(explicit ?? (source === "named" || source === "list" ? subjects.length : DEFAULT_COUNT), subjects.length || MAX_COUNT));
    return {
      count,
      explicitCount: explicit !== null,
      askedCount: asked,
      subjects: subjects.slice(0, count),
      source,
      region,
      category: cat,
      styles,
      topic,
      needsSubject: false,
    };
  };

  if (options.ignoreTopic) {
    return result("none", worldTour().map(landmarkSubject), "Landmarks of the World");
  }

  function namedResult(subjects: Subject[]): GoalReading {
    const first = subjects[0]?.landmark;
    // "Six Paris monuments including the Eiffel Tower": the named ones first, then the region's others.
    if (explicit !== null && explicit > subjects.length) {
      const from = region ?? first?.region ?? null;
      if (from) {
        for (const l of narrowByKind(landmarksInRegion(from), tokens, true)) {
          if (!subjects.some((s) => s.landmark?.id === l.id)) subjects.push(landmarkSubject(l));
        }
      }
    }
    const topic = subjects.length <= 3 ? joinNames(subjects.map((s) => s.name)) : `Landmarks of ${first?.city ?? "the World"}`;
    return result("named", subjects, topic);
  }

  // An explicit list decides the subjects: "a rose, a tulip and a lily" means those three, not six flowers.
  if (list) {
    const regions = list.map((item) => {
      const itemTokens = tokenize(item).filter((t) => !MONUMENT_WORDS.includes(t) && !KIND_FILTERS.some((f) => f.words.includes(t)));
      const r = findRegion(item);
      return r && itemTokens.length > 0 && tokenize(REGION_NAMES[r]).length >= itemTokens.length && findLandmarks(item).length === 0 ? r : null;
    });
    if (regions.every((r): r is Region => r !== null)) {
      const pool = interleave(regions.map((r) => narrowByKind(landmarksInRegion(r), tokens, explicit !== null)));
      return result("collection", pool.map(landmarkSubject), `${collectionNoun(tokens)} of ${joinNames(regions.map((r) => REGION_NAMES[r]))}`);
    }
    const categories = list.map((item) => {
      const c = findCategory(tokenize(item));
      return c && tokenize(item).length <= 2 && c.words.some((w) => tokenize(item).includes(tokenize(w)[0] ?? "")) && !c.items.some((i) => tokenize(i).join(" ") === tokenize(item).join(" ")) ? c : null;
    });
    if (categories.every((c): c is Category => c !== null) && new Set(categories.map((c) => c.id)).size === categories.length) {
      const pool = interleave(categories.map((c) => c.items));
      return result("category", pool.map((name) => ({ name })), joinNames(categories.map((c) => c.label)));
    }
    const subjects: Subject[] = list.map((item) => {
      const found = findLandmarks(item);
      return found.length === 1 && found[0] ? landmarkSubject(found[0]) : { name: item };
    });
    const allLandmarks = subjects.every((s) => s.landmark);
    const names = subjects.map((s) => s.name);
    if (allLandmarks) return namedResult(subjects);
    return result("list", subjects, names.length <= 3 ? titleCase(joinNames(names)) : titleCase(readTopic(goal) || joinNames(names.slice(0, 3))));
  }

  const named = findLandmarks(goal);
  if (named.length > 0) return namedResult(named.map(landmarkSubject));

  const category = findCategory(tokens);
  const placeNoun = MONUMENT_WORDS.some((w) => tokens.includes(w)) || KIND_FILTERS.some((f) => f.words.some((w) => tokens.includes(w)));
  // "Famous landmarks around the world": the catalogue's world tour.
  if (!region && WORLD_WORDS.some((w) => tokens.includes(w)) && (placeNoun || !category)) {
    return result("collection", narrowByKind(worldTour(), tokens, explicit !== null).map(landmarkSubject), `${collectionNoun(tokens)} of the World`);
  }
  // "Japanese flowers" is about flowers; "Japanese temples" or "Egyptian monuments" about places.
  if (region && (placeNoun || !category)) {
    const pool = narrowByKind(landmarksInRegion(region), tokens, explicit !== null);
    if (pool.length > 0) return result("collection", pool.map(landmarkSubject), `${collectionNoun(tokens)} of ${REGION_NAMES[region]}`);
  }
  if (category) return result("category", category.items.map((name) => ({ name })), category.label, category);
  const topic = readTopic(goal) || "Curiosities";
  return result("topic", variationsOf(topic), titleCase(topic));
}
