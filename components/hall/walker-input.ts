// The walker's inputs, written by keyboard, mouse and touch handlers and read once per frame by the walk
// controls. Mutable on purpose: handlers fire far more often than frames, and nothing here should re-render React.
export interface WalkerInput {
  /** KeyboardEvent.code of the keys held down. */
  keys: Set<string>;
  /** Joystick deflection, −1…1: x to the right, y forwards. */
  moveX: number;
  moveY: number;
  /** Look movement accumulated since the last frame, in CSS pixels. */
  lookX: number;
  lookY: number;
}

export function createWalkerInput(): WalkerInput {
  return { keys: new Set(), moveX: 0, moveY: 0, lookX: 0, lookY: 0 };
}

const ARROWS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"]);
const WALK_KEYS = new Set([...ARROWS, "KeyW", "KeyA", "KeyS", "KeyD", "ShiftLeft", "ShiftRight"]);

/** Whether a key drives the walker (arrows are lent to the move gizmo while an exhibit is being moved). */
export function isWalkKey(code: string, arrowsFree: boolean): boolean {
  return WALK_KEYS.has(code) && (arrowsFree || !ARROWS.has(code));
}

export interface WalkAxes {
  /** −1…1, forwards positive. */
  forward: number;
  /** −1…1, right positive. */
  strafe: number;
  /** −1…1, left (counter-clockwise seen from above) positive. */
  turn: number;
  run: boolean;
}

/** Arrow keys walk and turn, so the gallery works from the keyboard alone; WASD walk and strafe. */
export function walkAxes(input: WalkerInput, arrowsFree: boolean, out: WalkAxes): WalkAxes {
  const k = input.keys;
  const has = (code: string) => k.has(code) && (arrowsFree || !ARROWS.has(code));
  const axis = (pos: boolean, neg: boolean) => (pos ? 1 : 0) - (neg ? 1 : 0);
  out.forward = clamp1(axis(has("KeyW") || has("ArrowUp"), has("KeyS") || has("ArrowDown")) + input.moveY);
  out.strafe = clamp1(axis(has("KeyD"), has("KeyA")) + input.moveX);
  out.turn = axis(has("ArrowLeft"), has("ArrowRight"));
  out.run = k.has("ShiftLeft") || k.has("ShiftRight");
  return out;
}

const clamp1 = (v: number) => Math.max(-1, Math.min(1, v));
