import type { AgentPlan } from "@/lib/contracts/agent-plan";
import { planOffline } from "../offline-planner";
import { judgePlan, percent, type GoalCase, type GoalVerdict } from "./goal-scoring";
import { readGoal } from "./read-goal";

/** The offline planner's answer to one goal, as the scorer sees it. */
export type Planner = (goal: string) => { plan: AgentPlan; needsSubject: boolean };

const offline: Planner = (goal) => ({ plan: planOffline(goal), needsSubject: readGoal(goal).needsSubject });

/** Scores a goal set against a planner (the offline planner unless told otherwise). */
export function scoreGoals(set: readonly GoalCase[], planner: Planner = offline): { percent: number; verdicts: GoalVerdict[] } {
  const verdicts = set.map((c) => {
    const { plan, needsSubject } = planner(c.goal);
    return judgePlan(c, plan, needsSubject);
  });
  return { percent: percent(verdicts), verdicts };
}
