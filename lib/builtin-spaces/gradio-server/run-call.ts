import "server-only";
// Runs one started call: process_starts, the injected faults, the endpoint's `run` (bounded by its time limit
// and the call's abort signal), its outputs turned into FileData, and exactly one process_completed — unless
// the call was cancelled, in which case nothing more is sent. The queue slot is always given back.
import { CancelledError, raceAbort, sleep } from "@/lib/platform/abort";
import { errorPayload, GradioError } from "./errors";
import { corruptBytes, quotaMessage } from "./faults";
import type { FileStore } from "./files";
import { FILE_DATA_META } from "./components";
import type { CallEvent, ServerMessage } from "./event";
import type { LogLevel, OutputFile, OutputFileUpdate, RunContext } from "./types";
import { API_PREFIX } from "./config";

export const DEFAULT_RUN_TIMEOUT_MS = 5 * 60 * 1000;
/** Progress messages are coalesced to at most one per this interval (Gradio batches them too). */
const PROGRESS_INTERVAL_MS = 50;

/** An exception whose message must not be shown (the `crash` fault): goes out as `{error: null}`. */
export class HiddenError extends Error {
  constructor(message = "Injected crash") {
    super(message);
    this.name = "HiddenError";
  }
}

export interface RunCallDeps {
  files: FileStore;
  showError: boolean;
  send(event: CallEvent, message: ServerMessage): void;
  average(fnIndex: number): number | null;
  /** Frees the queue slot; `durationS` is null when the run should not count toward ETAs. */
  finish(event: CallEvent, durationS: number | null): void;
}

function isOutputFile(v: unknown): v is OutputFile {
  return (
    typeof v === "object" &&
    v !== null &&
    (v as OutputFile).kind === "output-file" &&
    (v as OutputFile).data instanceof Uint8Array &&
    typeof (v as OutputFile).name === "string"
  );
}

function isOutputFileUpdate(v: unknown): v is OutputFileUpdate {
  return typeof v === "object" && v !== null && (v as OutputFileUpdate).kind === "output-file-update" && isOutputFile((v as OutputFileUpdate).file);
}

function fileUrl(root: string, filePath: string): string {
  return `${root}${API_PREFIX}/file=${filePath}`;
}

async function buildOutputs(event: CallEvent, values: readonly unknown[], deps: RunCallDeps): Promise<unknown[]> {
  const returns = event.endpoint.def.returns;
  if (values.length !== returns.length) {
    throw new Error(`/${event.endpoint.def.apiName} returned ${values.length} values for ${returns.length} outputs`);
  }
  const out: unknown[] = [];
  for (let i = 0; i < returns.length; i++) {
    const r = returns[i]!;
    const v = values[i];
    if (r.type !== "file") {
      out.push(v ?? null);
      continue;
    }
    if (v === null || v === undefined) {
      out.push(null);
      continue;
    }
    const update = isOutputFileUpdate(v) ? v : null;
    const file = update ? update.file : v;
    if (!isOutputFile(file)) throw new Error(`/${event.endpoint.def.apiName} output ${i} is not an OutputFile`);
    const bytes = event.plan.malformed ? corruptBytes(file.data, event.plan.malformed, event.plan.noiseSeed) : file.data;
    const stored = await deps.files.write(bytes, file.name);
    const data = {
      path: stored.path,
      url: fileUrl(event.root, stored.path),
      size: stored.size,
      orig_name: stored.name,
      mime_type: stored.mimeType,
      is_stream: false,
      meta: { ...FILE_DATA_META },
    };
    // Gradio's postprocess_update_dict: the component's props, the postprocessed value, "__type__": "update".
    out.push(update ? { ...update.props, value: data, __type__: "update" } : data);
  }
  return out;
}

export async function runCall(event: CallEvent, deps: RunCallDeps): Promise<void> {
  if (!event.active || event.abort.signal.aborted) {
    deps.finish(event, null);
    return;
  }
  const def = event.endpoint.def;
  const signal = event.abort.signal;
  const plan = event.plan;
  let lastProgressAt = 0;
  let progressTimer: ReturnType<typeof setTimeout> | null = null;
  let pendingProgress: ServerMessage | null = null;
  const flushProgress = () => {
    progressTimer = null;
    if (pendingProgress && event.active && !signal.aborted) deps.send(event, pendingProgress);
    pendingProgress = null;
    lastProgressAt = Date.now();
  };
  const timeout = AbortSignal.timeout(def.timeoutMs ?? DEFAULT_RUN_TIMEOUT_MS);
  const runSignal = AbortSignal.any([signal, timeout]);
  const ctx: RunContext = {
    signal: runSignal,
    eventId: event.id,
    sessionHash: event.sessionHash,
    progress(fraction, desc) {
      if (!event.active || signal.aborted) return;
      const progress = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
      pendingProgress = {
        msg: "progress",
        progress_data: [{ index: null, length: null, unit: "steps", progress, desc: desc ?? null }],
      };
      const wait = PROGRESS_INTERVAL_MS - (Date.now() - lastProgressAt);
      if (wait <= 0) flushProgress();
      else progressTimer ??= setTimeout(flushProgress, wait);
    },
    log(message: string, level: LogLevel = "info") {
      if (!event.active || signal.aborted) return;
      deps.send(event, { msg: "log", log: message, level, duration: 10, visible: true, title: "" });
    },
  };

  deps.send(event, { msg: "process_starts", eta: deps.average(event.endpoint.fnIndex) });
  const started = Date.now();
  let countDuration = false;
  try {
    let message: ServerMessage;
    try {
      if (plan.quota) throw new GradioError(quotaMessage(plan.quota), { title: "ZeroGPU quota exceeded" });
      // Latency is how long the Space takes to answer, as a remote GPU Space does: the work runs during the
      // wait (started below, once no fault has decided the call's fate) and the answer comes when both are over
      // (an error in the work itself is reported as it happens).
      const floor = plan.latencyMs > 0 ? sleep(plan.latencyMs, signal) : Promise.resolve();
      const faulted = plan.hang || plan.error || plan.crash || !event.args;
      if (faulted) await floor;
      if (plan.hang) {
        // Never completes: the call holds its slot until the caller cancels or goes away.
        event.hung = true;
        await raceAbort(new Promise<never>(() => undefined), signal);
      }
      if (plan.error) throw new GradioError("GPU task aborted", { title: "ZeroGPU worker error" });
      if (plan.crash) throw new HiddenError();
      if (!event.args) throw new Error("Call has no prepared arguments");
      const args = event.args;
      // The outputs are stored while the latency runs too: the answer goes out the moment the wait is over.
      const [data] = await Promise.all([raceAbort(def.run(args, ctx).then((values) => buildOutputs(event, values, deps)), runSignal), floor]);
      const duration = (Date.now() - started) / 1000;
      countDuration = true;
      const fn = event.endpoint.fnIndex;
      const prev = deps.average(fn);
      const average = prev === null ? duration : prev; // Gradio reports the mean before this run
      message = {
        msg: "process_completed",
        output: { data, is_generating: false, duration, average_duration: average, render_config: null, changed_state_ids: [] },
        success: true,
        title: null,
        used_cache: null,
        cache_duration: duration,
        avg_time: average,
      };
    } catch (err) {
      if (err instanceof CancelledError && signal.aborted) return; // cancelled: nothing more is sent
      let failure: unknown = err;
      if (err instanceof CancelledError && timeout.aborted) {
        failure = new GradioError(`/${def.apiName} did not finish within ${Math.round((def.timeoutMs ?? DEFAULT_RUN_TIMEOUT_MS) / 1000)} s.`, {
          title: "Timeout",
        });
      }
      const output =
        failure instanceof HiddenError ? { error: null } : errorPayload(failure, deps.showError);
      if (!(failure instanceof GradioError) && !(failure instanceof HiddenError)) {
        // Only the message reaches the caller; the server log keeps the details.
        console.error(`[gradio-server] /${def.apiName} failed:`, failure);
      }
      message = {
        msg: "process_completed",
        output,
        success: false,
        title: "title" in output && output.title ? output.title : "Error",
        used_cache: null,
        cache_duration: null,
        avg_time: null,
      };
    }
    if (progressTimer) clearTimeout(progressTimer);
    pendingProgress = null;
    if (!event.active || signal.aborted) return;
    event.state = "done";
    event.doneAt = Date.now();
    event.completion = message;
    deps.send(event, message);
  } finally {
    if (progressTimer) clearTimeout(progressTimer);
    deps.finish(event, countDuration ? (Date.now() - started) / 1000 : null);
  }
}
