"use client";
// The few HTML controls that belong to the canvas itself: the crosshair under pointer lock and, for pages without
// their own controls, a hint on how to move and buttons to switch between walking, inspecting and the tour.
import { useEffect, useState } from "react";
import { UI_ATTRIBUTE } from "./touch-controls";

export type SceneMode = "walk" | "inspect" | "tour";

interface SceneHudProps {
  mode: SceneMode;
  /** Without it, no buttons. */
  onModeChange?(mode: SceneMode): void;
  hint: boolean;
  canInspect: boolean;
  canTour: boolean;
  touch: boolean;
  moving: boolean;
}

const bar: React.CSSProperties = { position: "absolute", right: 12, bottom: 12, display: "flex", gap: 8 };
const button: React.CSSProperties = {
  font: "inherit",
  fontSize: 14,
  padding: "6px 12px",
  borderRadius: 6,
  border: "1px solid rgba(255,248,235,0.4)",
  background: "rgba(24,19,15,0.72)",
  color: "#fff8eb",
  cursor: "pointer",
};
const hint: React.CSSProperties = {
  position: "absolute",
  left: 12,
  top: 10,
  fontSize: 13,
  color: "rgba(255,248,235,0.85)",
  textShadow: "0 1px 2px rgba(0,0,0,0.8)",
  pointerEvents: "none",
  margin: 0,
};

function usePointerLocked(): boolean {
  const [locked, setLocked] = useState(false);
  useEffect(() => {
    const update = () => setLocked(document.pointerLockElement instanceof HTMLCanvasElement);
    document.addEventListener("pointerlockchange", update);
    return () => document.removeEventListener("pointerlockchange", update);
  }, []);
  return locked;
}

function hintFor(mode: SceneMode, touch: boolean, locked: boolean, moving: boolean): string {
  if (mode === "tour") return touch ? "Guided tour — tap to pause, swipe for the next or previous exhibit" : "Guided tour — Space pauses, ← → change exhibit, any other key takes over";
  if (mode === "inspect") return touch ? "Drag to turn the exhibit, pinch to zoom" : "Drag to turn, scroll to zoom — Esc to walk again";
  if (moving) return "Drag the arrows to move, the ring to turn — or arrow keys and Q/E";
  if (touch) return "Joystick to walk, drag to look, tap an exhibit";
  return locked ? "WASD or arrows to walk — click an exhibit under the dot — Esc to free the mouse" : "Click to look around, WASD or arrows to walk";
}

export function SceneHud({ mode, onModeChange, hint: showHint, canInspect, canTour, touch, moving }: SceneHudProps) {
  const locked = usePointerLocked();
  const ui = { [UI_ATTRIBUTE]: "" };
  return (
    <>
      {showHint && (
        <p style={hint} aria-hidden="true">
          {hintFor(mode, touch, locked, moving)}
        </p>
      )}
      {locked && mode === "walk" && (
        <div
          aria-hidden="true"
          style={{ position: "absolute", left: "50%", top: "50%", width: 6, height: 6, margin: -3, borderRadius: "50%", background: "#fff8eb", boxShadow: "0 0 3px #000", pointerEvents: "none" }}
        />
      )}
      {onModeChange && (
        <div style={bar} {...ui}>
          {mode === "walk" && canInspect && (
            <button type="button" style={button} onClick={() => onModeChange("inspect")}>
              Inspect
            </button>
          )}
          {mode === "walk" && canTour && (
            <button type="button" style={button} onClick={() => onModeChange("tour")}>
              Start tour
            </button>
          )}
          {mode === "inspect" && (
            <button type="button" style={button} onClick={() => onModeChange("walk")}>
              Back to walking
            </button>
          )}
          {mode === "tour" && (
            <button type="button" style={button} onClick={() => onModeChange("walk")}>
              Stop tour
            </button>
          )}
        </div>
      )}
    </>
  );
}
