"use client";
// The exhibit's GLB. Draco is decoded with the decoder shipped in public/draco (drei's default is a CDN, which
// offline hangs without ever erroring); meshopt's decoder is built in.
import { useGLTF } from "@react-three/drei";
import { useEffect, useMemo } from "react";
import { fitModel } from "./fit-model";
import { releaseModel, retainModel } from "./model-cache";

export const DRACO_PATH = "/draco/";

interface ExhibitModelProps {
  url: string;
  height: number;
  /** In the scene (with its fitted floor extent, to size the plinth), or gone again. */
  onReady(size: { width: number; depth: number } | null): void;
}

export function ExhibitModel({ url, height, onReady }: ExhibitModelProps) {
  const { scene } = useGLTF(url, DRACO_PATH);
  // A clone per exhibit: two exhibits may share a model file, and one Object3D can only have one parent.
  // Geometry and materials stay shared with the loader's cache.
  const fitted = useMemo(() => fitModel(scene.clone(true), height), [scene, height]);
  useEffect(() => {
    retainModel(url, scene);
    return () => releaseModel(url);
  }, [url, scene]);
  useEffect(() => {
    onReady({ width: fitted.width, depth: fitted.depth });
    return () => onReady(null);
  }, [onReady, fitted]);
  return <primitive object={fitted.object} dispose={null} />;
}
