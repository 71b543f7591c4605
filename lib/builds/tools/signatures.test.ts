import { describe, expect, it } from "vitest";
import { toolSignature, typeDeclaration } from "@/lib/agent/tool-signature";
import { imageHandleSchema, modelHandleSchema } from "@/lib/agent/tool-types";
import { FINAL_ANSWER_SIGNATURE } from "@/lib/agent/tool-bridge";
import { generateImage } from "./generate-image";
import { imageTo3d } from "./image-to-model";
import { inspectImageTool } from "./inspect-image";
import { placeExhibit } from "./place-exhibit";

// The stubs the model reads are written from the tools' schemas; these are the stubs the prompt always showed.
describe("built-in tool signatures, from their schemas", () => {
  it.each([
    [generateImage, "async function generate_image(args: { exhibit: string; prompt: string; seed?: number; width?: number; height?: number; space?: string }): Promise<ImageHandle>"],
    [imageTo3d, "async function image_to_3d(args: { exhibit: string; image: ImageHandle; seed?: number; space?: string }): Promise<ModelHandle>"],
    [
      inspectImageTool,
      "async function inspect_image(args: { image: ImageHandle }): Promise<{ width: number; height: number; sharpness: number; coverage: number; extent: number; background_clean: number }>",
    ],
    [placeExhibit, "async function place_exhibit(args: { exhibit: string; image: ImageHandle; model: ModelHandle; title?: string; description?: string }): Promise<{ id: string }>"],
  ] as const)("%#: %s", (tool, expected) => {
    expect(toolSignature(tool.name, tool.args, tool.returns)).toBe(expected);
  });

  it("writes final_answer's stub and the handle types the same way", () => {
    expect(FINAL_ANSWER_SIGNATURE).toBe("async function final_answer(args: { summary: string }): Promise<{ ok: true }>");
    expect(typeDeclaration(imageHandleSchema)).toBe('type ImageHandle = { kind: "image"; id: string; width: number; height: number };');
    expect(typeDeclaration(modelHandleSchema)).toBe('type ModelHandle = { kind: "model"; id: string; bytes: number; vertices: number };');
  });

  it("rejects a handle argument that names no stored asset, with the reason the model reads", async () => {
    const parsed = imageTo3d.args.safeParse({ exhibit: "a", image: { kind: "image", id: "nope" } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("not an image handle id");
  });
});
