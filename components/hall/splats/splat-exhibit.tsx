"use client";
// A splat exhibit on its plinth: the exhibit's picture stands in while Spark's code and the splat stream in, then
// the splat itself. Spark is imported here only lazily (React.lazy inside the canvas), so a gallery without splats
// never downloads it; `SparkLayer` is mounted once per hall by the scene when any exhibit is a splat.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import * as THREE from "three";
import { ModelErrorBoundary } from "../model-error-boundary";
import { Placeholder } from "../placeholder";

const loadSpark = () => import("./spark");
const SplatModel = lazy(() => loadSpark().then((m) => ({ default: m.SplatModel })));
export const SparkLayer = lazy(() => loadSpark().then((m) => ({ default: m.SparkLayer })));

interface SplatExhibitProps {
  url: string;
  imageUrl: string | null;
  height: number;
  onReady(size: { width: number; depth: number } | null): void;
  onError(message: string): void;
}

export function SplatExhibit({ url, imageUrl, height, onReady, onError }: SplatExhibitProps) {
  const [size, setSize] = useState<{ width: number; depth: number } | null>(null);
  const onShown = useCallback(
    (s: { width: number; depth: number } | null) => {
      setSize(s);
      onReady(s);
    },
    [onReady],
  );
  const waiting = imageUrl ? <PicturePlaceholder url={imageUrl} height={height} /> : <Placeholder kind="active" height={height} />;
  return (
    <>
      {size ? (
        // What clicks and the crosshair hit: Gaussians have no surface to raycast cheaply.
        <mesh visible={false} position-y={height / 2} scale={[Math.max(size.width, 0.2), height, Math.max(size.depth, 0.2)]} geometry={unitBox} />
      ) : (
        waiting
      )}
      <ModelErrorBoundary onError={onError} fallback={null}>
        <Suspense fallback={null}>
          <SplatModel url={url} height={height} onShown={onShown} onError={onError} />
        </Suspense>
      </ModelErrorBoundary>
    </>
  );
}

const unitBox = new THREE.BoxGeometry(1, 1, 1);
const pictureGeometry = new THREE.PlaneGeometry(1, 1);

/** The exhibit's picture on the plinth, as tall as the exhibit will be, facing the visitor. */
function PicturePlaceholder({ url, height }: { url: string; height: number }) {
  const [texture, setTexture] = useState<THREE.Texture | null>(null);
  useEffect(() => {
    let live = true;
    let loaded: THREE.Texture | null = null;
    new THREE.TextureLoader().load(
      url,
      (t) => {
        t.colorSpace = THREE.SRGBColorSpace;
        loaded = t;
        if (live) setTexture(t);
        else t.dispose();
      },
      undefined,
      // No picture: the wireframe stays.
      () => undefined,
    );
    return () => {
      live = false;
      loaded?.dispose();
    };
  }, [url]);
  const material = useMemo(
    () => (texture ? new THREE.MeshBasicMaterial({ map: texture, transparent: true, opacity: 0.85, side: THREE.DoubleSide, toneMapped: false }) : null),
    [texture],
  );
  useEffect(() => () => material?.dispose(), [material]);
  if (!texture || !material) return <Placeholder kind="active" height={height} />;
  const image = texture.image as { width: number; height: number };
  const aspect = image.width / Math.max(1, image.height);
  const h = height;
  return <mesh geometry={pictureGeometry} material={material} scale={[h * aspect, h, 1]} position-y={h / 2} />;
}
