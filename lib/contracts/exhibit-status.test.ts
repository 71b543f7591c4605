import { describe, expect, it } from "vitest";
import { canTransition, exhibitStatuses, statusChangeProblem, type ExhibitStatus } from "./exhibit-status";

describe("the exhibit lifecycle", () => {
  it("goes planned → drawing → modelling, and fails from anywhere", () => {
    expect(canTransition("planned", "drawing")).toBe(true);
    expect(canTransition("drawing", "modelling")).toBe(true);
    for (const from of exhibitStatuses) expect(canTransition(from, "failed")).toBe(true);
  });

  it("lets a ready or failed exhibit be worked on again", () => {
    for (const from of ["ready", "failed"] as const) {
      for (const to of ["planned", "drawing", "modelling"] as const) expect(canTransition(from, to)).toBe(true);
    }
  });

  it("never makes a planned exhibit ready by a plain status change", () => {
    expect(canTransition("planned", "ready")).toBe(false);
    expect(statusChangeProblem({ from: "planned", to: "ready", hasResult: true })).toMatch(/not allowed/);
  });

  it("allows staying put", () => {
    for (const s of exhibitStatuses) expect(canTransition(s, s)).toBe(true);
  });

  it("returns to ready only when a result exists (a cancelled regeneration keeps the current version)", () => {
    expect(statusChangeProblem({ from: "drawing", to: "ready", hasResult: true })).toBeNull();
    expect(statusChangeProblem({ from: "drawing", to: "ready", hasResult: false })).toMatch(/no result yet/);
    expect(statusChangeProblem({ from: "ready", to: "ready", hasResult: false })).toBeNull();
  });

  it("needs a reason to fail", () => {
    expect(statusChangeProblem({ from: "drawing", to: "failed", hasResult: false })).toMatch(/error message/);
    expect(statusChangeProblem({ from: "drawing", to: "failed", hasResult: false, error: "The Space timed out" })).toBeNull();
  });

  it("is the whole table: every pair is decided", () => {
    const allowed = (from: ExhibitStatus) => exhibitStatuses.filter((to) => to !== from && canTransition(from, to));
    expect(Object.fromEntries(exhibitStatuses.map((s) => [s, allowed(s)]))).toEqual({
      planned: ["drawing", "modelling", "failed"],
      drawing: ["planned", "modelling", "ready", "failed"],
      modelling: ["planned", "drawing", "ready", "failed"],
      ready: ["planned", "drawing", "modelling", "failed"],
      failed: ["planned", "drawing", "modelling", "ready"],
    });
  });
});
