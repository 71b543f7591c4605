import "server-only";
// The REST interface agents.md documents: POST /call/{api} {"data": [...]} or /call/v2/{api} {name: value}
// → {"event_id"}, then GET /call/{api}/{event_id} → `event: complete|error|heartbeat` stream that ends with
// the result. Joins go through the same queue as the JS client's queue/join.
import { z } from "zod";
import { namedToPositional } from "./args";
import type { JoinRequest } from "./calls";
import type { CompiledEndpoint } from "./config";
import { GradioError } from "./errors";
import type { CallEvent, ServerMessage } from "./event";
import { detail, readJson, validationDetail } from "./http";
import { createSse } from "./sse";

export interface RestHost {
  endpointByName(apiName: string): CompiledEndpoint | undefined;
  unknownEndpoint(apiName: string): Response;
  join(req: JoinRequest): Promise<Response>;
  findEvent(eventId: string): CallEvent | undefined;
  heartbeatMs: number;
  /** A REST reader left before the end: cancel the call if nobody else follows it. */
  readerLeft(event: CallEvent): void;
}

const sessionHashSchema = z.string().min(1).max(256).nullish();
const callBody = z.looseObject({ data: z.array(z.unknown()), session_hash: sessionHashSchema });
const callV2Body = z.record(z.string(), z.unknown());

export async function handleCallPost(
  host: RestHost,
  request: Request,
  apiName: string,
  v2: boolean,
  root: string,
): Promise<Response> {
  const endpoint = host.endpointByName(apiName);
  if (!endpoint) return host.unknownEndpoint(apiName);
  const body = await readJson(request);
  if (!body.ok) return body.response;
  if (v2) {
    const parsed = callV2Body.safeParse(body.value);
    if (!parsed.success) return validationDetail(parsed.error.issues, body.value);
    const named = { ...parsed.data };
    delete named.oauth_token; // Gradio drops it for endpoints that take no token
    let data: unknown[];
    try {
      data = namedToPositional(endpoint, named);
    } catch (err) {
      return detail(422, err instanceof GradioError ? err.message : "Invalid arguments.");
    }
    return host.join({ endpoint, data, sessionHash: null, request, root });
  }
  const parsed = callBody.safeParse(body.value);
  if (!parsed.success) return validationDetail(parsed.error.issues, body.value);
  return host.join({ endpoint, data: parsed.data.data, sessionHash: parsed.data.session_hash ?? null, request, root });
}

/** Gradio's process_msg for the REST stream: only results, errors and heartbeats are shown. */
function restEvent(message: ServerMessage): [string, unknown] | null {
  const output = (message.output ?? {}) as Record<string, unknown>;
  switch (message.msg) {
    case "process_completed":
      return message.success ? ["complete", output.data] : ["error", output];
    case "process_generating":
      return message.success ? ["generating", output.data] : ["error", output];
    case "unexpected_error":
      return ["error", message.message];
    default:
      return null;
  }
}

export function handleCallGet(host: RestHost, request: Request, eventId: string): Response {
  const event = host.findEvent(eventId);
  let listener: ((m: ServerMessage) => void) | null = null;
  const { response, sink } = createSse({
    signal: request.signal,
    heartbeatMs: host.heartbeatMs,
    heartbeat: (s) => s.sendEvent("heartbeat", null),
    onAbort: () => {
      if (event && listener) {
        event.listeners.delete(listener);
        if (event.active) host.readerLeft(event);
      }
    },
  });
  if (sink.closed) return response;
  if (!event) {
    sink.sendEvent("error", `No call with event_id ${eventId} (calls are kept for 10 minutes after they end).`);
    sink.close();
    return response;
  }
  const forward = (message: ServerMessage) => {
    const shown = restEvent(message);
    if (!shown) return;
    sink.sendEvent(shown[0], shown[1]);
    if (message.msg === "process_completed" || message.msg === "unexpected_error") {
      if (listener) event.listeners.delete(listener);
      sink.close();
    }
  };
  if (event.completion) {
    forward(event.completion);
    return response;
  }
  listener = forward;
  event.listeners.add(listener);
  return response;
}
