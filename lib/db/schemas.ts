import "server-only";
import { z } from "zod";
import type { Placement } from "@/lib/contracts/gallery-view";

// Validation of what other modules hand to the repositories: a bad value fails at the call, with a clear
// message, instead of being stored and breaking the gallery page later. The shapes the browser also sees
// (placement, provenance, statuses) are schemas in lib/contracts.

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, "expected a lowercase hex sha256");

/** Seeds travel through JSON and SQLite INTEGER: keep them safe integers. */
export const seedSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const jsonObjectSchema = z.record(z.string(), z.unknown());

export const DEFAULT_PLACEMENT: Placement = { position: [0, 0, 0], rotationY: 0, scale: 1 };

/** Parses JSON this module wrote itself; a corrupt value is a bug worth a loud error. */
export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
