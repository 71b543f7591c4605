import { describe, expect, it } from "vitest";
import { describeLoadError } from "./model-error-boundary";

describe("describeLoadError", () => {
  it("turns the shapes loaders throw into words", () => {
    expect(describeLoadError(new Error("Unexpected token"))).toBe("Unexpected token");
    expect(describeLoadError(new Error('Could not load /m.glb: fetch for "/m.glb" responded with 404: Not Found'))).toBe('fetch for "/m.glb" responded with 404: Not Found');
    expect(describeLoadError({ status: 404, statusText: "Not Found" })).toBe("HTTP 404 Not Found");
    expect(describeLoadError({ type: "error", target: { status: 500 } })).toBe("HTTP 500");
    expect(describeLoadError({ type: "error", target: { status: 0 } })).toBe("network error");
    expect(describeLoadError("boom")).toBe("boom");
  });
});
