import "server-only";
import { randomBytes } from "node:crypto";

export type FaultLog = (message: string, err: unknown) => void;

/**
 * A fault of the server itself: a database error (better-sqlite3's SqliteError, `SQLITE_*` codes) or a system
 * call that failed (Node's errors carry `syscall`). Their text (SQL, file paths) is for the log, not for people.
 */
export function isInternalFault(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const e = err as Error & { code?: unknown; syscall?: unknown };
  return e.name === "SqliteError" || (typeof e.code === "string" && e.code.startsWith("SQLITE_")) || typeof e.syscall === "string";
}

/** Logs `err` with a short reference and returns a sentence for people that carries the same reference. */
export function referencedFault(err: unknown, what: string, log: FaultLog = console.error): string {
  const ref = randomBytes(4).toString("hex");
  log(`${what} (ref ${ref})`, err);
  return `Something went wrong on the server (ref ${ref}). Please try again; if it keeps happening, reload the page.`;
}

/**
 * The message of an error that ended a build, as its public build log shows it: the error's own (a Space that
 * failed, an exhibit that is gone: the owner needs those words), unless it is an internal fault.
 */
export function buildFailureMessage(err: unknown, log: FaultLog = console.error): string {
  if (isInternalFault(err)) return referencedFault(err, "build failed", log);
  return err instanceof Error ? err.message : String(err);
}
