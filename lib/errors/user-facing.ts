import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { ForbiddenError } from "@/lib/auth/edit-capability";
import { InvalidTransitionError, NotFoundError } from "@/lib/db/errors";
import { SpaceRefError } from "@/lib/spaces/toolbox/catalog";
import { SpaceError } from "@/lib/spaces/toolbox/errors";
import { ToolboxError } from "@/lib/spaces/toolbox/runner";
import { UserError } from "./user-error";

export { UserError };

/**
 * What a server action tells the person about a failure. Errors made for people (UserError, a refused edit,
 * invalid input, a Space's own answer) keep their message; anything else (a database or filesystem fault, a
 * bug) is logged here with a short reference and shown as a generic sentence with that reference, so internal
 * details (paths, SQL, stack) never reach the page while the log still finds the cause.
 */
export function userMessage(err: unknown, log: (message: string, err: unknown) => void = console.error): string {
  if (err instanceof z.ZodError) return err.issues[0]?.message ?? "Invalid input.";
  if (
    err instanceof UserError ||
    err instanceof ForbiddenError ||
    err instanceof NotFoundError ||
    err instanceof InvalidTransitionError ||
    err instanceof SpaceRefError ||
    err instanceof SpaceError ||
    err instanceof ToolboxError
  ) {
    return err.message;
  }
  const ref = randomBytes(4).toString("hex");
  log(`server action failed (ref ${ref})`, err);
  return `Something went wrong on the server (ref ${ref}). Please try again; if it keeps happening, reload the page.`;
}
