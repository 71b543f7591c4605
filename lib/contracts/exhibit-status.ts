// An exhibit's lifecycle, as a rule every layer can read: the database enforces it, the UI can explain it.
import { z } from "zod";

export const exhibitStatuses = ["planned", "drawing", "modelling", "ready", "failed"] as const;
export const exhibitStatusSchema = z.enum(exhibitStatuses);
export type ExhibitStatus = z.infer<typeof exhibitStatusSchema>;

// planned → drawing → modelling → ready, failing from anywhere, and a ready or failed exhibit can be worked on
// again. `ready` is reached by recording a result (which makes any exhibit ready); a plain status change may
// only return to it when a result already exists (a regeneration was cancelled and the current version stays).
const next: Record<ExhibitStatus, readonly ExhibitStatus[]> = {
  planned: ["drawing", "modelling", "failed"],
  drawing: ["modelling", "failed", "planned", "ready"],
  modelling: ["drawing", "failed", "planned", "ready"],
  ready: ["drawing", "modelling", "planned", "failed"],
  failed: ["planned", "drawing", "modelling", "ready"],
};

/** Whether `to` may follow `from` (staying put is always allowed). */
export function canTransition(from: ExhibitStatus, to: ExhibitStatus): boolean {
  return from === to || next[from].includes(to);
}

export interface StatusChangeRequest {
  from: ExhibitStatus;
  to: ExhibitStatus;
  /** The exhibit already has a result (version > 0). */
  hasResult: boolean;
  /** Why, when the new status is `failed`. */
  error?: string | null;
}

/** Why a plain status change is refused, in words for the log; null when the lifecycle allows it. */
export function statusChangeProblem({ from, to, hasResult, error }: StatusChangeRequest): string | null {
  if (to === "failed" && !error) return "a failed exhibit needs an error message";
  if (!canTransition(from, to)) return `${from} → ${to} is not allowed`;
  if (to === "ready" && from !== "ready" && !hasResult) return "it has no result yet: record one to make it ready";
  return null;
}
