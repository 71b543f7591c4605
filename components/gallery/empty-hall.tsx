"use client";

import { Canvas } from "@react-three/fiber";

/** An empty hall: parquet floor, stone walls, warm light. A placeholder until the gallery scene lands. */
export function EmptyHall() {
  return (
    <div style={{ position: "absolute", inset: 0 }}>
      <Canvas camera={{ position: [0, 1.6, 7], fov: 60 }} gl={{ preserveDrawingBuffer: true }} aria-label="Empty gallery hall">
        <color attach="background" args={["#2b2621"]} />
        <hemisphereLight args={["#fff3dd", "#3a2f25", 0.9]} />
        <pointLight position={[0, 3.5, 0]} intensity={25} color="#ffd9a0" />
        <mesh rotation={[-Math.PI / 2, 0, 0]}>
          <planeGeometry args={[12, 16]} />
          <meshStandardMaterial color="#8a5a33" roughness={0.7} />
        </mesh>
        <mesh position={[0, 2, -8]}>
          <boxGeometry args={[12, 4, 0.2]} />
          <meshStandardMaterial color="#d8cfbf" roughness={0.95} />
        </mesh>
        <mesh position={[-6, 2, 0]}>
          <boxGeometry args={[0.2, 4, 16]} />
          <meshStandardMaterial color="#cfc5b3" roughness={0.95} />
        </mesh>
        <mesh position={[6, 2, 0]}>
          <boxGeometry args={[0.2, 4, 16]} />
          <meshStandardMaterial color="#cfc5b3" roughness={0.95} />
        </mesh>
      </Canvas>
    </div>
  );
}
