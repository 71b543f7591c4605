import { describe, expect, it } from "vitest";
import { decodeImage } from "./decode";
import type { Mask } from "./mask";
import { analyseSilhouette } from "./silhouette";
import { findSubject } from "./subject";
import { ALL_FIXTURES, renderFixture } from "./testing/fixtures";

function polygonMask(width: number, height: number, inside: (x: number, y: number) => boolean): Mask {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = inside(x + 0.5, y + 0.5) ? 1 : 0;
  return { width, height, data };
}

describe("analyseSilhouette", () => {
  it.each(ALL_FIXTURES.map((f) => [f.name, f] as const))("reconstructs the %s as its expected kind", async (_name, fixture) => {
    const subject = findSubject((await decodeImage(await renderFixture(fixture))).image);
    expect(analyseSilhouette(subject.mask).kind).toBe(fixture.kind);
  });

  it("sweeps a pyramid, extrudes a plain rectangle", () => {
    const pyramid = polygonMask(200, 100, (x, y) => Math.abs(x - 100) <= y);
    expect(analyseSilhouette(pyramid).kind).toBe("sweep");
    expect(analyseSilhouette(polygonMask(100, 300, () => true)).kind).toBe("extrude");
  });

  it("revolves a disc, extrudes a lopsided blob", () => {
    expect(analyseSilhouette(polygonMask(200, 200, (x, y) => (x - 100) ** 2 + (y - 100) ** 2 <= 100 ** 2)).kind).toBe("revolve");
    const blob = polygonMask(200, 200, (x, y) => (x - 60) ** 2 + (y - 100) ** 2 <= 60 ** 2 || (x > 60 && y > 150));
    expect(analyseSilhouette(blob).kind).toBe("extrude");
  });

  it("reports the row profile as spans", () => {
    const { rows, metrics } = analyseSilhouette(polygonMask(4, 2, (x, y) => y > 1 || x > 1 && x < 3));
    expect(rows).toEqual([{ left: 1, right: 3 }, { left: 0, right: 4 }]);
    expect(metrics.singleRunShare).toBe(1);
  });
});
