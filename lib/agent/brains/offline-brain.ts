import { MAX_COUNT, NO_SUBJECT_MESSAGE, readGoal, type GoalReading } from "./offline/read-goal";
import { buildGalleryCode, finishCode } from "./offline-code";
import { planFromReading } from "./offline-planner";
import { capPlan } from "../plan";
import type { Brain, BrainRequest } from "./types";

// The brain used when no model is configured. It reads the structured context instead of the prose, and
// writes what a model would: a Thought, then a ```json plan or a <code> block, streamed in small pieces so
// the build log shows it exactly as it shows a model's output.

function describeReading(r: GoalReading): string {
  const what =
    r.source === "named"
      ? `the visitor named ${r.subjects.map((s) => s.name).join(", ")}`
      : r.source === "collection"
        ? `a collection: ${r.topic.toLowerCase()}`
        : r.source === "category"
          ? `a category: ${r.category?.label.toLowerCase() ?? r.topic}`
          : r.source === "list"
            ? `a list: ${r.subjects.map((s) => s.name).join(", ")}`
            : `a theme, "${r.topic}", shown in different eras and traditions of making`;
  const styles = r.styles.length ? `; style: ${r.styles.map((s) => s.id).join(", ")}` : "";
  const planned = `${r.count} exhibit${r.count === 1 ? "" : "s"}`;
  if (r.needsSubject) {
    // The goal gave orders and named nothing to show: ask for a subject, as the goal box does.
    return `The goal gives instructions but names no subject to show. ${NO_SUBJECT_MESSAGE} Until then I will plan ${planned} of famous landmarks of the world${styles}.`;
  }
  if (r.askedCount !== null && r.askedCount > MAX_COUNT && r.count === MAX_COUNT) {
    return `The goal asks for ${what}, ${r.askedCount} of them. A gallery holds at most ${MAX_COUNT} exhibits, so I will plan ${MAX_COUNT}${styles}.`;
  }
  if (r.askedCount !== null && r.askedCount > r.count) {
    // Say so rather than quietly build fewer: the visitor asked for more than this planner knows.
    const known = r.subjects.map((s) => s.name).join(", ");
    return (
      `The goal asks for ${what}, ${Math.min(r.askedCount, MAX_COUNT)} of them. Without a language model I know only ${r.count} (${known}), ` +
      `so I will plan ${planned}${styles}. A model (HF_TOKEN or AGENT_ENDPOINT_URL) can plan the rest.`
    );
  }
  return `The goal asks for ${what}. I will plan ${planned}${r.explicitCount ? " as asked" : ""}${styles}.`;
}

/** Splits text into small deltas (words with their spacing), like a token stream. */
function* chunks(text: string): Generator<string> {
  const parts = text.match(/\s*\S+/g) ?? [];
  let buffer = "";
  for (const part of parts) {
    buffer += part;
    if (buffer.length >= 24) {
      yield buffer;
      buffer = "";
    }
  }
  const tail = buffer + (text.match(/\s+$/)?.[0] ?? "");
  if (tail) yield tail;
}

export function createOfflineBrain(options: { maxExhibits?: number } = {}): Brain {
  return {
    id: "offline",
    async *next(request: BrainRequest) {
      const { context } = request;
      let text: string;
      if (request.phase === "plan") {
        const reading = readGoal(context.goal);
        const plan = capPlan(planFromReading(context.goal, reading), options.maxExhibits ?? 12);
        text = `Thought: ${describeReading(reading)}\n\`\`\`json\n${JSON.stringify(plan, null, 2)}\n\`\`\`\n`;
      } else if (request.phase === "final") {
        text = progressSummary(context.plan?.exhibits.map((e) => ({ key: e.key, title: e.title })) ?? [], context.placed);
      } else if (context.step <= 1 || !context.lastStep) {
        text =
          "Thought: I will build every exhibit at once: draw it, check the picture and redraw weak ones with a new seed, " +
          "turn it into a 3D model, and place it; each exhibit has its own error handling so one failure cannot stop the others.\n" +
          `<code>\n${buildGalleryCode({ tools: context.toolNames })}\n</code>\n`;
      } else {
        const summary = progressSummary(context.plan?.exhibits.map((e) => ({ key: e.key, title: e.title })) ?? [], context.placed);
        text = `Thought: The last step ended before final_answer (${(context.lastStep.error ?? "no answer").split("\n")[0]}). I will report what is in the hall.\n<code>\n${finishCode(summary)}\n</code>\n`;
      }
      for (const piece of chunks(text)) {
        if (request.signal.aborted) return;
        yield piece;
      }
    },
  };
}

export function progressSummary(exhibits: { key: string; title: string }[], placed: string[]): string {
  const done = exhibits.filter((e) => placed.includes(e.key)).map((e) => e.title);
  const missing = exhibits.filter((e) => !placed.includes(e.key)).map((e) => e.title);
  if (exhibits.length === 0) return "No exhibit was planned.";
  if (missing.length === 0) return `All ${done.length} exhibits are in place: ${done.join(", ")}.`;
  if (done.length === 0) return `No exhibit could be built (${missing.join(", ")}).`;
  return `Placed ${done.length} of ${exhibits.length} exhibits: ${done.join(", ")}. Not built: ${missing.join(", ")}.`;
}
