import "server-only";
import { appendEvent } from "@/lib/db/events";
import { publish } from "./bus";
import type { Emit, EmittedEvent } from "./events";

// Streamed thought arrives a few characters at a time; persisting each delta would write thousands of rows
// per build. Deltas are merged for a short while and always flushed before any other event, so order holds.
const THOUGHT_FLUSH_MS = 120;

export interface Recorder {
  emit: Emit;
  /** Writes any buffered thought text now. */
  flush(): void;
}

export function createRecorder(buildId: string, galleryId: string): Recorder {
  let pending = "";
  let timer: ReturnType<typeof setTimeout> | null = null;

  const write = (event: EmittedEvent) => {
    const stored = appendEvent(buildId, event.type, event.payload);
    publish(galleryId, { type: "event", event: stored });
  };

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending) return;
    const text = pending;
    pending = "";
    write({ type: "thought.delta", payload: { text } });
  };

  const emit: Emit = (event) => {
    if (event.type === "thought.delta") {
      pending += typeof event.payload.text === "string" ? event.payload.text : "";
      timer ??= setTimeout(flush, THOUGHT_FLUSH_MS);
      return;
    }
    flush();
    write(event);
  };

  return { emit, flush };
}
