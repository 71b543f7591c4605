import "server-only";
// Waiting for a gallery's builds while telling the agent what happens: every event of the build (through the
// same in-process bus the page's live stream reads) becomes, at most a few times a second, one MCP progress
// notification — a step counter that only grows, the exhibits ready so far against those planned, and a line
// a person would read. The wait ends when no build of the gallery is queued or running, when the time given
// runs out (the build carries on), or when the client goes away.
import type { BuildEvent } from "@/lib/contracts/build-events";
import { subscribe } from "@/lib/builds/bus";
import { activeBuilds } from "@/lib/db/builds";

export interface ProgressReport {
  /** Grows with every report (MCP requires it); there is no total, as a build's length is not known ahead. */
  progress: number;
  message: string;
}

export interface WaitOutcome {
  finished: boolean;
  timedOut: boolean;
}

const THROTTLE_MS = 250;
/** Builds end in the database; between bus events the wait also looks there this often. */
const POLL_MS = 500;

/** A line for one event, or null for the ones a watcher need not hear about (the model's words, code). */
export function progressLine(event: BuildEvent): string | null {
  switch (event.type) {
    case "build.started":
      return event.payload.message;
    case "plan":
      return `Planned “${event.payload.plan.title}”: ${event.payload.plan.exhibits.map((e) => e.title).join(", ")}`;
    case "tool.progress": {
      const p = event.payload;
      const pct = p.fraction === undefined ? "" : ` ${Math.round(p.fraction * 100)}%`;
      return `${p.exhibit ?? p.capability}: ${p.space} ${p.stage}${pct}${p.message ? ` — ${p.message}` : p.desc ? ` — ${p.desc}` : ""}`;
    }
    case "tool.done":
      return `${event.payload.exhibit ?? event.payload.capability}: ${event.payload.space} done${event.payload.cached ? " (cached)" : ""}`;
    case "tool.retried":
      return `${event.payload.space}: retry ${event.payload.attempt} (${event.payload.reason})`;
    case "tool.fellback":
      return `${event.payload.from} failed (${event.payload.reason}); trying ${event.payload.to}`;
    case "tool.failed":
      return `${event.payload.exhibit ?? event.payload.capability}: ${event.payload.error}`;
    case "exhibit.ready":
      return `“${event.payload.title}” is ready`;
    case "exhibit.failed":
      return `“${event.payload.title}” failed: ${event.payload.error ?? "unknown error"}`;
    case "error":
      return event.payload.message;
    case "build.finished":
      return event.payload.message;
    default:
      return null;
  }
}

export async function waitForGalleryBuilds(
  galleryId: string,
  opts: { timeoutMs: number; signal: AbortSignal; onProgress?: (report: ProgressReport) => void },
): Promise<WaitOutcome> {
  if ((await activeBuilds(galleryId)).length === 0) return { finished: true, timedOut: false };
  let step = 0;
  let planned: number | undefined;
  let ready = 0;
  let lastAt = 0;
  let pending: string | null = null;
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  const send = (message: string) => {
    lastAt = Date.now();
    pending = null;
    step += 1;
    const counts = planned ? ` (${ready} of ${planned} exhibits ready)` : "";
    opts.onProgress?.({ progress: step, message: `${message}${counts}` });
  };
  let wake: () => void = () => undefined;
  const unsubscribe = subscribe(galleryId, (m) => {
    if (m.type !== "event") return;
    const e = m.event;
    if (e.type === "plan") planned = e.payload.plan.exhibits.length;
    if (e.type === "exhibit.ready") ready += 1;
    const line = progressLine(e);
    if (line && opts.onProgress) {
      // News that changes the count or ends a build goes out at once; the rest at most every THROTTLE_MS.
      const urgent = e.type === "exhibit.ready" || e.type === "exhibit.failed" || e.type === "build.finished" || e.type === "plan";
      if (urgent || Date.now() - lastAt >= THROTTLE_MS) send(line);
      else {
        pending = line;
        flushTimer ??= setTimeout(() => {
          flushTimer = null;
          if (pending) send(pending);
        }, THROTTLE_MS);
      }
    }
    if (e.type === "build.finished") wake();
  });
  const deadline = Date.now() + opts.timeoutMs;
  try {
    for (;;) {
      if ((await activeBuilds(galleryId)).length === 0) return { finished: true, timedOut: false };
      if (opts.signal.aborted) return { finished: false, timedOut: false };
      const left = deadline - Date.now();
      if (left <= 0) return { finished: false, timedOut: true };
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          opts.signal.removeEventListener("abort", done);
          wake = () => undefined;
          resolve();
        };
        const timer = setTimeout(done, Math.min(POLL_MS, left));
        wake = done;
        opts.signal.addEventListener("abort", done, { once: true });
      });
    }
  } finally {
    unsubscribe();
    if (flushTimer) clearTimeout(flushTimer);
  }
}
