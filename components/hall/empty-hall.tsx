"use client";
// The home page's preview: the gallery hall with its plinths still bare, drifting slowly, waiting for a goal.
import { Canvas } from "@react-three/fiber";
import { useMemo } from "react";
import { arrangeGallery } from "@/lib/layout/layout";
import { DriftCamera } from "./drift-camera";
import { GalleryEnvironment } from "./gallery-environment";
import { Hall } from "./hall";
import { Plinth } from "./plinth";
import { adaptToRenderer } from "./render-quality";

const BARE_PLINTHS = [0.6, 1.2, 0.9, 0.5, 1.4, 0.8].map((height, order) => ({
  id: `plinth-${order}`,
  order,
  height,
  placement: { position: [0, 0, 0] as [number, number, number], rotationY: 0, scale: 1 },
}));

export function EmptyHall() {
  const { hall, items } = useMemo(() => arrangeGallery(BARE_PLINTHS), []);
  return (
    <div style={{ position: "absolute", inset: 0 }}>
      <Canvas
        dpr={[1, 2]}
        frameloop="demand"
        camera={{ position: [0, 1.6, hall.maxZ - 1.2], fov: 60, near: 0.05, far: 200 }}
        aria-label="Empty gallery hall"
        onCreated={adaptToRenderer}
      >
        <GalleryEnvironment />
        <Hall hall={hall} items={items} />
        {items.map(({ id, placement, footprint }) => (
          <group key={id} position={placement.position} rotation-y={placement.rotationY}>
            <Plinth footprint={footprint} />
          </group>
        ))}
        <DriftCamera hall={hall} />
      </Canvas>
    </div>
  );
}
