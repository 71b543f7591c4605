import { EMOJI, LIST_SEPARATOR } from "./grammar";

// What each exhibit is made as, read from the goal without a model: Gaussian splats when the goal asks for
// them ("the monuments of Paris as Gaussian splats", "photo-real temples of Japan"), per exhibit when a list
// marks its items ("the Eiffel Tower as a splat, the Louvre as a mesh"), meshes otherwise. The phrases are
// taken out of the text the subjects are read from, so "Gaussian splats" never becomes a topic or a subject.

export type ExhibitKind = "mesh" | "splat";

const SPLAT_WORDS =
  String.raw`(?:3d\s+)?gaussian\s+splat(?:s|ting)?|splats?\s+gaussiens?|gau(?:ss|ß)(?:ian|sche)?\s*-?\s*splats?|splats?|splatting|3dgs|photo[-\s]?real(?:istic)?|photor[ée]alistes?|fotorealistisch\w*|fotorrealistas?|fotorealistic[oi]`;
const MESH_WORDS = String.raw`meshe?s?|3d\s+models?|maillages?|polygon\s+models?`;
/** The phrase with what introduces it ("as", "en", "als", "in", a/an/des): the part to take out of the text. */
const phrase = (words: string) =>
  new RegExp(String.raw`(?:\s*\b(?:as|in|en|als|como|come|with|avec|mit)\s+(?:(?:an?|des|en|una?|de)\s+)?)?\b(?:${words})\b`, "giu");
const SPLAT = phrase(SPLAT_WORDS);
const MESH = phrase(MESH_WORDS);
const test = (re: RegExp, text: string) => {
  re.lastIndex = 0;
  return re.test(text);
};

export interface KindReading {
  /** The goal without its kind phrases: what subjects are read from. */
  text: string;
  /** Every exhibit is a splat. */
  all: ExhibitKind;
  /** Per list item, in the goal's order, when the goal marks items one by one; null otherwise. */
  items: ExhibitKind[] | null;
}

export function readKinds(goal: string): KindReading {
  const pieces = goal
    .normalize("NFC")
    .replace(EMOJI, ", ")
    .split(LIST_SEPARATOR)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const marks = pieces.map((p): ExhibitKind | null => (test(SPLAT, p) ? "splat" : test(MESH, p) ? "mesh" : null));
  const text = goal.replace(SPLAT, " ").replace(MESH, " ").replace(/\s+([,.;!?])/g, "$1").replace(/\s+/g, " ").trim();
  // A phrase on the last item only ("A, B and C as splats") is about them all; marks on other items, or a mesh
  // mark anywhere beside a splat one, are about each item.
  const splatAt = marks.map((m, i) => (m === "splat" ? i : -1)).filter((i) => i >= 0);
  const perItem = pieces.length >= 2 && splatAt.length > 0 && (marks.includes("mesh") || splatAt.some((i) => i < pieces.length - 1));
  if (perItem && !(splatAt.length === pieces.length)) {
    return { text, all: "mesh", items: marks.map((m) => m ?? "mesh") };
  }
  return { text, all: splatAt.length > 0 ? "splat" : "mesh", items: null };
}
