// Models should arrive normalised (height ≈ exhibit height, resting on y = 0, centred). A model that does not —
// an old asset, a Space that changed its output — is refitted here rather than floating or swallowing the hall.
import * as THREE from "three";

const box = new THREE.Box3();
const size = new THREE.Vector3();
const centre = new THREE.Vector3();

export interface FittedModel {
  /** The object itself when it was already normalised, otherwise a group that scales and recentres it. */
  object: THREE.Object3D;
  /** Extent on the floor after fitting (x across, z front to back), so the plinth can be sized to it. */
  width: number;
  depth: number;
}

export function fitModel(object: THREE.Object3D, expectedHeight: number): FittedModel {
  object.updateMatrixWorld(true);
  box.setFromObject(object);
  if (box.isEmpty()) return { object, width: 0, depth: 0 };
  box.getSize(size);
  box.getCenter(centre);
  const h = size.y;
  const tolerance = Math.max(0.02, expectedHeight * 0.05);
  const ratio = h / expectedHeight;
  const normalised =
    ratio > 0.67 && ratio < 1.5 && Math.abs(box.min.y) < tolerance && Math.abs(centre.x) < tolerance * 2 && Math.abs(centre.z) < tolerance * 2;
  if (normalised) return { object, width: size.x, depth: size.z };
  const scale = h > 1e-6 && (ratio <= 0.67 || ratio >= 1.5) ? expectedHeight / h : 1;
  const wrapper = new THREE.Group();
  object.position.set(-centre.x * scale, -box.min.y * scale, -centre.z * scale);
  object.scale.multiplyScalar(scale);
  wrapper.add(object);
  return { object: wrapper, width: size.x * scale, depth: size.z * scale };
}
