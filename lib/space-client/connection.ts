import "server-only";
import { randomBytes } from "node:crypto";
import { Client } from "@gradio/client";
import { parseApiInfo, withComponentProps, type EndpointSpec } from "./api-info";
import type { ProgressSink } from "./call";
import { raceAbort } from "@/lib/platform/abort";
import { abortedError, AbortedError, ApiChangedError, classifyError, SpaceError, throwIfAborted } from "./errors";
import type { SpaceEntry } from "./types";
import { assertSpaceUrlAllowed, type UrlGuardOptions } from "./url-guard";

// Connecting costs two or three requests (host lookup, /config, /info) and, for a sleeping Space, minutes; so
// one connected client is kept per Space and reused, with the Space's schema read from them (every call is
// fitted to it: input-fit.ts). A call that fails for an API reason (an API change, a refused value) drops the
// connection (invalidate), so the next call reads /config and /info afresh. But a Gradio *session* (session_hash: its gr.State, its
// event stream) must never be shared between calls: TRELLIS.2 keeps the latents of one exhibit in session
// state between /image_to_3d and /extract_glb, and a shared event stream has close/reopen races. Each call
// therefore gets a FORK: a fresh Client carrying the pooled client's config and API info, with its own
// session_hash and stream, made without any network request.

export type ConnectFn = (target: string, options: ConstructorParameters<typeof Client>[1]) => Promise<Client>;

export interface ConnectionDeps {
  token?: string;
  guard: UrlGuardOptions;
  connect?: ConnectFn;
}

/** A per-call session on a Space. */
export interface SpaceSession {
  readonly entry: SpaceEntry;
  readonly client: Client;
  readonly root: string;
  readonly endpoints: Record<string, EndpointSpec>;
  close(): void;
}

interface Pooled {
  client: Promise<Client>;
  listeners: Set<ProgressSink>;
  /** Adapter checks already passed on this connection (by adapter id). */
  checked: Map<string, unknown>;
  /** The client has connected (its promise resolved); a call that finds it so is not "connecting". */
  connected: boolean;
  endpoints?: Record<string, EndpointSpec>;
}

export class SpaceConnections {
  private readonly pool = new Map<string, Pooled>();

  constructor(private readonly deps: ConnectionDeps) {}

  /**
   * Opens a session on `entry`. `check` (an adapter's API check) runs once per connection and its result is
   * cached with it; an ApiChangedError drops the connection so the next attempt reads /info afresh.
   */
  async open<P>(
    entry: SpaceEntry,
    opts: { signal: AbortSignal; onProgress?: ProgressSink; check?: { id: string; run: (endpoints: Record<string, EndpointSpec>) => P } },
  ): Promise<{ session: SpaceSession; plan: P | undefined }> {
    throwIfAborted(opts.signal);
    // Re-vetted on every open, not just the first: a name that later resolves elsewhere (DNS rebinding) is caught.
    if (!entry.builtin && /^https?:\/\//i.test(entry.target)) await assertSpaceUrlAllowed(entry.target, this.deps.guard);

    const pooled = this.pooledFor(entry);
    // Only a call that waits for the connection hears "connecting"; a reused one goes straight to its call.
    if (!pooled.connected) opts.onProgress?.({ stage: "connecting" });
    if (opts.onProgress) pooled.listeners.add(opts.onProgress);
    let base: Client;
    try {
      base = await raceAbort(pooled.client, opts.signal, abortedError);
    } catch (e) {
      if (e instanceof AbortedError) throw e;
      this.drop(entry, pooled);
      throw classifyError(e, opts.signal);
    } finally {
      if (opts.onProgress) pooled.listeners.delete(opts.onProgress);
    }

    if (!pooled.endpoints) {
      try {
        // /info, completed with the ranges and choices only /config's component props state (api-info.ts).
        pooled.endpoints = withComponentProps(parseApiInfo(await raceAbort(base.view_api(), opts.signal, abortedError)), base.config);
      } catch (e) {
        if (e instanceof AbortedError) throw e;
        this.drop(entry, pooled);
        throw new SpaceError("transient", `Could not read the API of ${entry.key}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const endpoints = pooled.endpoints;

    let plan: P | undefined;
    if (opts.check) {
      if (pooled.checked.has(opts.check.id)) {
        plan = pooled.checked.get(opts.check.id) as P;
      } else {
        try {
          plan = opts.check.run(endpoints);
        } catch (e) {
          if (e instanceof ApiChangedError) this.drop(entry, pooled);
          throw e;
        }
        pooled.checked.set(opts.check.id, plan);
      }
    }

    const client = fork(base);
    return {
      session: { entry, client, root: base.config!.root.replace(/\/+$/, ""), endpoints, close: () => quietClose(client) },
      plan,
    };
  }

  /** Forgets the pooled connection of `entry` (after an API change, or a connection that went bad). */
  invalidate(entry: SpaceEntry): void {
    const p = this.pool.get(entry.target);
    if (p) this.drop(entry, p);
  }

  private pooledFor(entry: SpaceEntry): Pooled {
    const existing = this.pool.get(entry.target);
    if (existing) return existing;
    const listeners = new Set<ProgressSink>();
    const connect: ConnectFn = this.deps.connect ?? ((t, o) => Client.connect(t, o));
    const token = entry.hf ? this.deps.token : undefined;
    const client = connect(entry.target, {
      ...(token ? { token: token as `hf_${string}` } : {}),
      events: ["data", "status", "log"],
      record_history: false,
      status_callback: (s) => {
        // Sleeping/building/starting Spaces: tell whoever is waiting for this connection.
        const stage = s.status === "sleeping" || s.status === "building" || s.status === "starting" ? s.status : null;
        if (!stage) return;
        for (const l of listeners) l({ stage, message: s.message });
      },
    }).then((c) => {
      // A Space whose config could not be loaded still "connects" (the client then polls its status in the
      // background); treat it as not connected.
      if (!c.config?.root) throw new SpaceError("transient", `Could not load the config of ${entry.key}`);
      return c;
    });
    const pooled: Pooled = { client, listeners, checked: new Map(), connected: false };
    client.then(
      () => (pooled.connected = true),
      () => undefined, // a failure is reported to the awaiting caller, not as an unhandled rejection
    );
    this.pool.set(entry.target, pooled);
    return pooled;
  }

  private drop(entry: SpaceEntry, pooled: Pooled): void {
    if (this.pool.get(entry.target) === pooled) this.pool.delete(entry.target);
    pooled.client.then((c) => c.close()).catch(() => undefined);
  }
}

/**
 * Closes a session's event stream. The client reports a stream it closes itself as a broken connection
 * (console noise, and a "Connection errored out" to callbacks nobody listens to any more), so its handlers
 * are detached first.
 */
function quietClose(client: Client): void {
  const stream = client.stream_instance;
  if (stream) {
    stream.onerror = null;
    stream.onmessage = null;
  }
  client.close();
}

/** A new session on an already connected client: same config and API info, fresh session_hash and stream. */
export function fork(base: Client): Client {
  const c = new Client(base.app_reference, { ...base.options, status_callback: null });
  c.config = base.config;
  c.api_prefix = base.api_prefix;
  c.api_info = base.api_info;
  c.api_map = base.api_map;
  c.jwt = base.jwt;
  c.session_hash = randomBytes(8).toString("base64url").slice(0, 11).toLowerCase();
  return c;
}

