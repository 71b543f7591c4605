import "server-only";
import { z } from "zod";
import { ForbiddenError } from "@/lib/auth/edit-capability";
import { InvalidTransitionError, NotFoundError } from "@/lib/db/errors";
import { SpaceRefError } from "@/lib/space-client/catalog";
import { SpaceError } from "@/lib/space-client/errors";
import { SpaceClientError } from "@/lib/space-client/call-runner";
import { referencedFault, type FaultLog } from "./internal-fault";
import { UserError } from "./user-error";

export { UserError };

/**
 * What a server action tells the person about a failure. Errors made for people (UserError, a refused edit,
 * invalid input, a Space's own answer) keep their message; anything else (a database or filesystem fault, a
 * bug) is logged here with a short reference and shown as a generic sentence with that reference, so internal
 * details (paths, SQL, stack) never reach the page while the log still finds the cause.
 */
export function userMessage(err: unknown, log: FaultLog = console.error): string {
  if (err instanceof z.ZodError) return err.issues[0]?.message ?? "Invalid input.";
  if (
    err instanceof UserError ||
    err instanceof ForbiddenError ||
    err instanceof NotFoundError ||
    err instanceof InvalidTransitionError ||
    err instanceof SpaceRefError ||
    err instanceof SpaceError ||
    err instanceof SpaceClientError
  ) {
    return err.message;
  }
  return referencedFault(err, "server action failed", log);
}
