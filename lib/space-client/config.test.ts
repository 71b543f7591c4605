import { describe, expect, it } from "vitest";
import { resolveSpaceRef, spaceSubdomain } from "./catalog";
import { configVariables } from "@/lib/platform/config";
import { concurrencyFor, defaultConcurrency, defaultTimeoutsMs, loadSpaceClientConfig, timeoutFor } from "./config";
import { defaultBreakerOptions } from "./resilience/breaker";
import { defaultRetryPolicy } from "./resilience/retry";

describe("loadSpaceClientConfig", () => {
  it("uses the built-ins alone without HF_TOKEN, two per capability", () => {
    const c = loadSpaceClientConfig({});
    expect(c.builtinBase).toBe("http://127.0.0.1:3000/spaces");
    expect(c.spaces["text-to-image"].map((e) => [e.key, e.adapter])).toEqual([
      ["builtin:sketch-image", "sketch"],
      ["builtin:ink-image", "sketch"],
    ]);
    expect(c.spaces["image-to-3d"].map((e) => [e.key, e.adapter])).toEqual([
      ["builtin:shape-3d", "builtin-shape"],
      ["builtin:relief-3d", "builtin-shape"],
    ]);
    expect(c.spaces["image-to-splat"].map((e) => [e.key, e.adapter])).toEqual([["builtin:splat-3d", "triposplat"]]);
    expect(c.token).toBeUndefined();
  });

  it("puts real Spaces first and the built-ins last with HF_TOKEN, on PORT", () => {
    const c = loadSpaceClientConfig({ HF_TOKEN: "hf_x", PORT: "4123" });
    expect(c.spaces["text-to-image"].map((e) => e.key)).toEqual([
      "black-forest-labs/flux-klein-9b-kv",
      "black-forest-labs/FLUX.1-schnell",
      "builtin:sketch-image",
      "builtin:ink-image",
    ]);
    expect(c.spaces["image-to-3d"].map((e) => e.key)).toEqual(["microsoft/TRELLIS.2", "trellis-community/TRELLIS", "tencent/Hunyuan3D-2", "builtin:shape-3d", "builtin:relief-3d"]);
    expect(c.spaces["image-to-splat"].map((e) => e.key)).toEqual(["VAST-AI/TripoSplat", "builtin:splat-3d"]);
    expect(c.spaces["text-to-image"][2]!.target).toBe("http://127.0.0.1:4123/spaces/sketch-image");
    expect(c.spaces["image-to-3d"][4]!.target).toBe("http://127.0.0.1:4123/spaces/relief-3d");
  });

  it("reads the fallback order from SPACES_*, accepting ids, hf.space URLs, built-in names and built-in URLs with a fault suffix", () => {
    const c = loadSpaceClientConfig({
      BUILTIN_SPACES_URL: "http://localhost:9000/spaces/",
      SPACES_TEXT_TO_IMAGE: "https://black-forest-labs-flux-1-schnell.hf.space, http://localhost:9000/spaces/sketch-image--fail-50, sketch-image",
      SPACES_IMAGE_TO_3D: "tencent/hunyuan3d-2,someone/other-3d",
    });
    const t2i = c.spaces["text-to-image"];
    expect(t2i.map((e) => [e.key, e.adapter])).toEqual([
      ["black-forest-labs/FLUX.1-schnell", "flux-schnell"],
      ["builtin:sketch-image--fail-50", "sketch"],
      ["builtin:sketch-image", "sketch"],
    ]);
    expect(t2i[0]!.target).toBe("https://black-forest-labs-flux-1-schnell.hf.space");
    expect(c.spaces["image-to-3d"].map((e) => [e.key, e.adapter])).toEqual([
      ["tencent/Hunyuan3D-2", "hunyuan3d2"],
      ["someone/other-3d", "generic"],
    ]);
  });

  it("skips unusable entries with a warning and never sends the token to non-HF hosts", () => {
    const c = loadSpaceClientConfig({ SPACES_TEXT_TO_IMAGE: "not a space!, ftp://x.org/a", SPACE_CONCURRENCY: "shape-3d=2,bad,microsoft/TRELLIS.2=0" });
    expect(c.spaces["text-to-image"].map((e) => e.key)).toEqual(["builtin:sketch-image", "builtin:ink-image"]);
    expect(c.warnings.join("\n")).toMatch(/not a space!/);
    expect(c.warnings.join("\n")).toMatch(/SPACE_CONCURRENCY: cannot read "bad"/);
    expect(c.warnings.join("\n")).toMatch(/microsoft\/TRELLIS.2=0/);
    expect(c.spaces["image-to-3d"][0]!.hf).toBe(false);
  });

  it("resolves concurrency: ZeroGPU 1, built-ins 4, overrides by name", () => {
    const c = loadSpaceClientConfig({ HF_TOKEN: "hf_x", SPACE_CONCURRENCY: "shape-3d=2,microsoft/TRELLIS.2=1,tencent/Hunyuan3D-2=3" });
    const byKey = Object.fromEntries(c.spaces["image-to-3d"].map((e) => [e.key, concurrencyFor(e, c)]));
    expect(byKey).toEqual({ "microsoft/TRELLIS.2": 1, "trellis-community/TRELLIS": 1, "tencent/Hunyuan3D-2": 3, "builtin:shape-3d": 2, "builtin:relief-3d": 4 });
    expect(concurrencyFor(c.spaces["text-to-image"][0]!, c)).toBe(1);
    expect(concurrencyFor(c.spaces["text-to-image"][2]!, c)).toBe(4);
  });

  it("resolves timeouts by capability and per Space (seconds in SPACE_TIMEOUTS)", () => {
    const c = loadSpaceClientConfig({ HF_TOKEN: "hf_x", SPACE_TIMEOUTS: "text-to-image=30,microsoft/TRELLIS.2=900" });
    expect(timeoutFor(c.spaces["text-to-image"][0]!, c)).toBe(30_000);
    expect(timeoutFor(c.spaces["image-to-3d"][0]!, c)).toBe(900_000);
    expect(timeoutFor(c.spaces["image-to-3d"][1]!, c)).toBe(480_000);
  });

  it("reads the retry and breaker settings, and warns of a bad one, naming it, and of nothing else", () => {
    const c = loadSpaceClientConfig({ SPACE_RETRIES: "0", SPACE_RETRY_BASE_MS: "20", SPACE_BREAKER_THRESHOLD: "5", SPACE_BREAKER_COOLDOWN_S: "x", MODEL_WORKERS: "x" });
    expect(c.retry).toEqual({ ...defaultRetryPolicy, transientRetries: 0, baseDelayMs: 20 });
    expect(c.breaker).toEqual({ ...defaultBreakerOptions, failureThreshold: 5 });
    expect(c.warnings).toEqual(['SPACE_BREAKER_COOLDOWN_S must be a whole number of at least 1, not "x" (ignored)']);
    expect(loadSpaceClientConfig({ BUILTIN_SPACES_URL: "not a url", PORT: "" })).toMatchObject({
      builtinBase: "http://127.0.0.1:3000/spaces",
      warnings: ['BUILTIN_SPACES_URL must be an http or https URL, not "not a url" (ignored)'],
    });
  });

  it("has the defaults the README states", () => {
    expect(configVariables.SPACE_RETRIES.default).toBe(String(defaultRetryPolicy.transientRetries));
    expect(configVariables.SPACE_RETRY_BASE_MS.default).toBe(String(defaultRetryPolicy.baseDelayMs));
    expect(configVariables.SPACE_BREAKER_THRESHOLD.default).toBe(String(defaultBreakerOptions.failureThreshold));
    expect(configVariables.SPACE_BREAKER_COOLDOWN_S.default).toBe(String(defaultBreakerOptions.coolDownMs / 1000));
    expect(configVariables.SPACE_TIMEOUTS.default).toBe(
      `${defaultTimeoutsMs["text-to-image"] / 1000} (image), ${defaultTimeoutsMs["image-to-3d"] / 1000} (3D), ${defaultTimeoutsMs["image-to-splat"] / 1000} (splat, custom)`,
    );
    expect(defaultTimeoutsMs.custom).toBe(defaultTimeoutsMs["image-to-splat"]);
    expect(configVariables.SPACE_CONCURRENCY.default).toBe(
      `${defaultConcurrency.zeroGpu} for ZeroGPU Spaces, ${defaultConcurrency.builtin} for built-ins, ${defaultConcurrency.other} for others`,
    );
  });
});

describe("resolveSpaceRef", () => {
  it("derives the Space host by the Hub's rule", () => {
    expect(spaceSubdomain("microsoft/TRELLIS.2")).toBe("microsoft-trellis-2");
  });

  it("resolves the second built-ins by name and by URL, fault suffix included, to their capability's adapter", () => {
    const base = "http://127.0.0.1:3000/spaces";
    expect(resolveSpaceRef("relief-3d", "image-to-3d", base)).toMatchObject({
      key: "builtin:relief-3d",
      target: `${base}/relief-3d`,
      adapter: "builtin-shape",
      builtin: true,
      zeroGpu: false,
    });
    expect(resolveSpaceRef(`${base}/relief-3d~error=1~seed=2`, "image-to-3d", base)).toMatchObject({
      key: "builtin:relief-3d~error=1~seed=2",
      adapter: "builtin-shape",
    });
    expect(resolveSpaceRef("ink-image", "text-to-image", base)).toMatchObject({ key: "builtin:ink-image", adapter: "sketch" });
    const c = loadSpaceClientConfig({ SPACE_CONCURRENCY: "relief-3d=1" });
    expect(concurrencyFor(resolveSpaceRef(`${base}/relief-3d~latency=5`, "image-to-3d", base), c)).toBe(1);
  });

  it("keeps custom URLs as given (the URL guard vets them at connect)", () => {
    const e = resolveSpaceRef("https://someone-thing.hf.space/", "custom", "http://127.0.0.1:3000/spaces");
    expect(e).toMatchObject({ key: "https://someone-thing.hf.space", hf: true, builtin: false, adapter: "generic" });
    expect(resolveSpaceRef("https://gradio.example.org", "custom", "http://127.0.0.1:3000/spaces").hf).toBe(false);
    expect(() => resolveSpaceRef("http://127.0.0.1:3000/spaces", "text-to-image", "http://127.0.0.1:3000/spaces")).toThrow(/base itself/);
  });

  it("takes the built-in base under the app's other loopback names (README's http://localhost:3000/spaces/…)", () => {
    const base = "http://127.0.0.1:3000/spaces";
    expect(resolveSpaceRef("http://localhost:3000/spaces/relief-3d", "image-to-3d", base)).toMatchObject({
      key: "builtin:relief-3d",
      target: `${base}/relief-3d`,
      adapter: "builtin-shape",
      builtin: true,
    });
    expect(resolveSpaceRef("http://[::1]:3000/spaces/ink-image/", "custom", base)).toMatchObject({ target: `${base}/ink-image`, builtin: true });
    expect(resolveSpaceRef("http://localhost:3000/spaces/sketch-image", "custom", "http://localhost:3000/spaces")).toMatchObject({ builtin: true });
    // Another port, scheme or path is not ours: a plain URL, for the SSRF guard to judge.
    for (const other of ["http://localhost:3001/spaces/relief-3d", "https://localhost:3000/spaces/relief-3d", "http://localhost:3000/admin"]) {
      expect(resolveSpaceRef(other, "custom", base).builtin, other).toBe(false);
    }
    // A base elsewhere has no loopback aliases.
    expect(resolveSpaceRef("http://localhost:3000/spaces/relief-3d", "custom", "https://spaces.example.org/spaces").builtin).toBe(false);
  });
});
