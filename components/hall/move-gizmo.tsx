"use client";
// Moving an exhibit (owner only): drag on the floor plane, turn about Y; or, from the keyboard, arrows nudge one
// grid step (relative to the view) and Q/E turn 15°. Every drop and every nudge is snapped (floor, grid, inside
// the walls, clear of other exhibits) and committed once — never per frame. Escape, wherever the focus is (the hall
// or the Move button), finishes: what the gizmo holds and has not committed yet (a drag cut short) is committed
// first, as a drop would.
import { TransformControls } from "@react-three/drei";
import { useThree } from "@react-three/fiber";
import { useCallback, useEffect, useRef } from "react";
import * as THREE from "three";
import { GRID, nudgeStep, ROTATION_STEP, snapPlacement, type ArrangedExhibit, type Hall } from "@/lib/layout/layout";
import type { Placement } from "@/lib/contracts/gallery-view";

interface MoveGizmoProps {
  object: THREE.Object3D;
  item: ArrangedExhibit;
  others: readonly ArrangedExhibit[];
  hall: Hall;
  target: HTMLElement | null;
  onCommit(placement: Placement): void;
  /** Escape: moving is over (the page releases its Move button). */
  onFinish(): void;
}

const forward = new THREE.Vector3();

/** Yaw of an object from its quaternion: Euler angles flip past ±90° after a gizmo rotation. */
function yawOf(object: THREE.Object3D): number {
  forward.set(0, 0, 1).applyQuaternion(object.quaternion);
  return Math.atan2(forward.x, forward.z);
}

/** Whether the object stands where `placement` puts it (yaw compared as an angle, modulo a turn). */
function standsAt(object: THREE.Object3D, placement: Placement): boolean {
  const turn = yawOf(object) - placement.rotationY;
  const eps = 1e-6;
  return (
    Math.abs(object.position.x - placement.position[0]) < eps &&
    Math.abs(object.position.z - placement.position[2]) < eps &&
    Math.abs(Math.atan2(Math.sin(turn), Math.cos(turn))) < eps
  );
}

/** Keys typed into a field belong to the field. */
function isTextEntry(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable);
}

export function MoveGizmo({ object, item, others, hall, target, onCommit, onFinish }: MoveGizmoProps) {
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  // The placement last committed: the props lag behind it until the page has saved it.
  const committed = useRef<Placement>(item.placement);
  useEffect(() => {
    committed.current = item.placement;
  }, [item.placement]);

  const commit = useCallback(
    (x: number, z: number, rotationY: number) => {
      const placement = snapPlacement({ position: [x, 0, z], rotationY, scale: item.placement.scale }, item.footprint.radius, others, hall);
      // Show the snapped result at once; the new placement comes back through props when the page saves it.
      object.position.set(placement.position[0], 0, placement.position[2]);
      object.rotation.set(0, placement.rotationY, 0);
      invalidate();
      committed.current = placement;
      onCommit(placement);
    },
    [object, item, others, hall, invalidate, onCommit],
  );

  const onDragEnd = useCallback(() => commit(object.position.x, object.position.z, yawOf(object)), [commit, object]);

  useEffect(() => {
    if (!target) return;
    const key = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const cameraYaw = Math.atan2(-camera.getWorldDirection(forward).x, -forward.z);
      const step = nudgeStep(e.code, cameraYaw);
      const turn = e.code === "KeyQ" ? ROTATION_STEP : e.code === "KeyE" ? -ROTATION_STEP : 0;
      if (!step && !turn) return;
      e.preventDefault();
      commit(object.position.x + (step?.[0] ?? 0), object.position.z + (step?.[1] ?? 0), yawOf(object) + turn);
    };
    target.addEventListener("keydown", key);
    return () => target.removeEventListener("keydown", key);
  }, [target, camera, object, commit]);

  useEffect(() => {
    const finish = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || isTextEntry(e.target)) return;
      if (!standsAt(object, committed.current)) commit(object.position.x, object.position.z, yawOf(object));
      onFinish();
    };
    window.addEventListener("keydown", finish);
    return () => window.removeEventListener("keydown", finish);
  }, [object, commit, onFinish]);

  return (
    <>
      <TransformControls object={object} mode="translate" showY={false} translationSnap={GRID} size={0.9} onMouseUp={onDragEnd} />
      <TransformControls object={object} mode="rotate" showX={false} showZ={false} rotationSnap={ROTATION_STEP} size={1.1} onMouseUp={onDragEnd} />
    </>
  );
}
