import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { validateImage } from "@/lib/space-client/validate/image";
import { inspectImage, rememberedQuality } from "../../media/inspect-image";

const svg = (body: string, size = 512) =>
  sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><rect width="100%" height="100%" fill="#000"/>${body}</svg>`))
    .png()
    .toBuffer();

describe("inspectImage", () => {
  it("measures coverage of a centred subject on black and a clean background", async () => {
    const q = await inspectImage(await svg(`<rect x="128" y="128" width="256" height="256" fill="#c8a060"/>`));
    expect(q.width).toBe(512);
    expect(q.coverage).toBeGreaterThan(0.2);
    expect(q.coverage).toBeLessThan(0.3);
    expect(q.background_clean).toBe(1);
  });

  it("scores a blurred copy as less sharp than the original", async () => {
    const crisp = await svg(
      Array.from({ length: 16 }, (_, i) => `<rect x="${100 + i * 20}" y="100" width="8" height="300" fill="#fff"/>`).join(""),
    );
    const blurred = await sharp(crisp).blur(6).png().toBuffer();
    const [a, b] = await Promise.all([inspectImage(crisp), inspectImage(blurred)]);
    expect(a.sharpness).toBeGreaterThan(b.sharpness * 4);
  });

  it("tells a slender subject spanning the picture from an empty one", async () => {
    const tower = await inspectImage(await svg(`<rect x="250" y="40" width="12" height="440" fill="#d0d0d0"/>`));
    expect(tower.coverage).toBeLessThan(0.05);
    expect(tower.extent).toBeGreaterThan(0.8);
    const speck = await inspectImage(await svg(`<rect x="250" y="250" width="12" height="12" fill="#d0d0d0"/>`));
    expect(speck.extent).toBeLessThan(0.1);
  });

  it("reports an empty picture and a busy background", async () => {
    const empty = await inspectImage(await svg(""));
    expect(empty.coverage).toBe(0);
    expect(empty.extent).toBe(0);
    const noisy = await sharp({ create: { width: 256, height: 256, channels: 3, background: "#000000", noise: { type: "gaussian", mean: 128, sigma: 60 } } })
      .png()
      .toBuffer();
    expect((await inspectImage(noisy)).background_clean).toBeLessThan(0.5);
  });

  it("rejects bytes that are not an image", async () => {
    await expect(inspectImage(Buffer.from("not an image"))).rejects.toThrow();
  });

  it("output validation measures the picture as it decodes it, so inspecting it later decodes nothing", async () => {
    const png = await svg(`<circle cx="256" cy="256" r="${100 + Math.floor(Math.random() * 50)}" fill="#e0c090"/>`);
    expect(rememberedQuality(png)).toBeUndefined();
    await validateImage(png);
    const kept = rememberedQuality(png);
    expect(kept).toBeDefined();
    // The same measures a fresh decode gives: the same pixels, encoded differently, are not in the memo.
    const recoded = await sharp(png).png({ compressionLevel: 1 }).toBuffer();
    expect(recoded.equals(png)).toBe(false);
    expect(rememberedQuality(recoded)).toBeUndefined();
    const fresh = await inspectImage(recoded);
    expect(kept).toEqual(fresh);
    expect(await inspectImage(png)).toEqual(kept);
  });
});
