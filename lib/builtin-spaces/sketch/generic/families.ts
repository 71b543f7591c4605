import "server-only";

// Subjects that are not landmarks: the first word naming a known kind of thing picks a family of
// forms (fruit, vessel, creature, object, or a landmark silhouette family), and the words' hash
// varies it; anything else becomes an abstract sculpture unique to its words.

import type { Shape } from "@/lib/landmarks/catalog";
import { Drawing } from "../drawing";
import { createRng, hashString, type Rng } from "../random";
import type { DrawnSubject } from "../shapes/define";
import { SHAPES } from "../shapes/registry";
import { drawAbstract } from "./abstract";
import { CREATURES, drawCreature } from "./creature";
import { drawFruit, FRUITS } from "./fruit";
import { drawObject, type ObjectKind } from "./objects";
import { drawVessel, VESSELS } from "./vessel";

/** Words that say nothing about the form. */
const FILLER = new Set([
  "a", "an", "of", "in", "on", "at", "with", "my", "your", "our", "his", "her", "their", "and", "or", "for", "to", "from",
  "by", "as", "like", "is", "are", "this", "that", "some", "very", "big", "small", "little", "tiny", "huge", "giant", "old",
  "new", "beautiful", "gallery", "picture", "image", "photo", "painting", "drawing", "render", "style", "view", "shaped",
]);

const OBJECT_WORDS: Record<string, ObjectKind> = {
  car: "car", taxi: "car", automobile: "car", truck: "bus", bus: "bus", van: "bus", tram: "bus", train: "bus",
  boat: "boat", ship: "boat", sailboat: "boat", yacht: "boat", rocket: "rocket", spaceship: "rocket",
  tree: "tree", oak: "tree", bonsai: "tree", pine: "pine", fir: "pine", christmas: "pine", palm: "palm",
  flower: "flower", tulip: "flower", daisy: "flower", sunflower: "flower", cactus: "cactus", mushroom: "mushroom",
  house: "house", cottage: "house", home: "house", cabin: "house", barn: "house", hut: "house", lighthouse: "lighthouse",
  person: "person", man: "person", woman: "person", girl: "person", boy: "person", child: "person", grandmother: "person",
  grandfather: "person", grandma: "person", grandpa: "person", king: "person", queen: "person", knight: "person",
  soldier: "person", dancer: "person", angel: "person", robot: "person", astronaut: "person", wizard: "person", figure: "person",
};

const SHAPE_WORDS: Record<string, Shape> = {
  skyscraper: "skyscraper", building: "skyscraper", tower: "clock-tower", clocktower: "clock-tower", castle: "castle",
  fortress: "castle", palace: "palace", cathedral: "cathedral", church: "cathedral", chapel: "cathedral", mosque: "mausoleum",
  mausoleum: "mausoleum", tomb: "mausoleum", temple: "temple", pagoda: "pagoda", shrine: "pagoda", pavilion: "pagoda",
  pyramid: "pyramid", bridge: "bridge", windmill: "windmill", mill: "windmill", statue: "statue", monument: "statue",
  obelisk: "obelisk", arch: "arch", gate: "arch", column: "column", pillar: "column", mountain: "mountain", volcano: "mountain",
  hill: "mountain", wheel: "ferris-wheel", ferris: "ferris-wheel", dome: "basilica", capitol: "basilica", basilica: "basilica",
  sphinx: "sphinx", colosseum: "colosseum", amphitheatre: "colosseum", amphitheater: "colosseum", arena: "colosseum",
  stadium: "colosseum", fountain: "fountain", torii: "torii", antenna: "needle-tower", mast: "needle-tower",
};

type Family = (seed: number, detail: Rng) => DrawnSubject;

function familyOf(word: string): Family | null {
  const fruit = FRUITS[word];
  const vessel = VESSELS[word];
  const creature = CREATURES[word];
  const object = OBJECT_WORDS[word];
  const shape = SHAPE_WORDS[word];
  const drawn = (draw: (d: Drawing, seed: number) => DrawnSubject["albedo"]): Family => (seed) => {
    const drawing = new Drawing();
    return { albedo: draw(drawing, seed), drawing };
  };
  if (fruit) return drawn((d, seed) => drawFruit(d, fruit, createRng(seed)));
  if (vessel) return drawn((d, seed) => drawVessel(d, vessel, createRng(seed)));
  if (creature) return drawn((d, seed) => drawCreature(d, creature, createRng(seed)));
  if (object) return drawn((d, seed) => drawObject(d, object, createRng(seed)));
  if (shape) return (seed, detail) => SHAPES[shape].render(null, createRng(seed), detail);
  return null;
}

/** A word, or its singular: "bananas" → "banana", "boxes" → "box". */
function lookup(word: string): Family | null {
  return familyOf(word) ?? (word.endsWith("es") ? familyOf(word.slice(0, -2)) : null) ?? (word.endsWith("s") ? familyOf(word.slice(0, -1)) : null);
}

/** Draws a subject from its content words (style words already removed). */
export function drawGeneric(words: readonly string[], detail: Rng): DrawnSubject {
  const content = words.filter((word) => !FILLER.has(word));
  const seed = hashString(content.join(" "));
  for (const word of content) {
    const family = lookup(word);
    if (family) return family(seed, detail);
  }
  return drawAbstract(createRng(seed));
}
