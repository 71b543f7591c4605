// Per-Space concurrency across processes. Each Space client keeps its own FIFO limiter (lib/space-client,
// resilience/limiter.ts), which bounds one process; a deployment with several workers also needs the limit to
// hold in all of them together (a ZeroGPU Space at 1 means 1 in the whole deployment). The embedded default has
// one process and needs nothing; with PostgreSQL the slots are session advisory locks (lib/db/space-slots.ts).

/** Gives a slot back; calling it again does nothing. */
export type SlotRelease = () => void;

export interface SpaceSlots {
  /**
   * Waits until fewer than `limit` calls to `space` run in the whole deployment, then holds a slot until released.
   * Rejects when `signal` aborts while waiting.
   */
  acquire(space: string, limit: number, signal: AbortSignal): Promise<SlotRelease>;
}
