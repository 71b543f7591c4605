import "server-only";
import type { Client } from "@gradio/client";
import type { SpaceProgress } from "@/lib/contracts/tool-events";
import { abortedError, classifyError, SpaceError, throwIfAborted } from "./errors";

// One endpoint call through @gradio/client's `submit`, so that the Space's status stream (queue position, ETA,
// progress bars, logs) reaches the build log while we wait, and so that the job can be cancelled on the
// Space when we give up (timeout or abort) instead of burning GPU for nobody.

/** What a Space is doing for us right now, as reported by its status stream or the Hub. */
export type ProgressSink = (p: SpaceProgress) => void;

/** A file reference a Space accepts as input: a path its own /upload returned. */
export interface FileRef {
  path: string;
  orig_name?: string;
  url?: string;
  meta: { _type: "gradio.FileData" };
}

interface StatusEvent {
  type: "status";
  stage: string;
  message?: unknown;
  title?: string;
  code?: string;
  broken?: boolean;
  position?: number;
  size?: number;
  eta?: number;
  progress_data?: { progress: number | null; index: number | null; length: number | null; unit: string | null; desc: string | null }[] | null;
  original_msg?: string;
}

/**
 * Submits `endpoint` with `args` (keyword object or positional array) and resolves with its outputs (gr.State
 * outputs left out, as the client does). Rejects with a classified SpaceError; on abort the job is cancelled.
 */
export async function runEndpoint(
  client: Client,
  endpoint: string,
  args: Record<string, unknown> | unknown[],
  opts: { signal: AbortSignal; onProgress?: ProgressSink },
): Promise<unknown[]> {
  const { signal, onProgress } = opts;
  throwIfAborted(signal);
  let job: ReturnType<Client["submit"]>;
  try {
    // all_events=true: status and log events too, whatever `events` the client was connected with.
    job = client.submit(endpoint, args, undefined, undefined, true);
  } catch (e) {
    throw classifyError(e, signal);
  }
  const onAbort = () => {
    // Tell the Space to drop the job (POST /cancel + /reset), and stop our iterator.
    job.cancel().catch(() => undefined);
    void job.return();
  };
  signal.addEventListener("abort", onAbort, { once: true });

  let data: unknown[] | undefined;
  let complete = false;
  try {
    for await (const ev of job) {
      if (signal.aborted) break;
      if (ev.type === "data") {
        data = Array.isArray(ev.data) ? (ev.data as unknown[]) : [ev.data];
        if (complete) break;
      } else if (ev.type === "status") {
        const st = ev as unknown as StatusEvent;
        if (st.stage === "error") throw statusError(st);
        if (st.stage === "complete") {
          complete = true;
          if (data) break;
          continue;
        }
        onProgress?.(toProgress(st));
      } else if (ev.type === "log") {
        const log = ev as unknown as { log?: string; level?: string };
        if (log.log) onProgress?.({ stage: "log", message: `${log.level && log.level !== "info" ? `${log.level}: ` : ""}${log.log}` });
      }
    }
  } catch (e) {
    if (signal.aborted) throw abortedError(signal);
    throw classifyError(e, signal);
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
  if (signal.aborted) throw abortedError(signal);
  if (!data) throw new SpaceError("transient", `${endpoint} finished without returning any output`);
  return data;
}

function statusError(st: StatusEvent): Error {
  const message =
    typeof st.message === "string" && st.message.trim()
      ? st.message.trim()
      : Array.isArray(st.message)
        ? JSON.stringify(st.message)
        : "An error occurred";
  const err = new Error(message) as Error & Record<string, unknown>;
  if (st.title) err.title = st.title;
  if (st.code) err.code = st.code;
  if (st.broken) err.broken = st.broken;
  return err;
}

function toProgress(st: StatusEvent): SpaceProgress {
  const bar = st.progress_data?.find((p) => p.progress !== null || (p.index !== null && p.length));
  if (bar) {
    const fraction = bar.progress ?? (bar.index !== null && bar.length ? bar.index / bar.length : undefined);
    return {
      stage: "running",
      ...(fraction !== undefined ? { fraction: Math.min(1, Math.max(0, fraction)) } : {}),
      ...(bar.desc ? { desc: bar.desc } : {}),
    };
  }
  if (st.original_msg === "process_starts" || st.stage === "generating" || st.stage === "streaming") {
    return { stage: "running", ...(typeof st.eta === "number" ? { eta: st.eta } : {}) };
  }
  const p: SpaceProgress = { stage: "queue" };
  if (typeof st.position === "number") p.position = st.position;
  if (typeof st.size === "number") p.size = st.size;
  if (typeof st.eta === "number") p.eta = st.eta;
  return p;
}

/**
 * Uploads bytes to the Space (POST {root}/gradio_api/upload) and returns the reference to pass as the file
 * argument. Done here rather than by handing a Blob to submit because the client silently sends `{}` when an
 * upload fails; we want that to be an error.
 */
export async function uploadFile(
  client: Client,
  bytes: Uint8Array,
  filename: string,
  mediaType: string,
  signal: AbortSignal,
): Promise<FileRef> {
  throwIfAborted(signal);
  const root = client.config?.root;
  if (!root) throw new SpaceError("transient", "The Space's config is not loaded");
  const file = new File([new Uint8Array(bytes)], filename, { type: mediaType });
  let res: { error?: string; files?: string[] };
  try {
    res = await client.upload_files(root, [file]);
  } catch (e) {
    throw classifyError(e, signal);
  }
  throwIfAborted(signal);
  const path = res.files?.[0];
  if (res.error || typeof path !== "string" || !path) {
    const err = res.error ?? "no file path returned";
    throw classifyError(new Error(`Upload to the Space failed: ${err}`), signal);
  }
  return { path, orig_name: filename, meta: { _type: "gradio.FileData" } };
}
