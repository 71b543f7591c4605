// A body nested far deeper than any real call is bad input like any other: a 4xx with a message, never a 500.
import { describe, expect, it } from "vitest";
import { jsonDepthExceeds, MAX_JSON_DEPTH } from "./http";
import { mountTestSpaceForFile } from "./testing/harness";
import { testSpace } from "./testing/test-space";

const space = mountTestSpaceForFile(() => testSpace());

const DEEP = "[".repeat(10_000) + "]".repeat(10_000);
const post = (path: string, body: string) =>
  fetch(`${space.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body });

describe("a JSON body nested 10,000 deep", () => {
  const bodies: [string, string][] = [
    ["as data, beside a bad fn_index", `{"data":${DEEP},"fn_index":"x","session_hash":"deep1"}`],
    ["as data, with a wrong session hash", `{"data":${DEEP},"fn_index":0,"session_hash":5}`],
    ["as one argument, beside a bad fn_index", `{"data":[${DEEP}],"fn_index":"x","session_hash":"deep2"}`],
    ["as an extra field", `{"data":[],"extra":${DEEP},"fn_index":"x","session_hash":"deep3"}`],
    ["as the whole body", DEEP],
  ];
  for (const [label, body] of bodies) {
    it(`queue/join: ${label} is a 4xx with a message`, async () => {
      const res = await post("/gradio_api/queue/join", body);
      const text = await res.text();
      expect(res.status, text.slice(0, 200)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(text).toMatch(/detail/);
    });
  }
});

describe("the depth bound", () => {
  it("counts only brackets outside strings, escaped quotes included", () => {
    expect(jsonDepthExceeds(`{"a":"[[[[[[[[[[\\"[[[[[["}`, 2)).toBe(false);
    expect(jsonDepthExceeds(`[[["]"]]]`, 2)).toBe(true);
    expect(jsonDepthExceeds(`[[]]`, 2)).toBe(false);
  });

  it("lets a body just under the bound through to the endpoint's own checks", async () => {
    const deep = "[".repeat(MAX_JSON_DEPTH - 1) + "]".repeat(MAX_JSON_DEPTH - 1);
    const res = await post("/gradio_api/queue/join", `{"data":${deep},"fn_index":"x","session_hash":"ok"}`);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { detail: { loc: unknown[] }[] };
    expect(body.detail[0]!.loc).toEqual(["body", "fn_index"]);
  });
});
