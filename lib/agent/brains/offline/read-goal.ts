import type { Landmark, Region } from "@/lib/landmarks/catalog";
import { findLandmarks, findRegion, landmarksInRegion } from "@/lib/landmarks/match";
import { tokenize } from "@/lib/landmarks/normalize";
import { findStyleWords, type StyleWord } from "@/lib/landmarks/styles";
import { CATEGORIES, type Category } from "./categories";

// What a goal asks for, read without a model: how many exhibits, which subjects (named landmarks, a
// region's landmarks, a category's items or an explicit list), and which style words to carry into every
// picture. Deterministic: the same goal always gives the same reading.

export const DEFAULT_COUNT = 6;
export const MAX_COUNT = 12;

export interface Subject {
  name: string;
  landmark?: Landmark;
}

export type SubjectSource = "named" | "collection" | "category" | "list" | "topic";

export interface GoalReading {
  /** The number of exhibits: explicit, or the number of named subjects, or 6; always 1–12. */
  count: number;
  /** Whether the goal itself gave a number. */
  explicitCount: boolean;
  /** The number the goal gave (1–12), which may be more than the subjects this planner knows for it; null if none. */
  askedCount: number | null;
  subjects: Subject[];
  source: SubjectSource;
  region: Region | null;
  category: Category | null;
  styles: StyleWord[];
  /** What the gallery is about, in title case ("Monuments of Paris", "Fruits"). */
  topic: string;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, single: 1, two: 2, pair: 2, couple: 2, three: 3, few: 3, trio: 3, four: 4, five: 5, handful: 5, six: 6,
  seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, dozen: 12, several: 4,
};

/** The first count in the goal, or null. "3D", years and "one of" are not counts. */
export function readCount(goal: string): number | null {
  const half = /\bhalf\s+a\s+dozen\b/i.exec(goal);
  const digits = /(?<![#\d.,])\b(\d{1,3})\b(?![\d.,]?\d)(?!\s*(?:d\b|%|st\b|nd\b|rd\b|th\b|am\b|pm\b|:))/i.exec(goal);
  const wordRe = new RegExp(`\\b(${Object.keys(NUMBER_WORDS).join("|")})\\b(?!\\s+of\\s+(?:the|my|our|these|those)\\b)`, "i");
  const word = wordRe.exec(goal);
  const candidates: { at: number; value: number }[] = [];
  if (half) candidates.push({ at: half.index, value: 6 });
  if (digits?.[1]) candidates.push({ at: digits.index, value: Number(digits[1]) });
  if (word?.[1]) {
    const w = word[1].toLowerCase();
    // "a couple of", "a pair of", "a dozen", "a few" need their article; bare "single" is an adjective.
    const needsArticle = ["pair", "couple", "dozen", "few", "handful", "trio"].includes(w);
    const article = /\b(a|an)\s+$/i.test(goal.slice(0, word.index));
    if ((!needsArticle || article) && w !== "single") candidates.push({ at: word.index, value: NUMBER_WORDS[w] ?? DEFAULT_COUNT });
  }
  candidates.sort((a, b) => a.at - b.at);
  const first = candidates[0];
  return first ? clampCount(first.value) : null;
}

export function clampCount(n: number): number {
  return Math.min(MAX_COUNT, Math.max(1, Math.round(n)));
}

/** Nouns that narrow a region's landmarks: "3 Japanese temples" wants temples first. */
const KIND_FILTERS: { words: string[]; shapes: string[]; keywords: string[] }[] = [
  { words: ["temple", "temples", "shrine", "shrines"], shapes: ["temple", "egyptian-temple", "pagoda", "torii"], keywords: ["temple", "shrine"] },
  { words: ["tower", "towers"], shapes: ["lattice-tower", "needle-tower", "clock-tower", "leaning-tower"], keywords: ["tower"] },
  { words: ["bridge", "bridges"], shapes: ["bridge"], keywords: ["bridge"] },
  { words: ["church", "churches", "cathedral", "cathedrals", "basilica", "basilicas"], shapes: ["cathedral", "basilica", "onion-domes"], keywords: ["cathedral", "church", "basilica"] },
  { words: ["castle", "castles", "palace", "palaces"], shapes: ["castle", "palace"], keywords: ["castle", "palace"] },
  { words: ["pyramid", "pyramids"], shapes: ["pyramid"], keywords: ["pyramid"] },
  { words: ["skyscraper", "skyscrapers"], shapes: ["skyscraper"], keywords: ["skyscraper"] },
  { words: ["statue", "statues", "sculpture", "sculptures"], shapes: ["statue", "sphinx"], keywords: ["statue"] },
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

const MONUMENT_WORDS = ["monument", "monuments", "landmark", "landmarks", "sights", "wonders", "buildings", "architecture", "places", "attractions"];

const LEADING_FILLER =
  /^(?:please\s+)?(?:(?:make|build|create|show|give|generate|design|curate)\s+(?:me\s+)?|i\s+(?:want|would like|'d like)\s+|let'?s\s+(?:see|have)\s+)?(?:(?:a|an|the|my|our)\s+)?(?:(?:3d|virtual|small|little|big|walkable)\s+)*(?:gallery|exhibition|exhibit|museum|collection|show|room|hall|display)(?:\s+(?:of|with|about|for|featuring|showing))?\s+/i;
const DETERMINERS = /^(?:(?:a|an|the|some|my|our|your|favou?rite|favorite|beloved|famous|classic|iconic|great|most|best|\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|few|several|couple|pair|handful|of)\s+)+/i;
const STYLE_TAIL = /\s+(?:at|in|as|made of|made from|carved (?:in|from)|cast in|under|during|covered in|with|on a|on an)\s+.*$/i;

function cleanItem(raw: string): string {
  let item = raw.trim().replace(/[.!?;:]+$/, "");
  const tail = STYLE_TAIL.exec(item);
  if (tail && findStyleWords(tail[0]).length > 0) item = item.slice(0, tail.index);
  item = item.replace(DETERMINERS, "").trim();
  return item;
}

/** "a cat, a dog and an owl in bronze" → ["cat", "dog", "owl"]; null when the goal is not such a list. */
function readList(goal: string): string[] | null {
  const body = goal.replace(LEADING_FILLER, "");
  const pieces = body.split(/\s*(?:,|;|&|\+|\band\b|\bplus\b)\s*/i).map(cleanItem).filter(Boolean);
  if (pieces.length < 2) return null;
  // Names of things, not paths, addresses or sentences.
  if (pieces.some((p) => p.split(/\s+/).length > 5 || !/^[\p{L}\p{N}' -]+$/u.test(p))) return null;
  return pieces;
}

/** "A", "A & B", "A, B & C". */
function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} & ${names[names.length - 1]}`;
}

function titleCase(text: string): string {
  const small = new Set(["of", "the", "and", "in", "at", "a", "an", "on", "for", "to", "as"]);
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
  if (filter) return titleCase(filter.words.find((w) => w.endsWith("s") && tokens.includes(w)) ?? `${filter.words[0]}s`);
  if (tokens.includes("landmarks") || tokens.includes("landmark")) return "Landmarks";
  if (tokens.includes("sights")) return "Sights";
  if (tokens.includes("wonders")) return "Wonders";
  return "Monuments";
}

/** The topic words of a goal with no recognisable subjects ("a gallery of dreams" → "dreams"). */
function readTopic(goal: string): string {
  let body = goal.replace(LEADING_FILLER, "");
  const tail = STYLE_TAIL.exec(body);
  if (tail && findStyleWords(tail[0]).length > 0) body = body.slice(0, tail.index);
  body = body
    .replace(DETERMINERS, "")
    .replace(/\S*[/\\:@]\S*/g, " ") // paths, URLs and addresses are not a topic
    .replace(/[^\p{L}\p{N}' -]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return body.split(/\s+/).slice(0, 6).join(" ") || "Curiosities";
}

export function readGoal(goal: string): GoalReading {
  const tokens = tokenize(goal);
  const explicit = readCount(goal);
  const styles = findStyleWords(goal);
  const named = findLandmarks(goal);
  const region = findRegion(goal) ?? null;
  const category = named.length ? null : findCategory(tokens);

  const result = (source: SubjectSource, subjects: Subject[], topic: string, cat: Category | null = null): GoalReading => {
    const count = clampCount(Math.min(explicit ?? (source === "named" || source === "list" ? subjects.length : DEFAULT_COUNT), subjects.length || MAX_COUNT));
    return {
      count,
      explicitCount: explicit !== null,
      askedCount: explicit === null ? null : clampCount(explicit),
      subjects: subjects.slice(0, count),
      source,
      region,
      category: cat,
      styles,
      topic,
    };
  };

  if (named.length > 0) {
    const subjects: Subject[] = named.map((l) => ({ name: l.name, landmark: l }));
    // "Six Paris monuments including the Eiffel Tower": the named ones first, then the region's others.
    if (explicit !== null && explicit > subjects.length) {
      const from = region ?? named[0]?.region ?? null;
      if (from) {
        for (const l of narrowByKind(landmarksInRegion(from), tokens, true)) {
          if (!subjects.some((s) => s.landmark?.id === l.id)) subjects.push({ name: l.name, landmark: l });
        }
      }
    }
    const topic = subjects.length <= 3 ? joinNames(subjects.map((s) => s.name)) : `Landmarks of ${named[0]?.city ?? "the World"}`;
    return result("named", subjects, topic);
  }
  // "Japanese flowers" is about flowers; "Japanese temples" or "Egyptian monuments" about places.
  const placeNoun = MONUMENT_WORDS.some((w) => tokens.includes(w)) || KIND_FILTERS.some((f) => f.words.some((w) => tokens.includes(w)));
  if (region && (placeNoun || !category)) {
    const pool = narrowByKind(landmarksInRegion(region), tokens, explicit !== null);
    if (pool.length > 0) {
      return result("collection", pool.map((l) => ({ name: l.name, landmark: l })), `${collectionNoun(tokens)} of ${REGION_NAMES[region]}`);
    }
  }
  if (category) {
    return result("category", category.items.map((name) => ({ name })), category.label, category);
  }
  const list = readList(goal);
  if (list) return result("list", list.map((name) => ({ name })), list.length <= 3 ? titleCase(joinNames(list)) : titleCase(readTopic(goal)));
  const topic = readTopic(goal);
  return result("topic", [], titleCase(topic));
}
