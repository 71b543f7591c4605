// Files an upload must refuse, shared by the unit test and the e2e test.
import { makeZUpBoxGlb } from "@/lib/models/testing/fixtures";

/** A valid GLB cut in half: its header still promises the full length. */
export async function truncatedGlb(): Promise<Uint8Array> {
  const glb = await makeZUpBoxGlb([64, 64]);
  return glb.subarray(0, Math.floor(glb.byteLength / 2));
}

/** A PNG whose header claims width × height pixels (a decompression bomb's header), with no pixels after it. */
export function hugePngHeader(width: number, height: number): Uint8Array {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const dv = new DataView(b.buffer);
  dv.setUint32(16, width);
  dv.setUint32(20, height);
  b.set([8, 6, 0, 0, 0], 24); // 8-bit RGBA, no interlace; the CRC after it is left zero
  return b;
}
