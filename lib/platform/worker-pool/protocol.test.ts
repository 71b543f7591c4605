import { describe, expect, it } from "vitest";
import { transferableBytes } from "./protocol";

describe("transferableBytes", () => {
  it("copies exactly the view's bytes out of a pooled Node Buffer (never the whole pool)", () => {
    const pooled = Buffer.from([0x67, 0x6c, 0x54, 0x46, 1, 2, 3]); // small: it lives in Node's shared 8 KB pool
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.byteLength);
    const out = transferableBytes(pooled);
    expect(out.byteLength).toBe(7);
    expect([...new Uint8Array(out)]).toEqual([...pooled]);
    expect(out).not.toBe(pooled.buffer);
  });
  it("hands over a view's own buffer when the view spans all of it", () => {
    const own = new Uint8Array([1, 2, 3]);
    expect(transferableBytes(own)).toBe(own.buffer);
  });
});
