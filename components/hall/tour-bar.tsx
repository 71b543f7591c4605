"use client";
// The tour's HTML over the canvas: the caption of the exhibit in view (its plaque's title and text, in a live
// region so screen readers announce each stop) and the buttons to go back, pause or resume, and go on.
import type { PlaqueContent } from "./plaque-text";
import type { TourView } from "./tour-controls";
import { UI_ATTRIBUTE } from "./touch-controls";

interface TourBarProps {
  view: TourView | null;
  caption: PlaqueContent | null;
  onPrevious(): void;
  onTogglePause(): void;
  onNext(): void;
}

const panel: React.CSSProperties = {
  position: "absolute",
  left: "50%",
  bottom: 56,
  transform: "translateX(-50%)",
  width: "min(640px, calc(100% - 24px))",
  padding: "10px 14px",
  borderRadius: 8,
  background: "rgba(24,19,15,0.78)",
  color: "#fff8eb",
  textAlign: "center",
  pointerEvents: "none",
};
const bar: React.CSSProperties = { position: "absolute", left: "50%", bottom: 12, transform: "translateX(-50%)", display: "flex", gap: 8 };
const button: React.CSSProperties = {
  font: "inherit",
  fontSize: 14,
  minWidth: 44,
  minHeight: 36,
  padding: "6px 12px",
  borderRadius: 6,
  border: "1px solid rgba(255,248,235,0.4)",
  background: "rgba(24,19,15,0.72)",
  color: "#fff8eb",
  cursor: "pointer",
};

export function TourBar({ view, caption, onPrevious, onTogglePause, onNext }: TourBarProps) {
  const ui = { [UI_ATTRIBUTE]: "" };
  const shown = view?.arrived && caption ? caption : null;
  return (
    <>
      <div role="region" aria-label="Tour caption" aria-live="polite" aria-atomic="true" style={{ ...panel, visibility: shown ? "visible" : "hidden" }}>
        {shown && view ? (
          <>
            <p style={{ margin: 0, fontWeight: 600, fontSize: 17 }} data-tour-title="">
              {shown.title}
            </p>
            {shown.body ? (
              <p style={{ margin: "4px 0 0", fontSize: 14, opacity: 0.9 }} data-tour-body="">
                {shown.body}
              </p>
            ) : null}
            <p style={{ margin: "4px 0 0", fontSize: 12, opacity: 0.7 }}>
              {view.index + 1} of {view.count}
              {view.paused ? " — paused" : ""}
            </p>
          </>
        ) : null}
      </div>
      <div style={bar} {...ui} role="group" aria-label="Tour controls">
        <button type="button" style={button} onClick={onPrevious} disabled={!view || view.index === 0} aria-keyshortcuts="ArrowLeft">
          <span aria-hidden="true">‹ </span>Previous exhibit
        </button>
        <button type="button" style={button} onClick={onTogglePause} aria-keyshortcuts="Space">
          {view?.paused ? "Resume tour" : "Pause tour"}
        </button>
        <button type="button" style={button} onClick={onNext} disabled={!view || view.index >= view.count - 1} aria-keyshortcuts="ArrowRight">
          Next exhibit<span aria-hidden="true"> ›</span>
        </button>
      </div>
    </>
  );
}
