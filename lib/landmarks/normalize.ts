// Loose text matching works on word tokens: case, accents, punctuation and filler words must not
// decide whether "Sacré-Cœur" and "the sacre coeur" name the same place.

const LIGATURES: Record<string, string> = { œ: "oe", Œ: "oe", æ: "ae", Æ: "ae", ß: "ss", ø: "o", Ø: "o", ł: "l", Ł: "l" };

/** Words with a common short or long spelling collapse to one form. */
const CANONICAL: Record<string, string> = { saint: "st", mt: "mount", colour: "color", grey: "gray" };

const DROPPED = new Set(["the"]);

const ELISION = /(?<![\p{L}\p{N}])(l|d|j|m|n|s|t|c|qu|un|all|dall|dell|nell|sull|coll)['’`](?=\p{L})/gu;

export function tokenize(text: string): string[] {
  const folded = text
    .replace(/[œŒæÆßøØłŁ]/g, (ch) => LIGATURES[ch] ?? ch)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    // French and Italian elisions separate ("l'aube" → "l aube", "all'alba" → "all alba"); any other
    // apostrophe joins its word ("peter's" → "peters"); a hyphen separates ("notre-dame").
    .replace(ELISION, "$1 ")
    .replace(/['’`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ");
  const tokens: string[] = [];
  for (const word of folded.split(" ")) {
    if (word === "" || DROPPED.has(word)) continue;
    tokens.push(CANONICAL[word] ?? word);
  }
  return tokens;
}

/** Whether `phrase` occurs as consecutive tokens of `tokens` starting at `start`. */
export function matchesAt(tokens: readonly string[], start: number, phrase: readonly string[]): boolean {
  if (phrase.length === 0 || start + phrase.length > tokens.length) return false;
  return phrase.every((word, j) => tokens[start + j] === word);
}

/** Index of every place `phrase` occurs as consecutive tokens of `tokens`. */
export function phraseStarts(tokens: readonly string[], phrase: readonly string[]): number[] {
  const starts: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (matchesAt(tokens, i, phrase)) starts.push(i);
  return starts;
}
