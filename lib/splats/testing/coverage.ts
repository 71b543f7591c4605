// Tests only: what a splat covers seen from the front, orthographically along z — the splat's counterpart of
// the mesh Spaces' frontSilhouette. Each Gaussian's footprint is its covariance projected onto the xy plane;
// coverage composites them (1 − Π(1 − αᵢ)), and a pixel counts as covered past one half.
import { sigmoid, type SplatCloud } from "../cloud";

export interface FrontView {
  width: number;
  height: number;
  /** From the splat's (x, y) to pixel coordinates (x right, y down, in pixel-edge units). */
  toPixel(x: number, y: number): [number, number];
  /** Pixels per unit of the splat. */
  pixelsPerUnit: number;
}

export function frontCoverage(cloud: SplatCloud, view: FrontView): Uint8Array {
  const { width, height } = view;
  const transmit = new Float32Array(width * height).fill(1);
  const k = view.pixelsPerUnit;
  for (let i = 0; i < cloud.count; i++) {
    const [w, x, y, z] = Array.from(cloud.rotations.subarray(i * 4, i * 4 + 4));
    const l = Math.hypot(w!, x!, y!, z!) || 1;
    const [qw, qx, qy, qz] = [w! / l, x! / l, y! / l, z! / l];
    // Rotation matrix rows for the x and y outputs.
    const r00 = 1 - 2 * (qy * qy + qz * qz), r01 = 2 * (qx * qy - qw * qz), r02 = 2 * (qx * qz + qw * qy);
    const r10 = 2 * (qx * qy + qw * qz), r11 = 1 - 2 * (qx * qx + qz * qz), r12 = 2 * (qy * qz - qw * qx);
    const s = [0, 1, 2].map((a) => (Math.exp(cloud.scales[i * 3 + a]!) * k) ** 2);
    const sxx = r00 * r00 * s[0]! + r01 * r01 * s[1]! + r02 * r02 * s[2]!;
    const syy = r10 * r10 * s[0]! + r11 * r11 * s[1]! + r12 * r12 * s[2]!;
    const sxy = r00 * r10 * s[0]! + r01 * r11 * s[1]! + r02 * r12 * s[2]!;
    const det = sxx * syy - sxy * sxy;
    if (!(det > 1e-12)) continue;
    const [ixx, iyy, ixy] = [syy / det, sxx / det, -sxy / det];
    const alpha = sigmoid(cloud.opacities[i]!);
    const [cx, cy] = view.toPixel(cloud.positions[i * 3]!, cloud.positions[i * 3 + 1]!);
    const rx = 3 * Math.sqrt(sxx);
    const ry = 3 * Math.sqrt(syy);
    const x0 = Math.max(0, Math.floor(cx - rx)), x1 = Math.min(width - 1, Math.ceil(cx + rx));
    const y0 = Math.max(0, Math.floor(cy - ry)), y1 = Math.min(height - 1, Math.ceil(cy + ry));
    for (let py = y0; py <= y1; py++) {
      const dy = py + 0.5 - cy;
      for (let px = x0; px <= x1; px++) {
        const dx = px + 0.5 - cx;
        const e = 0.5 * (ixx * dx * dx + 2 * ixy * dx * dy + iyy * dy * dy);
        if (e > 4.5) continue;
        transmit[py * width + px]! *= 1 - alpha * Math.exp(-e);
      }
    }
  }
  return Uint8Array.from(transmit, (t) => (1 - t > 0.5 ? 1 : 0));
}

export function iou(a: Uint8Array, b: Uint8Array): number {
  let both = 0;
  let either = 0;
  for (let i = 0; i < a.length; i++) {
    both += a[i]! & b[i]!;
    either += a[i]! | b[i]!;
  }
  return either ? both / either : 0;
}
