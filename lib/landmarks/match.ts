// Loose recognition of landmarks and regions in free text (a goal, an exhibit prompt).

import { LANDMARKS, REGION_PARENT, type Landmark, type Region } from "./catalog";
import { matchesAt, phraseStarts, tokenize } from "./normalize";

/** Nouns that people put either before or after the proper name: "Pisa tower" / "tower of Pisa". */
const FLIPPABLE = new Set([
  "tower", "bridge", "statue", "temple", "cathedral", "basilica", "castle", "column", "obelisk",
  "pyramid", "arch", "fountain", "building", "monument", "gate", "palace", "shrine", "pagoda",
]);

/** Where two landmarks share a name and the text gives no place, the one most people mean. */
const PREFERRED_ON_TIE = new Set(["pantheon-rome"]);

interface Phrase {
  tokens: string[];
  landmark: Landmark;
}

function phraseVariants(label: string): string[][] {
  const tokens = tokenize(label);
  const variants = [tokens];
  const last = tokens[tokens.length - 1];
  if (tokens.length >= 2 && last !== undefined && FLIPPABLE.has(last)) {
    variants.push([last, "of", ...tokens.slice(0, -1)]);
  }
  const first = tokens[0];
  if (tokens.length >= 3 && first !== undefined && FLIPPABLE.has(first) && tokens[1] === "of") {
    variants.push([...tokens.slice(2), first]);
  }
  return variants;
}

const PHRASES_BY_FIRST_TOKEN: ReadonlyMap<string, Phrase[]> = (() => {
  const index = new Map<string, Phrase[]>();
  for (const landmark of LANDMARKS) {
    const seen = new Set<string>();
    for (const label of [landmark.name, ...landmark.aliases]) {
      for (const tokens of phraseVariants(label)) {
        const key = tokens.join(" ");
        const first = tokens[0];
        if (first === undefined || seen.has(key)) continue;
        seen.add(key);
        const bucket = index.get(first) ?? [];
        bucket.push({ tokens, landmark });
        index.set(first, bucket);
      }
    }
  }
  return index;
})();

const REGION_WORDS: Record<Region, string[]> = {
  paris: ["paris", "parisian", "parisienne", "parisien", "parisiens", "parisiennes", "parigi", "parigini"],
  france: ["france", "french", "francais", "francaise", "francaises", "frankreich", "franzosische", "francia", "frances", "francesa", "francesi"],
  egypt: ["egypt", "egyptian", "egyptians", "cairo", "giza", "luxor", "nile", "pharaoh", "pharaohs", "pharaonic", "egypte", "egyptiens", "egyptiennes", "agypten", "agyptische", "agyptischen", "egipto", "egipcio", "egipcios", "egipcias", "egitto", "egizi", "egizie", "egiziani"],
  japan: ["japan", "japanese", "tokyo", "kyoto", "nippon", "japon", "japonais", "japonaises", "japanische", "japanischen", "japones", "japonesa", "japoneses", "giappone", "giapponese", "giapponesi"],
  rome: ["rome", "roman", "romans", "vatican", "rom", "roma", "romains", "romaines", "romische", "romischen", "romanos", "romanas", "romani", "romane"],
  italy: ["italy", "italian", "italia", "italie", "italien", "italienne", "italiens", "italienische", "italiano", "italiana", "italianos"],
  london: ["london", "londoner", "londoners", "westminster", "londres", "londra", "londoner sehenswurdigkeiten"],
  uk: ["uk", "britain", "british", "england", "english", "united kingdom", "royaume uni", "grande bretagne", "angleterre", "grossbritannien", "reino unido", "inglaterra", "regno unito", "inghilterra"],
  "new-york": ["new york", "nyc", "manhattan", "new yorker", "big apple", "nueva york"],
  usa: ["usa", "america", "american", "united states", "u s a", "etats unis", "americains", "vereinigte staaten", "amerikanische", "estados unidos", "estadounidenses", "stati uniti", "americani"],
  greece: ["greece", "greek", "athens", "athenian", "grece", "grecs", "grecques", "griechenland", "griechische", "grecia", "griegos", "griegas", "greci", "greche"],
  spain: ["spain", "spanish", "barcelona", "espagne", "espagnols", "spanien", "spanische", "espana", "espanoles", "espanolas", "spagna", "spagnoli"],
  germany: ["germany", "german", "berlin", "bavaria", "bavarian", "allemagne", "allemands", "deutschland", "deutsche", "deutschen", "alemania", "alemanes", "germania", "tedeschi", "tedesche"],
  netherlands: ["netherlands", "dutch", "holland", "amsterdam", "pays bas", "niederlande", "hollande", "paises bajos", "holanda", "paesi bassi", "olanda"],
  russia: ["russia", "russian", "moscow", "russie", "russes", "russland", "russische", "rusia", "rusos", "russi", "moscou", "moskau", "moscu"],
  india: ["india", "indian", "agra", "delhi", "inde", "indiens", "indien", "indische", "indios", "indiani"],
  china: ["china", "chinese", "beijing", "chine", "chinois", "chinoises", "chinesische", "chinos", "chinas", "cina", "cinese", "cinesi", "pekin", "peking"],
  "middle-east": ["dubai", "arabia", "arabian", "emirates", "middle east"],
  australia: ["australia", "australian", "sydney", "australie", "australien"],
  americas: ["brazil", "brazilian", "rio", "canada", "canadian", "toronto", "mexico", "mexican", "maya", "mayan", "latin america"],
};

const REGION_PHRASES: { tokens: string[]; region: Region }[] = Object.entries(REGION_WORDS).flatMap(
  ([region, words]) => words.map((word) => ({ tokens: tokenize(word), region: region as Region })),
);

interface Hit {
  start: number;
  end: number;
  candidates: Landmark[];
}

function landmarkHits(tokens: readonly string[]): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const bucket = PHRASES_BY_FIRST_TOKEN.get(tokens[i] ?? "");
    if (!bucket) continue;
    const byLength = new Map<number, Landmark[]>();
    for (const phrase of bucket) {
      if (!matchesAt(tokens, i, phrase.tokens)) continue;
      const list = byLength.get(phrase.tokens.length) ?? [];
      if (!list.includes(phrase.landmark)) list.push(phrase.landmark);
      byLength.set(phrase.tokens.length, list);
    }
    for (const [length, candidates] of byLength) hits.push({ start: i, end: i + length, candidates });
  }
  // Longest mention wins where mentions overlap: "Tower Bridge" over a bare "tower".
  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Hit[] = [];
  for (const hit of hits) {
    if (kept.every((other) => hit.end <= other.start || hit.start >= other.end)) kept.push(hit);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function inRegion(landmark: Landmark, region: Region): boolean {
  return landmark.region === region || REGION_PARENT[landmark.region] === region;
}

function regionsMentioned(tokens: readonly string[]): Region[] {
  const found: { start: number; length: number; region: Region }[] = [];
  for (const { tokens: phrase, region } of REGION_PHRASES) {
    for (const start of phraseStarts(tokens, phrase)) found.push({ start, length: phrase.length, region });
  }
  found.sort((a, b) => a.start - b.start || b.length - a.length);
  return found.map((entry) => entry.region);
}

/** Whether the text spells one of the landmark's labels exactly, accents included ("Panthéon"). */
function spelledExactly(landmark: Landmark, rawLower: string): boolean {
  return [landmark.name, ...landmark.aliases].some((label) => rawLower.includes(label.normalize("NFC").toLowerCase()));
}

function resolve(hit: Hit, context: readonly Region[], rawLower: string): Landmark {
  const [only] = hit.candidates;
  if (hit.candidates.length === 1 && only) return only;
  const inContext = hit.candidates.find((candidate) => context.some((region) => inRegion(candidate, region)));
  const spelled = hit.candidates.filter((candidate) => spelledExactly(candidate, rawLower));
  return inContext ?? (spelled.length === 1 ? spelled[0] : undefined) ?? hit.candidates.find((c) => PREFERRED_ON_TIE.has(c.id)) ?? (only as Landmark);
}

/** Every landmark the text mentions, in order of first appearance, each once. */
export function findLandmarks(text: string): Landmark[] {
  const tokens = tokenize(text);
  const hits = landmarkHits(tokens);
  // Unambiguous neighbours say where an ambiguous name is: "Panthéon" beside "Eiffel Tower" is in Paris.
  const context: Region[] = [
    ...regionsMentioned(tokens),
    ...hits.flatMap((hit) => (hit.candidates.length === 1 ? hit.candidates.map((c) => c.region) : [])),
  ];
  const rawLower = text.normalize("NFC").toLowerCase();
  const result: Landmark[] = [];
  for (const hit of hits) {
    const landmark = resolve(hit, context, rawLower);
    if (!result.includes(landmark)) result.push(landmark);
  }
  return result;
}

/** The first landmark the text mentions, or null. */
export function findLandmark(text: string): Landmark | null {
  return findLandmarks(text)[0] ?? null;
}

/** The first region named in the text ("Parisian", "NYC", "Egyptian"…), or null. */
export function findRegion(text: string): Region | null {
  return regionsMentioned(tokenize(text))[0] ?? null;
}

/** Landmarks of a region, including those of its cities (Italy includes Rome), famous first. */
export function landmarksInRegion(region: Region): Landmark[] {
  return LANDMARKS.filter((landmark) => inRegion(landmark, region));
}
