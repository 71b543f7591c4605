import "server-only";
// The life of calls in one app: joining (fault dice, argument checks, the queue), running, cancelling (by the
// caller, by a dropped stream, or as an orphan), and forgetting them. Nothing here knows about routes.
import { prepareArgs } from "./args";
import type { CompiledEndpoint } from "./config";
import { errorPayload } from "./errors";
import { CallEvent, newEventId, type ServerMessage } from "./event";
import { FaultDice, FaultSpecError, type FaultPlan, type FaultProfile } from "./faults";
import type { FileStore } from "./files";
import { detail, json } from "./http";
import { CallQueue } from "./queue";
import { runCall } from "./run-call";
import { SessionHub } from "./sessions";
import type { SseSink } from "./sse";
import type { GradioAppStats } from "./types";

/** Per-request faults for direct HTTP tests: the same "key=value,…" syntax as everywhere else. */
export const FAULTS_HEADER = "x-vernissage-faults";

/** Ended calls stay readable by GET /call/{api}/{event_id} this long. */
const EVENT_TTL_MS = 10 * 60_000;

export interface CallManagerOptions {
  appId: string;
  files: FileStore;
  profile: FaultProfile;
  concurrencyLimit: number;
  maxQueueSize: number;
  showError: boolean;
  orphanMs: number;
  sessionTtlMs: number;
  resolveFileUrl?: (url: string) => Promise<string | null>;
}

export interface JoinRequest {
  endpoint: CompiledEndpoint;
  data: readonly unknown[];
  /** null for /call without one: the call is then its own session. */
  sessionHash: string | null;
  request: Request;
  root: string;
}

export type Joined = { ok: true; event: CallEvent } | { ok: false; status: number; message: string };

export class CallManager {
  readonly sessions = new SessionHub();
  private readonly queue: CallQueue;
  private readonly events = new Map<string, CallEvent>();
  private readonly dice: FaultDice;
  private readonly sweepTimer: ReturnType<typeof setInterval>;
  private closed = false;

  constructor(private readonly opts: CallManagerOptions) {
    this.dice = new FaultDice(opts.profile, opts.appId);
    this.queue = new CallQueue(opts.concurrencyLimit, opts.maxQueueSize, {
      start: (event) =>
        void this.run(event).catch((err: unknown) => {
          // runCall settles everything itself; this only guards against an unhandled rejection.
          console.error(`[gradio-server] ${opts.appId}: call ${event.id} failed unexpectedly:`, err);
        }),
      send: (event, message) => this.sessions.send(event, message),
    });
    this.sweepTimer = setInterval(() => this.sweep(), Math.max(50, Math.min(opts.orphanMs / 4, 10_000)));
    this.sweepTimer.unref?.();
  }

  find(eventId: string): CallEvent | undefined {
    return this.events.get(eventId);
  }

  stats(): GradioAppStats {
    let pendingEvents = 0;
    for (const e of this.events.values()) if (e.active) pendingEvents++;
    return {
      sessions: this.sessions.size,
      streams: this.sessions.streams,
      queued: this.queue.waitingCount,
      running: this.queue.runningCount,
      pendingEvents,
    };
  }

  /** queue/join and /call: answers {event_id}, or 503 (queue full), or 400 (bad fault header). */
  async join(req: JoinRequest): Promise<Response> {
    const joined = await this.enqueue(req);
    return joined.ok ? json(200, { event_id: joined.event.id }) : detail(joined.status, joined.message);
  }

  /**
   * Creates the call and queues it (or ends it at once when its arguments are refused). `listener` hears every
   * message of the call from its first one (the MCP server follows a call this way, without a session stream).
   */
  async enqueue(req: JoinRequest, listener?: (message: ServerMessage) => void): Promise<Joined> {
    if (this.closed) return { ok: false, status: 503, message: "Queue is stopped." };
    let plan: FaultPlan;
    try {
      plan = this.dice.draw(req.request.headers.get(FAULTS_HEADER));
    } catch (err) {
      if (err instanceof FaultSpecError) return { ok: false, status: 400, message: `Invalid ${FAULTS_HEADER} header: ${err.message}` };
      throw err;
    }
    if (plan.queueFull || this.queue.isFull()) {
      const max = this.queue.maxSize;
      return { ok: false, status: 503, message: `Queue is full. Max size is ${max} and size is ${plan.queueFull ? max : this.queue.waitingCount}.` };
    }
    const id = newEventId();
    const hash = req.sessionHash ?? id;
    const session = this.sessions.touch(hash);
    const event = new CallEvent(id, hash, req.endpoint, plan, req.root);
    if (listener) event.listeners.add(listener);
    this.events.set(id, event);
    session.pending.add(id);
    try {
      event.args = await prepareArgs(req.endpoint, req.data, { files: this.opts.files, resolveUrl: this.opts.resolveFileUrl });
    } catch (err) {
      this.fail(event, err);
      return { ok: true, event };
    }
    if (event.active) this.queue.push(event);
    return { ok: true, event };
  }

  /** A caller that followed a call by listener (MCP) went away: the call is cancelled unless others follow it. */
  listenerLeft(event: CallEvent, listener: (message: ServerMessage) => void): void {
    event.listeners.delete(listener);
    if (event.active) this.readerLeft(event);
  }

  /** A client opened its queue/data stream. False for an unknown session. */
  attach(hash: string, sink: SseSink): boolean {
    return this.sessions.attach(hash, sink);
  }

  /** The client dropped its queue/data stream: like Gradio's clean_events, its calls are cancelled. */
  streamLost(hash: string, sink: SseSink): void {
    for (const id of this.sessions.detach(hash, sink)) {
      const event = this.events.get(id);
      if (event?.active) this.cancel(event, false);
      else this.sessions.forget(hash, id); // finished, never delivered: dropped with the stream, as in Gradio
    }
  }

  /** A REST reader left before the end: cancel the call if nobody else follows it. */
  readerLeft(event: CallEvent): void {
    if (event.listeners.size === 0 && !this.sessions.get(event.sessionHash)?.sink) this.cancel(event, false);
  }

  /** POST /cancel: only the session that owns the call may cancel it. */
  cancelByCaller(eventId: string, sessionHash: string): void {
    const event = this.events.get(eventId);
    if (event && event.sessionHash === sessionHash && event.active) this.cancel(event, true);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.sweepTimer);
    for (const event of this.events.values()) this.cancel(event, false);
    this.sessions.closeAll();
    this.events.clear();
  }

  private run(event: CallEvent): Promise<void> {
    return runCall(event, {
      files: this.opts.files,
      showError: this.opts.showError,
      send: (e, m) => this.sessions.send(e, m),
      average: (fn) => this.queue.average(fn),
      finish: (e, d) => this.queue.finish(e, d),
    });
  }

  /** Ends a call that never reached the queue (its arguments were refused). */
  private fail(event: CallEvent, err: unknown): void {
    const output = errorPayload(err, this.opts.showError);
    const message: ServerMessage = {
      msg: "process_completed",
      output,
      success: false,
      title: output.title ?? "Error",
      used_cache: null,
      cache_duration: null,
      avg_time: null,
    };
    event.state = "done";
    event.doneAt = Date.now();
    event.completion = message;
    this.sessions.send(event, message);
  }

  /**
   * Cancels a call. `notify` (the /cancel route) completes it like Gradio does — process_completed with an
   * empty output — so the client's stream can close; otherwise (client gone, orphan) it just disappears.
   */
  private cancel(event: CallEvent, notify: boolean): void {
    if (!event.active) return;
    const wasQueued = event.state === "queued";
    if (notify) {
      const message: ServerMessage = { msg: "process_completed", output: {}, success: true, title: null };
      event.completion = message;
      this.sessions.send(event, message);
    }
    event.state = "done";
    event.doneAt = Date.now();
    if (wasQueued) this.queue.remove(event);
    event.abort.abort();
    if (!notify) this.sessions.forget(event.sessionHash, event.id);
  }

  private sweep(): void {
    try {
      const now = Date.now();
      for (const event of this.events.values()) {
        if (event.active && event.hung) {
          const watched = event.listeners.size > 0 || !!this.sessions.get(event.sessionHash)?.sink;
          if (watched) event.unwatchedSince = null;
          else if (event.unwatchedSince === null) event.unwatchedSince = now;
          else if (now - event.unwatchedSince >= this.opts.orphanMs) this.cancel(event, false);
        }
        if (!event.active && now - event.doneAt > EVENT_TTL_MS) this.events.delete(event.id);
      }
      this.sessions.sweep(now, this.opts.sessionTtlMs, (id) => this.events.get(id)?.active ?? false);
    } catch (err) {
      console.error(`[gradio-server] ${this.opts.appId}: sweep failed:`, err);
    }
  }
}
