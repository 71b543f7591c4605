"use client";
// Orbit around the selected exhibit. Escape (on the focused gallery) returns to walking; the walker's pose is
// untouched, so walking resumes where it left off.
import { OrbitControls } from "@react-three/drei";
import { useThree } from "@react-three/fiber";
import { useEffect, useLayoutEffect, useMemo } from "react";
import * as THREE from "three";
import type { ArrangedExhibit } from "@/lib/layout/layout";

export function InspectControls({ item, target, onExit }: { item: ArrangedExhibit; target: HTMLElement | null; onExit(): void }) {
  const camera = useThree((s) => s.camera);
  const { placement, footprint } = item;
  const [x, , z] = placement.position;
  const height = footprint.modelHeight;
  const centre = useMemo(() => new THREE.Vector3(x, footprint.plinthHeight + height / 2, z), [x, z, footprint.plinthHeight, height]);
  const distance = Math.max(1.6, height * 1.7 + 0.6);

  // Start in front of the exhibit, a little above its middle.
  useLayoutEffect(() => {
    const fx = Math.sin(placement.rotationY);
    const fz = Math.cos(placement.rotationY);
    camera.position.set(centre.x + fx * distance, centre.y + distance * 0.25, centre.z + fz * distance);
    camera.lookAt(centre);
  }, [camera, centre, distance, placement.rotationY]);

  useEffect(() => {
    if (!target) return;
    const key = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.preventDefault();
        onExit();
      }
    };
    target.addEventListener("keydown", key);
    return () => target.removeEventListener("keydown", key);
  }, [target, onExit]);

  return (
    <OrbitControls
      makeDefault
      target={centre}
      enablePan={false}
      enableDamping
      minDistance={Math.max(0.6, height * 0.6)}
      maxDistance={distance * 2.5}
      // Never below the floor.
      maxPolarAngle={Math.PI * 0.55}
    />
  );
}
