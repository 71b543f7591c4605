import "server-only";
import type { AdapterSession } from "./adapters/types";
import type { EndpointSpec } from "./api-info";
import { runEndpoint, uploadFile } from "./call";
import type { AttemptContext } from "./call-runner";
import type { ClientContext } from "./client-context";
import type { SpaceSession } from "./connection";
import { OutputValidationError } from "./errors";
import { downloadFile, fileRefOf, type Downloaded } from "./files";
import { urlFileRef } from "./hand-off";
import { fitArgs } from "./input-fit";
import type { Capability, SpaceEntry } from "./types";
import { assertSpaceUrlAllowed } from "./url-guard";

// Working on a Space within one attempt: a session opened (and closed), calls that take the Space's slot and
// report progress, files sent, and the output file brought back as bytes.

/**
 * Opens a session on the Space (connect or reuse, API check once per connection), runs `work` with an
 * AdapterSession whose calls forward progress and honour the attempt's signal, and closes the session.
 */
export async function onSpace<B, R>(
  ctx: ClientContext,
  entry: SpaceEntry,
  checkId: string,
  capability: Capability | "custom",
  bind: (eps: Record<string, EndpointSpec>) => B,
  attempt: AttemptContext,
  work: (bound: B, s: AdapterSession, session: SpaceSession) => Promise<R>,
): Promise<R> {
  const { session, plan } = await ctx.connections.open(entry, {
    signal: attempt.signal,
    onProgress: attempt.progress,
    check: { id: `${checkId}:${capability}`, run: bind },
  });
  const s: AdapterSession = {
    entry,
    endpoints: session.endpoints,
    call: async (endpoint, args) => {
      // Fitted to the Space's schema before the slot is taken: a call that cannot be made costs no turn.
      const spec = session.endpoints[endpoint];
      const fitted = spec ? fitArgs(spec, args) : args;
      await attempt.acquireSlot();
      return runEndpoint(session.client, endpoint, fitted, { signal: attempt.signal, onProgress: attempt.progress });
    },
    note: (message) => attempt.progress({ stage: "log", message }),
    sendFile: (file) =>
      entry.builtin && file.builtinUrl
        ? Promise.resolve(urlFileRef(file.builtinUrl, file.filename))
        : uploadFile(session.client, file.bytes, file.filename, file.mediaType, attempt.signal),
  };
  try {
    return await work(plan as B, s, session);
  } finally {
    session.close();
    attempt.releaseSlot();
  }
}

/** Downloads the file an adapter returned (the bytes, never the path: see files.ts). */
export async function downloadOutput(
  ctx: ClientContext,
  file: unknown,
  session: SpaceSession,
  attempt: AttemptContext,
  maxBytes: number,
): Promise<Downloaded & { url: string }> {
  const ref = fileRefOf(file, session.root, apiPrefix(session));
  if (!ref) throw new OutputValidationError(`${session.entry.key} returned no file (got ${describeValue(file)})`);
  attempt.progress({ stage: "downloading" });
  return { ...(await downloadFile(ref, downloadOptions(ctx, session, attempt, maxBytes))), url: ref.url };
}

/** Downloads any file a Space's output names, up to `maxBytes`; null when the value names no file. */
export async function downloadIfFile(
  ctx: ClientContext,
  value: unknown,
  session: SpaceSession,
  attempt: AttemptContext,
  maxBytes: number,
): Promise<Downloaded | null> {
  const ref = fileRefOf(value, session.root, apiPrefix(session));
  return ref ? downloadFile(ref, downloadOptions(ctx, session, attempt, maxBytes)) : null;
}

const apiPrefix = (session: SpaceSession) => session.client.api_prefix || "/gradio_api";

function downloadOptions(ctx: ClientContext, session: SpaceSession, attempt: AttemptContext, maxBytes: number) {
  const origin = new URL(session.root).origin;
  return {
    fetchImpl: ctx.fetchImpl,
    signal: attempt.signal,
    maxBytes,
    ...(session.entry.hf && ctx.token ? { token: ctx.token } : {}),
    // The Space's own origin was vetted at connect; anything else (a CDN, a redirect) is vetted now.
    vet: async (url: string) => {
      if (new URL(url).origin === origin) return;
      await assertSpaceUrlAllowed(url, ctx.guard);
    },
  };
}

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  const s = typeof v === "string" ? JSON.stringify(v) : JSON.stringify(v) ?? typeof v;
  return s.length > 120 ? `${s.slice(0, 120)}…` : s;
}
