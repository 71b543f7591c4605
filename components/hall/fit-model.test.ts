import { describe, expect, it } from "vitest";
import * as THREE from "three";
import { fitModel } from "./fit-model";

function boxModel(w: number, h: number, at: [number, number, number]) {
  const mesh = new THREE.Mesh(new THREE.BoxGeometry(w, h, w));
  mesh.position.set(...at);
  const root = new THREE.Group();
  root.add(mesh);
  return root;
}

function bounds(o: THREE.Object3D) {
  o.updateMatrixWorld(true);
  return new THREE.Box3().setFromObject(o);
}

describe("fitModel", () => {
  it("leaves a normalised model alone", () => {
    const m = boxModel(1, 1.2, [0, 0.6, 0]);
    expect(fitModel(m, 1.2)).toEqual({ object: m, width: 1, depth: 1 });
  });

  it("rescales and re-seats a model of the wrong size, off the floor and off centre", () => {
    const m = boxModel(40, 100, [30, 80, -12]);
    const fitted = fitModel(m, 1.5);
    expect(fitted.width).toBeCloseTo(0.6);
    const b = bounds(fitted.object);
    expect(b.max.y - b.min.y).toBeCloseTo(1.5);
    expect(b.min.y).toBeCloseTo(0);
    expect((b.min.x + b.max.x) / 2).toBeCloseTo(0);
    expect((b.min.z + b.max.z) / 2).toBeCloseTo(0);
  });

  it("only re-seats a model of the right size that sinks into the plinth", () => {
    const b = bounds(fitModel(boxModel(1, 1, [0, 0, 0]), 1).object);
    expect(b.min.y).toBeCloseTo(0);
    expect(b.max.y).toBeCloseTo(1);
  });

  it("tolerates an empty scene", () => {
    const g = new THREE.Group();
    expect(fitModel(g, 1)).toEqual({ object: g, width: 0, depth: 0 });
  });
});
