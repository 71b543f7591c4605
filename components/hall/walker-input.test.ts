import { describe, expect, it } from "vitest";
import { createWalkerInput, isWalkKey, walkAxes, type WalkAxes } from "./walker-input";

const out = (): WalkAxes => ({ forward: 0, strafe: 0, turn: 0, run: false });

describe("walkAxes", () => {
  it("maps WASD and arrows, and adds the joystick", () => {
    const input = createWalkerInput();
    input.keys.add("ArrowUp").add("KeyD").add("ArrowLeft").add("ShiftLeft");
    expect(walkAxes(input, true, out())).toEqual({ forward: 1, strafe: 1, turn: 1, run: true });
    input.keys.clear();
    input.moveX = -0.5;
    input.moveY = 0.25;
    expect(walkAxes(input, true, out())).toEqual({ forward: 0.25, strafe: -0.5, turn: 0, run: false });
  });

  it("cancels opposite keys and clamps keys plus joystick", () => {
    const input = createWalkerInput();
    input.keys.add("KeyW").add("KeyS");
    expect(walkAxes(input, true, out()).forward).toBe(0);
    input.keys.delete("KeyS");
    input.moveY = 1;
    expect(walkAxes(input, true, out()).forward).toBe(1);
  });

  it("ignores arrows lent to the move gizmo, but still walks with WASD", () => {
    const input = createWalkerInput();
    input.keys.add("ArrowUp").add("KeyA");
    expect(walkAxes(input, false, out())).toMatchObject({ forward: 0, strafe: -1 });
    expect(isWalkKey("ArrowUp", false)).toBe(false);
    expect(isWalkKey("KeyW", false)).toBe(true);
    expect(isWalkKey("KeyQ", true)).toBe(false);
  });
});
