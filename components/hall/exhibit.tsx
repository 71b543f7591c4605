"use client";
// One exhibit: plinth, plaque and what stands on it (the model — a mesh, or a Gaussian splat drawn by the hall's
// SparkRenderer — a placeholder while it is made or loads, or a failure marker). Three draw calls when the model
// is a single mesh.
import type { ThreeEvent } from "@react-three/fiber";
import { memo, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import * as THREE from "three";
import { fitPlinth, type ArrangedExhibit } from "@/lib/layout/layout";
import type { ExhibitView } from "@/lib/contracts/gallery-view";
import { ExhibitModel } from "./exhibit-model";
import { ModelErrorBoundary } from "./model-error-boundary";
import { Placeholder } from "./placeholder";
import { Plaque } from "./plaque";
import { plaqueContent } from "./plaque-text";
import { Plinth } from "./plinth";
import { SplatExhibit } from "./splats/splat-exhibit";

export interface ExhibitProps {
  exhibit: ExhibitView;
  item: ArrangedExhibit;
  selected: boolean;
  onSelect(id: string): void;
  onInspect(id: string): void;
  /** The model is in the scene ("ready"), could not be loaded ("failed"), or neither any more (null). */
  onModelState(id: string, state: "ready" | "failed" | null): void;
  /** The group the move gizmo attaches to. */
  register(id: string, group: THREE.Group | null): void;
}

/** Clicks that were really drags (looking around on a touch screen) select nothing. */
const CLICK_SLOP = 6;

const ring = new THREE.RingGeometry(0.93, 1, 64).rotateX(-Math.PI / 2);
const ringMaterial = new THREE.MeshBasicMaterial({ color: "#f2c15c", toneMapped: false, transparent: true, opacity: 0.9, depthWrite: false });

export const Exhibit = memo(function Exhibit({ exhibit, item, selected, onSelect, onInspect, onModelState, register }: ExhibitProps) {
  const { id, status, modelUrl } = exhibit;
  const { footprint, placement } = item;
  const [loadError, setLoadError] = useState<{ url: string; message: string } | null>(null);
  const error = loadError && loadError.url === modelUrl ? loadError.message : null;
  const content = plaqueContent(exhibit, error);

  // The plinth fits the model once its real extent is known (a tower needs less base than an arch).
  const [modelSize, setModelSize] = useState<{ width: number; depth: number } | null>(null);
  const ready = useCallback(
    (size: { width: number; depth: number } | null) => {
      setModelSize(size);
      onModelState(id, size ? "ready" : null);
    },
    [id, onModelState],
  );
  const plinth = useMemo(() => fitPlinth(footprint, modelSize, placement.scale), [footprint, modelSize, placement.scale]);
  useEffect(() => {
    if (!error) return;
    onModelState(id, "failed");
    return () => onModelState(id, null);
  }, [error, id, onModelState]);
  const groupRef = useCallback((g: THREE.Group | null) => register(id, g), [id, register]);
  const onError = useCallback((message: string) => modelUrl && setLoadError({ url: modelUrl, message }), [modelUrl]);
  const handlers = useMemo(
    () => ({
      onClick(e: ThreeEvent<MouseEvent>) {
        e.stopPropagation();
        // Under pointer lock the walker picks what is under the crosshair instead.
        if (document.pointerLockElement || e.delta > CLICK_SLOP) return;
        onSelect(id);
      },
      onDoubleClick(e: ThreeEvent<MouseEvent>) {
        e.stopPropagation();
        if (!document.pointerLockElement) onInspect(id);
      },
      onPointerOver(e: ThreeEvent<PointerEvent>) {
        e.stopPropagation();
        document.body.style.cursor = "pointer";
      },
      onPointerOut() {
        document.body.style.cursor = "";
      },
    }),
    [id, onSelect, onInspect],
  );
  useEffect(() => () => void (document.body.style.cursor = ""), []);

  const top = footprint.plinthHeight;
  const showModel = status === "ready" && modelUrl && !error;
  return (
    <group
      ref={groupRef}
      position={placement.position}
      rotation-y={placement.rotationY}
      userData={{ exhibitId: id }}
      {...handlers}
    >
      <Plinth footprint={plinth} />
      <Plaque content={content} footprint={plinth} />
      {selected && <mesh geometry={ring} material={ringMaterial} scale={plinth.plinthSide * 0.72 + 0.15} position-y={0.004} />}
      <group position-y={top} scale={placement.scale}>
        {showModel && exhibit.kind === "splat" ? (
          <SplatExhibit key={modelUrl} url={modelUrl} imageUrl={exhibit.imageUrl} height={exhibit.height} onReady={ready} onError={onError} />
        ) : showModel ? (
          <ModelErrorBoundary key={modelUrl} onError={onError} fallback={<Placeholder kind="failed" height={exhibit.height} />}>
            <Suspense fallback={<Placeholder kind="active" height={exhibit.height} />}>
              <ExhibitModel url={modelUrl} height={exhibit.height} onReady={ready} />
            </Suspense>
          </ModelErrorBoundary>
        ) : (
          <Placeholder kind={status === "failed" || error ? "failed" : status === "planned" ? "pending" : "active"} height={exhibit.height} />
        )}
      </group>
    </group>
  );
});
