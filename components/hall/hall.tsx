"use client";
// The hall itself: merged static geometry with procedural textures (no downloads), skylight and warm lamps.
// Matte surfaces use Lambert shading: it looks the same on stone and plaster and costs far less per pixel in
// software WebGL and on phones; only the polished parquet gets physically based shading and reflections.
import { useEffect, useMemo } from "react";
import * as THREE from "three";
import { lampPositions } from "@/lib/layout/architecture";
import type { ArrangedExhibit, Hall as HallShape } from "@/lib/layout/layout";
import { paintFloorOcclusion } from "./floor-occlusion";
import { buildHallGeometry } from "./hall-geometry";
import { parquetTexture } from "./textures/parquet";
import { skylightTexture } from "./textures/skylight";
import { stoneTexture } from "./textures/stone";
import { vaultTexture } from "./textures/vault";

/** Textures depend on nothing, so the hall can grow (new geometry) without redrawing any canvas. */
function useHallTextures() {
  const textures = useMemo(() => ({ parquet: parquetTexture(), stone: stoneTexture(), vault: vaultTexture(), skylight: skylightTexture() }), []);
  useEffect(() => () => Object.values(textures).forEach((t) => t.dispose()), [textures]);
  return textures;
}

// Brighter than white so tone mapping leaves the glazing glowing; fog would grey it out at the far end.
const SKY = new THREE.Color("#fff6e6").multiplyScalar(1.6);

export function Hall({ hall, items }: { hall: HallShape; items: readonly ArrangedExhibit[] }) {
  const textures = useHallTextures();
  const geometry = useMemo(() => buildHallGeometry(hall), [hall]);
  useEffect(() => () => Object.values(geometry).forEach((g) => g.dispose()), [geometry]);
  const occlusion = useMemo(() => paintFloorOcclusion(hall, items), [hall, items]);
  useEffect(() => () => occlusion.dispose(), [occlusion]);
  const lamps = useMemo(() => lampPositions(hall), [hall]);
  const length = hall.maxZ - hall.minZ;

  return (
    <group>
      <color attach="background" args={["#17120e"]} />
      <fog attach="fog" args={["#2a211a", Math.max(14, length * 0.55), Math.max(34, length * 1.6)]} />
      <hemisphereLight args={["#fff2dc", "#5c4330", 0.9]} />
      {/* Daylight through the skylight. Only its direction matters: it aims at the origin. */}
      <directionalLight position={[3, 10, 2]} intensity={1.5} color="#fff5e6" />
      {lamps.map((p, i) => (
        <pointLight key={i} position={p} color="#ffd6a3" intensity={12} distance={16} decay={1.6} />
      ))}
      <mesh geometry={geometry.floor}>
        {/* Keyed by the occlusion map: swapping a map in needs a new shader. */}
        <meshStandardMaterial key={occlusion.uuid} map={textures.parquet} aoMap={occlusion} aoMapIntensity={1} roughness={0.42} envMapIntensity={0.8} />
      </mesh>
      <mesh geometry={geometry.walls}>
        <meshLambertMaterial map={textures.stone} vertexColors />
      </mesh>
      <mesh geometry={geometry.trim}>
        <meshLambertMaterial vertexColors />
      </mesh>
      <mesh geometry={geometry.vault}>
        <meshLambertMaterial map={textures.vault} />
      </mesh>
      <mesh geometry={geometry.skylight}>
        <meshBasicMaterial map={textures.skylight} color={SKY} fog={false} />
      </mesh>
    </group>
  );
}
