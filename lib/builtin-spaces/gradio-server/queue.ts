// Gradio's queue for one Space variant: at most `limit` calls run at once; the rest wait in order and are told
// their rank, the queue size and an ETA (an `estimation` message) when they join and whenever the queue moves.
// ETAs follow Gradio's broadcast_estimations: mean run time per endpoint, plus the wait ahead, plus the time
// until a running call frees a slot; null until an endpoint has finished once.
import type { CallEvent, ServerMessage } from "./event";

export interface QueueHooks {
  /** Starts a call (asynchronously: it must not re-enter the queue synchronously). */
  start(event: CallEvent): void;
  send(event: CallEvent, message: ServerMessage): void;
}

export class CallQueue {
  private readonly waiting: CallEvent[] = [];
  private readonly running = new Set<CallEvent>();
  private readonly durations = new Map<number, { total: number; count: number }>();

  constructor(
    private limit: number,
    readonly maxSize: number,
    private readonly hooks: QueueHooks,
  ) {}

  get waitingCount(): number {
    return this.waiting.length;
  }
  get runningCount(): number {
    return this.running.size;
  }
  get concurrencyLimit(): number {
    return this.limit;
  }

  isFull(): boolean {
    return this.waiting.length >= this.maxSize;
  }

  /** Mean run time of an endpoint in seconds, or null before its first run. */
  average(fnIndex: number): number | null {
    const d = this.durations.get(fnIndex);
    return d && d.count > 0 ? d.total / d.count : null;
  }

  push(event: CallEvent): void {
    this.waiting.push(event);
    this.broadcast(this.waiting.length - 1);
    this.pump();
  }

  /** Takes a waiting call out (cancelled). Returns false if it was not waiting. */
  remove(event: CallEvent): boolean {
    const i = this.waiting.indexOf(event);
    if (i < 0) return false;
    this.waiting.splice(i, 1);
    this.broadcast(i);
    return true;
  }

  /** A running call ended (in any way): free its slot and start the next. */
  finish(event: CallEvent, durationS: number | null): void {
    if (!this.running.delete(event)) return;
    if (durationS !== null) {
      const d = this.durations.get(event.endpoint.fnIndex) ?? { total: 0, count: 0 };
      d.total += durationS;
      d.count += 1;
      this.durations.set(event.endpoint.fnIndex, d);
    }
    this.pump();
  }

  private pump(): void {
    let started = false;
    while (this.running.size < this.limit && this.waiting.length > 0) {
      const next = this.waiting.shift()!;
      this.running.add(next);
      next.state = "running";
      next.startedAt = Date.now();
      started = true;
      queueMicrotask(() => this.hooks.start(next));
    }
    if (started && this.waiting.length > 0) this.broadcast(0);
  }

  /** Sends `estimation` to every waiting call from rank `after` on. */
  private broadcast(after: number): void {
    const now = Date.now();
    let untilFreeSlot: number | null = 0;
    if (this.running.size >= this.limit) {
      const ends: number[] = [];
      for (const ev of this.running) {
        const avg = this.average(ev.endpoint.fnIndex);
        if (avg === null) {
          untilFreeSlot = null;
          break;
        }
        ends.push(ev.startedAt / 1000 + avg);
      }
      if (untilFreeSlot !== null && ends.length > 0) untilFreeSlot = Math.max(Math.min(...ends) - now / 1000, 0);
    }
    let waitSoFar: number | null = 0;
    this.waiting.forEach((ev, rank) => {
      const p = this.average(ev.endpoint.fnIndex);
      const eta = p !== null && waitSoFar !== null && untilFreeSlot !== null ? p + waitSoFar + untilFreeSlot : null;
      if (rank >= after) {
        this.hooks.send(ev, { msg: "estimation", rank, queue_size: this.waiting.length, rank_eta: eta });
      }
      waitSoFar = waitSoFar !== null && p !== null ? waitSoFar + p / this.limit : null;
    });
  }
}
