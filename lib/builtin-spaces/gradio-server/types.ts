// The shape of a Gradio-compatible app as our server sees it: endpoints with typed parameters and an async
// `run`. Everything here is plain data so one definition can be mounted in Next and in a node:http test server.
import type { FaultProfile } from "./faults";
import type { FileStore } from "./files";
import type { McpUrlFetchOptions } from "./mcp-files";
import type { RunArgs } from "./run-args";

/** Gradio component names as they appear in `/config` (lower case) — /info shows them capitalised. */
export type ComponentName = "textbox" | "number" | "slider" | "checkbox" | "dropdown" | "image" | "model3d" | "file" | "downloadbutton" | "html" | "markdown";

/** What a value is on the wire. `file` values travel as gradio.FileData objects. */
export type ValueType = "string" | "integer" | "number" | "boolean" | "file";

export interface ParameterDefinition {
  /** `parameter_name`: the keyword the clients use (`predict("/x", { prompt })`). */
  name: string;
  label: string;
  component: ComponentName;
  type: ValueType;
  /** Absent means required (parameter_has_default: false). */
  default?: string | number | boolean | null;
  description?: string;
  minimum?: number;
  maximum?: number;
  /** Longest accepted string (strings only). */
  maxLength?: number;
  /** The values a dropdown accepts (Gradio refuses any other). */
  choices?: readonly string[];
  /** Accepted file extensions for file parameters, e.g. [".png", ".jpg"] (informational for clients). */
  fileTypes?: readonly string[];
  example?: unknown;
}

export interface ReturnDefinition {
  label: string;
  component: ComponentName;
  type: ValueType;
  description?: string;
}

/** A file produced by `run`: bytes plus the name it is served under (its extension sets the media type). */
export interface OutputFile {
  kind: "output-file";
  data: Uint8Array;
  name: string;
}

export function outputFile(data: Uint8Array, name: string): OutputFile {
  return { kind: "output-file", data, name };
}

/**
 * A component update carrying a file, as a Gradio handler returns `gr.DownloadButton(value=path, visible=True)`:
 * on the wire `{"__type__": "update", "value": <FileData>, …props}`.
 */
export interface OutputFileUpdate {
  kind: "output-file-update";
  file: OutputFile;
  props: Record<string, unknown>;
}

export function outputFileUpdate(data: Uint8Array, name: string, props: Record<string, unknown> = { visible: true }): OutputFileUpdate {
  return { kind: "output-file-update", file: outputFile(data, name), props };
}

export type LogLevel = "info" | "warning" | "success" | "error";

export interface RunContext {
  /** Aborted when the caller cancels, disconnects, or the endpoint's time limit passes. */
  signal: AbortSignal;
  /** Report progress; `fraction` in [0, 1] goes out as a Gradio `progress` message. */
  progress(fraction: number, desc?: string): void;
  /** A `log` message (what gr.Info / gr.Warning send). */
  log(message: string, level?: LogLevel): void;
  eventId: string;
  sessionHash: string;
}

export interface EndpointDefinition {
  /** Without the leading slash, e.g. "generate". */
  apiName: string;
  description?: string;
  parameters: readonly ParameterDefinition[];
  returns: readonly ReturnDefinition[];
  /** Returns one value per return definition; file returns are `OutputFile`s (or `OutputFileUpdate`s). */
  run(args: RunArgs, ctx: RunContext): Promise<readonly unknown[]>;
  /** Upper bound of one run; past it the run is aborted and the call fails. Default 5 minutes. */
  timeoutMs?: number;
}

export interface GradioAppDefinition {
  /** Short id, e.g. "sketch-image"; names the temp folder and shows in agents.md. */
  id: string;
  title: string;
  description: string;
  endpoints: readonly EndpointDefinition[];
  /** Calls that may run at once (Gradio's concurrency_limit; its default is 1). */
  concurrencyLimit?: number;
  /** Waiting calls beyond which queue/join answers 503 (Gradio's max_size). Default 64. */
  maxQueueSize?: number;
  /** Faults injected into every call of this app (a Space "variant"). */
  faults?: FaultProfile;
  /** Show exception messages to callers (Gradio's show_error). Default true; stack traces never leave. */
  showError?: boolean;
}

export interface GradioAppOptions {
  /** Where uploads and outputs live; share one store between variants of the same Space. */
  fileStore?: FileStore;
  /** Seconds-scale timings, shortened by tests. */
  heartbeatMs?: number;
  /** A hung (timeout-fault) call nobody listens to is dropped after this long. */
  orphanMs?: number;
  /** Idle sessions (no stream, nothing pending) are forgotten after this long. */
  sessionTtlMs?: number;
  /**
   * An http(s) URL given as a file input (handle_file(url)). Real Spaces download it; ours never fetch, but
   * may map a URL naming a file that one of our Spaces serves to that file. Returns a real path or null.
   */
  resolveFileUrl?: (url: string) => Promise<string | null>;
  /**
   * MCP file inputs given as other http(s) URLs are fetched under the Space client's SSRF rules
   * (lib/security/url-rules.ts) when set; refused otherwise.
   */
  fetchUrls?: McpUrlFetchOptions;
}

export interface GradioAppStats {
  sessions: number;
  streams: number;
  queued: number;
  running: number;
  /** Events not yet delivered as completed (queued, running, or finished with the result still buffered). */
  pendingEvents: number;
}

export interface GradioApp {
  readonly definition: GradioAppDefinition;
  /**
   * Serves one request. `subpath` is the path below the app's mount point ("/config", "/gradio_api/info", …,
   * still URL-encoded); `baseUrl` is the app's public root, e.g. "http://localhost:3000/spaces/sketch-image".
   */
  handle(request: Request, subpath: string, baseUrl: string): Promise<Response>;
  stats(): GradioAppStats;
  /** Cancels everything in flight and stops timers (tests, variant eviction). */
  close(): void;
}
