// The goal's length limit, apart from its schema: the home page's form needs only this number, and importing
// goal.ts would ship zod (about 33 KiB gzipped) in the home page's first load for it.
export const GOAL_MAX_LENGTH = 500;
