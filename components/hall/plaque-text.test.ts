import { describe, expect, it } from "vitest";
import { plaqueContent, wrapText } from "./plaque-text";

const measure = (s: string) => s.length * 10;
const base = { title: "Notre-Dame", description: "Gothic cathedral", status: "ready" as const, error: null, modelUrl: "/m.glb" };

describe("wrapText", () => {
  it("wraps words to the width", () => {
    expect(wrapText("the quick brown fox jumps", 100, 5, measure)).toEqual(["the quick", "brown fox", "jumps"]);
  });

  it("cuts with an ellipsis after the last allowed line", () => {
    const lines = wrapText("the quick brown fox jumps over", 100, 2, measure);
    expect(lines).toEqual(["the quick", "brown fox…"]);
    for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(100);
  });

  it("splits a word longer than a line", () => {
    expect(wrapText("abcdefghijklmnop", 50, 5, measure)).toEqual(["abcde", "fghij", "klmno", "p"]);
  });

  it("returns nothing for empty text", () => {
    expect(wrapText("   ", 100, 3, measure)).toEqual([]);
  });
});

describe("plaqueContent", () => {
  it("shows the description of a ready exhibit", () => {
    expect(plaqueContent(base, null)).toEqual({ title: "Notre-Dame", body: "Gothic cathedral", tone: "normal" });
  });

  it("says what is under way", () => {
    expect(plaqueContent({ ...base, status: "modelling", modelUrl: null }, null)).toMatchObject({ body: "Modelling…", tone: "pending" });
    expect(plaqueContent({ ...base, modelUrl: null }, null).tone).toBe("pending");
  });

  it("explains failures, the build's and the browser's", () => {
    expect(plaqueContent({ ...base, status: "failed", error: "Space timed out" }, null)).toMatchObject({ body: "Could not be made: Space timed out", tone: "error" });
    expect(plaqueContent(base, "HTTP 404")).toMatchObject({ body: "Model failed to load: HTTP 404", tone: "error" });
  });

  it("names untitled exhibits", () => {
    expect(plaqueContent({ ...base, title: " " }, null).title).toBe("Untitled");
  });
});
