import "server-only";
import { AbortedError, abortReason } from "./errors";

// A concurrency limiter per Space with a strictly FIFO waiting line. ZeroGPU Spaces run one job per user at a
// time (more only burns quota in their queue), so calls wait here, in arrival order, and the build log can
// say so (tool.queued). Because every Space has its own limiter, the image Space can draw exhibit 3 while the
// 3D Space models exhibit 2: the chains pipeline instead of waiting on each other.

export type Release = () => void;

interface Waiter {
  resolve: (release: Release) => void;
  reject: (err: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

export class Limiter {
  private active = 0;
  private readonly queue: Waiter[] = [];

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

  /**
   * Waits for a slot. `onQueued(position)` is called once, synchronously, when the caller has to wait
   * (position 1 = next in line). The returned release function is idempotent.
   */
  acquire(signal?: AbortSignal, onQueued?: (position: number, running: number) => void): Promise<Release> {
    if (signal?.aborted) return Promise.reject(new AbortedError(abortReason(signal)));
    // Strict FIFO: a newcomer never overtakes someone already waiting, even if a slot is momentarily free.
    if (this.active < this.concurrency && this.queue.length === 0) {
      this.active += 1;
      return Promise.resolve(this.makeRelease());
    }
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal };
      if (signal) {
        waiter.onAbort = () => {
          const i = this.queue.indexOf(waiter);
          if (i >= 0) this.queue.splice(i, 1);
          reject(new AbortedError(abortReason(signal)));
        };
        signal.addEventListener("abort", waiter.onAbort, { once: true });
      }
      this.queue.push(waiter);
      onQueued?.(this.queue.length, this.active);
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
    while (this.active < this.concurrency && this.queue.length > 0) {
      const next = this.queue.shift()!;
      if (next.signal && next.onAbort) next.signal.removeEventListener("abort", next.onAbort);
      this.active += 1;
      next.resolve(this.makeRelease());
    }
  }
}
