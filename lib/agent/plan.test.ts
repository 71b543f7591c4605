import { describe, expect, it } from "vitest";
import { parsePlan } from "./plan";

const good = {
  title: "Paris at Dusk",
  theme: "dusk",
  layout: { arrangement: "ring", notes: "" },
  exhibits: [
    { key: "eiffel-tower", title: "Eiffel Tower", prompt: "the Eiffel Tower at dusk", description: "Iron.", seed: 4 },
    { key: "Eiffel Tower", title: "Eiffel Tower again", prompt: "the Eiffel Tower at night" },
  ],
};

describe("parsePlan", () => {
  it("reads a fenced JSON plan and mends small mistakes", () => {
    const r = parsePlan(`Thought: ok\n\`\`\`json\n${JSON.stringify(good)}\n\`\`\``);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.exhibits.map((e) => e.key)).toEqual(["eiffel-tower", "eiffel-tower-2"]);
    expect(r.plan.exhibits[1]?.seed).toEqual(expect.any(Number));
    expect(r.plan.exhibits[1]?.description).toBe("");
    expect(r.plan.layout.arrangement).toBe("ring");
  });

  it("accepts bare JSON and a string layout", () => {
    const r = parsePlan(JSON.stringify({ ...good, layout: "a straight hall" }));
    expect(r.ok && r.plan.layout).toEqual({ arrangement: "hall", notes: "a straight hall" });
  });

  it("explains what is wrong", () => {
    const r = parsePlan("```json\n{\"title\": \"x\", \"exhibits\": [{\"title\": \"a\"}]}\n```");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/exhibits\.0\.prompt/);
    const bad = parsePlan("```json\n{title: x}\n```");
    expect(!bad.ok && bad.error).toMatch(/not valid JSON/);
    const none = parsePlan("no plan here");
    expect(!none.ok && none.error).toMatch(/No JSON/);
  });

  it("rejects more than 12 exhibits", () => {
    const many = { ...good, exhibits: Array.from({ length: 13 }, (_, i) => ({ title: `t${i}`, prompt: `p${i}` })) };
    expect(parsePlan(JSON.stringify(many)).ok).toBe(false);
  });
});
