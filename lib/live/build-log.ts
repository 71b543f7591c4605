// Folds build events into the log a person reads: one entry per plan, step, thought, code block and
// observation, and ONE entry per Space call that changes in place (queued → progress → retried → done).
import type { BuildEvent, EventPayload } from "@/lib/contracts/build-events";
import type { ToolCallContext } from "@/lib/contracts/tool-events";

export type CallStatus = "queued" | "running" | "retrying" | "done" | "failed";

export interface CallEntry {
  kind: "call";
  id: string;
  tool: string;
  exhibit: string | null;
  space: string | null;
  status: CallStatus;
  /** 0–1 when the Space reports progress. */
  progress: number | null;
  progressText: string | null;
  queuePosition: number | null;
  queueSize: number | null;
  attempts: number;
  durationMs: number | null;
  cached: boolean;
  /** Human-readable notes: retries and fallbacks, in order. */
  notes: string[];
  error: string | null;
}

export interface TextEntry {
  kind: "plan" | "step" | "thought" | "code" | "observation" | "exhibit" | "error" | "final" | "info";
  id: string;
  text: string;
}

export type LogEntry = CallEntry | TextEntry;

export interface BuildLog {
  entries: LogEntry[];
  /** The last applied seq of each build: a gallery's log can hold its first build and later regenerations. */
  lastSeq: Record<string, number>;
  /** The build whose status the log reports (the most recent one seen). */
  buildId: string | null;
  finished: boolean;
  status: string | null;
}

export const emptyLog: BuildLog = { entries: [], lastSeq: {}, buildId: null, finished: false, status: null };

const text = (s: string | undefined): string | null => (s ? s : null);

/** The call's id: the agent's callId, or (a call made outside the agent) its exhibit. */
function callId(p: ToolCallContext): string {
  return p.callId ?? `call:${p.exhibit ?? ""}`;
}

function upsertCall(log: BuildLog, p: ToolCallContext & { space?: string }, update: (c: CallEntry) => CallEntry): LogEntry[] {
  const id = callId(p);
  const index = log.entries.findIndex((e) => e.kind === "call" && e.id === id);
  const base: CallEntry =
    index >= 0
      ? (log.entries[index] as CallEntry)
      : {
          kind: "call",
          id,
          tool: capabilityLabel(p.capability),
          exhibit: text(p.exhibit),
          space: text(p.space),
          status: "queued",
          progress: null,
          progressText: null,
          queuePosition: null,
          queueSize: null,
          attempts: 1,
          durationMs: null,
          cached: false,
          notes: [],
          error: null,
        };
  const next = update({ ...base, space: text(p.space) ?? base.space });
  const entries = log.entries.slice();
  if (index >= 0) entries[index] = next;
  else entries.push(next);
  return entries;
}

function appendText(log: BuildLog, kind: TextEntry["kind"], id: string, text: string): LogEntry[] {
  return [...log.entries, { kind, id, text }];
}

/** Applies one event; events at or below their build's last seq are ignored, so replays and live streams can overlap. */
export function applyBuildEvent(log: BuildLog, event: BuildEvent): BuildLog {
  if (event.seq <= (log.lastSeq[event.buildId] ?? -1)) return log;
  if (event.buildId !== log.buildId) log = { ...log, buildId: event.buildId, finished: false, status: "running" };
  const id = `${event.buildId}:${event.seq}`;
  let entries = log.entries;
  let { finished, status } = log;

  switch (event.type) {
    case "build.started":
      status = "running";
      entries = appendText(log, "info", id, text(event.payload.message) ?? "Build started.");
      break;
    case "plan": {
      const { plan } = event.payload;
      const titles = plan.exhibits.map((e) => e.title).filter(Boolean);
      entries = appendText(log, "plan", id, `Plan: “${text(plan.title) ?? "Gallery"}” — ${titles.length} exhibits: ${titles.join(", ")}.`);
      break;
    }
    case "step.started":
      entries = appendText(log, "step", id, `Step ${event.payload.step}`);
      break;
    case "thought.delta": {
      const p = event.payload;
      const last = entries[entries.length - 1];
      if (p.reset) {
        // The brain restarted its reply (a retried request): drop what it had streamed so far.
        if (last && last.kind === "thought") entries = entries.slice(0, -1);
      } else if (last && last.kind === "thought") {
        entries = entries.slice(0, -1).concat({ ...last, text: last.text + (p.delta ?? "") });
      } else {
        entries = appendText(log, "thought", id, p.delta ?? "");
      }
      break;
    }
    case "code":
      entries = appendText(log, "code", id, event.payload.code);
      break;
    case "observation":
      entries = appendText(log, "observation", id, text(event.payload.text) ?? describeObservation(event.payload));
      break;
    case "tool.queued": {
      const p = event.payload;
      entries = upsertCall(log, p, (c) => ({ ...c, status: "queued", queuePosition: p.position }));
      break;
    }
    case "tool.progress": {
      const p = event.payload;
      entries = upsertCall(log, p, (c) => ({
        ...c,
        status: "running",
        progress: p.fraction ?? c.progress,
        progressText: text(p.message) ?? text(p.desc) ?? c.progressText,
        queuePosition: p.position ?? null,
        queueSize: p.size ?? c.queueSize,
      }));
      break;
    }
    case "tool.retried": {
      const p = event.payload;
      entries = upsertCall(log, p, (c) => ({
        ...c,
        status: "retrying",
        attempts: p.attempt,
        notes: [...c.notes, `Retry ${p.attempt}: ${text(p.reason) ?? "transient error"}`],
      }));
      break;
    }
    case "tool.fellback": {
      const p = event.payload;
      entries = upsertCall(log, p, (c) => ({
        ...c,
        status: "running",
        progress: null,
        notes: [...c.notes, `Fell back from ${text(p.from) ?? "a Space"} to ${text(p.to) ?? "the next Space"}: ${text(p.reason) ?? "it failed"}`],
      }));
      break;
    }
    case "tool.done": {
      const p = event.payload;
      // A toolbox Space says how it was called: over its MCP server, or the Gradio API after MCP failed.
      const via = p.via === "mcp" ? ["Called over MCP"] : p.mcpError ? [`MCP failed (${p.mcpError}); called the Gradio API`] : [];
      entries = upsertCall(log, p, (c) => ({ ...c, status: "done", progress: 1, queuePosition: null, durationMs: p.durationMs, cached: p.cached, notes: [...c.notes, ...via] }));
      break;
    }
    case "tool.failed": {
      const p = event.payload;
      entries = upsertCall(log, p, (c) => ({ ...c, status: "failed", queuePosition: null, error: text(p.error) ?? "failed" }));
      break;
    }
    case "exhibit.ready": {
      const p = event.payload;
      entries = appendText(log, "exhibit", id, `Ready: ${text(p.title) ?? text(p.exhibit.title) ?? "an exhibit"}.`);
      break;
    }
    case "exhibit.failed": {
      const p = event.payload;
      entries = appendText(log, "error", id, `${text(p.title) ?? text(p.exhibit.title) ?? "An exhibit"} failed: ${p.error ?? "unknown reason"}`);
      break;
    }
    case "error":
      entries = appendText(log, "error", id, text(event.payload.message) ?? "Error");
      break;
    case "final":
      entries = appendText(log, "final", id, text(event.payload.summary) ?? "Done.");
      break;
    case "build.finished":
      finished = true;
      status = event.payload.status;
      entries = appendText(log, "info", id, text(event.payload.message) ?? `Build ${status}.`);
      break;
    case "exhibit.planned":
    case "exhibit.updated":
      // Shown by the exhibit list and the hall (the gallery store patches the exhibit), not as a log line.
      break;
    default:
      event satisfies never;
  }
  return { entries, lastSeq: { ...log.lastSeq, [event.buildId]: event.seq }, buildId: log.buildId, finished, status };
}

function capabilityLabel(capability: ToolCallContext["capability"]): string {
  switch (capability) {
    case "text-to-image":
      return "Drawing";
    case "image-to-3d":
      return "Modelling";
    case "image-to-splat":
      return "Splatting";
    case "custom":
      return "Space call";
  }
}

function describeObservation(p: EventPayload<"observation">): string {
  const parts: string[] = [];
  if (p.logs) parts.push(p.logs);
  if (p.value !== undefined && p.value !== null) parts.push(`→ ${p.value}`);
  if (p.error) parts.push(`Error: ${p.error}`);
  return parts.join("\n") || (p.ok === false ? "The step failed." : "The step ran.");
}
