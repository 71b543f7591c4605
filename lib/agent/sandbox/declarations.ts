// Steps run as global scripts (with top-level await), so a top-level `var` or `function` outlives the step
// but a top-level `const`/`let`/`class` is a lexical binding: the next step that says `const results = …`
// again dies with "redeclaration of 'results'" — models do that constantly. Rewriting top-level lexical
// declarations to `var` gives the Python-like "variables persist, re-assigning is fine" behaviour and puts
// every top-level name on globalThis, where the state snapshot can see it.
//
// This is a small scanner, not a parser: it tracks strings, template literals, comments, regular
// expressions and bracket depth well enough to find declarations at depth 0. Column positions are kept
// (`const` becomes `var  `) so error locations still point at the model's code.

const IDENT_START = /[A-Za-z_$\u0080-\uffff]/;
const IDENT_PART = /[A-Za-z0-9_$\u0080-\uffff]/;

/** Keywords after which a `/` starts a regular expression rather than a division. */
const REGEX_AFTER_WORD = new Set([
  "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else",
  "yield", "await",
]);

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

type Frame = "(" | "[" | "{" | "${";

export function rewriteTopLevelDeclarations(code: string): string {
  const edits: Edit[] = [];
  const stack: Frame[] = [];
  // What the previous significant token was, to tell a regex from a division.
  let prev: { kind: "word" | "value" | "punct"; text: string } = { kind: "punct", text: ";" };
  // A rewritten `class` needs a `;` after its body, or a following `(`/`[` line would call/index it.
  let classBodyPending = false;
  let classBodyDepth = -1;
  let i = 0;
  const n = code.length;

  const skipString = (quote: string) => {
    i++;
    while (i < n && code[i] !== quote) {
      if (code[i] === "\\") i++;
      else if (code[i] === "\n") break; // unterminated: let QuickJS report it
      i++;
    }
    i++;
  };

  // Scans template text from i (just after ` or after the } closing a substitution).
  const scanTemplate = () => {
    while (i < n) {
      const c = code[i];
      if (c === "\\") {
        i += 2;
        continue;
      }
      if (c === "`") {
        i++;
        return;
      }
      if (c === "$" && code[i + 1] === "{") {
        i += 2;
        stack.push("${");
        return;
      }
      i++;
    }
  };

  const skipRegex = () => {
    i++;
    let inClass = false;
    while (i < n) {
      const c = code[i];
      if (c === "\\") {
        i += 2;
        continue;
      }
      if (c === "\n") break;
      if (inClass) {
        if (c === "]") inClass = false;
      } else if (c === "[") inClass = true;
      else if (c === "/") {
        i++;
        break;
      }
      i++;
    }
    while (i < n && IDENT_PART.test(code[i] ?? "")) i++; // flags
  };

  const nextSignificant = (from: number): string => {
    let j = from;
    while (j < n && /\s/.test(code[j] ?? "")) j++;
    return code[j] ?? "";
  };

  while (i < n) {
    const c = code[i] ?? "";
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "/" && code[i + 1] === "/") {
      while (i < n && code[i] !== "\n") i++;
      continue;
    }
    if (c === "/" && code[i + 1] === "*") {
      const end = code.indexOf("*/", i + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    if (c === "'" || c === '"') {
      skipString(c);
      prev = { kind: "value", text: c };
      continue;
    }
    if (c === "`") {
      i++;
      scanTemplate();
      prev = { kind: "value", text: "`" };
      continue;
    }
    if (c === "/") {
      // After `)` or `]` a slash divides; after `}` it is usually a statement-level regex.
      const regexAllowed =
        prev.kind === "punct" ? prev.text !== ")" && prev.text !== "]" : prev.kind === "word" && REGEX_AFTER_WORD.has(prev.text);
      if (regexAllowed) {
        skipRegex();
        prev = { kind: "value", text: "/re/" };
        continue;
      }
      i++;
      prev = { kind: "punct", text: "/" };
      continue;
    }
    if (IDENT_START.test(c)) {
      const start = i;
      while (i < n && IDENT_PART.test(code[i] ?? "")) i++;
      const word = code.slice(start, i);
      const atTop = stack.length === 0;
      const beforeIsMember = prev.kind === "punct" && prev.text === ".";
      if (atTop && !beforeIsMember) {
        if (word === "const") {
          edits.push({ at: start, remove: 5, insert: "var  " });
        } else if (word === "let" && /[A-Za-z_$[{\u0080-\uffff]/.test(nextSignificant(i))) {
          edits.push({ at: start, remove: 3, insert: "var" });
        } else if (word === "class" && isStatementStart(code, start)) {
          // `x = class Foo {}` is an expression; only statement-level classes are rewritten.
          const name = /^\s+([A-Za-z_$][\w$]*)/.exec(code.slice(i));
          if (name?.[1]) {
            edits.push({ at: start, remove: 0, insert: `var ${name[1]} = ` });
            classBodyPending = true;
          }
        }
      }
      prev = { kind: word === "this" || word === "super" ? "value" : "word", text: word };
      continue;
    }
    if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(code[i + 1] ?? ""))) {
      while (i < n && /[0-9A-Za-z_.]/.test(code[i] ?? "")) i++;
      prev = { kind: "value", text: "0" };
      continue;
    }
    // Punctuation and brackets.
    if (c === "(" || c === "[" || c === "{") {
      if (c === "{" && classBodyPending && stack.length === 0) {
        classBodyPending = false;
        classBodyDepth = 0;
      }
      stack.push(c);
      i++;
      prev = { kind: "punct", text: c };
      continue;
    }
    if (c === ")" || c === "]" || c === "}") {
      const top = stack.pop();
      i++;
      if (c === "}" && top === "${") {
        scanTemplate();
        prev = { kind: "value", text: "`" };
        continue;
      }
      if (c === "}" && classBodyDepth === 0 && stack.length === 0) {
        classBodyDepth = -1;
        edits.push({ at: i, remove: 0, insert: ";" });
      }
      prev = { kind: "punct", text: c };
      continue;
    }
    i++;
    prev = { kind: "punct", text: c };
  }

  if (edits.length === 0) return code;
  let out = "";
  let last = 0;
  for (const edit of edits) {
    out += code.slice(last, edit.at) + edit.insert;
    last = edit.at + edit.remove;
  }
  return out + code.slice(last);
}

/** Whether the token at `at` begins a statement: only whitespace/comments since the previous `;`, `}` or line start. */
function isStatementStart(code: string, at: number): boolean {
  let j = at - 1;
  while (j >= 0 && (code[j] === " " || code[j] === "\t")) j--;
  if (j < 0) return true;
  const c = code[j];
  return c === "\n" || c === ";" || c === "}" || c === "{";
}
