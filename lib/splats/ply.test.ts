import { describe, expect, it } from "vitest";
import { InvalidSplatError } from "./errors";
import { readPlyHeader, readSplatPly, writeSplatPly } from "./ply";
import { randomCloud } from "./testing/fixtures";

describe("3DGS PLY", () => {
  it.each([0, 1, 3] as const)("round-trips every attribute exactly (SH degree %i)", (degree) => {
    const cloud = randomCloud(500, 3, degree);
    const ply = writeSplatPly(cloud);
    const back = readSplatPly(ply);
    expect(back.count).toBe(500);
    expect(back.positions).toEqual(cloud.positions);
    expect(back.colors).toEqual(cloud.colors);
    expect(back.opacities).toEqual(cloud.opacities);
    expect(back.scales).toEqual(cloud.scales);
    expect(back.rotations).toEqual(cloud.rotations);
    expect(back.sh?.degree ?? 0).toBe(degree);
    if (degree) expect(back.sh!.coefficients).toEqual(cloud.sh!.coefficients);
  });

  it("writes the standard layout: TripoSplat's 14 floats a Gaussian, or 17 with normals", () => {
    const cloud = randomCloud(10);
    const plain = readPlyHeader(writeSplatPly(cloud));
    expect(plain.properties).toEqual(["x", "y", "z", "f_dc_0", "f_dc_1", "f_dc_2", "opacity", "scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"]);
    const withNormals = writeSplatPly(cloud, { normals: true });
    expect(readPlyHeader(withNormals).properties.slice(3, 6)).toEqual(["nx", "ny", "nz"]);
    expect(readSplatPly(withNormals).positions).toEqual(cloud.positions);
    expect(writeSplatPly(cloud).length - plain.headerBytes).toBe(10 * 14 * 4);
  });

  it("reads properties by name, in any order and numeric type, skipping the ones it does not know", () => {
    const header = [
      "ply", "format binary_little_endian 1.0", "element vertex 1",
      "property double y", "property float x", "property uchar red", "property float z",
      ...["f_dc_0", "f_dc_1", "f_dc_2", "opacity", "scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"].map((n) => `property float ${n}`),
      "end_header", "",
    ].join("\n");
    const head = new TextEncoder().encode(header);
    const body = new DataView(new ArrayBuffer(8 + 4 + 1 + 4 + 11 * 4));
    body.setFloat64(0, 2.5, true);
    body.setFloat32(8, -1, true);
    body.setUint8(12, 200);
    body.setFloat32(13, 7, true);
    body.setFloat32(17 + 7 * 4, 1, true); // rot_0
    const bytes = new Uint8Array(head.length + body.byteLength);
    bytes.set(head);
    bytes.set(new Uint8Array(body.buffer), head.length);
    const cloud = readSplatPly(bytes);
    expect([...cloud.positions]).toEqual([-1, 2.5, 7]);
    expect([...cloud.rotations]).toEqual([1, 0, 0, 0]);
  });

  it.each([
    ["not a PLY", new TextEncoder().encode("<html>oops</html>"), /not a PLY/],
    ["an ASCII PLY", new TextEncoder().encode("ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nend_header\n1\n"), /only binary_little_endian/],
    ["a point cloud without Gaussian attributes", new TextEncoder().encode("ply\nformat binary_little_endian 1.0\nelement vertex 1\nproperty float x\nproperty float y\nproperty float z\nend_header\n"), /lack f_dc_0/],
    ["a truncated body", writeSplatPly(randomCloud(10)).subarray(0, 400), /truncated/],
    ["an odd number of f_rest", new TextEncoder().encode(`ply\nformat binary_little_endian 1.0\nelement vertex 1\n${["x", "y", "z", "f_dc_0", "f_dc_1", "f_dc_2", "f_rest_0", "opacity", "scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"].map((n) => `property float ${n}`).join("\n")}\nend_header\n`), /f_rest/],
  ])("refuses %s", (_name, bytes, message) => {
    expect(() => readSplatPly(bytes)).toThrow(InvalidSplatError);
    expect(() => readSplatPly(bytes)).toThrow(message);
  });

  it("refuses more Gaussians than allowed from the header, before reading the body", () => {
    const ply = writeSplatPly(randomCloud(100));
    expect(() => readSplatPly(ply, { maxGaussians: 99 })).toThrow(/100 Gaussians, over the 99 limit/);
  });
});
