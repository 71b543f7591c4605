// Small Web-Fetch helpers: JSON/text answers shaped like FastAPI's, and bounded body reading (a Space must not
// buffer an unbounded request).
import type { z } from "zod";
import { readCapped, TooLargeError } from "@/lib/platform/read-capped";

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });
}

export function text(status: number, body: string, contentType = "text/plain; charset=utf-8"): Response {
  return new Response(body, { status, headers: { "content-type": contentType, "cache-control": "no-store" } });
}

/** FastAPI's HTTPException body. */
export function detail(status: number, message: unknown): Response {
  return json(status, { detail: message });
}

export const notFound = (): Response => detail(404, "Not Found");
export const methodNotAllowed = (): Response => detail(405, "Method Not Allowed");

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body exceeds ${limit} bytes`);
    this.name = "BodyTooLargeError";
  }
}

/**
 * Reads the whole body, refusing more than `limit` bytes. A refused body is still read (and dropped) up to
 * `drainLimit`, so the client sees our 413 rather than a reset connection (lib/platform/read-capped.ts).
 */
export async function readBody(request: Request, limit: number, drainLimit = limit): Promise<Uint8Array> {
  try {
    return await readCapped(request.body, limit, { declaredLength: request.headers.get("content-length"), drainBytes: drainLimit });
  } catch (err) {
    if (err instanceof TooLargeError) throw new BodyTooLargeError(limit);
    throw err;
  }
}

/** FastAPI's 422 body: one entry per problem, located in the body. */
export function validationDetail(issues: readonly z.core.$ZodIssue[], input: unknown): Response {
  return detail(
    422,
    issues.map((i) => ({
      type: i.code === "invalid_type" && i.message.includes("received undefined") ? "missing" : i.code,
      loc: ["body", ...i.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
      msg: i.message,
      input,
    })),
  );
}

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

/** Parses a JSON body the way FastAPI answers a broken one (422 json_invalid), bounded in size. */
export async function readJson(request: Request, limit = 1024 * 1024): Promise<JsonBody> {
  let raw: Uint8Array;
  try {
    raw = await readBody(request, limit);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return { ok: false, response: detail(413, err.message) };
    return { ok: false, response: detail(400, "Could not read the request body.") };
  }
  const textBody = new TextDecoder().decode(raw);
  // A body nested deeper than any real call parses fine but overflows the stack of whatever walks it next
  // (zod, the 422 that echoes it, JSON.stringify): refused here as bad input before anything walks it.
  if (jsonDepthExceeds(textBody, MAX_JSON_DEPTH)) {
    return {
      ok: false,
      response: detail(422, [
        { type: "json_invalid", loc: ["body", 0], msg: `JSON nested deeper than ${MAX_JSON_DEPTH} levels`, input: {} },
      ]),
    };
  }
  try {
    return { ok: true, value: JSON.parse(textBody) };
  } catch (err) {
    return {
      ok: false,
      response: detail(422, [
        {
          type: "json_invalid",
          loc: ["body", 0],
          msg: "JSON decode error",
          input: {},
          ctx: { error: err instanceof Error ? err.message : "Expecting value" },
        },
      ]),
    };
  }
}

/** Far above a real Gradio call (FileData inside a list inside data is 4 levels), far below any stack limit. */
export const MAX_JSON_DEPTH = 64;

/** Whether JSON text opens more than `max` arrays/objects at once (brackets inside strings do not count). */
export function jsonDepthExceeds(textBody: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < textBody.length; i++) {
    const c = textBody.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \\ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return false;
}
