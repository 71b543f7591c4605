"use client";
// One plinth geometry and material for every exhibit (scaled per exhibit): a darker base band, the body, a
// slightly proud top slab, with a vertex-colour gradient darkening towards the floor.
import * as THREE from "three";
import type { Footprint } from "@/lib/layout/layout";
import { GeometryBuilder } from "./geometry-builder";

function plinthGeometry(): THREE.BufferGeometry {
  const b = new GeometryBuilder();
  const base = new THREE.Color("#6d6259");
  const body = new THREE.Color("#ebe4d8");
  const top = new THREE.Color("#f6f1e8");
  // Unit footprint (1 × 1), unit height; bottoms are never seen.
  b.box([-0.52, 0, -0.52], [0.52, 0.07, 0.52], base, ["ny"]);
  b.box([-0.5, 0.07, -0.5], [0.5, 0.965, 0.5], body, ["ny"]);
  b.box([-0.515, 0.965, -0.515], [0.515, 1, 0.515], top, []);
  const g = b.build();
  // Darken the body towards the floor: cheap ambient occlusion.
  const pos = g.getAttribute("position");
  const col = g.getAttribute("color");
  for (let i = 0; i < pos.count; i++) {
    const shade = 0.72 + 0.28 * Math.min(1, Math.max(0, (pos.getY(i) - 0.07) / 0.9));
    col.setXYZ(i, col.getX(i) * shade, col.getY(i) * shade, col.getZ(i) * shade);
  }
  return g;
}

// Shared by every plinth in every scene; never disposed (a few hundred bytes, rebuilt on nothing).
const geometry = plinthGeometry();
const material = new THREE.MeshStandardMaterial({ vertexColors: true, roughness: 0.55, envMapIntensity: 0.7 });

export function Plinth({ footprint }: { footprint: Footprint }) {
  return <mesh geometry={geometry} material={material} scale={[footprint.plinthSide, footprint.plinthHeight, footprint.plinthSide]} />;
}
