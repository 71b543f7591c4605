"use client";
// Moving an exhibit (owner only): drag on the floor plane, turn about Y; or, from the keyboard, arrows nudge one
// grid step (relative to the view) and Q/E turn 15°. Every drop and every nudge is snapped (floor, grid, inside
// the walls, clear of other exhibits) and committed once — never per frame.
import { TransformControls } from "@react-three/drei";
import { useThree } from "@react-three/fiber";
import { useCallback, useEffect } from "react";
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
}

const forward = new THREE.Vector3();

/** Yaw of an object from its quaternion: Euler angles flip past ±90° after a gizmo rotation. */
function yawOf(object: THREE.Object3D): number {
  forward.set(0, 0, 1).applyQuaternion(object.quaternion);
  return Math.atan2(forward.x, forward.z);
}

export function MoveGizmo({ object, item, others, hall, target, onCommit }: MoveGizmoProps) {
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);

  const commit = useCallback(
    (x: number, z: number, rotationY: number) => {
      const placement = snapPlacement({ position: [x, 0, z], rotationY, scale: item.placement.scale }, item.footprint.radius, others, hall);
      // Show the snapped result at once; the new placement comes back through props when the page saves it.
      object.position.set(placement.position[0], 0, placement.position[2]);
      object.rotation.set(0, placement.rotationY, 0);
      invalidate();
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

  return (
    <>
      <TransformControls object={object} mode="translate" showY={false} translationSnap={GRID} size={0.9} onMouseUp={onDragEnd} />
      <TransformControls object={object} mode="rotate" showX={false} showZ={false} rotationSnap={ROTATION_STEP} size={1.1} onMouseUp={onDragEnd} />
    </>
  );
}
