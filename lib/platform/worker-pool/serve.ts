// The worker side: answers TaskRequests with the named handler. Used by every worker entry file.
import { parentPort } from "node:worker_threads";
import type { SerializedError, TaskHandler, TaskRequest, TaskResponse } from "./protocol";

export function serveTasks(handlers: Record<string, TaskHandler>, isInputError: (err: unknown) => boolean): void {
  const port = parentPort;
  if (!port) throw new Error("serveTasks must run inside a worker thread");
  port.on("message", async (request: TaskRequest) => {
    let response: TaskResponse;
    let transfer: ArrayBuffer[] = [];
    try {
      const handler = handlers[request.task];
      if (!handler) throw new Error(`Unknown task "${request.task}"`);
      const result = await handler(request.input);
      response = { id: request.id, ok: true, output: result.output };
      transfer = result.transfer ?? [];
    } catch (err) {
      const error: SerializedError = {
        name: err instanceof Error ? err.name : "Error",
        message: err instanceof Error ? err.message : String(err),
        inputError: isInputError(err),
      };
      response = { id: request.id, ok: false, error };
    }
    port.postMessage(response, transfer);
  });
}
