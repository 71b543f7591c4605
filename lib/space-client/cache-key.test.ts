import { describe, expect, it } from "vitest";
import { cacheKey, stableStringify } from "./cache-key";

const base = { space: "black-forest-labs/flux.1-schnell", endpoint: "/infer@1", inputs: { prompt: "a red tower", seed: 7, width: 1024 } };

describe("cacheKey", () => {
  it("is stable across key order, whitespace around strings, -0 and undefined fields", () => {
    const a = cacheKey(base);
    const b = cacheKey({ ...base, inputs: { width: 1024, seed: 7, prompt: "  a red tower\n", extra: undefined } });
    expect(b).toBe(a);
    expect(cacheKey({ ...base, inputs: { ...base.inputs, offset: -0 } })).toBe(cacheKey({ ...base, inputs: { ...base.inputs, offset: 0 } }));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it("normalises Unicode (NFC), so the same prompt typed two ways shares a key", () => {
    const composed = cacheKey({ ...base, inputs: { ...base.inputs, prompt: "caf\u00e9" } });
    const decomposed = cacheKey({ ...base, inputs: { ...base.inputs, prompt: "cafe\u0301" } });
    expect(decomposed).toBe(composed);
  });

  it("changes with the seed, the Space, the endpoint and the input files", () => {
    const a = cacheKey(base);
    expect(cacheKey({ ...base, inputs: { ...base.inputs, seed: 8 } })).not.toBe(a);
    expect(cacheKey({ ...base, space: "builtin:sketch-image" })).not.toBe(a);
    expect(cacheKey({ ...base, endpoint: "/infer@2" })).not.toBe(a);
    expect(cacheKey({ ...base, files: ["ab".repeat(32)] })).not.toBe(cacheKey({ ...base, files: ["cd".repeat(32)] }));
  });

  it("keys bytes by their sha256 and refuses values JSON cannot carry", () => {
    expect(stableStringify({ f: new Uint8Array([1, 2]) })).toContain("sha256");
    expect(() => stableStringify({ x: NaN })).toThrow(/non-finite/);
    expect(() => stableStringify({ f: () => 1 })).toThrow();
  });

  it("keeps array order (positional inputs matter)", () => {
    expect(stableStringify([2, 1])).not.toBe(stableStringify([1, 2]));
  });
});
