"use client";
// The guided tour: glide to each exhibit, select it on arrival, pause, move on. Any key, touch, click or wheel
// on the gallery hands control back to the visitor, standing wherever the tour had reached.
import { useFrame, useThree } from "@react-three/fiber";
import { useEffect, useRef, type RefObject } from "react";
import { EYE_HEIGHT } from "@/lib/layout/layout";
import { planTour, sampleTour, type Pose, type TourStop } from "@/lib/layout/tour";

interface TourControlsProps {
  stops: readonly TourStop[];
  /** Start of the tour; written as it goes so walking resumes from the tour's position. */
  poseRef: RefObject<Pose>;
  target: HTMLElement | null;
  onArrive(id: string): void;
  onEnd(): void;
}

export function TourControls({ stops, poseRef, target, onArrive, onEnd }: TourControlsProps) {
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  // Planned once, on the first frame: exhibits arriving mid-tour should not make it start over.
  const plan = useRef<ReturnType<typeof planTour> | null>(null);
  const time = useRef(0);
  const arrived = useRef(-1);
  const ended = useRef(false);

  useEffect(() => {
    if (!target) return;
    const stop = () => {
      if (!ended.current) {
        ended.current = true;
        onEnd();
      }
    };
    const events = ["keydown", "pointerdown", "wheel"] as const;
    for (const e of events) target.addEventListener(e, stop, { passive: true });
    return () => events.forEach((e) => target.removeEventListener(e, stop));
  }, [target, onEnd]);

  useFrame((_, delta) => {
    if (ended.current) return;
    const pose = poseRef.current;
    plan.current ??= planTour({ ...pose }, stops);
    // Real time, so a slow renderer still tours at the right pace; capped for the frame after a hidden tab.
    time.current += Math.min(delta, 0.5);
    const s = sampleTour(plan.current, time.current, pose);
    camera.position.set(pose.x, EYE_HEIGHT, pose.z);
    camera.rotation.set(pose.pitch, pose.yaw, 0, "YXZ");
    if (s.arrived && s.index !== arrived.current) {
      arrived.current = s.index;
      onArrive(plan.current.legs[s.index]!.id);
    }
    if (s.done) {
      ended.current = true;
      onEnd();
    } else invalidate();
  });
  return null;
}
