import type { Emit, EventPayload } from "@/lib/contracts/build-events";

/** Longest a streamed delta waits before it is shown: 20 updates a second read as live text. */
export const DELTA_FLUSH_MS = 50;
const DELTA_MAX_CHARS = 4000;

/**
 * Coalesces token deltas into fewer, larger events: every event is persisted and sent to every watcher, so a
 * model streaming single tokens (or the offline brain, which writes a whole program at once) must not cost
 * one database write per token. A delta is held at most DELTA_FLUSH_MS.
 */
export function deltaEmitter(emit: Emit, payload: Pick<EventPayload<"thought.delta">, "step" | "phase">) {
  let buffer = "";
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!buffer) return;
    emit({ type: "thought.delta", payload: { ...payload, delta: buffer } });
    buffer = "";
  };
  return {
    push(delta: string) {
      buffer += delta;
      if (buffer.length >= DELTA_MAX_CHARS) flush();
      else if (buffer) timer ??= setTimeout(flush, DELTA_FLUSH_MS);
    },
    flush,
    reset() {
      if (timer) clearTimeout(timer);
      timer = null;
      buffer = "";
      emit({ type: "thought.delta", payload: { ...payload, reset: true } });
    },
  };
}
