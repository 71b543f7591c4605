// One call: from queue/join (or /call) to its process_completed. Holds what the queue, run-call.ts and the
// streams need to agree on: its state, its abort signal, its fault plan, its REST listeners.
import { randomUUID } from "node:crypto";
import type { RunArgs } from "./run-args";
import type { CompiledEndpoint } from "./config";
import type { FaultPlan } from "./faults";

/** A message of the queue protocol, as Gradio's server_messages serialise it. */
export interface ServerMessage {
  msg: string;
  event_id?: string | null;
  [key: string]: unknown;
}

export type EventState = "queued" | "running" | "done";

export function newEventId(): string {
  return randomUUID().replace(/-/g, "");
}

export class CallEvent {
  state: EventState = "queued";
  readonly abort = new AbortController();
  args: RunArgs | null = null;
  /** The process_completed that ended it (kept for late /call readers). */
  completion: ServerMessage | null = null;
  readonly listeners = new Set<(message: ServerMessage) => void>();
  readonly enqueuedAt = Date.now();
  startedAt = 0;
  doneAt = 0;
  /** A timeout fault holds it: it will only end by cancellation. */
  hung = false;
  /** Since when nobody listens to a hung call (null while someone does). */
  unwatchedSince: number | null = null;

  constructor(
    readonly id: string,
    readonly sessionHash: string,
    readonly endpoint: CompiledEndpoint,
    readonly plan: FaultPlan,
    /** Public root of the Space for this call: output file URLs are built on it. */
    readonly root: string,
  ) {}

  get active(): boolean {
    return this.state !== "done";
  }
}
