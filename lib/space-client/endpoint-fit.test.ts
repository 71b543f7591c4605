import { describe, expect, it } from "vitest";
import { parseApiInfo, type EndpointSpec } from "./api-info";
import { buildTool, chooseEndpoint } from "./discover";
import { bestFit, fitEndpoint, type EndpointShape } from "./endpoint-fit";
import { readFixtureJson } from "./testing/fixtures";

const info = (fixture: string) => parseApiInfo(readFixtureJson(fixture, "info.json"));
const flux = info("black-forest-labs-flux-1-schnell");
const klein = info("black-forest-labs-flux-klein-9b-kv");
const hunyuan = info("tencent-hunyuan3d-2");
const trellis = info("microsoft-trellis-2");
const splat = info("vast-ai-triposplat");
const trellisCommunity = info("trellis-community-trellis");

const param = (name: string, kind: EndpointSpec["params"][number]["kind"], more: Partial<EndpointShape["params"][number]> = {}) => ({ name, kind, required: false, ...more });

describe("the endpoint-fit judge", () => {
  it("picks each real Space's endpoint for its capability, and the output that holds the file", () => {
    expect(bestFit(flux, "text-to-image")).toMatchObject({ endpoint: "/infer", main: "prompt", output: 0 });
    expect(bestFit(klein, "text-to-image")).toMatchObject({ endpoint: "/generate", main: "prompt", output: 0 });
    expect(bestFit(hunyuan, "image-to-3d")).toMatchObject({ endpoint: "/shape_generation", main: "image", output: 0 });
    // TripoSplat's one handler: the .ply comes through its DownloadButton, the third output.
    expect(bestFit(splat, "image-to-splat")).toMatchObject({ endpoint: "/generate", main: "image", output: 2 });
    expect(bestFit(trellisCommunity, "image-to-3d")).toMatchObject({ endpoint: "/generate_and_extract_glb", main: "image", output: 1 });
    // TRELLIS.2 is a session chain: no single endpoint takes a picture and returns a model.
    expect(bestFit(trellis, "image-to-3d")).toBeNull();
    expect(bestFit(flux, "image-to-3d")).toBeNull();
  });

  it("fills what it recognises by name, randomize off, and leaves the rest at their defaults", () => {
    const fit = bestFit(flux, "text-to-image")!;
    expect(fit.fill("a lighthouse", { seed: 7, width: 512, height: 768 })).toEqual({ prompt: "a lighthouse", seed: 7, randomize_seed: false, width: 512, height: 768 });
    const ref = { path: "/tmp/x.png" };
    expect(bestFit(splat, "image-to-splat")!.fill(ref, { seed: 3 })).toEqual({ image: ref, seed: 3 });
  });

  it("refuses an endpoint with a required parameter it cannot fill", () => {
    const ep: EndpointShape = {
      name: "/generate",
      params: [param("prompt", "string", { required: true }), param("style", "enum", { required: true })],
      returns: [{ kind: "file", fileKind: "image" }],
    };
    expect(fitEndpoint(ep, "text-to-image")).toBeNull();
    expect(fitEndpoint({ ...ep, params: [ep.params[0]!, param("style", "enum")] }, "text-to-image")).not.toBeNull();
  });

  it("prefers endpoint names that sound like the capability's main action", () => {
    const returnsModel = [{ kind: "file" as const, fileKind: "model" as const }];
    const image = param("image", "file", { required: true, fileKind: "image" });
    const a = fitEndpoint({ name: "/lambda_2", params: [image], returns: returnsModel }, "image-to-3d")!;
    const b = fitEndpoint({ name: "/image_to_3d", params: [image], returns: returnsModel }, "image-to-3d")!;
    expect(b.score).toBeGreaterThan(a.score);
  });

  it("judges a discovered tool's parameters and returns the same way (the swap dialog's question)", () => {
    const tool = (endpoints: Record<string, EndpointSpec>, wanted?: string) => {
      const t = buildTool("someone/space", endpoints, chooseEndpoint(endpoints, wanted));
      return { params: t.parameters, returns: t.returns };
    };
    expect(fitEndpoint(tool(flux), "text-to-image")).not.toBeNull();
    expect(fitEndpoint(tool(splat, "/generate"), "image-to-3d")).not.toBeNull();
    expect(fitEndpoint(tool(trellis), "image-to-3d")).toBeNull();
    expect(fitEndpoint(tool(trellis), "text-to-image")).toBeNull();
  });
});
