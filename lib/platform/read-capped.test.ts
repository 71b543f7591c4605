import { describe, expect, it } from "vitest";
import { readCapped, TooLargeError } from "./read-capped";

function streamOf(...chunks: number[]): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i >= chunks.length) return controller.close();
      pulled += chunks[i]!;
      controller.enqueue(new Uint8Array(chunks[i++]!).fill(7));
    },
  });
  return { stream, pulled: () => pulled };
}

describe("readCapped", () => {
  it("returns every byte under the cap, and an empty buffer for no body", async () => {
    expect((await readCapped(streamOf(3, 4).stream, 10)).byteLength).toBe(7);
    expect((await readCapped(null, 10)).byteLength).toBe(0);
  });

  it("refuses a declared length over the cap before reading a byte", async () => {
    const s = streamOf(5);
    const err = await readCapped(s.stream, 10, { declaredLength: "11" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TooLargeError);
    expect((err as TooLargeError).declared).toBe(11);
    expect(s.pulled()).toBe(0);
  });

  it("stops reading as soon as the cap is passed, whatever the body claimed", async () => {
    const s = streamOf(6, 6, 6, 6);
    await expect(readCapped(s.stream, 10, { declaredLength: "5" })).rejects.toBeInstanceOf(TooLargeError);
    expect(s.pulled()).toBeLessThanOrEqual(12);
  });

  it("drains a body up to drainBytes before refusing it, so the client hears the answer", async () => {
    const s = streamOf(6, 6, 6);
    await expect(readCapped(s.stream, 10, { drainBytes: 100 })).rejects.toBeInstanceOf(TooLargeError);
    expect(s.pulled()).toBe(18);
  });
});
