import { describe, expect, it } from "vitest";
import { framedEditProblem } from "./edit-capability";

const h = (init: Record<string, string>) => new Headers(init);

describe("framedEditProblem", () => {
  it("refuses a framed navigation and anything sent from the embed page", () => {
    expect(framedEditProblem(h({ "sec-fetch-dest": "iframe" }))).toMatch(/frame/);
    expect(framedEditProblem(h({ "sec-fetch-dest": "frame" }))).toMatch(/frame/);
    expect(framedEditProblem(h({ referer: "http://127.0.0.1:3000/g/AbCdEfGhIjKlMnOpQrStUv/embed" }))).toMatch(/embedded/);
    expect(framedEditProblem(h({ referer: "http://127.0.0.1:3000/g/AbCdEfGhIjKlMnOpQrStUv/embed?tour=1" }))).toMatch(/embedded/);
  });
  it("lets the gallery page's own requests through", () => {
    expect(framedEditProblem(h({ "sec-fetch-dest": "empty", referer: "http://127.0.0.1:3000/g/AbCdEfGhIjKlMnOpQrStUv" }))).toBeNull();
    expect(framedEditProblem(h({ "sec-fetch-dest": "document" }))).toBeNull();
    expect(framedEditProblem(h({ referer: "not a url" }))).toBeNull();
    expect(framedEditProblem(h({}))).toBeNull();
  });
});
