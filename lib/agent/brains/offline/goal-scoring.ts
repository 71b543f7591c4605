import type { AgentPlan } from "@/lib/contracts/agent-plan";
import { tokenize } from "@/lib/landmarks/normalize";
import { findStyleWords } from "@/lib/landmarks/styles";

// How a goal set is scored: a goal counts as read right when the plan has the expected number of exhibits,
// every expected subject appears in some exhibit title, every expected style reaches every prompt, no title
// holds a forbidden word, and no two titles are the same.

export interface GoalCase {
  goal: string;
  /** Exhibits the plan must have. */
  count: number;
  /** Words that must each begin or end some exhibit title (compared as normalised tokens). */
  subjects: string[];
  /** Canonical style ids (lib/landmarks/styles.ts) that must reach every prompt. */
  styles: string[];
  /** Style ids the plan must not ask for (its theme names the styles it read): "a rose" is not pink. */
  unwantedStyles?: string[];
  /** Words no exhibit title may hold: the form words of a bad fallback, the words of an instruction. */
  forbidden?: string[];
  /** The goal names nothing to show: the reading must ask for a subject. */
  needsSubject?: boolean;
}

export interface GoalVerdict {
  goal: string;
  ok: boolean;
  problems: string[];
}

const words = (text: string) => tokenize(text).join(" ");
const contains = (text: string, phrase: string) => ` ${words(text)} `.includes(` ${words(phrase)} `);
/** A title names a subject when it begins or ends with it: "Siamese cat", "Art Deco Lighthouse", not "Me a fox". */
const names = (title: string, subject: string) => ` ${words(title)}`.startsWith(` ${words(subject)}`) || `${words(title)} `.endsWith(`${words(subject)} `);

export function judgePlan(c: GoalCase, plan: AgentPlan, needsSubject: boolean): GoalVerdict {
  const problems: string[] = [];
  const titles = plan.exhibits.map((e) => e.title);
  if (plan.exhibits.length !== c.count) problems.push(`${plan.exhibits.length} exhibits, expected ${c.count}`);
  for (const subject of c.subjects) {
    if (!titles.some((t) => names(t, subject))) problems.push(`no title names "${subject}" (${titles.join(" | ")})`);
  }
  for (const style of c.styles) {
    const missing = plan.exhibits.filter((e) => !findStyleWords(e.prompt).some((s) => s.id === style));
    if (missing.length) problems.push(`style "${style}" missing from ${missing.length} prompts`);
  }
  for (const style of c.unwantedStyles ?? []) {
    if (contains(plan.theme, style)) problems.push(`unwanted style "${style}" in the theme "${plan.theme}"`);
  }
  for (const word of c.forbidden ?? []) {
    const bad = [plan.title, ...titles].filter((t) => contains(t, word));
    if (bad.length) problems.push(`forbidden "${word}" in ${bad.join(" | ")}`);
  }
  if (new Set(titles).size !== titles.length) problems.push("repeated titles");
  if (Boolean(c.needsSubject) !== needsSubject) problems.push(needsSubject ? "asked for a subject" : "did not ask for a subject");
  return { goal: c.goal, ok: problems.length === 0, problems };
}

export function percent(verdicts: GoalVerdict[]): number {
  return verdicts.length ? Math.round((1000 * verdicts.filter((v) => v.ok).length) / verdicts.length) / 10 : 0;
}
