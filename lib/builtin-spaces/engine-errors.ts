import "server-only";
// How an engine failure in a worker reaches a caller: an input refusal is a Gradio error with the engine's
// own message; a cancelled task stays silent (the call is gone); anything else is an internal error whose
// message (never a stack) is shown, as our Spaces run with show_error on.
import { GradioError } from "@/lib/builtin-spaces/gradio-server";
import { WorkerTaskError } from "../platform/worker-pool/pool";

export function engineFailure(err: unknown, what: string): never {
  if (err instanceof WorkerTaskError) {
    if (err.failure === "input") throw new GradioError(err.message);
    if (err.failure === "aborted") throw err;
    if (err.failure === "crashed") throw new GradioError(`The ${what} engine crashed; try again.`, { title: "Engine error" });
    throw new Error(`${what} failed: ${err.message}`);
  }
  throw err;
}
