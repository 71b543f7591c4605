// One server-sent-event stream as a Web Response. Heartbeats keep proxies from closing an idle stream; the
// caller learns of a client going away (stream cancelled or request aborted) through onAbort, which is NOT
// called when we close the stream ourselves — that difference is what lets a session cancel its calls only
// when the client really left.

export interface SseSink {
  /** `data: <json>\n\n` (the queue/data format). */
  send(message: unknown): void;
  /** `event: <name>\ndata: <json>\n\n` (the /call format). */
  sendEvent(event: string, data: unknown): void;
  /** `data: <text>\n\n`, unencoded (the heartbeat route's "ALIVE"). */
  sendText(line: string): void;
  close(): void;
  readonly closed: boolean;
}

export interface SseOptions {
  signal?: AbortSignal;
  heartbeatMs: number;
  heartbeat(sink: SseSink): void;
  onAbort?(): void;
}

export const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  // no-transform: compression middleware (Next's included) must not buffer the stream.
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
};

export function createSse(options: SseOptions): { response: Response; sink: SseSink } {
  const encoder = new TextEncoder();
  // Set synchronously by the stream's start(); typed loosely because TS cannot see callback assignments.
  let controller = null as ReadableStreamDefaultController<Uint8Array> | null;
  let closed = false;
  let timer: ReturnType<typeof setInterval> | null = null;

  const finish = (aborted: boolean) => {
    if (closed) return;
    closed = true;
    if (timer) clearInterval(timer);
    options.signal?.removeEventListener("abort", onSignal);
    if (!aborted) {
      try {
        controller?.close();
      } catch {
        // already errored by the consumer
      }
    }
    if (aborted) options.onAbort?.();
  };
  const onSignal = () => finish(true);

  const write = (chunk: string) => {
    if (closed || !controller) return;
    try {
      controller.enqueue(encoder.encode(chunk));
    } catch {
      finish(true);
    }
  };

  const sink: SseSink = {
    send: (message) => write(`data: ${JSON.stringify(message)}\n\n`),
    sendEvent: (event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data ?? null)}\n\n`),
    sendText: (line) => write(`data: ${line}\n\n`),
    close: () => finish(false),
    get closed() {
      return closed;
    },
  };

  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      finish(true);
    },
  });

  if (options.signal?.aborted) {
    // Gone before we started: nothing was attached yet, so there is nobody to tell (callers check `closed`).
    closed = true;
    controller?.close();
  } else {
    options.signal?.addEventListener("abort", onSignal, { once: true });
    timer = setInterval(() => options.heartbeat(sink), options.heartbeatMs);
    timer.unref?.();
  }
  return { response: new Response(stream, { status: 200, headers: SSE_HEADERS }), sink };
}
