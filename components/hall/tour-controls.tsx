"use client";
// The cinematic tour: fly to each exhibit (framed from its bounds), dwell while its caption is read, move on.
// The visitor steers it from the keyboard on the focused gallery (Space or K pauses, → / N next, ← / P previous,
// Escape stops), by touch on the hall (a tap pauses, a swipe goes to the next or previous exhibit) or with the
// tour bar's buttons (they call the handle). A mouse click or the wheel on the hall, or any other key, hands
// control back to the visitor, standing wherever the tour had reached.
import { useFrame, useThree } from "@react-three/fiber";
import { useEffect, useRef, type RefObject } from "react";
import { EYE_HEIGHT } from "@/lib/layout/layout";
import { goToStop, startTour, stepTour, type Pose, type TourState, type TourStop } from "@/lib/layout/tour";
import { isGalleryUi } from "./touch-controls";

/** What the tour bar and the test probe see of the running tour. */
export interface TourView {
  index: number;
  id: string | null;
  count: number;
  paused: boolean;
  arrived: boolean;
}

/** Commands from outside the canvas (the tour bar's buttons). */
export interface TourHandle {
  next(): void;
  previous(): void;
  togglePause(): void;
  view(): TourView | null;
  /** Seconds spent at the current stop (frozen while paused): the probe's proof that pause holds. */
  dwelt(): number;
}

interface TourControlsProps {
  stops: readonly TourStop[];
  /** Start of the tour; written as it goes so walking resumes from the tour's position. */
  poseRef: RefObject<Pose>;
  target: HTMLElement | null;
  /** Cuts instead of flights (prefers-reduced-motion). */
  cut: boolean;
  handleRef: RefObject<TourHandle | null>;
  onArrive(id: string): void;
  /** Any change the tour bar shows (stop, pause); null when the tour stops. */
  onChange(view: TourView | null): void;
  onEnd(): void;
}

const NEXT_KEYS = new Set(["ArrowRight", "PageDown", "KeyN"]);
const PREVIOUS_KEYS = new Set(["ArrowLeft", "PageUp", "KeyP"]);
const PAUSE_KEYS = new Set(["Space", "KeyK"]);
/** Keys that neither steer the tour nor hand control back: moving focus to the tour bar must not end it. */
const NEUTRAL_KEYS = new Set(["Tab"]);
/** Horizontal travel (CSS px) that makes a touch a swipe rather than a tap. */
const SWIPE = 40;

export function TourControls({ stops, poseRef, target, cut, handleRef, onArrive, onChange, onEnd }: TourControlsProps) {
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  const stopsRef = useRef(stops);
  const state = useRef<TourState | null>(null);
  const ended = useRef(false);
  const callbacks = useRef({ onArrive, onChange, onEnd });
  useEffect(() => {
    stopsRef.current = stops;
    callbacks.current = { onArrive, onChange, onEnd };
  });
  // The bar shows nothing of a tour that is over.
  useEffect(() => () => callbacks.current.onChange(null), []);

  useEffect(() => {
    const view = (): TourView | null => {
      const s = state.current;
      if (!s) return null;
      const list = stopsRef.current;
      return { index: s.index, id: list[s.index]?.id ?? null, count: list.length, paused: s.paused, arrived: s.arrived };
    };
    const changed = () => {
      const v = view();
      if (v) callbacks.current.onChange(v);
      invalidate();
    };
    const go = (delta: number) => {
      const s = state.current;
      if (!s) return;
      goToStop(s, stopsRef.current, s.index + delta, poseRef.current);
      changed();
    };
    const end = () => {
      if (ended.current) return;
      ended.current = true;
      callbacks.current.onEnd();
    };
    const handle: TourHandle = {
      next: () => go(1),
      previous: () => go(-1),
      togglePause: () => {
        if (!state.current) return;
        state.current.paused = !state.current.paused;
        changed();
      },
      view,
      dwelt: () => state.current?.dwelt ?? 0,
    };
    handleRef.current = handle;
    if (!target) return () => void (handleRef.current = null);

    const key = (e: KeyboardEvent) => {
      if (isGalleryUi(e.target) || e.altKey || e.ctrlKey || e.metaKey || NEUTRAL_KEYS.has(e.code)) return;
      if (NEXT_KEYS.has(e.code)) handle.next();
      else if (PREVIOUS_KEYS.has(e.code)) handle.previous();
      else if (PAUSE_KEYS.has(e.code)) handle.togglePause();
      else return end();
      e.preventDefault();
    };
    // Touch: a tap pauses or resumes, a horizontal swipe goes on (to the left) or back. Mouse and pen hand back.
    let touch: { id: number; x: number; y: number } | null = null;
    const down = (e: PointerEvent) => {
      if (isGalleryUi(e.target)) return;
      if (e.pointerType === "touch") touch = { id: e.pointerId, x: e.clientX, y: e.clientY };
      else end();
    };
    const up = (e: PointerEvent) => {
      if (!touch || e.pointerId !== touch.id) return;
      const dx = e.clientX - touch.x;
      const dy = e.clientY - touch.y;
      touch = null;
      if (Math.abs(dx) >= SWIPE && Math.abs(dx) > Math.abs(dy)) go(dx < 0 ? 1 : -1);
      else if (Math.hypot(dx, dy) < SWIPE / 2) handle.togglePause();
    };
    const wheel = () => end();
    target.addEventListener("keydown", key);
    target.addEventListener("pointerdown", down);
    window.addEventListener("pointerup", up);
    target.addEventListener("wheel", wheel, { passive: true });
    return () => {
      target.removeEventListener("keydown", key);
      target.removeEventListener("pointerdown", down);
      window.removeEventListener("pointerup", up);
      target.removeEventListener("wheel", wheel);
      handleRef.current = null;
    };
  }, [target, poseRef, handleRef, invalidate]);

  // A change of preference mid-tour applies from the next leg.
  useEffect(() => {
    if (state.current) state.current.cut = cut;
  }, [cut]);

  useFrame((_, delta) => {
    if (ended.current) return;
    const pose = poseRef.current;
    const list = stopsRef.current;
    if (!state.current) {
      state.current = startTour(pose, list, { cut });
      const s = state.current;
      callbacks.current.onChange({ index: s.index, id: list[s.index]?.id ?? null, count: list.length, paused: false, arrived: false });
    }
    const s = state.current;
    // Real time, so a slow renderer (a software one can take a second a frame) still tours at the right pace;
    // capped for the frame after a hidden tab.
    const event = stepTour(s, list, Math.min(delta, 1), pose);
    camera.position.set(pose.x, EYE_HEIGHT, pose.z);
    camera.rotation.set(pose.pitch, pose.yaw, 0, "YXZ");
    if (event) {
      if (event.type === "end") {
        ended.current = true;
        callbacks.current.onEnd();
        return;
      }
      const id = list[s.index]?.id ?? null;
      if (event.type === "arrive" && id) callbacks.current.onArrive(id);
      callbacks.current.onChange({ index: s.index, id, count: list.length, paused: s.paused, arrived: s.arrived });
    }
    // Flying, or dwelling before moving on: keep frames coming. Paused at a stop: the view is still.
    if (!s.arrived || !s.paused) invalidate();
  });
  return null;
}
