"use client";
// Gaussian splats in the hall, through Spark (@sparkjsdev/spark). This module is only ever loaded lazily, when a
// gallery has a splat exhibit (splat-exhibit.tsx): Spark is 2.8 MB with its WebAssembly inlined, and galleries of
// meshes never pay for it. One SparkRenderer for the whole hall sorts every splat exhibit together and draws them
// in three's transparent pass, depth-tested against the meshes, so meshes and splats occlude each other properly.
// Spark's sort runs in a worker started from a blob: URL and its WebAssembly is compiled in the page: the CSP
// allows both (lib/security/headers.mjs: worker-src blob:, 'wasm-unsafe-eval').
import { extend, useFrame, useThree, type ThreeElement } from "@react-three/fiber";
import { SparkRenderer, SplatMesh } from "@sparkjsdev/spark";
import { useEffect, useMemo, useRef, useState } from "react";
import type * as THREE from "three";
import { fitBox, type BoxFit } from "../fit-model";
import { describeLoadError } from "../model-error-boundary";
import { useSoftwareRenderer } from "../render-quality";
import { deviceFacts, splatBudget, type SplatBudget } from "./splat-budget";

extend({ SparkRenderer });

declare module "@react-three/fiber" {
  interface ThreeElements {
    sparkRenderer: ThreeElement<typeof SparkRenderer>;
  }
}

function useSplatBudget(): SplatBudget {
  const software = useSoftwareRenderer();
  return useMemo(() => splatBudget(deviceFacts(software)), [software]);
}

/** The renderer's own mesh is a full-screen instanced quad: it must never be what a click or the crosshair hits. */
const noRaycast = () => {};

/** The hall's one SparkRenderer. Spark calls `onDirty` when a sort or LoD update lands: under frameloop="demand"
 * that is when a new frame is worth drawing. */
export function SparkLayer() {
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const budget = useSplatBudget();
  const args = useMemo(
    () => [{ renderer: gl, onDirty: () => invalidate(), maxStdDev: budget.maxStdDev, lodSplatCount: budget.lodSplatCount }] as const,
    [gl, invalidate, budget],
  );
  return <sparkRenderer args={args} raycast={noRaycast} />;
}

function findSpark(scene: THREE.Scene): SparkRenderer | null {
  for (const child of scene.children) if (child instanceof SparkRenderer) return child;
  return null;
}

/** Drawn: the renderer's displayed sort includes this mesh's Gaussians. */
function isDrawn(spark: SparkRenderer | null, mesh: SplatMesh): boolean {
  return !!spark && spark.activeSplats > 0 && spark.display.mapping.some((m) => m.node === mesh && m.count > 0);
}

interface SplatModelProps {
  url: string;
  height: number;
  /** The first frame that shows the splat, with its fitted floor extent (to size the plinth); null when it leaves. */
  onShown(size: { width: number; depth: number } | null): void;
  onError(message: string): void;
}

/**
 * One splat exhibit. Served splats are already upright, centred on the plinth and scaled to the exhibit's height;
 * one that is not is refitted from its Gaussians' bounds, as meshes are. Until the renderer's sort first includes
 * it (about ten renders after loading: the sort runs in a worker), frames are requested every frame: under
 * frameloop="demand" an `invalidate()` at load time alone would leave it unseen.
 */
export function SplatModel({ url, height, onShown, onError }: SplatModelProps) {
  const scene = useThree((s) => s.scene);
  const invalidate = useThree((s) => s.invalidate);
  const budget = useSplatBudget();
  // Made in the effect, not during render: a remount (Strict Mode, Suspense) must not reuse a disposed mesh.
  const [loaded, setLoaded] = useState<{ mesh: SplatMesh; fit: BoxFit; key: string } | null>(null);
  const key = `${url}|${height}|${budget.lodAbove}`;
  const shown = useRef(false);
  const callbacks = useRef({ onShown, onError });
  useEffect(() => {
    callbacks.current = { onShown, onError };
  });

  useEffect(() => {
    let live = true;
    // Absolute: Spark fetches in its worker, where a root-relative URL has no base.
    const mesh = new SplatMesh({ url: new URL(url, window.location.href).href, raycastable: false, lod: true, lodAbove: budget.lodAbove });
    mesh.initialized.then(
      () => {
        if (!live) return;
        setLoaded({ mesh, fit: fitBox(mesh.getBoundingBox(true), height), key });
        invalidate();
      },
      (err: unknown) => live && callbacks.current.onError(describeLoadError(err)),
    );
    return () => {
      live = false;
      if (shown.current) callbacks.current.onShown(null);
      shown.current = false;
      mesh.dispose();
    };
  }, [url, height, budget.lodAbove, key, invalidate]);

  const current = loaded?.key === key ? loaded : null;
  useFrame(() => {
    if (shown.current || !current) return;
    if (isDrawn(findSpark(scene), current.mesh)) {
      shown.current = true;
      callbacks.current.onShown({ width: current.fit.width, depth: current.fit.depth });
    }
    invalidate();
  });

  if (!current) return null;
  return (
    <group position={current.fit.offset} scale={current.fit.scale}>
      <primitive object={current.mesh} dispose={null} />
    </group>
  );
}
