import { describe, expect, it } from "vitest";
import { FORMAT_SAMPLES } from "./testing/format-samples";
import { readImageHeader } from "./image-header";


describe("readImageHeader", () => {
  it.each(FORMAT_SAMPLES)("reads %s dimensions from the header", async (format, make) => {
    expect(readImageHeader(await make())).toEqual({ format, width: 37, height: 23 });
  });

  it("answers null for bytes that are not a recognised image, or a signature without a header", () => {
    expect(readImageHeader(Buffer.from("hello, I am a text file\n"))).toBeNull();
    expect(readImageHeader(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeNull();
  });
});
