// Pulls the code out of a model reply. Models are inconsistent about format, and a parse failure costs a
// whole step, so this accepts every common shape: <code>…</code> (closing tag often cut by the stop
// sequence), ```js / ```javascript / ```ts / bare ``` fences, and a fence left unterminated.

export interface ParsedReply {
  /** The reasoning before the code, without a leading "Thought:". */
  thought: string;
  code: string;
}

const CODE_LANGS = new Set(["", "js", "javascript", "ts", "typescript", "mjs", "jsx", "tsx", "node", "es6", "ecmascript"]);

function cleanThought(text: string): string {
  return text.replace(/^\s*(thought|thoughts)\s*:\s*/i, "").trim();
}

export function parseCodeBlock(reply: string): ParsedReply | null {
  // 1. <code> … </code> (smolagents' format; the closing tag is usually eaten by the stop sequence).
  const tag = /<code>\s*\n?([\s\S]*?)(?:<\/code>|$)/i.exec(reply);
  if (tag && tag[1] !== undefined) {
    const inner = stripFence(tag[1]);
    if (inner.trim()) return { thought: cleanThought(reply.slice(0, tag.index)), code: inner.trim() };
  }
  // 2. Fenced blocks. Several JS blocks in one reply are joined, like smolagents does.
  const fence = /(^|\n)[ \t]*```[ \t]*([A-Za-z0-9_+-]*)[^\n]*\n([\s\S]*?)(?:\n[ \t]*```[ \t]*(?=\n|$)|$)/g;
  const blocks: string[] = [];
  let firstIndex = -1;
  for (const m of reply.matchAll(fence)) {
    const lang = (m[2] ?? "").toLowerCase();
    if (!CODE_LANGS.has(lang)) continue;
    const body = (m[3] ?? "").replace(/\n?[ \t]*```[ \t]*$/, "");
    if (!body.trim()) continue;
    if (firstIndex < 0) firstIndex = m.index ?? 0;
    blocks.push(body.trim());
  }
  if (blocks.length > 0) return { thought: cleanThought(reply.slice(0, firstIndex)), code: blocks.join("\n\n") };
  return null;
}

function stripFence(text: string): string {
  const m = /^\s*```[A-Za-z0-9_+-]*[^\n]*\n([\s\S]*?)(?:\n?```\s*)?$/.exec(text);
  return m?.[1] ?? text;
}

/** The thought alone, for replies with no code block (shown to the person and quoted back to the model). */
export function thoughtOf(reply: string): string {
  return cleanThought(reply.split(/<code>|```/)[0] ?? "");
}
