import "server-only";
import { OutputValidationError } from "../errors";
import { mb } from "@/lib/platform/format";

// A Gaussian-splat PLY is a text header followed by a body whose size the header fully determines. We accept
// it only when the header parses, declares `element vertex N` with x/y/z, and the body has exactly the bytes
// the declared elements need (binary) or at least the declared rows (ASCII): a truncated or padded download,
// or an HTML error page saved as .ply, is refused before it reaches a viewer.

export interface PlyLimits {
  maxBytes: number;
  maxVertices: number;
  maxHeaderBytes: number;
}

export const defaultPlyLimits: PlyLimits = { maxBytes: 256 * 1024 * 1024, maxVertices: 5_000_000, maxHeaderBytes: 64 * 1024 };

export interface ValidPly {
  format: "binary_little_endian" | "binary_big_endian" | "ascii";
  vertices: number;
  properties: string[];
}

const TYPE_SIZES: Record<string, number> = {
  char: 1, uchar: 1, int8: 1, uint8: 1,
  short: 2, ushort: 2, int16: 2, uint16: 2,
  int: 4, uint: 4, int32: 4, uint32: 4, float: 4, float32: 4,
  double: 8, float64: 8,
};

interface Element {
  name: string;
  count: number;
  properties: { name: string; type: string; list?: { countType: string; itemType: string } }[];
}

export function validatePly(input: Uint8Array, limits: PlyLimits = defaultPlyLimits): ValidPly {
  if (input.byteLength > limits.maxBytes) {
    throw new OutputValidationError(`The PLY is ${mb(input.byteLength)}, over the ${mb(limits.maxBytes)} limit`);
  }
  const head = Buffer.from(input.buffer, input.byteOffset, Math.min(input.byteLength, limits.maxHeaderBytes)).toString("latin1");
  if (!/^ply\r?\n/.test(head)) throw new OutputValidationError("The splat is not a PLY file (no `ply` magic line)");
  const endMatch = /(^|\n)end_header\r?\n/.exec(head);
  if (!endMatch) throw new OutputValidationError("The PLY header has no `end_header` within the first 64 KB");
  const headerEnd = endMatch.index + endMatch[0].length;
  const lines = head.slice(0, headerEnd).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

  let format: ValidPly["format"] | null = null;
  const elements: Element[] = [];
  for (const line of lines.slice(1)) {
    const parts = line.split(/\s+/);
    const kw = parts[0];
    if (kw === "format") {
      if (parts[1] !== "ascii" && parts[1] !== "binary_little_endian" && parts[1] !== "binary_big_endian") {
        throw new OutputValidationError(`The PLY has an unknown format \`${parts[1] ?? ""}\``);
      }
      format = parts[1];
    } else if (kw === "element") {
      const count = Number(parts[2]);
      if (!parts[1] || !Number.isSafeInteger(count) || count < 0) {
        throw new OutputValidationError(`The PLY header has a malformed element line: \`${line}\``);
      }
      elements.push({ name: parts[1], count, properties: [] });
    } else if (kw === "property") {
      const el = elements.at(-1);
      if (!el) throw new OutputValidationError("The PLY header has a property before any element");
      if (parts[1] === "list") {
        const [countType = "", itemType = "", name = ""] = parts.slice(2);
        if (!(countType in TYPE_SIZES) || !(itemType in TYPE_SIZES) || !name) {
          throw new OutputValidationError(`The PLY header has a malformed list property: \`${line}\``);
        }
        el.properties.push({ name, type: "list", list: { countType, itemType } });
      } else {
        const [type = "", name = ""] = parts.slice(1);
        if (!(type in TYPE_SIZES) || !name) throw new OutputValidationError(`The PLY header has a malformed property: \`${line}\``);
        el.properties.push({ name, type });
      }
    } else if (kw !== "comment" && kw !== "obj_info" && kw !== "end_header") {
      throw new OutputValidationError(`The PLY header has an unknown line: \`${line.slice(0, 80)}\``);
    }
  }
  if (!format) throw new OutputValidationError("The PLY header has no format line");
  const vertex = elements.find((e) => e.name === "vertex");
  if (!vertex) throw new OutputValidationError("The PLY declares no `element vertex`");
  if (vertex.count === 0) throw new OutputValidationError("The PLY has 0 vertices");
  if (vertex.count > limits.maxVertices) {
    throw new OutputValidationError(`The PLY has ${vertex.count.toLocaleString("en")} vertices, over the ${limits.maxVertices.toLocaleString("en")} limit`);
  }
  const names = vertex.properties.map((p) => p.name);
  for (const axis of ["x", "y", "z"]) {
    if (!names.includes(axis)) throw new OutputValidationError(`The PLY's vertices have no \`${axis}\` property`);
  }

  const bodyBytes = input.byteLength - headerEnd;
  if (format === "ascii") {
    const body = Buffer.from(input.buffer, input.byteOffset + headerEnd, bodyBytes).toString("latin1");
    const rows = body.split(/\r?\n/).filter((l) => l.trim() !== "").length;
    const needed = elements.reduce((s, e) => s + e.count, 0);
    if (rows < needed) throw new OutputValidationError(`The PLY body has ${rows} rows but the header declares ${needed}`);
  } else {
    let expected = 0;
    for (const el of elements) {
      if (el.properties.some((p) => p.list)) {
        // Lists make row sizes data-dependent; splats have none, so we only allow them after the vertices.
        if (el === vertex) throw new OutputValidationError("The PLY's vertex element has a list property");
        expected = -1;
        break;
      }
      expected += el.count * el.properties.reduce((s, p) => s + (TYPE_SIZES[p.type] ?? 0), 0);
    }
    if (expected >= 0 && bodyBytes !== expected) {
      throw new OutputValidationError(
        bodyBytes < expected
          ? `The PLY body is truncated: ${bodyBytes} bytes for the ${expected} its header declares`
          : `The PLY body has ${bodyBytes} bytes but its header declares ${expected}`,
      );
    }
    if (expected < 0) {
      const vertexBytes = vertex.count * vertex.properties.reduce((s, p) => s + (TYPE_SIZES[p.type] ?? 0), 0);
      if (bodyBytes < vertexBytes) throw new OutputValidationError(`The PLY body is truncated: ${bodyBytes} bytes for ${vertexBytes} of vertices`);
    }
  }
  return { format, vertices: vertex.count, properties: names };
}
