// GPU memory for models that left the hall. useGLTF caches every file it loaded for the page's lifetime; after a
// regenerate or a swap the old version would keep its geometry and textures on the GPU. Exhibits retain the
// file they show; a file nobody has shown for a grace period is dropped from the cache and its GPU resources freed.
// The grace period covers remounts (Strict Mode, Suspense, a quick swap back).
import { useGLTF } from "@react-three/drei";
import type * as THREE from "three";

const GRACE_MS = 10_000;

interface Entry {
  count: number;
  root: THREE.Object3D;
  timer: ReturnType<typeof setTimeout> | null;
}

const entries = new Map<string, Entry>();

export function retainModel(url: string, root: THREE.Object3D) {
  const entry = entries.get(url);
  if (entry) {
    entry.count++;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
  } else entries.set(url, { count: 1, root, timer: null });
}

export function releaseModel(url: string, dispose: (url: string, root: THREE.Object3D) => void = forget) {
  const entry = entries.get(url);
  if (!entry || --entry.count > 0) return;
  entry.timer = setTimeout(() => {
    entries.delete(url);
    dispose(url, entry.root);
  }, GRACE_MS);
}

function forget(url: string, root: THREE.Object3D) {
  useGLTF.clear(url);
  disposeObject(root);
}

/** Frees the geometry, materials and textures under root. */
export function disposeObject(root: THREE.Object3D) {
  root.traverse((o) => {
    const mesh = o as THREE.Mesh;
    if (!mesh.isMesh) return;
    mesh.geometry.dispose();
    for (const material of Array.isArray(mesh.material) ? mesh.material : [mesh.material]) {
      for (const value of Object.values(material)) if ((value as THREE.Texture | null)?.isTexture) (value as THREE.Texture).dispose();
      material.dispose();
    }
  });
}
