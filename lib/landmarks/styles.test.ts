import { describe, expect, it } from "vitest";
import { findStyleWords, withoutStyleWords } from "./styles";

const ids = (text: string) => findStyleWords(text).map((word) => word.id);

describe("findStyleWords", () => {
  it.each([
    ["Eiffel Tower at dusk", ["dusk"]],
    ["in the golden hour", ["dusk"]],
    ["a bronze statue at night", ["bronze", "night"]],
    ["watercolour of a cat", ["watercolor"]],
    ["Watercolor", ["watercolor"]],
    ["marble bust in the snow", ["marble", "snow"]],
    ["neon pixel art teapot", ["neon", "pixel"]],
    ["low-poly fox", ["low-poly"]],
    ["a red car in the rain", ["red", "rain"]],
    ["misty dawn", ["fog", "dawn"]],
    ["gilded wooden clock", ["gold", "wood"]],
  ])("%s → %j", (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it("ignores colour words inside landmark names", () => {
    expect(ids("the Golden Gate Bridge")).toEqual([]);
    expect(ids("Red Square at night")).toEqual(["night"]);
    expect(ids("Golden Gate Bridge, golden")).toEqual(["gold"]);
  });

  it.each(["a banana", "quantum", "", "Eiffel Tower"])("%j has no style words", (text) => {
    expect(findStyleWords(text)).toEqual([]);
  });

  it("gives each lighting word a palette and a light", () => {
    for (const word of findStyleWords("dusk sunset night dawn noon")) {
      expect(word.kind).toBe("lighting");
      expect(word.spec.lighting).toBeDefined();
    }
  });
});

describe("withoutStyleWords", () => {
  it("keeps what the text depicts", () => {
    expect(withoutStyleWords("A bronze teapot at dusk, in watercolour")).toEqual(["a", "teapot", "at", "in"]);
    expect(withoutStyleWords("Quantum")).toEqual(["quantum"]);
  });
});
