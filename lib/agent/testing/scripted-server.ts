// A scripted OpenAI-compatible chat server on loopback: POST /v1/chat/completions answers with recorded
// completions, in order, streamed as SSE chunks in the OpenAI format — or with the scripted fault.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type ScriptedReply =
  | string
  | { status: number; body?: unknown }
  /** Streams `text`, then destroys the connection after `after` characters. */
  | { text: string; dropAfter: number }
  /** Streams an in-band error event after `after` characters of `text`. */
  | { text: string; errorAfter: number };

export interface RecordedRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: { messages: { role: string; content: string }[]; stop?: string[]; model?: string; stream?: boolean; [k: string]: unknown };
}

export interface ScriptedServer {
  url: string;
  requests: RecordedRequest[];
  /** Every request line the server saw, chat or not. */
  paths: string[];
  /** Replies not yet used. */
  remaining(): number;
  close(): Promise<void>;
}

function chunkPayload(content: string, finish: string | null = null) {
  return {
    id: "chatcmpl-scripted",
    object: "chat.completion.chunk",
    created: 0,
    model: "scripted",
    choices: [{ index: 0, delta: content ? { role: "assistant", content } : {}, finish_reason: finish }],
  };
}

function applyStop(text: string, stop: string[] | undefined): string {
  let end = text.length;
  for (const s of stop ?? []) {
    const i = text.indexOf(s);
    if (i >= 0 && i < end) end = i;
  }
  return text.slice(0, end);
}

export async function startScriptedServer(script: ScriptedReply[], options: { honourStop?: boolean; chunkSize?: number } = {}): Promise<ScriptedServer> {
  const queue = [...script];
  const requests: RecordedRequest[] = [];
  const paths: string[] = [];
  const chunkSize = options.chunkSize ?? 7;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    paths.push(`${req.method} ${req.url}`);
    let raw = "";
    for await (const part of req) raw += String(part);
    if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not found" }));
      return;
    }
    const body = JSON.parse(raw) as RecordedRequest["body"];
    requests.push({ path: req.url, headers: req.headers, body });
    const reply = queue.shift();
    if (reply === undefined) {
      res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: "script exhausted" }));
      return;
    }
    if (typeof reply === "object" && "status" in reply) {
      res.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify(reply.body ?? { error: `scripted ${reply.status}` }));
      return;
    }
    const full = typeof reply === "string" ? reply : reply.text;
    const text = options.honourStop === false ? full : applyStop(full, body.stop);
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    const cutAt = typeof reply === "object" ? ("dropAfter" in reply ? reply.dropAfter : reply.errorAfter) : Infinity;
    for (let i = 0; i < text.length; i += chunkSize) {
      if (i >= cutAt) {
        if (typeof reply === "object" && "dropAfter" in reply) {
          res.destroy();
          return;
        }
        res.write(`data: ${JSON.stringify({ error: { message: "upstream model crashed" } })}\n\n`);
        res.end();
        return;
      }
      res.write(`data: ${JSON.stringify(chunkPayload(text.slice(i, i + chunkSize)))}\n\n`);
      await new Promise((r) => setImmediate(r));
    }
    res.write(`data: ${JSON.stringify(chunkPayload("", "stop"))}\n\n`);
    res.write("data: [DONE]\n\n");
    res.end();
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    paths,
    remaining: () => queue.length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
