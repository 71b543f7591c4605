import { describe, expect, it } from "vitest";
import { API_CSP, BASE_HEADERS, frameAncestorsFor, headerRules, pageCsp } from "./headers.mjs";

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe("pageCsp", () => {
  it("allows only what the app uses, and nothing that evaluates strings in production", () => {
    const d = directives(pageCsp());
    expect(d.get("default-src")).toEqual(["'self'"]);
    expect(d.get("script-src")).toEqual(["'self'", "'unsafe-inline'", "'wasm-unsafe-eval'"]);
    expect(d.get("worker-src")).toEqual(["'self'", "blob:"]);
    expect(d.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(d.get("connect-src")?.[0]).toBe("'self'");
    expect(d.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'self'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("frame-ancestors")).toEqual(["'self'"]);
    for (const [, values] of d) expect(values).not.toContain("*.");
  });

  it("with a nonce, inline scripts need it: 'unsafe-inline' is gone from script-src (styles keep theirs)", () => {
    const d = directives(pageCsp({ nonce: "abc123==", frameAncestors: "*" }));
    expect(d.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'wasm-unsafe-eval'"]);
    expect(d.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.get("frame-ancestors")).toEqual(["*"]);
  });

  it("adds 'unsafe-eval' and websockets only in development", () => {
    expect(directives(pageCsp({ dev: true })).get("script-src")).toContain("'unsafe-eval'");
    expect(directives(pageCsp({ dev: true })).get("connect-src")).toContain("ws:");
    expect(pageCsp({ dev: false })).not.toContain("'unsafe-eval'");
  });
});

describe("frameAncestorsFor", () => {
  it("lets a gallery's embed page be framed anywhere, nothing else (the full page keeps its edit controls to itself)", () => {
    expect(frameAncestorsFor("/g/AbCdEfGhIjKlMnOpQrStUv/embed")).toBe("*");
    expect(frameAncestorsFor("/g/AbCdEfGhIjKlMnOpQrStUv/embed/")).toBe("*");
    expect(frameAncestorsFor("/g/AbCdEfGhIjKlMnOpQrStUv")).toBe("'self'");
    expect(frameAncestorsFor("/g/AbCdEfGhIjKlMnOpQrStUv/")).toBe("'self'");
    expect(frameAncestorsFor("/g/AbCdEfGhIjKlMnOpQrStUv/catalogue")).toBe("'self'");
    expect(frameAncestorsFor("/g/AbCdEfGhIjKlMnOpQrStUv/embed/x")).toBe("'self'");
    expect(frameAncestorsFor("/g/AbCdEfGhIjKlMnOpQrStUv/edit")).toBe("'self'");
    expect(frameAncestorsFor("/")).toBe("'self'");
    expect(frameAncestorsFor("/gallery")).toBe("'self'");
  });
});

describe("headerRules", () => {
  it("sends the base headers on every path and gives APIs a policy that loads nothing", () => {
    const rules = headerRules();
    expect(rules[0]).toEqual({ source: "/:path*", headers: BASE_HEADERS });
    expect(Object.fromEntries(BASE_HEADERS.map((h) => [h.key, h.value]))).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
    const permissions = BASE_HEADERS.find((h) => h.key === "Permissions-Policy")!.value;
    for (const off of ["camera=()", "microphone=()", "geolocation=()"]) expect(permissions).toContain(off);
    expect(API_CSP).toMatch(/^default-src 'none'/);
    const api = rules.find((r) => r.source === "/api/:path*")!;
    expect(api.headers).toContainEqual({ key: "Content-Security-Policy", value: API_CSP });
    expect(rules.find((r) => r.source === "/g/:id/edit")!.headers).toContainEqual({ key: "Referrer-Policy", value: "no-referrer" });
  });
});
