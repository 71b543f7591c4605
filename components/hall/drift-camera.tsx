"use client";
// A slow, looping glide down the aisle for the home page preview. Stands still when the visitor prefers reduced
// motion, and on software renderers (where each frame costs a second of the page's time).
import { useFrame, useThree } from "@react-three/fiber";
import { EYE_HEIGHT, type Hall } from "@/lib/layout/layout";
import { useAmbientMotion, usePrefersReducedMotion } from "./render-quality";

const PERIOD = 40;

export function DriftCamera({ hall }: { hall: Hall }) {
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  const reduced = usePrefersReducedMotion();
  const motion = useAmbientMotion();
  const still = reduced || !motion;

  useFrame(({ clock }) => {
    const t = still ? 0 : clock.elapsedTime;
    // Back and forth over the first third of the hall, gently looking from side to side.
    const u = (1 - Math.cos((t / PERIOD) * Math.PI * 2)) / 2;
    const span = Math.min(8, (hall.maxZ - hall.minZ) / 3);
    camera.position.set(Math.sin(t * 0.11) * 0.6, EYE_HEIGHT, hall.maxZ - 1.2 - u * span);
    camera.rotation.set(-0.06, Math.sin(t * 0.07) * 0.35, 0, "YXZ");
    if (!still) invalidate();
  });
  return null;
}
