// A path whose %-encoding does not decode (`/g/%E0%A4%A`, `/assets/%`) is the client's mistake. Next decodes
// route parameters itself before any route handler runs and answers a failure with a bare 500, so proxy.ts
// refuses such a path first, with a 400 and a message in the shape the route's callers read.

const MESSAGE = "Malformed path: a %-encoding in it does not decode.";

/** Whether some segment of the raw (still encoded) pathname fails to decode. */
export function isMalformedPath(rawPathname: string): boolean {
  if (!rawPathname.includes("%")) return false;
  try {
    for (const segment of rawPathname.split("/")) decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}

/** The 400 for a malformed path: JSON where the callers are programs (the API's `error`, Gradio's `detail`). */
export function malformedPathResponse(rawPathname: string): Response {
  const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (rawPathname.startsWith("/api/")) return Response.json({ error: MESSAGE }, { status: 400, headers });
  if (rawPathname.startsWith("/spaces/")) return Response.json({ detail: MESSAGE }, { status: 400, headers });
  return new Response(MESSAGE, { status: 400, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
}
