// The offline planner's goal reading: the share of the goal set (lib/agent/brains/offline/goal-set.ts) and of
// the held-out set read right (count, subjects in titles, style in every prompt). Target ≥ 95 % on both.
// Failures go to stderr, so a drop says which goals broke.
import type { Figure } from "./support/figures";
import { GOAL_SET } from "@/lib/agent/brains/offline/goal-set";
import { HELD_OUT_GOALS } from "@/lib/agent/brains/offline/goal-set-heldout";
import { scoreGoals } from "@/lib/agent/brains/offline/goal-set-score";

export async function run(): Promise<Figure[]> {
  const main = scoreGoals(GOAL_SET);
  const heldOut = scoreGoals(HELD_OUT_GOALS);
  for (const v of [...main.verdicts, ...heldOut.verdicts]) {
    if (!v.ok) console.error(`planner: ${v.goal}: ${v.problems.join("; ")}`);
  }
  return [
    // target ≥ 95
    { name: "planner_goal_set_score", value: main.percent, unit: "%" },
    { name: "planner_goal_set_size", value: GOAL_SET.length, unit: "goals" },
    // target ≥ 95
    { name: "planner_heldout_score", value: heldOut.percent, unit: "%" },
    { name: "planner_heldout_size", value: HELD_OUT_GOALS.length, unit: "goals" },
  ];
}
