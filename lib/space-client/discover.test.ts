import { describe, expect, it } from "vitest";
import { apiProblems } from "./api-check";
import { parseApiInfo } from "./api-info";
import { buildTool, chooseEndpoint, fetchAgentsAbout, toolName } from "./discover";
import { readFixtureJson } from "./testing/fixtures";
import { parseToolArgs } from "./tool-args";

const trellis = parseApiInfo(readFixtureJson("microsoft-trellis-2", "info.json"));
const hunyuan = parseApiInfo(readFixtureJson("tencent-hunyuan3d-2", "info.json"));
const flux = parseApiInfo(readFixtureJson("black-forest-labs-flux-1-schnell", "info.json"));

describe("parseApiInfo", () => {
  it("types parameters from /info: strings, numbers, booleans, enums (Literal), files with their kind, defaults", () => {
    const i23d = trellis["/image_to_3d"]!;
    expect(i23d.params.slice(0, 3)).toEqual([
      expect.objectContaining({ name: "image", kind: "file", fileKind: "image", required: true }),
      expect.objectContaining({ name: "seed", kind: "number", required: false, default: 0 }),
      expect.objectContaining({ name: "resolution", kind: "enum", enumValues: ["512", "1024", "1536"], default: "1024" }),
    ]);
    expect(trellis["/extract_glb"]!.returns.map((r) => [r.kind, r.fileKind])).toEqual([
      ["file", "model"],
      ["file", "file"],
    ]);
    expect(flux["/infer"]!.params.find((p) => p.name === "randomize_seed")).toMatchObject({ kind: "boolean", default: true });
    expect(hunyuan["/generation_all"]!.returns.map((r) => r.kind)).toEqual(["file", "file", "string", "json", "number"]);
  });

  it("rejects what is not an info payload", () => {
    expect(() => parseApiInfo({ hello: 1 })).toThrow();
  });
});

describe("apiProblems", () => {
  it("names every incompatibility in words", () => {
    const problems = apiProblems(flux, [
      { name: "/infer", params: [{ name: "prompt", kind: "number" }, { name: "cfg", kind: "number" }], returns: ["file", "file"] },
      { name: "/gone", params: [], returns: [] },
      { name: "/optional", params: [], returns: [], optional: true },
    ]);
    expect(problems).toEqual([
      "/infer parameter `prompt` is now a string (expected a number)",
      "/infer no longer takes `cfg`",
      "/infer output 2 (Seed) is now a number (expected a file)",
      "/gone no longer exists (it has /infer, /infer_1)",
    ]);
    expect(apiProblems(trellis, [{ name: "/image_to_3d", params: [{ name: "resolution", kind: "enum", values: ["2048"] }], returns: [] }])).toEqual([
      '/image_to_3d `resolution` no longer accepts "2048" (now 512, 1024, 1536)',
      "/image_to_3d now requires `image`, which Vernissage does not send",
    ]);
  });
});

describe("discovery", () => {
  it("picks the main endpoint, names the tool in snake_case and lists the others", () => {
    const chosen = chooseEndpoint(trellis);
    expect(chosen.name).toBe("/image_to_3d");
    const tool = buildTool("microsoft/TRELLIS.2", trellis, chosen, "Create 3D model from a single image");
    expect(tool.name).toBe("trellis_2_image_to_3d");
    expect(tool.description).toMatch(/^Create 3D model from a single image\. /);
    expect(tool.endpoints.map((e) => e.name)).toEqual(["/start_session", "/preprocess_image", "/get_seed", "/image_to_3d", "/extract_glb"]);
    expect(tool.signature.split("\n").slice(0, 4)).toEqual([
      "async function trellis_2_image_to_3d(args: {",
      "  image: AssetHandle; // Image Prompt; image file",
      "  seed?: number; // Seed; default 0",
      '  resolution?: "512" | "1024" | "1536"; // Resolution; default "1024"',
    ]);
    expect(tool.signature).toMatch(/\}\): Promise<\[string\]>; \/\/ 3D Asset Preview$/);
  });

  it("lets the caller choose an endpoint, and says which exist when it is wrong", () => {
    expect(chooseEndpoint(trellis, "extract_glb").name).toBe("/extract_glb");
    expect(() => chooseEndpoint(trellis, "/nope")).toThrow(/No endpoint \/nope; the Space has \/start_session, /);
  });

  it("names tools from ids and URLs", () => {
    expect(toolName("VAST-AI/TripoSplat", "/generate_splat")).toBe("tripo_splat_generate_splat");
    expect(toolName("https://someone-my-space.hf.space", "/predict")).toBe("someone_my_space_predict");
    expect(toolName("http://127.0.0.1:3000/spaces/sketch-image", "/generate")).toBe("sketch_image_generate");
  });

  it("reads the Space's one-line description from agents.md, tolerating failure", async () => {
    const ok = (async () =>
      new Response(
        "To use this application (microsoft/TRELLIS.2: Create 3D model from a single image):\nAPI schema: GET https://microsoft-trellis-2.hf.space/gradio_api/info\n",
      )) as unknown as typeof fetch;
    expect(await fetchAgentsAbout("microsoft/TRELLIS.2", ok)).toBe("Create 3D model from a single image");
    const down = (async () => {
      throw new Error("offline");
    }) as unknown as typeof fetch;
    expect(await fetchAgentsAbout("microsoft/TRELLIS.2", down)).toBeUndefined();
    expect(await fetchAgentsAbout("https://x.hf.space", ok)).toBeUndefined();
  });

  it("validates tool arguments with model-readable errors; file arguments are asset handles", () => {
    const tool = buildTool("microsoft/TRELLIS.2", trellis, chooseEndpoint(trellis));
    const sha = "a".repeat(64);
    expect(parseToolArgs(tool.parameters, { image: { kind: "image", id: sha }, resolution: 1024 })).toEqual({ image: { sha256: sha }, resolution: "1024" });
    expect(() => parseToolArgs(tool.parameters, { resolution: "2048", seed: "x" })).toThrow(
      /`image`: .*; `seed`: .*; `resolution`: must be one of "512", "1024", "1536"/,
    );
  });
});
