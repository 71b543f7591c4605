import { describe, expect, it } from "vitest";
import { parseCodeBlock } from "./parse-code";

describe("parseCodeBlock", () => {
  it.each([
    ["<code> tags", "Thought: go.\n<code>\nconst a = 1;\n</code>", "const a = 1;", "go."],
    ["<code> cut by the stop sequence", "Thought: go.\n<code>\nconst a = 1;\n", "const a = 1;", "go."],
    ["```js", "Thoughts: plan\n```js\nawait f();\n```\nmore text", "await f();", "plan"],
    ["```javascript", "x\n```javascript\nlet b = 2\n```", "let b = 2", "x"],
    ["```ts", "```ts\nconst c: number = 3\n```", "const c: number = 3", ""],
    ["bare fence", "Here:\n```\nfoo()\n```", "foo()", "Here:"],
    ["unterminated fence", "Thought: t\n```js\nfoo();\nbar();", "foo();\nbar();", "t"],
    ["fence inside <code>", "<code>\n```js\nx()\n```\n</code>", "x()", ""],
  ])("%s", (_name, reply, code, thought) => {
    const parsed = parseCodeBlock(reply);
    expect(parsed?.code).toBe(code);
    expect(parsed?.thought).toBe(thought);
  });

  it("joins several JS blocks and ignores JSON and prose", () => {
    const parsed = parseCodeBlock("a\n```json\n{\"x\":1}\n```\n```js\none()\n```\ntext\n```js\ntwo()\n```");
    expect(parsed?.code).toBe("one()\n\ntwo()");
  });

  it("returns null when there is no code", () => {
    expect(parseCodeBlock("I will now build the gallery.")).toBeNull();
    expect(parseCodeBlock("")).toBeNull();
    expect(parseCodeBlock("```json\n{}\n```")).toBeNull();
  });
});
