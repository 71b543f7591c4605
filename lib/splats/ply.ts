// The 3DGS `.ply` layout, read and written: a text header, then one binary little-endian row per Gaussian with
// x y z, (nx ny nz), f_dc_0..2, (f_rest_*), opacity, scale_0..2, rot_0..3. Properties are found by name, in any
// order and of any numeric type, as the trainers that write them differ; what is not a Gaussian attribute is
// skipped. Anything else (ASCII or big-endian bodies, lists in the vertex element, missing attributes) is
// refused with an InvalidSplatError that names the problem.
import { allocateCloud, shCoefficients, type SplatCloud } from "./cloud";
import { InvalidSplatError } from "./errors";

const TYPES: Record<string, { size: number; read: (v: DataView, at: number) => number }> = {
  char: { size: 1, read: (v, at) => v.getInt8(at) },
  int8: { size: 1, read: (v, at) => v.getInt8(at) },
  uchar: { size: 1, read: (v, at) => v.getUint8(at) },
  uint8: { size: 1, read: (v, at) => v.getUint8(at) },
  short: { size: 2, read: (v, at) => v.getInt16(at, true) },
  int16: { size: 2, read: (v, at) => v.getInt16(at, true) },
  ushort: { size: 2, read: (v, at) => v.getUint16(at, true) },
  uint16: { size: 2, read: (v, at) => v.getUint16(at, true) },
  int: { size: 4, read: (v, at) => v.getInt32(at, true) },
  int32: { size: 4, read: (v, at) => v.getInt32(at, true) },
  uint: { size: 4, read: (v, at) => v.getUint32(at, true) },
  uint32: { size: 4, read: (v, at) => v.getUint32(at, true) },
  float: { size: 4, read: (v, at) => v.getFloat32(at, true) },
  float32: { size: 4, read: (v, at) => v.getFloat32(at, true) },
  double: { size: 8, read: (v, at) => v.getFloat64(at, true) },
  float64: { size: 8, read: (v, at) => v.getFloat64(at, true) },
};

const MAX_HEADER_BYTES = 64 * 1024;

interface Property {
  name: string;
  type: string;
  offset: number;
}

interface Element {
  name: string;
  count: number;
  rowBytes: number;
  properties: Property[];
}

export interface PlyHeader {
  /** Bytes up to and including `end_header\n`. */
  headerBytes: number;
  vertexCount: number;
  /** The vertex element's property names, in file order. */
  properties: string[];
}

/** The header alone: enough to know the count and the attributes before reading a body. */
export function readPlyHeader(bytes: Uint8Array): PlyHeader & { elements: Element[] } {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, Math.min(bytes.length, MAX_HEADER_BYTES)));
  if (!/^ply\r?\n/.test(head)) throw new InvalidSplatError("not a PLY file (no `ply` magic line)");
  const end = /(^|\n)end_header\r?\n/.exec(head);
  if (!end) throw new InvalidSplatError("the PLY header has no `end_header` within its first 64 KB");
  const headerBytes = end.index + end[0].length;
  const elements: Element[] = [];
  let format = "";
  for (const raw of head.slice(0, headerBytes).split(/\r?\n/).slice(1)) {
    const parts = raw.trim().split(/\s+/);
    switch (parts[0]) {
      case "format":
        format = parts[1] ?? "";
        break;
      case "element": {
        const count = Number(parts[2]);
        if (!parts[1] || !Number.isSafeInteger(count) || count < 0) throw new InvalidSplatError(`the PLY header has a malformed element line: \`${raw.trim()}\``);
        elements.push({ name: parts[1], count, rowBytes: 0, properties: [] });
        break;
      }
      case "property": {
        const element = elements.at(-1);
        if (!element) throw new InvalidSplatError("the PLY header has a property before any element");
        if (parts[1] === "list") throw new InvalidSplatError(`the PLY's ${element.name} element has a list property, which splats never have`);
        const type = TYPES[parts[1] ?? ""];
        if (!type || !parts[2]) throw new InvalidSplatError(`the PLY header has a malformed property: \`${raw.trim()}\``);
        element.properties.push({ name: parts[2], type: parts[1]!, offset: element.rowBytes });
        element.rowBytes += type.size;
        break;
      }
      default:
        break; // comment, obj_info, end_header, blank
    }
  }
  if (format !== "binary_little_endian") {
    throw new InvalidSplatError(format ? `the PLY is ${format}; only binary_little_endian splats are read` : "the PLY header has no format line");
  }
  const vertex = elements.find((e) => e.name === "vertex");
  if (!vertex) throw new InvalidSplatError("the PLY declares no `element vertex`");
  return { headerBytes, vertexCount: vertex.count, properties: vertex.properties.map((p) => p.name), elements };
}

const REQUIRED = ["x", "y", "z", "f_dc_0", "f_dc_1", "f_dc_2", "opacity", "scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"];

/** Reads a 3DGS PLY. `maxGaussians` is checked against the header before anything is allocated. */
export function readSplatPly(bytes: Uint8Array, opts: { maxGaussians?: number } = {}): SplatCloud {
  const header = readPlyHeader(bytes);
  const { headerBytes, elements } = header;
  const n = header.vertexCount;
  if (n === 0) throw new InvalidSplatError("the splat has no Gaussians");
  if (opts.maxGaussians !== undefined && n > opts.maxGaussians) {
    throw new InvalidSplatError(`the splat has ${n.toLocaleString("en")} Gaussians, over the ${opts.maxGaussians.toLocaleString("en")} limit`);
  }
  const vertex = elements.find((e) => e.name === "vertex")!;
  const byName = new Map(vertex.properties.map((p) => [p.name, p]));
  const missing = REQUIRED.filter((name) => !byName.has(name));
  if (missing.length) throw new InvalidSplatError(`the PLY is not a Gaussian splat: its vertices lack ${missing.join(", ")}`);

  const restNames = vertex.properties.map((p) => p.name).filter((name) => /^f_rest_\d+$/.test(name));
  const degree = ([0, 1, 2, 3] as const).find((d) => 3 * shCoefficients(d) === restNames.length);
  if (degree === undefined) throw new InvalidSplatError(`the PLY has ${restNames.length} f_rest properties; 0, 9, 24 or 45 are expected`);

  // Elements before the vertices shift where they start; their rows have fixed sizes (no lists).
  let start = headerBytes;
  for (const e of elements) {
    if (e === vertex) break;
    start += e.count * e.rowBytes;
  }
  const needed = start + n * vertex.rowBytes;
  if (bytes.length < needed) throw new InvalidSplatError(`the PLY body is truncated: ${bytes.length - headerBytes} bytes for the ${needed - headerBytes} its header declares`);

  const cloud = allocateCloud(n, degree);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const column = (name: string, out: Float32Array, stride: number, slot: number) => {
    const p = byName.get(name);
    if (!p) throw new InvalidSplatError(`the PLY's vertices lack ${name}`);
    const read = TYPES[p.type]!.read;
    // A float32 column (every splat writer's choice) is read without the generic reader's call per value.
    if (p.type === "float" || p.type === "float32") {
      for (let i = 0, at = start + p.offset; i < n; i++, at += vertex.rowBytes) out[i * stride + slot] = view.getFloat32(at, true);
    } else {
      for (let i = 0, at = start + p.offset; i < n; i++, at += vertex.rowBytes) out[i * stride + slot] = read(view, at);
    }
  };
  ["x", "y", "z"].forEach((name, a) => column(name, cloud.positions, 3, a));
  [0, 1, 2].forEach((c) => column(`f_dc_${c}`, cloud.colors, 3, c));
  column("opacity", cloud.opacities, 1, 0);
  [0, 1, 2].forEach((a) => column(`scale_${a}`, cloud.scales, 3, a));
  [0, 1, 2, 3].forEach((a) => column(`rot_${a}`, cloud.rotations, 4, a));
  if (cloud.sh) {
    const k = 3 * shCoefficients(cloud.sh.degree);
    for (let j = 0; j < k; j++) column(`f_rest_${j}`, cloud.sh.coefficients, k, j);
  }
  return cloud;
}

export interface WritePlyOptions {
  /** Write nx ny nz (zeros), as the 3DGS trainer does; TripoSplat does not. Default false. */
  normals?: boolean;
  /** Header comments, e.g. what made the file. */
  comments?: string[];
}

/** Writes the cloud as a binary little-endian 3DGS PLY (float32 throughout). */
export function writeSplatPly(cloud: SplatCloud, opts: WritePlyOptions = {}): Uint8Array {
  const rest = cloud.sh ? 3 * shCoefficients(cloud.sh.degree) : 0;
  const names = [
    "x", "y", "z",
    ...(opts.normals ? ["nx", "ny", "nz"] : []),
    "f_dc_0", "f_dc_1", "f_dc_2",
    ...Array.from({ length: rest }, (_, j) => `f_rest_${j}`),
    "opacity", "scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3",
  ];
  const header = [
    "ply",
    "format binary_little_endian 1.0",
    ...(opts.comments ?? []).map((c) => `comment ${c.replace(/[\r\n]+/g, " ")}`),
    `element vertex ${cloud.count}`,
    ...names.map((name) => `property float ${name}`),
    "end_header",
    "",
  ].join("\n");
  const head = new TextEncoder().encode(header);
  const stride = names.length;
  const out = new Uint8Array(head.length + cloud.count * stride * 4);
  out.set(head);
  // The body starts right after the header, which may leave it unaligned for a Float32Array: a DataView writes it.
  const body = new Float32Array(cloud.count * stride);
  for (let i = 0; i < cloud.count; i++) {
    let o = i * stride;
    body[o++] = cloud.positions[i * 3]!;
    body[o++] = cloud.positions[i * 3 + 1]!;
    body[o++] = cloud.positions[i * 3 + 2]!;
    if (opts.normals) o += 3;
    body[o++] = cloud.colors[i * 3]!;
    body[o++] = cloud.colors[i * 3 + 1]!;
    body[o++] = cloud.colors[i * 3 + 2]!;
    for (let j = 0; j < rest; j++) body[o++] = cloud.sh!.coefficients[i * rest + j]!;
    body[o++] = cloud.opacities[i]!;
    body[o++] = cloud.scales[i * 3]!;
    body[o++] = cloud.scales[i * 3 + 1]!;
    body[o++] = cloud.scales[i * 3 + 2]!;
    for (let a = 0; a < 4; a++) body[o++] = cloud.rotations[i * 4 + a]!;
  }
  if (LITTLE_ENDIAN) out.set(new Uint8Array(body.buffer), head.length);
  else {
    const view = new DataView(out.buffer, head.length);
    for (let i = 0; i < body.length; i++) view.setFloat32(i * 4, body[i]!, true);
  }
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
