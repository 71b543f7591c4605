// The `.splat` format (antimatter15's WebGL viewer; Spark reads it by extension): 32 bytes a Gaussian, no header —
// position (3 × float32), scale (3 × float32, linear), colour and opacity (4 × uint8), rotation (4 × uint8,
// w x y z, each q·128 + 128). Base colour only. TripoSplat offers it beside `.ply`; so does the built-in Space.
import { SH_C0, sigmoid, type SplatCloud } from "./cloud";

const toByte = (x: number) => Math.min(255, Math.max(0, Math.round(x)));

export function writeSplatFile(cloud: SplatCloud): Uint8Array {
  const out = new Uint8Array(cloud.count * 32);
  const view = new DataView(out.buffer);
  for (let i = 0; i < cloud.count; i++) {
    const o = i * 32;
    for (let a = 0; a < 3; a++) {
      view.setFloat32(o + a * 4, cloud.positions[i * 3 + a]!, true);
      view.setFloat32(o + 12 + a * 4, Math.exp(cloud.scales[i * 3 + a]!), true);
      out[o + 24 + a] = toByte((0.5 + SH_C0 * cloud.colors[i * 3 + a]!) * 255);
    }
    out[o + 27] = toByte(sigmoid(cloud.opacities[i]!) * 255);
    const r = cloud.rotations.subarray(i * 4, i * 4 + 4);
    const n = Math.hypot(r[0]!, r[1]!, r[2]!, r[3]!) || 1;
    for (let a = 0; a < 4; a++) out[o + 28 + a] = toByte((r[a]! / n) * 128 + 128);
  }
  return out;
}
