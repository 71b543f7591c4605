import { describe, expect, it } from "vitest";
import { findStyleWords } from "@/lib/landmarks/styles";
import { luminance } from "./color";
import { MIN_SUBJECT_LUMINANCE, resolveLook } from "./look";
import { createRng } from "./random";

const PROMPTS = [
  "",
  "at night",
  "black iron at midnight",
  "bronze at dusk in the rain",
  "neon at night",
  "ink sketch",
  "watercolour in the fog",
  "black marble snow",
  "dark navy glass at night",
  "pastel dawn",
];

describe("resolveLook", () => {
  it.each(PROMPTS)("keeps every colour of %j clearly above black", (prompt) => {
    for (const seed of [0, 1, 2]) {
      const look = resolveLook(findStyleWords(prompt), { main: "#000000", dark: "#050505", window: "#000010" }, createRng(seed));
      for (const colors of Object.values(look.slots)) {
        for (const color of [colors.lit, colors.base, colors.shade]) expect(luminance(color)).toBeGreaterThanOrEqual(MIN_SUBJECT_LUMINANCE - 1);
      }
      for (const color of [look.rim, look.outline, look.glow]) expect(luminance(color)).toBeGreaterThanOrEqual(MIN_SUBJECT_LUMINANCE - 1);
    }
  });

  it("lights windows in the evening and at night only", () => {
    const day = resolveLook(findStyleWords("noon"), {}, createRng(1));
    const night = resolveLook(findStyleWords("night"), {}, createRng(1));
    expect(luminance(night.slots.window.base)).toBeGreaterThan(luminance(day.slots.window.base) + 60);
  });
});
