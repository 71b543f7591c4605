import "server-only";

// Decides what a prompt depicts: a catalogue landmark, a known kind of thing, or an abstract
// sculpture unique to the words.

import { findLandmark } from "@/lib/landmarks/match";
import { withoutStyleWords } from "@/lib/landmarks/styles";
import type { DrawnSubject } from "./shapes/define";
import { SHAPES } from "./shapes/registry";
import { createRng, hashString, type Rng } from "./random";
import { drawGeneric } from "./generic/families";

/** "my grandmother's teapot" depicts a teapot: possessive words name an owner, not the subject. */
const POSSESSIVE = /[\p{L}\p{N}]+['’]s\b/gu;

export function drawSubject(prompt: string, detail: Rng): DrawnSubject {
  const landmark = findLandmark(prompt);
  if (landmark) return SHAPES[landmark.shape].render(landmark.id, createRng(hashString(landmark.id)), detail);
  return drawGeneric(withoutStyleWords(prompt.replace(POSSESSIVE, " ")), detail);
}
