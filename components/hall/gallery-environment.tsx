"use client";
// Image-based light without a download: a PMREM baked from a tiny stand-in of the hall (warm stone walls, dark
// parquet, a bright skylight strip). It gives the parquet its sheen and keeps metallic models (glTF's default
// metallicFactor is 1) from rendering black.
import { useThree } from "@react-three/fiber";
import { useEffect } from "react";
import * as THREE from "three";

function standIn(): { scene: THREE.Scene; dispose(): void } {
  const scene = new THREE.Scene();
  const geometries: THREE.BufferGeometry[] = [];
  const materials: THREE.Material[] = [];
  const add = (geometry: THREE.BufferGeometry, color: THREE.ColorRepresentation, intensity: number, at: [number, number, number]) => {
    const material = new THREE.MeshBasicMaterial({ color: new THREE.Color(color).multiplyScalar(intensity), side: THREE.BackSide });
    const mesh = new THREE.Mesh(geometry, material);
    mesh.position.set(...at);
    scene.add(mesh);
    geometries.push(geometry);
    materials.push(material);
  };
  add(new THREE.BoxGeometry(10, 6, 30), "#b9a88c", 0.9, [0, 3, 0]);
  const floor = new THREE.PlaneGeometry(10, 30).rotateX(-Math.PI / 2);
  const sky = new THREE.PlaneGeometry(3, 30).rotateX(Math.PI / 2);
  const floorMat = new THREE.MeshBasicMaterial({ color: "#3a2616" });
  const skyMat = new THREE.MeshBasicMaterial({ color: new THREE.Color("#fff3df").multiplyScalar(6) });
  const f = new THREE.Mesh(floor, floorMat);
  f.position.y = 0.01;
  const s = new THREE.Mesh(sky, skyMat);
  s.position.y = 5.95;
  scene.add(f, s);
  geometries.push(floor, sky);
  materials.push(floorMat, skyMat);
  return { scene, dispose: () => [...geometries, ...materials].forEach((x) => x.dispose()) };
}

/** three.js scenes are imperative objects, not React state: this is where the scene's lighting is set. */
function setEnvironment(scene: THREE.Scene, texture: THREE.Texture | null, intensity: number) {
  scene.environment = texture;
  scene.environmentIntensity = intensity;
}

export function GalleryEnvironment({ intensity = 0.6 }: { intensity?: number }) {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    const pmrem = new THREE.PMREMGenerator(gl);
    const room = standIn();
    const target = pmrem.fromScene(room.scene, 0.02, 0.1, 40);
    room.dispose();
    pmrem.dispose();
    setEnvironment(scene, target.texture, intensity);
    invalidate();
    return () => {
      setEnvironment(scene, null, 1);
      target.dispose();
    };
  }, [gl, scene, intensity, invalidate]);
  return null;
}
