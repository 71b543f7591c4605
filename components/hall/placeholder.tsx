"use client";
// Stand-ins on the plinth while an exhibit is on its way, and the marker of one that failed.
import { useFrame } from "@react-three/fiber";
import { useRef } from "react";
import * as THREE from "three";
import { useAmbientMotion } from "./render-quality";

const shape = new THREE.IcosahedronGeometry(0.5, 1);
const marker = new THREE.OctahedronGeometry(0.5, 0);
const materials = {
  pending: new THREE.MeshBasicMaterial({ color: "#8f7f66", wireframe: true }),
  active: new THREE.MeshBasicMaterial({ color: "#d6a54b", wireframe: true }),
  failed: new THREE.MeshStandardMaterial({ color: "#b3261e", emissive: "#5c0f0b", roughness: 0.4 }),
};

export type PlaceholderKind = keyof typeof materials;

/** A wireframe turning slowly (active work; still on software renderers) or standing still (waiting); a red
 * marker for a failure. */
export function Placeholder({ kind, height }: { kind: PlaceholderKind; height: number }) {
  const ref = useRef<THREE.Mesh>(null);
  const motion = useAmbientMotion();
  const turning = kind === "active" && motion;
  const size = Math.min(height, 1.2) * 0.8;
  useFrame((state, delta) => {
    if (!turning || !ref.current) return;
    ref.current.rotation.y += delta * 0.6;
    ref.current.rotation.x = Math.sin(state.clock.elapsedTime * 0.5) * 0.2;
    // Keep frames coming in demand mode, but only while something is being made.
    state.invalidate();
  });
  return (
    <mesh
      ref={ref}
      geometry={kind === "failed" ? marker : shape}
      material={materials[kind]}
      scale={kind === "failed" ? [size * 0.6, size, size * 0.6] : size}
      position={[0, size / 2 + 0.02, 0]}
    />
  );
}
