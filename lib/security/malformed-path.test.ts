import { describe, expect, it } from "vitest";
import { isMalformedPath, malformedPathResponse } from "./malformed-path";
import { MALFORMED_PATHS } from "./testing/malformed-paths";

describe("isMalformedPath", () => {
  it.each(MALFORMED_PATHS)("%s is malformed", (p) => {
    expect(isMalformedPath(p)).toBe(true);
  });

  it.each(["/", "/g/abcDEF123456", "/assets/%20x.png", "/spaces/shape-3d/gradio_api/file=%2Ftmp%2Fa%20b.png", "/g/%E0%A4%A4"])(
    "%s is well formed",
    (p) => {
      expect(isMalformedPath(p)).toBe(false);
    },
  );
});

describe("malformedPathResponse", () => {
  it("answers 400 with a message in the shape each caller reads", async () => {
    const api = malformedPathResponse("/api/galleries/%");
    expect(api.status).toBe(400);
    expect(await api.json()).toEqual({ error: expect.stringMatching(/Malformed path/) });
    const space = malformedPathResponse("/spaces/%ZZ/config");
    expect(space.status).toBe(400);
    expect(await space.json()).toEqual({ detail: expect.stringMatching(/Malformed path/) });
    const page = malformedPathResponse("/g/%");
    expect(page.status).toBe(400);
    expect(page.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await page.text()).toMatch(/Malformed path/);
  });
});
