// Real, small media for tests: a PNG that decodes, a GLB that passes the Khronos validator (with an embedded
// PNG texture), a binary splat PLY whose body matches its header.
import sharp from "sharp";
import { Document, NodeIO } from "@gltf-transform/core";

export async function makePng(width = 256, height = 256, color = { r: 200, g: 60, b: 40 }): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } }).png().toBuffer();
}

export async function makeWebp(width = 256, height = 256): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 10, g: 120, b: 200 } } }).webp().toBuffer();
}

export async function makeGlb(opts: { texture?: boolean; textureBytes?: Uint8Array } = {}): Promise<Uint8Array> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const positions = new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0]);
  const uvs = new Float32Array([0, 1, 1, 1, 0, 0, 1, 0]);
  const indices = new Uint16Array([0, 1, 2, 2, 1, 3]);
  const prim = doc
    .createPrimitive()
    .setAttribute("POSITION", doc.createAccessor().setType("VEC3").setArray(positions).setBuffer(buffer))
    .setAttribute("TEXCOORD_0", doc.createAccessor().setType("VEC2").setArray(uvs).setBuffer(buffer))
    .setIndices(doc.createAccessor().setType("SCALAR").setArray(indices).setBuffer(buffer));
  const material = doc.createMaterial("m");
  if (opts.texture !== false) {
    const tex = doc
      .createTexture("t")
      .setMimeType("image/png")
      .setImage(opts.textureBytes ?? (await makePng(64, 64)));
    material.setBaseColorTexture(tex);
  }
  prim.setMaterial(material);
  const mesh = doc.createMesh("m").addPrimitive(prim);
  const node = doc.createNode("n").setMesh(mesh);
  doc.createScene("s").addChild(node);
  return new NodeIO().writeBinary(doc);
}

export function makePly(vertices = 10, extra: Uint8Array = new Uint8Array()): Buffer {
  const props = ["x", "y", "z", "f_dc_0", "f_dc_1", "f_dc_2", "opacity", "scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"];
  const header = `ply\nformat binary_little_endian 1.0\ncomment splat\nelement vertex ${vertices}\n${props.map((p) => `property float ${p}`).join("\n")}\nend_header\n`;
  const body = Buffer.alloc(vertices * props.length * 4);
  for (let i = 0; i < vertices * props.length; i++) body.writeFloatLE((i % 7) * 0.1, i * 4);
  return Buffer.concat([Buffer.from(header, "latin1"), body, Buffer.from(extra)]);
}

/** Rewrites a GLB's JSON chunk (to craft bad files), keeping the header and chunk lengths consistent. */
export function patchGlbJson(glb: Uint8Array, patch: (json: Record<string, unknown>) => void): Uint8Array {
  const dv = new DataView(glb.buffer, glb.byteOffset, glb.byteLength);
  const jsonLen = dv.getUint32(12, true);
  const json = JSON.parse(Buffer.from(glb.subarray(20, 20 + jsonLen)).toString("utf8").trimEnd()) as Record<string, unknown>;
  patch(json);
  let text = Buffer.from(JSON.stringify(json), "utf8");
  const pad = (4 - (text.length % 4)) % 4;
  text = Buffer.concat([text, Buffer.alloc(pad, 0x20)]);
  const rest = glb.subarray(20 + jsonLen);
  const out = Buffer.alloc(12 + 8 + text.length + rest.length);
  out.writeUInt32LE(0x46546c67, 0);
  out.writeUInt32LE(2, 4);
  out.writeUInt32LE(out.length, 8);
  out.writeUInt32LE(text.length, 12);
  out.writeUInt32LE(0x4e4f534a, 16);
  text.copy(out, 20);
  Buffer.from(rest).copy(out, 20 + text.length);
  return out;
}
