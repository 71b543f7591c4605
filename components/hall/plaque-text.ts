// What a plaque says and how it wraps. Kept apart from drawing so it can be tested without a canvas.
import type { ExhibitView } from "@/lib/contracts/gallery-view";

export type PlaqueTone = "normal" | "pending" | "error";

export interface PlaqueContent {
  title: string;
  body: string;
  tone: PlaqueTone;
}

const PENDING: Partial<Record<ExhibitView["status"], string>> = {
  planned: "Planned — waiting its turn",
  drawing: "Drawing…",
  modelling: "Modelling…",
};

/** `loadError` is set when the model's file could not be loaded or parsed in the browser. */
export function plaqueContent(e: Pick<ExhibitView, "title" | "description" | "status" | "error" | "modelUrl">, loadError: string | null): PlaqueContent {
  const title = e.title.trim() || "Untitled";
  if (e.status === "failed") return { title, body: `Could not be made: ${e.error ?? "unknown error"}`, tone: "error" };
  if (loadError) return { title, body: `Model failed to load: ${loadError}`, tone: "error" };
  const pending = PENDING[e.status];
  if (pending) return { title, body: pending, tone: "pending" };
  if (!e.modelUrl) return { title, body: "Waiting for its model…", tone: "pending" };
  return { title, body: e.description.trim(), tone: "normal" };
}

/** Greedy word wrap to at most `maxLines`, ending with an ellipsis when text is cut. Over-long words are split. */
export function wrapText(text: string, maxWidth: number, maxLines: number, measure: (s: string) => number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  let i = 0;
  while (i < words.length && lines.length < maxLines) {
    let word = words[i]!;
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
      i++;
      continue;
    }
    if (!line) {
      // A single word wider than the line: cut it.
      let cut = word.length - 1;
      while (cut > 1 && measure(word.slice(0, cut)) > maxWidth) cut--;
      lines.push(word.slice(0, cut));
      word = word.slice(cut);
      words[i] = word;
      continue;
    }
    lines.push(line);
    line = "";
  }
  if (line && lines.length < maxLines) lines.push(line);
  if (i < words.length && lines.length > 0) {
    let last = lines[lines.length - 1]!;
    while (last.length > 1 && measure(`${last}…`) > maxWidth) last = last.slice(0, -1).trimEnd();
    lines[lines.length - 1] = `${last}…`;
  }
  return lines;
}
