// SPZ (Niantic's compressed splat format), written at version 3 — Spark reads versions 1–3, and v4 (zstd) not
// at all — and read at versions 2 and 3 (to check what we write, and for tests). The file is the gzip of:
//   header (16 bytes, little-endian): magic "NGSP" (0x5053474e), version, numPoints (u32), shDegree,
//     fractionalBits, flags, reserved (u8 each)
//   positions  numPoints × 3 × 24-bit signed fixed point (1 / 2^fractionalBits units)
//   alphas     numPoints × u8: sigmoid(opacity) · 255
//   colours    numPoints × 3 × u8: f_dc · (0.15 · 255) + 127.5
//   scales     numPoints × 3 × u8: (log scale + 10) · 16
//   rotations  v3: numPoints × u32 "smallest three" (2 bits: index of the largest component; three 10-bit
//              fields, sign bit + 9-bit magnitude scaled by √½); v2: numPoints × 3 × u8 of x y z (w ≥ 0 implied)
//   sh         numPoints × K × 3 (coefficient-major, rgb inside), quantised with 5 bits for degree 1, 4 above
// Quaternions in SPZ are x y z w; in our clouds (as in the PLY) w comes first.
import { gunzipSync, gzipSync } from "fflate";
import { allocateCloud, logit, shCoefficients, sigmoid, type SplatCloud } from "./cloud";
import { InvalidSplatError } from "./errors";

export const SPZ_MAGIC = 0x5053474e;
const HEADER_BYTES = 16;
const COLOR_SCALE = 0.15;
const SQRT1_2 = Math.SQRT1_2;

export interface SpzOptions {
  /** Position precision: 1 / 2^fractionalBits units (default 12: a quarter of a millimetre on a 1.6 m exhibit). */
  fractionalBits?: number;
  /** Highest SH degree to keep (default: all the cloud has). */
  maxSh?: number;
  /** gzip level (default 9: the file is written once and downloaded by every visitor). */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

const toByte = (x: number) => Math.min(255, Math.max(0, Math.round(x)));

/** The cloud as an SPZ v3 file. Throws RangeError when a position does not fit 24-bit fixed point. */
export function writeSpz(cloud: SplatCloud, opts: SpzOptions = {}): Uint8Array {
  const n = cloud.count;
  const fractionalBits = opts.fractionalBits ?? 12;
  const shDegree = Math.min(cloud.sh?.degree ?? 0, opts.maxSh ?? 3);
  const k = shCoefficients(shDegree);
  const kIn = cloud.sh ? shCoefficients(cloud.sh.degree) : 0;
  const raw = new Uint8Array(HEADER_BYTES + n * (9 + 1 + 3 + 3 + 4 + k * 3));
  const view = new DataView(raw.buffer);
  view.setUint32(0, SPZ_MAGIC, true);
  view.setUint32(4, 3, true);
  view.setUint32(8, n, true);
  raw[12] = shDegree;
  raw[13] = fractionalBits;
  raw[14] = 0; // flags: not antialiased
  raw[15] = 0;

  let o = HEADER_BYTES;
  const unit = 2 ** fractionalBits;
  const limit = 2 ** 23;
  for (let i = 0; i < n * 3; i++) {
    const fixed = Math.round(cloud.positions[i]! * unit);
    if (!(fixed > -limit && fixed < limit)) throw new RangeError(`position ${cloud.positions[i]} does not fit SPZ's 24-bit fixed point at ${fractionalBits} fractional bits`);
    raw[o++] = fixed & 0xff;
    raw[o++] = (fixed >> 8) & 0xff;
    raw[o++] = (fixed >> 16) & 0xff;
  }
  for (let i = 0; i < n; i++) raw[o++] = toByte(sigmoid(cloud.opacities[i]!) * 255);
  for (let i = 0; i < n * 3; i++) raw[o++] = toByte(cloud.colors[i]! * (COLOR_SCALE * 255) + 0.5 * 255);
  for (let i = 0; i < n * 3; i++) raw[o++] = toByte((cloud.scales[i]! + 10) * 16);
  for (let i = 0; i < n; i++) {
    const r = cloud.rotations;
    const packed = packSmallestThree(r[i * 4 + 1]!, r[i * 4 + 2]!, r[i * 4 + 3]!, r[i * 4]!);
    view.setUint32(o, packed, true);
    o += 4;
  }
  if (k) {
    const sh = cloud.sh!.coefficients;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < k; j++) {
        const bucket = j < 3 ? 8 : 16; // 5 bits for degree 1, 4 bits above
        for (let c = 0; c < 3; c++) raw[o++] = quantizeSh(sh[i * 3 * kIn + c * kIn + j]!, bucket);
      }
    }
  }
  return gzipSync(raw, { level: opts.level ?? 9, mtime: 0 });
}

function quantizeSh(x: number, bucket: number): number {
  const q = Math.round(x * 128 + 128);
  return Math.min(255, Math.max(0, Math.floor((q + bucket / 2) / bucket) * bucket));
}

/** x y z w (any length, any sign) → SPZ v3's 32-bit smallest-three code of the normalised quaternion. */
export function packSmallestThree(x: number, y: number, z: number, w: number): number {
  let q = [x, y, z, w];
  const norm = Math.hypot(x, y, z, w);
  q = norm > 0 ? q.map((v) => v / norm) : [0, 0, 0, 1];
  let largest = 0;
  for (let i = 1; i < 4; i++) if (Math.abs(q[i]!) > Math.abs(q[largest]!)) largest = i;
  const negate = q[largest]! < 0;
  let comp = largest;
  for (let i = 0; i < 4; i++) {
    if (i === largest) continue;
    const negbit = (q[i]! < 0) !== negate ? 1 : 0;
    const mag = Math.min(511, Math.floor(511 * (Math.abs(q[i]!) / SQRT1_2) + 0.5));
    comp = ((comp << 10) | (negbit << 9) | mag) >>> 0;
  }
  return comp >>> 0;
}

/** The inverse of packSmallestThree: x y z w, normalised, the largest component positive. */
export function unpackSmallestThree(comp: number): [number, number, number, number] {
  const q = [0, 0, 0, 0];
  const largest = comp >>> 30;
  let rest = comp >>> 0;
  let sum = 0;
  for (let i = 3; i >= 0; i--) {
    if (i === largest) continue;
    const mag = rest & 511;
    const neg = (rest >>> 9) & 1;
    rest >>>= 10;
    q[i] = (SQRT1_2 * mag) / 511 * (neg ? -1 : 1);
    sum += q[i]! * q[i]!;
  }
  q[largest] = Math.sqrt(Math.max(0, 1 - sum));
  return q as [number, number, number, number];
}

export interface SpzInfo {
  version: number;
  count: number;
  shDegree: number;
  fractionalBits: number;
  flags: number;
}

/** Reads an SPZ of version 2 or 3 into a cloud (logit opacities, log scales, w-first quaternions). */
export function readSpz(bytes: Uint8Array, opts: { maxGaussians?: number } = {}): { cloud: SplatCloud; info: SpzInfo } {
  let raw: Uint8Array;
  try {
    raw = gunzipSync(bytes);
  } catch {
    throw new InvalidSplatError("not an SPZ file: the bytes are not gzip");
  }
  if (raw.length < HEADER_BYTES) throw new InvalidSplatError("the SPZ is too short for its header");
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  if (view.getUint32(0, true) !== SPZ_MAGIC) throw new InvalidSplatError("not an SPZ file: no NGSP magic");
  const info: SpzInfo = { version: view.getUint32(4, true), count: view.getUint32(8, true), shDegree: raw[12]!, fractionalBits: raw[13]!, flags: raw[14]! };
  if (info.version !== 2 && info.version !== 3) throw new InvalidSplatError(`SPZ version ${info.version} is not read (2 and 3 are)`);
  if (info.shDegree > 3) throw new InvalidSplatError(`SPZ SH degree ${info.shDegree} is out of range`);
  const n = info.count;
  if (opts.maxGaussians !== undefined && n > opts.maxGaussians) throw new InvalidSplatError(`the SPZ has ${n} Gaussians, over the ${opts.maxGaussians} limit`);
  const k = shCoefficients(info.shDegree);
  const rotationBytes = info.version === 3 ? 4 : 3;
  const expected = HEADER_BYTES + n * (9 + 1 + 3 + 3 + rotationBytes + k * 3);
  if (raw.length !== expected) throw new InvalidSplatError(`the SPZ holds ${raw.length} bytes where ${expected} are expected`);

  const cloud = allocateCloud(n, info.shDegree as 0 | 1 | 2 | 3);
  let o = HEADER_BYTES;
  const unit = 2 ** info.fractionalBits;
  for (let i = 0; i < n * 3; i++, o += 3) {
    let fixed = raw[o]! | (raw[o + 1]! << 8) | (raw[o + 2]! << 16);
    if (fixed & 0x800000) fixed -= 0x1000000;
    cloud.positions[i] = fixed / unit;
  }
  for (let i = 0; i < n; i++) cloud.opacities[i] = logit(raw[o++]! / 255);
  for (let i = 0; i < n * 3; i++) cloud.colors[i] = (raw[o++]! / 255 - 0.5) / COLOR_SCALE;
  for (let i = 0; i < n * 3; i++) cloud.scales[i] = raw[o++]! / 16 - 10;
  for (let i = 0; i < n; i++) {
    let x: number, y: number, z: number, w: number;
    if (info.version === 3) {
      [x, y, z, w] = unpackSmallestThree(view.getUint32(o, true));
      o += 4;
    } else {
      x = raw[o++]! / 127.5 - 1;
      y = raw[o++]! / 127.5 - 1;
      z = raw[o++]! / 127.5 - 1;
      w = Math.sqrt(Math.max(0, 1 - x * x - y * y - z * z));
    }
    cloud.rotations.set([w, x, y, z], i * 4);
  }
  if (k) {
    const sh = cloud.sh!.coefficients;
    for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) for (let c = 0; c < 3; c++) sh[i * 3 * k + c * k + j] = (raw[o++]! - 128) / 128;
  }
  return { cloud, info };
}
