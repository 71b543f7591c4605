import { z } from "zod";
import { GOAL_MAX_LENGTH } from "./goal-length";

// Control and format characters (zero-width, bidi overrides) are removed: they are invisible in the UI but
// would reach prompts and titles. Letters of every script, emoji and punctuation are kept.
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

export function normaliseGoal(raw: string): string {
  return raw.normalize("NFC").replace(INVISIBLE, " ").replace(/\s+/g, " ").trim();
}

/** A person's goal, as typed in the home page: the agent reads it as data, never as instructions to us. */
export const goalSchema = z
  .string({ error: "Describe the gallery you want." })
  .transform(normaliseGoal)
  .pipe(
    z
      .string()
      .min(3, { error: "Describe the gallery you want, e.g. “the monuments of Paris at dusk”." })
      .max(GOAL_MAX_LENGTH, { error: `Keep the goal under ${GOAL_MAX_LENGTH} characters.` })
      .refine((s) => /[\p{L}\p{N}]/u.test(s), { error: "The goal needs some words, e.g. “six Egyptian monuments in gold”." }),
  );

export type Goal = z.output<typeof goalSchema>;
