import { describe, expect, it } from "vitest";
import { planOffline } from "../offline-planner";
import { scoreGoals } from "./goal-set-score";
import { GOAL_SET } from "./goal-set";
import { HELD_OUT_GOALS } from "./goal-set-heldout";
import { readGoal } from "./read-goal";

describe("goal-reading set", () => {
  it("has at least 60 goals, and a held-out set of about 20", () => {
    expect(GOAL_SET.length).toBeGreaterThanOrEqual(60);
    expect(HELD_OUT_GOALS.length).toBeGreaterThanOrEqual(20);
  });

  it.each([
    ["goal set", GOAL_SET],
    ["held-out set", HELD_OUT_GOALS],
  ] as const)("reads at least 95 per cent of the %s right", (_name, set) => {
    const { percent, verdicts } = scoreGoals(set);
    const failures = verdicts.filter((v) => !v.ok).map((v) => `${v.goal}: ${v.problems.join("; ")}`);
    expect(percent, failures.join("\n")).toBeGreaterThanOrEqual(95);
  });

  it("can fail: a planner that ignores the count scores low", () => {
    const { percent } = scoreGoals(GOAL_SET, (goal) => ({ plan: { ...planOffline(goal), exhibits: planOffline(goal).exhibits.slice(0, 1) }, needsSubject: readGoal(goal).needsSubject }));
    expect(percent).toBeLessThan(50);
  });
});
