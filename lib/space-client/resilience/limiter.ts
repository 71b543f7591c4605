import "server-only";
import { abortedError } from "../errors";

// A concurrency limiter per Space with a strictly FIFO waiting line. ZeroGPU Spaces run one job per user at a
// time (more only burns quota in their queue), so calls wait here, in arrival order, and the build log can
// say so (tool.queued). Arrival is when the call came to the Space client (its ticket), not when it got round to
// asking for a slot: a call connects and uploads its files before it asks, and a slower upload must not cost
// an earlier exhibit its place in line. Because every Space has its own limiter, the image Space can draw
// exhibit 3 while the 3D Space models exhibit 2: the chains pipeline instead of waiting on each other.

export type Release = () => void;

/** Called when a caller has to wait, and again whenever its place changes (someone joins ahead, the line moves up). */
export type OnQueued = (position: number, running: number) => void;

interface Waiter {
  ticket: number;
  onQueued?: OnQueued;
  resolve: (release: Release) => void;
  reject: (err: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

export class Limiter {
  private active = 0;
  /** Waiters in ticket order. */
  private readonly queue: Waiter[] = [];
  private issued = 0;

  constructor(private concurrency: number) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`Invalid concurrency ${concurrency}`);
  }

  get running(): number {
    return this.active;
  }

  get waiting(): number {
    return this.queue.length;
  }

  get limit(): number {
    return this.concurrency;
  }

  /** A place in the arrival order, taken when a call arrives; pass it to acquire() when the call is ready to run. */
  ticket(): number {
    return ++this.issued;
  }

  /**
   * Waits for a slot. Waiters are served in ticket order (a fresh ticket when none is given). `onQueued(position)`
   * is called synchronously when the caller has to wait (position 1 = next in line), and again whenever its
   * place changes: an earlier ticket joins the line ahead of it, or the line moves up. The returned release function is idempotent.
   */
  acquire(signal?: AbortSignal, onQueued?: OnQueued, ticket: number = this.ticket()): Promise<Release> {
    if (signal?.aborted) return Promise.reject(abortedError(signal));
    // Strict FIFO among waiters: a newcomer never overtakes someone already waiting, even if a slot is
    // momentarily free. A slot is not held back for an earlier ticket that has not asked yet.
    if (this.active < this.concurrency && this.queue.length === 0) {
      this.active += 1;
      return Promise.resolve(this.makeRelease());
    }
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = { ticket, onQueued, resolve, reject, signal };
      if (signal) {
        waiter.onAbort = () => {
          const i = this.queue.indexOf(waiter);
          if (i >= 0) {
            this.queue.splice(i, 1);
            this.announceFrom(i);
          }
          reject(abortedError(signal));
        };
        signal.addEventListener("abort", waiter.onAbort, { once: true });
      }
      let at = this.queue.length;
      while (at > 0 && this.queue[at - 1]!.ticket > ticket) at--;
      this.queue.splice(at, 0, waiter);
      onQueued?.(at + 1, this.active);
      // Those it went ahead of are one place further back.
      this.announceFrom(at + 1);
    });
  }

  private makeRelease(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active -= 1;
      this.dispatch();
    };
  }

  private dispatch(): void {
    let moved = false;
    while (this.active < this.concurrency && this.queue.length > 0) {
      const next = this.queue.shift()!;
      if (next.signal && next.onAbort) next.signal.removeEventListener("abort", next.onAbort);
      this.active += 1;
      next.resolve(this.makeRelease());
      moved = true;
    }
    // The line moved up: everyone still in it hears their new place (Gradio re-sends `estimation` likewise).
    if (moved) this.announceFrom(0);
  }

  /** Tells the waiters from index `from` on their place in line (1 = next). */
  private announceFrom(from: number): void {
    for (let i = from; i < this.queue.length; i++) this.queue[i]!.onQueued?.(i + 1, this.active);
  }
}
