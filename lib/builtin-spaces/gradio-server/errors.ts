// The errors an endpoint may raise. GradioError is gr.Error: its message, title, duration and visibility reach
// the caller exactly as Gradio sends them (process_completed with success:false).

export interface GradioErrorOptions {
  title?: string;
  /** Seconds the UI shows the message; null keeps it until closed (gr.Error's default is 10). */
  duration?: number | null;
  visible?: boolean;
}

export class GradioError extends Error {
  readonly title: string;
  readonly duration: number | null;
  readonly visible: boolean;
  constructor(message: string, options: GradioErrorOptions = {}) {
    super(message);
    this.name = "GradioError";
    this.title = options.title ?? "Error";
    this.duration = options.duration === undefined ? 10 : options.duration;
    this.visible = options.visible ?? true;
  }
}

/** The `output` of a failed process_completed, as gradio.utils.error_payload builds it. */
export interface ErrorPayload {
  error: string | null;
  title?: string;
  duration?: number | null;
  visible?: boolean;
}

/**
 * Gradio's error_payload: a GradioError always shows its message; any other exception shows only
 * `str(error)` when show_error is on, else `{error: null}` (the client then says "An error occurred").
 * Only the message travels — never a stack trace.
 */
export function errorPayload(error: unknown, showError: boolean): ErrorPayload {
  if (error instanceof GradioError) {
    return { error: error.message, duration: error.duration, visible: error.visible, title: error.title };
  }
  if (!showError) return { error: null };
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  return { error: message.trim() || "An error occurred", visible: true };
}
