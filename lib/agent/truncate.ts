// Everything that goes back to the model or into the build log is bounded: a recursion trace alone can be
// 30 KB, and every character sent to the model is paid for again on every later step.

/** Keeps the head and the tail (where errors and final results usually are) and says what was cut. */
export function truncateMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const marker = (cut: number) => `\n… [${cut} characters truncated] …\n`;
  const room = Math.max(0, max - marker(text.length).length);
  const head = Math.ceil(room * 0.6);
  const tail = room - head;
  return text.slice(0, head) + marker(text.length - room) + (tail > 0 ? text.slice(text.length - tail) : "");
}

/** Collapses runs of identical lines (the frames of a recursion) into one line and a count. */
export function collapseRepeatedLines(text: string): string {
  const lines = text.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i] ?? "";
    let j = i + 1;
    while (j < lines.length && lines[j] === line) j++;
    out.push(line);
    const repeats = j - i - 1;
    if (repeats > 1) out.push(`    … (the line above repeated ${repeats} more times)`);
    else if (repeats === 1) out.push(line);
    i = j;
  }
  return out.join("\n");
}

/** A stack trace fit for a prompt: repeated frames collapsed, then at most `maxLines` lines. */
export function compactStack(stack: string, maxLines = 8, maxChars = 1200): string {
  const lines = collapseRepeatedLines(stack.trimEnd()).split("\n").filter((l) => l.trim() !== "");
  const kept = lines.length > maxLines ? [...lines.slice(0, maxLines), `    … ${lines.length - maxLines} more frames`] : lines;
  return truncateMiddle(kept.join("\n"), maxChars);
}
