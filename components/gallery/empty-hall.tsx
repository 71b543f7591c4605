"use client";

import { Canvas } from "@react-three/fiber";
import { useMemo } from "react";
import { arrangeGallery } from "@/lib/gallery/layout";
import { GalleryEnvironment } from "./gallery-environment";
import { DriftCamera } from "./drift-camera";
import { Hall } from "./hall";

/** The home page's preview: the gallery hall, empty and waiting. */
export function EmptyHall() {
  const { hall } = useMemo(() => arrangeGallery([]), []);
  return (
    <div style={{ position: "absolute", inset: 0 }}>
      <Canvas dpr={[1, 2]} frameloop="demand" camera={{ position: [0, 1.6, 1.8], fov: 60, near: 0.05, far: 200 }} aria-label="Empty gallery hall">
        <GalleryEnvironment />
        <Hall hall={hall} />
        <DriftCamera hall={hall} />
      </Canvas>
    </div>
  );
}
