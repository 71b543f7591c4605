// Counts as people write them, in English, French, German, Spanish and Italian: digits, number words
// (1–20, the tens, simple compounds such as "twenty-five" or "vingt-deux") and "a dozen" words. Plain tables
// rather than a library: the one well-kept number parser (compromise-numbers) reads English only, and five
// languages of 1–20 fit in a few lines that work offline and in the browser bundle alike.

import { tokenize } from "@/lib/landmarks/normalize";

const UNITS: Record<string, number> = {
  // English
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  // French ("un", "une" are articles first: not counts)
  deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, treize: 13,
  quatorze: 14, quinze: 15, seize: 16, dixsept: 17, dixhuit: 18, dixneuf: 19,
  // German ("ein", "eine" are articles first)
  zwei: 2, drei: 3, vier: 4, funf: 5, fuenf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, zwolf: 12,
  zwoelf: 12, dreizehn: 13, vierzehn: 14, funfzehn: 15, sechzehn: 16, siebzehn: 17, achtzehn: 18, neunzehn: 19,
  // Spanish ("un", "uno", "una" are articles first)
  dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12,
  trece: 13, catorce: 14, quince: 15, dieciseis: 16, diecisiete: 17, dieciocho: 18, diecinueve: 19,
  // Italian
  due: 2, tre: 3, quattro: 4, cinque: 5, sei: 6, sette: 7, otto: 8, nove: 9, dieci: 10, undici: 11, dodici: 12,
  tredici: 13, quattordici: 14, quindici: 15, sedici: 16, diciassette: 17, diciotto: 18, diciannove: 19,
};

const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
  vingt: 20, trente: 30, quarante: 40, cinquante: 50, cent: 100,
  zwanzig: 20, dreissig: 30, vierzig: 40, funfzig: 50, hundert: 100,
  veinte: 20, treinta: 30, cuarenta: 40, cincuenta: 50, cien: 100,
  venti: 20, trenta: 30, quaranta: 40, cinquanta: 50, cento: 100,
};

/** Collective words that are counts only after their article: "a dozen", "une douzaine", "ein Dutzend". */
const COLLECTIVES: Record<string, number> = {
  dozen: 12, douzaine: 12, dutzend: 12, docena: 12, dozzina: 12,
  pair: 2, couple: 2, trio: 3, few: 3, handful: 5, several: 4, paar: 2, quelques: 4, einige: 4, algunos: 4, algunas: 4, alcuni: 4, alcune: 4,
};
const COLLECTIVE_NEEDS_ARTICLE = new Set(["dozen", "douzaine", "dutzend", "docena", "dozzina", "pair", "couple", "trio", "few", "handful", "paar"]);
const ARTICLES = new Set(["a", "an", "une", "un", "ein", "eine", "una", "uno"]);

/** Words that are also ordinary English words: a count only when the goal is not written in English. */
const AMBIGUOUS = new Set(["elf", "once", "due", "sei", "neuf", "dos", "sept", "cent", "tre", "otto", "acht"]);
const ENGLISH_MARKERS = new Set(["the", "of", "and", "with", "at", "my", "as", "an", "some", "gallery", "famous"]);

/** Where a count word must not be followed: "one of my favourite places" names no count. */
const NOT_A_COUNT_AFTER = new Set(["of", "de", "di", "von", "du", "des"]);
const OF_FOLLOWERS = new Set(["the", "my", "our", "these", "those", "mes", "nos", "ces", "meine", "mis", "miei", "le", "les", "la"]);

export interface CountHit {
  /** The number as written (may exceed the planner's maximum). */
  value: number;
  /** Index in the raw goal, to keep the first count when there are several. */
  at: number;
}

function wordValue(word: string): number | undefined {
  return UNITS[word] ?? TENS[word];
}

/** Compounds written as one word: "vingtdeux", "veintidos", "ventuno", "funfundzwanzig" (hyphens are gone). */
function compoundValue(word: string): number | undefined {
  const german = /^(\w+?)und(\w+)$/.exec(word);
  if (german?.[1] && german[2]) {
    const unit = UNITS[german[1]];
    const tens = TENS[german[2]];
    if (unit !== undefined && unit < 10 && tens !== undefined && tens < 100) return tens + unit;
  }
  const stems: [string, number][] = [...Object.entries(TENS), ["veinti", 20], ["vent", 20], ["trent", 30]];
  for (const [stem, tens] of stems) {
    if (tens >= 100 || !word.startsWith(stem) || word === stem) continue;
    const rest = word.slice(stem.length).replace(/^(?:et|y)/, "");
    const unit = ["un", "une", "uno", "una"].includes(rest) ? 1 : UNITS[rest];
    if (unit !== undefined && unit < 10) return tens + unit;
  }
  return undefined;
}

/** The first count in the goal as written, or null. "3D", years, ordinals and "one of" are not counts. */
export function findCount(goal: string): CountHit | null {
  const candidates: CountHit[] = [];
  const half = /\b(?:half\s+a\s+dozen|une\s+demi-douzaine|ein\s+halbes\s+dutzend|media\s+docena|mezza\s+dozzina)\b/i.exec(goal);
  if (half) candidates.push({ value: 6, at: half.index });
  const digits = /(?<![#\d.,])\b(\d{1,3})\b(?![\d.,]?\d)(?!\s*(?:d\b|%|st\b|nd\b|rd\b|th\b|am\b|pm\b|:|er\b|e\b|°|º|ª))/i.exec(goal);
  if (digits?.[1]) candidates.push({ value: Number(digits[1]), at: digits.index });

  // Words: walk tokens with their positions in the raw goal.
  const raw = goal.normalize("NFC");
  const words = [...raw.matchAll(/[\p{L}\p{N}'’-]+/gu)].map((m) => ({ at: m.index, tokens: tokenize(m[0].replace(/-/g, "")) }));
  const flat = words.flatMap((w) => w.tokens.map((t) => ({ t, at: w.at })));
  const english = flat.some((w) => ENGLISH_MARKERS.has(w.t));
  for (let i = 0; i < flat.length; i++) {
    const word = flat[i]?.t ?? "";
    const at = flat[i]?.at ?? 0;
    const next = flat[i + 1]?.t;
    const after = flat[i + 2]?.t;
    const previous = flat[i - 1]?.t;
    let value = wordValue(word) ?? compoundValue(word);
    if (value === undefined) {
      const collective = COLLECTIVES[word];
      if (collective === undefined) continue;
      if (COLLECTIVE_NEEDS_ARTICLE.has(word) && !(previous && ARTICLES.has(previous))) continue;
      if (english && AMBIGUOUS.has(word)) continue;
      candidates.push({ value: collective, at });
      break;
    }
    if (english && AMBIGUOUS.has(word)) continue;
    if (next === undefined) continue; // a count names how many of something that follows
    if (NOT_A_COUNT_AFTER.has(next) && after && OF_FOLLOWERS.has(after)) continue;
    // "twenty five", "vingt et un", "zwanzig" after "und" are one number.
    if (value >= 20 && value < 100) {
      const unit = UNITS[next === "et" || next === "y" || next === "e" ? (after ?? "") : next];
      if (unit !== undefined && unit < 10) value += unit;
    }
    if (next && TENS[next] === 100) value *= 100; // "three hundred"
    candidates.push({ value, at });
    break;
  }
  candidates.sort((a, b) => a.at - b.at);
  return candidates[0] ?? null;
}

/** Every word this module reads as a count, so list and topic readers can drop them. */
export const COUNT_WORDS: ReadonlySet<string> = new Set([...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(COLLECTIVES)]);
