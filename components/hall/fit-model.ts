// Models should arrive normalised (height ≈ exhibit height, resting on y = 0, centred). A model that does not —
// an old asset, a Space that changed its output — is refitted here rather than floating or swallowing the hall.
// Meshes and splats share the rule (`fitBox`); a splat's box comes from its Gaussians' centres.
import * as THREE from "three";

const box = new THREE.Box3();

export interface FittedModel {
  /** The object itself when it was already normalised, otherwise a group that scales and recentres it. */
  object: THREE.Object3D;
  /** Extent on the floor after fitting (x across, z front to back), so the plinth can be sized to it. */
  width: number;
  depth: number;
}

export interface BoxFit {
  /** Already normalised: leave it as it is. */
  normalised: boolean;
  scale: number;
  /** Translation applied after scaling. */
  offset: [number, number, number];
  width: number;
  depth: number;
}

/** How to scale and move something with bounds `b` so it stands on y = 0, centred, about `expectedHeight` tall. */
export function fitBox(b: THREE.Box3, expectedHeight: number): BoxFit {
  if (b.isEmpty()) return { normalised: true, scale: 1, offset: [0, 0, 0], width: 0, depth: 0 };
  const s = b.getSize(new THREE.Vector3());
  const c = b.getCenter(new THREE.Vector3());
  const h = s.y;
  const tolerance = Math.max(0.02, expectedHeight * 0.05);
  const ratio = h / expectedHeight;
  const normalised = ratio > 0.67 && ratio < 1.5 && Math.abs(b.min.y) < tolerance && Math.abs(c.x) < tolerance * 2 && Math.abs(c.z) < tolerance * 2;
  if (normalised) return { normalised, scale: 1, offset: [0, 0, 0], width: s.x, depth: s.z };
  const scale = h > 1e-6 && (ratio <= 0.67 || ratio >= 1.5) ? expectedHeight / h : 1;
  return { normalised, scale, offset: [-c.x * scale, -b.min.y * scale, -c.z * scale], width: s.x * scale, depth: s.z * scale };
}

export function fitModel(object: THREE.Object3D, expectedHeight: number): FittedModel {
  object.updateMatrixWorld(true);
  box.setFromObject(object);
  const fit = fitBox(box, expectedHeight);
  if (fit.normalised) return { object, width: fit.width, depth: fit.depth };
  const wrapper = new THREE.Group();
  object.position.set(...fit.offset);
  object.scale.multiplyScalar(fit.scale);
  wrapper.add(object);
  return { object: wrapper, width: fit.width, depth: fit.depth };
}
