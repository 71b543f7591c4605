// Messages between the pool (main thread) and a worker. Bytes travel as transferred ArrayBuffers, never
// copied through structured clone.

export interface TaskRequest {
  id: number;
  task: string;
  input: unknown;
}

export interface SerializedError {
  name: string;
  message: string;
  /** The engine refused its input (a message for the caller), as opposed to failing. */
  inputError: boolean;
}

export type TaskResponse = { id: number; ok: true; output: unknown } | { id: number; ok: false; error: SerializedError };

export interface TaskResult<T = unknown> {
  output: T;
  transfer?: ArrayBuffer[];
}

export type TaskHandler = (input: unknown) => Promise<TaskResult>;

/**
 * The bytes of a view as an ArrayBuffer that can be transferred without harming anyone: the view's own
 * buffer when it spans it exactly, else a copy (a small Node Buffer lives in a shared pool — detaching that
 * pool would corrupt unrelated Buffers).
 */
export function transferableBytes(view: Uint8Array): ArrayBuffer {
  const { buffer, byteOffset, byteLength } = view;
  if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength) return buffer;
  // Not `view.slice()`: on a Node Buffer that is a view of the same memory (Buffer#slice), so a pooled Buffer
  // would hand over the whole 8 KB pool. Uint8Array.prototype.slice always copies.
  return Uint8Array.prototype.slice.call(view).buffer as ArrayBuffer;
}
