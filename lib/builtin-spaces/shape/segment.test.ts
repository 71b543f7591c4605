import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { decodeImage } from "./decode";
import { ReconstructInputError } from "./errors";
import { findSubject } from "./subject";
import { ARCH, BRIDGE_ON_GREY, DOME, STAR_ON_WHITE, TOWER, VASE_ON_ALPHA, renderFixture, truthMask, type Fixture } from "./testing/fixtures";

/** Segments the picture and scores the full analysis-grid mask against the true silhouette. */
async function segmentationIoU(fixture: Fixture, bytes: Buffer) {
  const { image } = await decodeImage(bytes);
  const subject = findSubject(image);
  const gridWidth = Math.floor(image.width / subject.scale);
  const gridHeight = Math.floor(image.height / subject.scale);
  const truth = await truthMask(fixture, gridWidth, gridHeight);
  let both = 0;
  let either = 0;
  for (let y = 0; y < gridHeight; y++) {
    for (let x = 0; x < gridWidth; x++) {
      const { box, mask } = subject;
      const inBox = x >= box.x0 && x < box.x1 && y >= box.y0 && y < box.y1;
      const found = inBox ? mask.data[(y - box.y0) * mask.width + (x - box.x0)]! : 0;
      const t = truth[y * gridWidth + x]!;
      both += found & t;
      either += found | t;
    }
  }
  return { mode: subject.mode, iou: both / either };
}

describe("segmentation", () => {
  it.each([
    { fixture: TOWER, mode: "dark" },
    { fixture: DOME, mode: "dark" },
    { fixture: ARCH, mode: "dark" }, // the enclosed oculus must come out as a hole, not be filled
    { fixture: BRIDGE_ON_GREY, mode: "plain" },
    { fixture: STAR_ON_WHITE, mode: "plain" },
    { fixture: VASE_ON_ALPHA, mode: "alpha" },
  ] as const)("finds the $fixture.name silhouette ($mode backdrop)", async ({ fixture, mode }) => {
    const result = await segmentationIoU(fixture, await renderFixture(fixture));
    expect(result.mode).toBe(mode);
    expect(result.iou).toBeGreaterThan(0.98);
  });

  it.each(["jpeg", "webp"] as const)("copes with %s compression noise", async (format) => {
    const result = await segmentationIoU(DOME, await renderFixture(DOME, format));
    expect(result.mode).toBe("dark");
    expect(result.iou).toBeGreaterThan(0.97);
  });

  it("ignores specks and fills pinholes", async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><rect width="400" height="400" fill="#000"/>
      <rect x="100" y="100" width="200" height="200" fill="#c08040"/><rect x="190" y="190" width="3" height="3" fill="#000"/>
      <rect x="20" y="20" width="3" height="3" fill="#fff"/></svg>`;
    const { image } = await decodeImage(await sharp(Buffer.from(svg)).png().toBuffer());
    const { box, mask } = findSubject(image);
    expect(box).toEqual({ x0: 100, y0: 100, x1: 300, y1: 300 });
    expect(mask.data.every((v) => v === 1)).toBe(true);
  });

  it("takes the whole frame when the border is not a plain backdrop", async () => {
    const noise = Buffer.from(Array.from({ length: 64 * 64 * 3 }, (_, i) => (i * 7919) % 251));
    const png = await sharp(noise, { raw: { width: 64, height: 64, channels: 3 } }).png().toBuffer();
    const subject = findSubject((await decodeImage(png)).image);
    expect(subject.mode).toBe("frame");
    expect(subject.box).toEqual({ x0: 0, y0: 0, x1: 64, y1: 64 });
  });

  it.each([
    ["all black", { r: 0, g: 0, b: 0, alpha: 1 }],
    ["all white", { r: 255, g: 255, b: 255, alpha: 1 }],
    ["fully transparent", { r: 90, g: 20, b: 200, alpha: 0 }],
  ])("refuses an image with no subject (%s)", async (_name, background) => {
    const png = await sharp({ create: { width: 256, height: 256, channels: 4, background } }).png().toBuffer();
    const { image } = await decodeImage(png);
    expect(() => findSubject(image)).toThrow(ReconstructInputError);
    expect(() => findSubject(image)).toThrow(/no subject found/);
  });
});
