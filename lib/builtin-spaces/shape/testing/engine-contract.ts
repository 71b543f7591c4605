// Tests only: what every built-in image-to-3D engine (shape-3d, relief-3d) promises alike — the inputs it must
// refuse with a ReconstructInputError (and the message each refusal gives), and the same GLB bytes for the same
// picture and seed. One list, so the two engines cannot drift apart.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ReconstructInputError } from "../errors";
import { renderFixture, TOWER } from "./fixtures";

type Reconstruct = (image: Uint8Array, opts: { seed: number }) => Promise<{ glb: Buffer }>;

export function describeEngineContract(title: string, reconstruct: Reconstruct): void {
  describe(title, () => {
    it.each([
      ["a text file", () => Buffer.from("a gallery of the monuments of Paris at dusk"), /not an image/],
      ["a 5000×10 PNG", () => sharp({ create: { width: 5000, height: 10, channels: 3, background: "#888" } }).png().toBuffer(), /exceeds 4096×4096/],
      ["more than 20 MB", () => Buffer.alloc(21 * 1024 * 1024, 0xff), /exceeds the 20 MB limit/],
      ["an all-black image", () => sharp({ create: { width: 300, height: 300, channels: 3, background: "#000" } }).png().toBuffer(), /no subject found/],
    ])("refuses %s with a ReconstructInputError", async (_name, make, message) => {
      const attempt = reconstruct(await make(), { seed: 0 });
      await expect(attempt).rejects.toBeInstanceOf(ReconstructInputError);
      await expect(reconstruct(await make(), { seed: 0 })).rejects.toThrow(message);
    });

    it("refuses a seed that is not a number", async () => {
      await expect(reconstruct(await renderFixture(TOWER), { seed: Number.NaN })).rejects.toThrow(ReconstructInputError);
    });

    it("is deterministic: same bytes and seed, same GLB bytes", async () => {
      const png = await renderFixture(TOWER);
      const a = await reconstruct(png, { seed: 3 });
      const b = await reconstruct(png, { seed: 3 });
      expect(Buffer.compare(a.glb, b.glb)).toBe(0);
    });
  });
}
