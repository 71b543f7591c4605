import { describe, expect, it } from "vitest";
import { planOffline } from "../offline-planner";
import { readGoal } from "./read-goal";
import { readKinds } from "./kinds";

const kinds = (goal: string) => planOffline(goal).exhibits.map((e) => e.kind ?? "mesh");

describe("exhibit kinds from the goal", () => {
  it("makes every exhibit a splat when the goal asks for Gaussian splats, and reads the subjects as without", () => {
    const plain = planOffline("the monuments of Paris");
    const splats = planOffline("the monuments of Paris as Gaussian splats");
    expect(splats.exhibits.map((e) => e.key)).toEqual(plain.exhibits.map((e) => e.key));
    expect(splats.title).toBe(plain.title);
    expect(splats.exhibits.every((e) => e.kind === "splat")).toBe(true);
    expect(plain.exhibits.every((e) => e.kind === undefined)).toBe(true);
    expect(splats.exhibits.some((e) => /splat/i.test(e.prompt))).toBe(false);
  });

  it.each(["photo-real temples of Japan", "Japanese temples, photorealistic", "temples du Japon en splats gaussiens", "3DGS temples of Japan"])("reads %s as splats", (goal) => {
    expect(new Set(kinds(goal))).toEqual(new Set(["splat"]));
    expect(readGoal(goal).subjects.length).toBeGreaterThan(0);
  });

  it("reads a kind per exhibit when a list marks its items", () => {
    expect(kinds("the Eiffel Tower as a splat, the Louvre as a mesh and Notre-Dame")).toEqual(["splat", "mesh", "mesh"]);
    expect(kinds("the Eiffel Tower, the Louvre as a Gaussian splat and Notre-Dame")).toEqual(["mesh", "splat", "mesh"]);
    // A phrase after the last item is about the whole list.
    expect(kinds("the Eiffel Tower, the Louvre and Notre-Dame as Gaussian splats")).toEqual(["splat", "splat", "splat"]);
  });

  it("leaves goals without the words alone", () => {
    expect(readKinds("a splash of colour: parrots")).toMatchObject({ all: "mesh", items: null });
    expect(readKinds("the monuments of Paris at dusk")).toEqual({ text: "the monuments of Paris at dusk", all: "mesh", items: null });
  });
});
