import "server-only";
import sharp from "sharp";
import { allocateCloud, logit, SH_C0, type SplatCloud } from "../../splats/cloud";
import { writeSplatPly } from "../../splats/ply";
import { writeSplatFile } from "../../splats/splat-format";
import { createRng, type Rng } from "../sketch/random";
import { decodeImage, type RgbaImage } from "../shape/decode";
import { ReconstructInputError } from "../shape/errors";
import { analyseSilhouette, type ShapeKind } from "../shape/silhouette";
import { findSubject, type Subject } from "../shape/subject";
import { buildVolume, gradient, sample, type Volume } from "./volume";

// Single-image Gaussian splatting by classical means, shaped like VAST-AI/TripoSplat's output: segment the
// subject (shape/subject.ts), give it a body from its silhouette (volume.ts), cover the body's front, back and
// sides with flat Gaussians lying along the surface and fill its inside with a few round ones, each coloured
// from the picture. Written as TripoSplat writes: a binary 3DGS .ply with base colour only (no f_rest, no
// normals), Y down and Z away from the camera (the OpenCV camera frame: the picture's front faces −Z), at an
// arbitrary scale and centre — which is exactly what the product's preparation (lib/splats) must undo.

/** TripoSplat's choices run from 32,768 to 262,144; ours also makes small splats, for tests and phones. */
export const MIN_GAUSSIANS = 1024;
export const MAX_GAUSSIANS = 262_144;

/** Share of the Gaussians filling the inside (the rest cover the surface). */
const INTERIOR_SHARE = 0.08;
const SURFACE_ALPHA = 0.96;
const INTERIOR_ALPHA = 0.5;

export interface SplatRequest {
  seed: number;
  numGaussians: number;
  /** Sampling steps: how many picture taps average into each Gaussian's colour (1 + steps / 10). */
  steps: number;
  /** How strongly the body follows the silhouette's depth cue: thickness = guidance / 3 (clamped 0.5–2). */
  guidanceScale: number;
}

export interface SplatStats {
  kind: ShapeKind;
  gaussians: number;
  front: number;
  back: number;
  side: number;
  interior: number;
  /** Extent of the centres in the file's own units. */
  width: number;
  height: number;
  depth: number;
}

export interface SplatResult {
  ply: Buffer;
  /** The same Gaussians in the `.splat` format (made on demand). */
  splat(): Uint8Array;
  /** The subject cut out of the picture on transparency: TripoSplat's "preprocessed image". */
  preview: Buffer;
  stats: SplatStats;
}

export async function reconstructSplat(image: Uint8Array, req: SplatRequest): Promise<SplatResult> {
  checkRequest(req);
  const { image: pixels } = await decodeImage(image);
  const subject = findSubject(pixels);
  const silhouette = analyseSilhouette(subject.mask);
  const kind = subject.mode === "frame" ? "extrude" : silhouette.kind;
  const thickness = Math.min(2, Math.max(0.5, req.guidanceScale / 3));
  const volume = buildVolume(subject.mask, silhouette, kind, thickness);
  const rng = createRng(req.seed ^ 0x5eed5);
  const { cloud, counts } = placeGaussians(volume, subject, pixels, req, rng);
  const stats = toTripoFrame(cloud, volume, rng);
  const ply = Buffer.from(writeSplatPly(cloud, { comments: ["made by the splat-3d built-in Space (Vernissage): Y down, arbitrary scale"] }));
  return { ply, splat: () => writeSplatFile(cloud), preview: await cutout(pixels, subject), stats: { kind, gaussians: cloud.count, ...counts, ...stats } };
}

function checkRequest(req: SplatRequest): void {
  if (!Number.isFinite(req.seed)) throw new ReconstructInputError("seed must be a finite number");
  if (!Number.isInteger(req.numGaussians) || req.numGaussians < MIN_GAUSSIANS || req.numGaussians > MAX_GAUSSIANS) {
    throw new ReconstructInputError(`num_gaussians must be a whole number from ${MIN_GAUSSIANS} to ${MAX_GAUSSIANS}`);
  }
  if (!Number.isFinite(req.steps) || req.steps < 1) throw new ReconstructInputError("steps must be at least 1");
  if (!Number.isFinite(req.guidanceScale) || req.guidanceScale <= 0) throw new ReconstructInputError("guidance_scale must be positive");
}

interface Point {
  x: number;
  y: number;
  /** Depth toward the viewer, in pixels (+ in front of the picture plane). */
  w: number;
  /** Outward normal in (x right, y down, w toward the viewer). */
  normal: [number, number, number];
  /** Standard deviation along the surface and across it, in pixels. */
  along: number;
  across: number;
  alpha: number;
}

/** Stratified samples of the subject: one jittered point per grid cell that falls inside, `count` in all. */
function stratified(volume: Volume, count: number, rng: Rng): Array<[number, number]> {
  const { width, height, halfDepth } = volume;
  let area = 0;
  for (const d of halfDepth) if (d > 0) area++;
  const spacing = Math.sqrt(area / count);
  const points: Array<[number, number]> = [];
  for (let gy = 0; gy * spacing < height; gy++) {
    for (let gx = 0; gx * spacing < width; gx++) {
      const x = (gx + rng()) * spacing;
      const y = (gy + rng()) * spacing;
      if (x < width && y < height && sample(halfDepth, volume, x, y) > 0) points.push([x, y]);
    }
  }
  // The grid gives about `count`: drop random extras, or add random points inside, to give exactly that many.
  if (points.length > count) {
    for (let i = points.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [points[i], points[j]] = [points[j]!, points[i]!];
    }
    points.length = count;
  }
  for (let guard = 0; points.length < count && guard < count * 100; guard++) {
    const x = rng() * width;
    const y = rng() * height;
    if (sample(halfDepth, volume, x, y) > 0) points.push([x, y]);
  }
  return points;
}

function placeGaussians(volume: Volume, subject: Subject, pixels: RgbaImage, req: SplatRequest, rng: Rng) {
  const { width, height, halfDepth, distance } = volume;
  // Areas (in pixels²) of the three surfaces decide how the surface Gaussians are shared out.
  let faceArea = 0;
  const rim: number[] = [];
  let rimArea = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (!halfDepth[i]) continue;
      faceArea++;
      if (distance[i]! <= 1) {
        rim.push(i);
        rimArea += 2 * halfDepth[i]!;
      }
    }
  }
  const interior = Math.round(INTERIOR_SHARE * req.numGaussians);
  const surface = req.numGaussians - interior;
  const side = Math.round((surface * rimArea) / (2 * faceArea + rimArea));
  const front = Math.ceil((surface - side) / 2);
  const back = surface - side - front;

  const points: Point[] = [];
  const spacing = Math.sqrt(faceArea / Math.max(1, front));
  const face = (sign: 1 | -1) => (x: number, y: number): Point => {
    const d = sample(halfDepth, volume, x, y);
    const [gx, gy] = gradient(halfDepth, volume, x, y);
    const n = normalise([-gx, -gy, sign]);
    // Near the outline a Gaussian shrinks so that it cannot spill past it.
    const edge = sample(distance, volume, x, y);
    return { x, y, w: sign * d, normal: [n[0], n[1], n[2]], along: Math.min(0.6 * spacing, Math.max(0.3, 0.7 * edge)), across: 0.12 * spacing, alpha: SURFACE_ALPHA };
  };
  for (const [x, y] of stratified(volume, front, rng)) points.push(face(1)(x, y));
  for (const [x, y] of stratified(volume, back, rng)) points.push(face(-1)(x, y));

  // Sides: along the rim, spread over the wall's height (−d … d), facing out of the silhouette.
  const sideSpacing = Math.sqrt(rimArea / Math.max(1, side));
  for (let k = 0; k < side; k++) {
    const i = rim[Math.floor(rng() * rim.length)]!;
    const x = (i % width) + rng();
    const y = Math.floor(i / width) + rng();
    const d = halfDepth[i]!;
    const [gx, gy] = gradient(distance, volume, x, y);
    const n = normalise([-gx, -gy, 0]);
    points.push({ x, y, w: (2 * rng() - 1) * d, normal: n, along: Math.min(0.6 * sideSpacing, 1.2), across: 0.12 * sideSpacing, alpha: SURFACE_ALPHA });
  }
  for (const [x, y] of stratified(volume, interior, rng)) {
    const d = sample(halfDepth, volume, x, y);
    const size = Math.min(1.5 * spacing, 0.8 * sample(distance, volume, x, y), 0.8 * d + 0.3);
    points.push({ x, y, w: (2 * rng() - 1) * 0.8 * d, normal: [0, 0, 1], along: size, across: size, alpha: INTERIOR_ALPHA });
  }

  const cloud = allocateCloud(points.length);
  const taps = 1 + Math.floor(req.steps / 10);
  points.forEach((p, i) => {
    // Picture space (x right, y down, w toward the viewer) → the camera frame (x right, y down, z away).
    cloud.positions.set([p.x, p.y, -p.w], i * 3);
    const n: [number, number, number] = [p.normal[0], p.normal[1], -p.normal[2]];
    cloud.rotations.set(rotationFromZ(n), i * 4);
    cloud.scales.set([Math.log(p.along), Math.log(p.along), Math.log(p.across)], i * 3);
    cloud.opacities[i] = logit(p.alpha);
    const rgb = colourAt(pixels, subject, volume, p.x, p.y, p.along, taps, rng);
    for (let c = 0; c < 3; c++) cloud.colors[i * 3 + c] = (rgb[c]! / 255 - 0.5) / SH_C0;
  });
  return { cloud, counts: { front, back, side, interior } };
}

function normalise(v: [number, number, number]): [number, number, number] {
  const l = Math.hypot(v[0], v[1], v[2]) || 1;
  return [v[0] / l, v[1] / l, v[2] / l];
}

/** The quaternion (w x y z) turning the local z axis (a Gaussian's thin axis) onto the unit vector n. */
function rotationFromZ(n: [number, number, number]): [number, number, number, number] {
  const w = 1 + n[2];
  if (w < 1e-6) return [0, 1, 0, 0]; // n = −z: a half turn about x
  const q: [number, number, number, number] = [w, -n[1], n[0], 0];
  const l = Math.hypot(...q);
  return [q[0] / l, q[1] / l, q[2] / l, q[3] / l];
}

/**
 * The picture's colour under a point of the mask grid, averaged over `taps` samples within its footprint. A
 * point near the outline reads from a little inside it: the outline's own pixels are mixed with the backdrop.
 */
function colourAt(pixels: RgbaImage, subject: Subject, volume: Volume, x: number, y: number, radius: number, taps: number, rng: Rng): [number, number, number] {
  const edge = sample(volume.distance, volume, x, y);
  if (edge < 2) {
    const [gx, gy] = gradient(volume.distance, volume, x, y);
    const l = Math.hypot(gx, gy) || 1;
    x += ((2 - edge) * gx) / l;
    y += ((2 - edge) * gy) / l;
  }
  const sum = [0, 0, 0];
  let weight = 0;
  for (let t = 0; t < taps; t++) {
    const sx = x + (t ? (2 * rng() - 1) * radius : 0);
    const sy = y + (t ? (2 * rng() - 1) * radius : 0);
    if (!(sample(volume.halfDepth, volume, sx, sy) > 0)) continue;
    const px = Math.min(pixels.width - 1, Math.max(0, Math.floor((sx + subject.box.x0) * subject.scale)));
    const py = Math.min(pixels.height - 1, Math.max(0, Math.floor((sy + subject.box.y0) * subject.scale)));
    const k = (py * pixels.width + px) * 4;
    sum[0]! += pixels.data[k]!;
    sum[1]! += pixels.data[k + 1]!;
    sum[2]! += pixels.data[k + 2]!;
    weight++;
  }
  return weight ? [sum[0]! / weight, sum[1]! / weight, sum[2]! / weight] : [128, 128, 128];
}

/**
 * From mask pixels to the file's frame, as TripoSplat leaves it: centred near (not on) the origin and sized near
 * (not to) one unit, both drawn from the seed, so nothing downstream may rely on either.
 */
function toTripoFrame(cloud: SplatCloud, volume: Volume, rng: Rng): { width: number; height: number; depth: number } {
  const unit = (0.6 + 0.8 * rng()) / Math.max(volume.width, volume.height);
  const offset = [(rng() - 0.5) * 0.4, (rng() - 0.5) * 0.4, (rng() - 0.5) * 0.4];
  const centre = [volume.width / 2, volume.height / 2, 0];
  const ln = Math.log(unit);
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < cloud.count * 3; i++) {
    const a = i % 3;
    const v = (cloud.positions[i]! - centre[a]!) * unit + offset[a]!;
    cloud.positions[i] = v;
    cloud.scales[i] = cloud.scales[i]! + ln;
    min[a] = Math.min(min[a]!, v);
    max[a] = Math.max(max[a]!, v);
  }
  return { width: max[0]! - min[0]!, height: max[1]! - min[1]!, depth: max[2]! - min[2]! };
}

/** The subject cut out on transparency, at most 512 pixels on its longer side. */
async function cutout(pixels: RgbaImage, subject: Subject): Promise<Buffer> {
  const { box, scale, mask } = subject;
  const left = box.x0 * scale;
  const top = box.y0 * scale;
  const width = Math.min(pixels.width - left, mask.width * scale);
  const height = Math.min(pixels.height - top, mask.height * scale);
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const s = ((top + y) * pixels.width + left + x) * 4;
      const o = (y * width + x) * 4;
      rgba[o] = pixels.data[s]!;
      rgba[o + 1] = pixels.data[s + 1]!;
      rgba[o + 2] = pixels.data[s + 2]!;
      const inside = mask.data[Math.floor(y / scale) * mask.width + Math.floor(x / scale)];
      rgba[o + 3] = inside ? pixels.data[s + 3]! : 0;
    }
  }
  const shrink = Math.min(1, 512 / Math.max(width, height));
  return sharp(rgba, { raw: { width, height, channels: 4 } })
    .resize(Math.max(1, Math.round(width * shrink)), Math.max(1, Math.round(height * shrink)))
    .png()
    .toBuffer();
}
