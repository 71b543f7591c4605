// The queue/data side of the protocol: ONE stream per session_hash carries the messages of all the session's
// calls, tagged with event_id. Messages produced while no stream is open are buffered. After delivering a
// process_completed that leaves the session with nothing pending, the stream gets close_stream and ends —
// @gradio/client only opens a new stream on its next call once the old one is closed, so without it the
// next call hangs.
import type { CallEvent, ServerMessage } from "./event";
import type { SseSink } from "./sse";

export interface Session {
  readonly hash: string;
  /** Calls joined whose process_completed has not been delivered on a stream yet. */
  readonly pending: Set<string>;
  buffer: ServerMessage[];
  sink: SseSink | null;
  lastActive: number;
}

/** Bounds a session nobody reads: older progress/estimation messages go first, completions are kept. */
const MAX_BUFFERED = 500;

export const CLOSE_STREAM: ServerMessage = { msg: "close_stream", event_id: null };

export class SessionHub {
  private readonly sessions = new Map<string, Session>();

  get size(): number {
    return this.sessions.size;
  }

  get streams(): number {
    let n = 0;
    for (const s of this.sessions.values()) if (s.sink) n++;
    return n;
  }

  get(hash: string): Session | undefined {
    return this.sessions.get(hash);
  }

  touch(hash: string): Session {
    let s = this.sessions.get(hash);
    if (!s) {
      s = { hash, pending: new Set(), buffer: [], sink: null, lastActive: Date.now() };
      this.sessions.set(hash, s);
    }
    s.lastActive = Date.now();
    return s;
  }

  /** Routes one message of `event` to its REST listeners and its session's stream (or buffer). */
  send(event: CallEvent, message: ServerMessage): void {
    const tagged: ServerMessage = { ...message, event_id: event.id };
    for (const listener of [...event.listeners]) listener(tagged);
    const s = this.sessions.get(event.sessionHash);
    if (!s || !s.pending.has(event.id)) return;
    if (s.sink) {
      this.deliver(s, tagged);
    } else {
      s.buffer.push(tagged);
      if (s.buffer.length > MAX_BUFFERED) {
        const i = s.buffer.findIndex((m) => m.msg !== "process_completed");
        s.buffer.splice(i >= 0 ? i : 0, 1);
      }
    }
  }

  /** A heartbeat goes to the stream only; it is never buffered. */
  heartbeat(s: Session): void {
    s.sink?.send({ msg: "heartbeat", event_id: null });
  }

  /**
   * Attaches a client's stream. Returns false for an unknown session. A second stream for the same session
   * replaces the first (which simply ends), as one client only ever keeps one open.
   */
  attach(hash: string, sink: SseSink): boolean {
    const s = this.sessions.get(hash);
    if (!s) return false;
    if (s.sink && s.sink !== sink) {
      const old = s.sink;
      s.sink = null;
      old.close();
    }
    s.sink = sink;
    s.lastActive = Date.now();
    while (s.sink && s.buffer.length > 0) this.deliver(s, s.buffer.shift()!);
    if (s.sink && s.pending.size === 0) this.closeStream(s);
    return true;
  }

  /** The client went away: forget its stream. Returns the ids of the calls it left pending. */
  detach(hash: string, sink: SseSink): string[] {
    const s = this.sessions.get(hash);
    if (!s || s.sink !== sink) return [];
    s.sink = null;
    s.lastActive = Date.now();
    return [...s.pending];
  }

  /** A call is gone without a completion (client left, orphaned): drop its pending id and buffered messages. */
  forget(sessionHash: string, eventId: string): void {
    const s = this.sessions.get(sessionHash);
    if (!s) return;
    s.pending.delete(eventId);
    s.buffer = s.buffer.filter((m) => m.event_id !== eventId);
    if (s.sink && s.pending.size === 0) this.closeStream(s);
  }

  /** Drops sessions with no stream, nothing still running, idle for `ttlMs`. */
  sweep(now: number, ttlMs: number, isActive: (eventId: string) => boolean): void {
    for (const [hash, s] of this.sessions) {
      if (s.sink || now - s.lastActive < ttlMs) continue;
      if ([...s.pending].some(isActive)) continue;
      this.sessions.delete(hash);
    }
  }

  /** Ends every stream (app shutdown). */
  closeAll(): void {
    for (const s of this.sessions.values()) {
      const sink = s.sink;
      s.sink = null;
      sink?.close();
    }
    this.sessions.clear();
  }

  private deliver(s: Session, message: ServerMessage): void {
    s.sink!.send(message);
    if (message.msg === "process_completed" && typeof message.event_id === "string") {
      s.pending.delete(message.event_id);
      if (s.pending.size === 0) this.closeStream(s);
    }
  }

  private closeStream(s: Session): void {
    const sink = s.sink;
    s.sink = null;
    if (!sink) return;
    sink.send(CLOSE_STREAM);
    sink.close();
  }
}
