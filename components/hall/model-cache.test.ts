import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as THREE from "three";
import { disposeObject, releaseModel, retainModel } from "./model-cache";

describe("model cache", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("frees a model only after its last exhibit let go and the grace period passed", () => {
    const root = new THREE.Group();
    const dispose = vi.fn();
    retainModel("/a.glb", root);
    retainModel("/a.glb", root);
    releaseModel("/a.glb", dispose);
    releaseModel("/a.glb", dispose);
    vi.advanceTimersByTime(9_000);
    expect(dispose).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2_000);
    expect(dispose).toHaveBeenCalledWith("/a.glb", root);
  });

  it("keeps a model shown again within the grace period", () => {
    const root = new THREE.Group();
    const dispose = vi.fn();
    retainModel("/b.glb", root);
    releaseModel("/b.glb", dispose);
    vi.advanceTimersByTime(5_000);
    retainModel("/b.glb", root);
    vi.advanceTimersByTime(20_000);
    expect(dispose).not.toHaveBeenCalled();
  });

  it("disposes geometry, materials and their textures", () => {
    const map = new THREE.Texture();
    const material = new THREE.MeshStandardMaterial({ map });
    const geometry = new THREE.BoxGeometry();
    const root = new THREE.Group().add(new THREE.Mesh(geometry, material));
    const spies = [vi.spyOn(map, "dispose"), vi.spyOn(material, "dispose"), vi.spyOn(geometry, "dispose")];
    disposeObject(root);
    for (const spy of spies) expect(spy).toHaveBeenCalled();
  });
});
