import { describe, expect, it } from "vitest";
import { goalSchema } from "./goal";
import { GOAL_MAX_LENGTH } from "./goal-length";

describe("goalSchema", () => {
  it("keeps a normal goal, trimming and collapsing whitespace", () => {
    expect(goalSchema.parse("  a gallery of   the monuments of Paris\n at dusk ")).toBe("a gallery of the monuments of Paris at dusk");
  });

  it("removes invisible control and bidi characters but keeps other scripts and emoji", () => {
    expect(goalSchema.parse("Tokyo\u202e tower\u200b 東京タワー 🗼")).toBe("Tokyo tower 東京タワー 🗼");
  });

  it.each([
    ["", "Describe the gallery"],
    ["   ", "Describe the gallery"],
    ["!!!???", "needs some words"],
    ["x".repeat(GOAL_MAX_LENGTH + 1), "under 500 characters"],
  ])("refuses %j with a clear message", (input, message) => {
    const r = goalSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain(message);
  });

  it("refuses non-strings", () => {
    expect(goalSchema.safeParse(42).success).toBe(false);
    expect(goalSchema.safeParse(undefined).success).toBe(false);
  });

  it("treats HTML as plain text (it is escaped when shown)", () => {
    expect(goalSchema.parse("<script>alert(1)</script> Paris")).toBe("<script>alert(1)</script> Paris");
  });
});
