import { describe, expect, it } from "vitest";
import { rewriteTopLevelDeclarations as rw } from "./declarations";

describe("rewriteTopLevelDeclarations", () => {
  it.each([
    ["const a = 1", "var   a = 1"],
    ["let a = 1, b", "var a = 1, b"],
    ["const {x, y: [z]} = o", "var   {x, y: [z]} = o"],
    ["let [p] = q", "var [p] = q"],
    ["class K {}\n(f)()", "var K = class K {};\n(f)()"],
    ["class K extends B { m() { return {a: 1} } }", "var K = class K extends B { m() { return {a: 1} } };"],
  ])("rewrites %j", (input, output) => {
    expect(rw(input)).toBe(output);
  });

  it.each([
    "function f() { const a = 1; let b = 2; class C {} }",
    "for (const x of xs) {}",
    "for (let i = 0; i < 3; i++) {}",
    "if (x) { const y = 2 }",
    "const_value + 1",
    "x = class K {}",
    "o.const = 1",
    "const s = `${a}`".slice(6),
    "'const a = 1'",
    "// const a = 1",
    "/* let a = 1 */",
    "x = /const a/.test(s)",
    "let = 5",
  ])("leaves %j alone", (input) => {
    expect(rw(input)).toBe(input);
  });

  it("finds declarations after templates, regexes and comments", () => {
    const code = "const t = `a ${ {b: `c ${d}`}.b } }`;\nconst r = /[}]/g; // }\nconst n = a / b / c;\nlet z = 1";
    expect(rw(code)).toBe(
      "var   t = `a ${ {b: `c ${d}`}.b } }`;\nvar   r = /[}]/g; // }\nvar   n = a / b / c;\nvar z = 1",
    );
  });
});
