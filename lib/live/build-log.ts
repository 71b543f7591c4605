// Folds build events into the log a person reads: one entry per plan, step, thought, code block and
// observation, and ONE entry per Space call that changes in place (queued → progress → retried → done).
import type { BuildEvent } from "@/lib/contracts/build-events";

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

const str = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

function callId(p: Record<string, unknown>): string {
  return str(p.callId) ?? `${str(p.tool) ?? "call"}:${str(p.exhibit) ?? ""}`;
}

function upsertCall(log: BuildLog, p: Record<string, unknown>, update: (c: CallEntry) => CallEntry): LogEntry[] {
  const id = callId(p);
  const index = log.entries.findIndex((e) => e.kind === "call" && e.id === id);
  const base: CallEntry =
    index >= 0
      ? (log.entries[index] as CallEntry)
      : {
          kind: "call",
          id,
          tool: str(p.tool) ?? capabilityLabel(p.capability),
          exhibit: str(p.exhibitTitle) ?? str(p.exhibit),
          space: str(p.space),
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
  const next = update({ ...base, space: str(p.space) ?? base.space });
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
  const p = event.payload;
  const id = `${event.buildId}:${event.seq}`;
  let entries = log.entries;
  let { finished, status } = log;

  switch (event.type) {
    case "build.started":
      status = "running";
      entries = appendText(log, "info", id, str(p.message) ?? "Build started.");
      break;
    case "plan": {
      const exhibits = Array.isArray(p.exhibits) ? p.exhibits : [];
      const titles = exhibits.map((e) => (e && typeof e === "object" ? str((e as Record<string, unknown>).title) : null)).filter(Boolean);
      entries = appendText(log, "plan", id, `Plan: “${str(p.title) ?? "Gallery"}” — ${titles.length} exhibits: ${titles.join(", ")}.`);
      break;
    }
    case "step.started":
      entries = appendText(log, "step", id, `Step ${num(p.step) ?? "?"}`);
      break;
    case "thought.delta": {
      const last = entries[entries.length - 1];
      const delta = str(p.delta) ?? str(p.text) ?? "";
      if (p.reset === true) {
        // The brain restarted its reply (a retried request): drop what it had streamed so far.
        if (last && last.kind === "thought") entries = entries.slice(0, -1);
      } else if (last && last.kind === "thought") {
        entries = entries.slice(0, -1).concat({ ...last, text: last.text + delta });
      } else {
        entries = appendText(log, "thought", id, delta);
      }
      break;
    }
    case "code":
      entries = appendText(log, "code", id, str(p.code) ?? "");
      break;
    case "observation":
      entries = appendText(log, "observation", id, str(p.text) ?? describeObservation(p));
      break;
    case "tool.queued":
      entries = upsertCall(log, p, (c) => ({
        ...c,
        status: "queued",
        queuePosition: num(p.position) ?? c.queuePosition,
        queueSize: num(p.queueSize) ?? c.queueSize,
      }));
      break;
    case "tool.progress":
      entries = upsertCall(log, p, (c) => ({
        ...c,
        status: "running",
        progress: num(p.progress) ?? c.progress,
        progressText: str(p.message) ?? str(p.desc) ?? c.progressText,
        queuePosition: num(p.position),
        queueSize: num(p.queueSize) ?? c.queueSize,
      }));
      break;
    case "tool.retried":
      entries = upsertCall(log, p, (c) => ({
        ...c,
        status: "retrying",
        attempts: num(p.attempt) ?? c.attempts + 1,
        notes: [...c.notes, `Retry ${num(p.attempt) ?? c.attempts + 1}: ${str(p.reason) ?? str(p.error) ?? "transient error"}`],
      }));
      break;
    case "tool.fellback":
      entries = upsertCall(log, p, (c) => ({
        ...c,
        status: "running",
        progress: null,
        notes: [...c.notes, `Fell back from ${str(p.from) ?? "a Space"} to ${str(p.to) ?? "the next Space"}: ${str(p.reason) ?? "it failed"}`],
      }));
      break;
    case "tool.done":
      entries = upsertCall(log, p, (c) => ({
        ...c,
        status: "done",
        progress: 1,
        queuePosition: null,
        durationMs: num(p.durationMs) ?? c.durationMs,
        cached: p.cached === true,
      }));
      break;
    case "tool.failed":
      entries = upsertCall(log, p, (c) => ({
        ...c,
        status: "failed",
        queuePosition: null,
        durationMs: num(p.durationMs) ?? c.durationMs,
        error: str(p.error) ?? str(p.reason) ?? "failed",
      }));
      break;
    case "exhibit.ready":
      entries = appendText(log, "exhibit", id, `Ready: ${str(p.title) ?? exhibitTitle(p) ?? "an exhibit"}.`);
      break;
    case "exhibit.failed":
      entries = appendText(log, "error", id, `${str(p.title) ?? exhibitTitle(p) ?? "An exhibit"} failed: ${str(p.error) ?? "unknown reason"}`);
      break;
    case "error":
      entries = appendText(log, "error", id, str(p.message) ?? str(p.error) ?? "Error");
      break;
    case "final":
      entries = appendText(log, "final", id, str(p.summary) ?? "Done.");
      break;
    case "build.finished":
      finished = true;
      status = str(p.status) ?? "succeeded";
      entries = appendText(log, "info", id, str(p.message) ?? `Build ${status}.`);
      break;
    default:
      break;
  }
  return { entries, lastSeq: { ...log.lastSeq, [event.buildId]: event.seq }, buildId: log.buildId, finished, status };
}

function capabilityLabel(capability: unknown): string {
  switch (capability) {
    case "text-to-image":
      return "Drawing";
    case "image-to-3d":
      return "Modelling";
    case "image-to-splat":
      return "Splatting";
    default:
      return "Space call";
  }
}

function describeObservation(p: Record<string, unknown>): string {
  const parts: string[] = [];
  if (Array.isArray(p.logs) && p.logs.length) parts.push(p.logs.map(String).join("\n"));
  if (p.value !== undefined && p.value !== null) parts.push(`→ ${typeof p.value === "string" ? p.value : JSON.stringify(p.value)}`);
  if (str(p.error)) parts.push(`Error: ${str(p.error)}`);
  return parts.join("\n") || (p.ok === false ? "The step failed." : "The step ran.");
}

function exhibitTitle(p: Record<string, unknown>): string | null {
  const e = p.exhibit;
  return e && typeof e === "object" ? str((e as Record<string, unknown>).title) : null;
}
