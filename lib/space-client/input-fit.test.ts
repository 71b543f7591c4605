import { describe, expect, it } from "vitest";
import { parseApiInfo, withComponentProps, type ParamSpec } from "./api-info";
import { classifyError } from "./errors";
import { fitArgs, fitValue } from "./input-fit";
import { readFixtureJson } from "./testing/fixtures";

const schema = (fixture: string) => withComponentProps(parseApiInfo(readFixtureJson(fixture, "info.json")), readFixtureJson(fixture, "config.json"));
const p = (more: Partial<ParamSpec>): ParamSpec => ({ name: "x", label: "x", component: "Slider", kind: "number", required: false, description: "", pythonType: "float", ...more });

describe("a Space's schema, from /info and /config together", () => {
  it("reads slider ranges and steps from /config's props, and /info's words where /config has none", () => {
    const hy = schema("tencent-hunyuan3d-2")["/generation_all"]!;
    expect(hy.params.find((x) => x.name === "seed")).toMatchObject({ minimum: 0, maximum: 10_000_000, step: 1 });
    // Guidance has no step in /config: the range alone.
    expect(hy.params.find((x) => x.name === "guidance_scale")).toMatchObject({ minimum: 1, maximum: 20 });
    const info = parseApiInfo(readFixtureJson("tencent-hunyuan3d-2", "info.json"))["/generation_all"]!;
    expect(info.params.find((x) => x.name === "seed")).toMatchObject({ minimum: 0, maximum: 10_000_000 });
  });

  it("reads a Dropdown's choices from /config (values of [label, value] pairs)", () => {
    const gen = schema("vast-ai-triposplat")["/generate"]!;
    expect(gen.params.find((x) => x.name === "num_gaussians")).toMatchObject({ kind: "enum", enumValues: ["32768", "65536", "131072", "262144"] });
    expect(gen.params.find((x) => x.name === "seed")).toMatchObject({ kind: "number", component: "Number" });
  });

  it("leaves the endpoints as they are when /config does not parse or does not match", () => {
    const eps = parseApiInfo(readFixtureJson("vast-ai-triposplat", "info.json"));
    expect(withComponentProps(eps, { nonsense: true })).toEqual(eps);
    expect(withComponentProps(eps, { components: [], dependencies: [{ api_name: "generate", inputs: [99] }] })).toEqual(eps);
  });
});

describe("fitting a call to the schema", () => {
  it("sends every parameter by name: ours where given, the Space's default otherwise; drops names it does not have", () => {
    const ep = schema("tencent-hunyuan3d-2")["/generation_all"]!;
    const args = fitArgs(ep, { caption: "", image: { path: "/tmp/a.png" }, seed: 5, no_such: 1 });
    expect(Object.keys(args)).toEqual(ep.params.map((x) => x.name));
    expect(args).toMatchObject({ caption: "", seed: 5, steps: 30, octree_resolution: 256, num_chunks: 8000, randomize_seed: true });
    expect(args).not.toHaveProperty("no_such");
  });

  it("refuses a call that lacks a required parameter, as an API change", () => {
    const ep = { name: "/go", description: "", params: [p({ name: "prompt", kind: "string", required: true })], returns: [] };
    expect(() => fitArgs(ep, {})).toThrow(/\/go requires `prompt`/);
  });

  it("folds a seed into its slider's range (distinct seeds stay distinct), clamps anything else, and keeps to the step", () => {
    const seed = p({ name: "seed", minimum: 0, maximum: 10_000_000, step: 1 });
    expect(fitValue(seed, 2_147_483_647)).toBe(2_147_483_647 % 10_000_001);
    expect(fitValue(seed, 2_147_483_646)).not.toBe(fitValue(seed, 2_147_483_647));
    expect(fitValue(seed, 1234)).toBe(1234);
    expect(fitValue(p({ name: "random_seed", minimum: 10, maximum: 19, step: 1 }), 25)).toBe(15);
    const size = p({ name: "width", minimum: 256, maximum: 1024, step: 16 });
    expect(fitValue(size, 2048)).toBe(1024);
    expect(fitValue(size, 100)).toBe(256);
    expect(fitValue(size, 1000)).toBe(1008);
    expect(fitValue(p({ minimum: 0, maximum: 1, step: 0.1 }), 0.34)).toBe(0.3);
    expect(fitValue(p({ minimum: 100000, maximum: 1000000, step: 10000 }), 1_234_567)).toBe(1_000_000);
    expect(fitValue(p({ kind: "integer", pythonType: "int" }), 2.6)).toBe(3);
    expect(fitValue(p({ minimum: 1, maximum: 20 }), "7.5")).toBe(7.5);
  });

  it("spells a choice as the Space does, else maps it to the nearest listed one, else its default", () => {
    const octree = p({ name: "octree_resolution", kind: "enum", component: "Dropdown", enumValues: ["256", "384", "512"], default: "256" });
    expect(fitValue(octree, 256)).toBe("256");
    expect(fitValue(octree, 300)).toBe("256");
    expect(fitValue(octree, 1000)).toBe("512");
    const algo = p({ name: "algo", kind: "enum", component: "Radio", enumValues: ["stochastic", "multidiffusion"], default: "stochastic" });
    expect(fitValue(algo, "MultiDiffusion")).toBe("multidiffusion");
    expect(fitValue(algo, "something else")).toBe("stochastic");
  });

  it("puts files in the form their component wants", () => {
    const ref = { path: "/tmp/a.png", meta: { _type: "gradio.FileData" } };
    expect(fitValue(p({ kind: "files", component: "Gallery" }), ref)).toEqual([{ image: ref, caption: null }]);
    expect(fitValue(p({ kind: "files", component: "Gallery" }), [])).toEqual([]);
    expect(fitValue(p({ kind: "files", component: "File" }), ref)).toEqual([ref]);
    expect(fitValue(p({ kind: "file", component: "Image" }), ref)).toBe(ref);
  });
});

describe("how Gradio's refusals are classified", () => {
  it.each([
    ["Value 2147483647 is greater than maximum value 10000000.", "input"],
    ["Value -1 is less than minimum value 0.", "input"],
    ["Value: 300 is not in the list of choices: [256, 384, 512]", "input"],
    ["No GPU was available after 60s. Retry later", "transient"],
  ])("%s → %s", (message, kind) => {
    expect(classifyError(Object.assign(new Error(message), { title: kind === "transient" ? "ZeroGPU quota exceeded" : "Error" })).kind).toBe(kind);
  });

  it("words a spent quota for people, and keeps when it refills for the breaker", () => {
    const e = classifyError(Object.assign(new Error("You have exceeded your GPU quota (60s requested vs. 56s left). Try again in 5:07."), { title: "ZeroGPU quota exceeded" }));
    expect(e).toMatchObject({ kind: "quota", retryAfterMs: 307_000 });
    expect(e.message).toBe(
      "Your ZeroGPU quota is used up (this call needs 60 s of GPU time, 56 s are left); it refills in 5 min. A Hugging Face PRO token has several times more daily GPU time.",
    );
    expect(classifyError(new Error("ZeroGPU quota exceeded")).message).toMatch(/used up; it refills over the day\./);
  });
});
