"use client";
// Touch screens: a joystick bottom-left to walk, and dragging anywhere else on the gallery to look around.
// Both write to the walker's input; `invalidate` wakes the demand-driven render loop.
import { invalidate } from "@react-three/fiber";
import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from "react";
import type { WalkerInput } from "./walker-input";

const RADIUS = 48;
/**
 * Dragging grabs the view, as in panoramas: the hall follows the finger (so the sign is opposite to mouse look),
 * and a swipe across a phone turns about 180°.
 */
const TOUCH_LOOK_GAIN = -1.6;

/** Marks overlay controls (joystick, buttons) whose touches must not also look around. */
export const UI_ATTRIBUTE = "data-gallery-ui";

export function isGalleryUi(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(`[${UI_ATTRIBUTE}]`) !== null;
}

/** Drag-to-look for touch pointers that start on the gallery (not on the joystick or a button). */
export function useTouchLook(target: HTMLElement | null, inputRef: RefObject<WalkerInput>, enabled: boolean) {
  useEffect(() => {
    if (!target || !enabled) return;
    let id: number | null = null;
    let lastX = 0;
    let lastY = 0;
    const down = (e: PointerEvent) => {
      if (e.pointerType !== "touch" || id !== null || isGalleryUi(e.target)) return;
      id = e.pointerId;
      lastX = e.clientX;
      lastY = e.clientY;
    };
    const move = (e: PointerEvent) => {
      if (e.pointerId !== id) return;
      inputRef.current.lookX += (e.clientX - lastX) * TOUCH_LOOK_GAIN;
      inputRef.current.lookY += (e.clientY - lastY) * TOUCH_LOOK_GAIN;
      lastX = e.clientX;
      lastY = e.clientY;
      invalidate();
    };
    const up = (e: PointerEvent) => {
      if (e.pointerId === id) id = null;
    };
    target.addEventListener("pointerdown", down);
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
    window.addEventListener("pointercancel", up);
    return () => {
      target.removeEventListener("pointerdown", down);
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      window.removeEventListener("pointercancel", up);
    };
  }, [target, inputRef, enabled]);
}

/** True on touch-first devices, or as soon as anyone touches the screen. */
export function useTouchScreen(): boolean {
  // Client-only component (the scene is never server-rendered), so window is there on the first render.
  const [touch, setTouch] = useState(() => window.matchMedia("(any-pointer: coarse)").matches);
  useEffect(() => {
    const onTouch = (e: PointerEvent) => e.pointerType === "touch" && setTouch(true);
    window.addEventListener("pointerdown", onTouch);
    return () => window.removeEventListener("pointerdown", onTouch);
  }, []);
  return touch;
}

export function Joystick({ inputRef }: { inputRef: RefObject<WalkerInput> }) {
  const knob = useRef<HTMLDivElement>(null);
  const active = useRef<number | null>(null);
  const centre = useRef({ x: 0, y: 0 });

  const set = (dx: number, dy: number) => {
    const len = Math.hypot(dx, dy);
    const k = len > RADIUS ? RADIUS / len : 1;
    const x = dx * k;
    const y = dy * k;
    if (knob.current) knob.current.style.transform = `translate(${x}px, ${y}px)`;
    inputRef.current.moveX = x / RADIUS;
    inputRef.current.moveY = -y / RADIUS;
    invalidate();
  };
  const onDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (active.current !== null) return;
    active.current = e.pointerId;
    e.currentTarget.setPointerCapture(e.pointerId);
    const r = e.currentTarget.getBoundingClientRect();
    centre.current = { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    set(e.clientX - centre.current.x, e.clientY - centre.current.y);
  };
  const onMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.pointerId === active.current) set(e.clientX - centre.current.x, e.clientY - centre.current.y);
  };
  const onUp = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.pointerId !== active.current) return;
    active.current = null;
    set(0, 0);
  };
  useEffect(() => {
    const input = inputRef.current;
    return () => {
      input.moveX = 0;
      input.moveY = 0;
    };
  }, [inputRef]);

  return (
    <div
      role="presentation"
      {...{ [UI_ATTRIBUTE]: "" }}
      data-joystick=""
      onPointerDown={onDown}
      onPointerMove={onMove}
      onPointerUp={onUp}
      onPointerCancel={onUp}
      style={{
        position: "absolute",
        left: 20,
        bottom: 20,
        width: RADIUS * 2 + 24,
        height: RADIUS * 2 + 24,
        borderRadius: "50%",
        background: "radial-gradient(circle, rgba(255,248,235,0.18), rgba(255,248,235,0.06))",
        border: "1px solid rgba(255,248,235,0.35)",
        touchAction: "none",
        display: "grid",
        placeItems: "center",
      }}
    >
      <div
        ref={knob}
        style={{ width: 48, height: 48, borderRadius: "50%", background: "rgba(255,248,235,0.7)", boxShadow: "0 2px 8px rgba(0,0,0,0.4)", pointerEvents: "none" }}
      />
    </div>
  );
}
