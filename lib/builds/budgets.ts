import "server-only";
import { z } from "zod";

// Per-build limits, overridable by environment for deployments with slower Spaces or bigger galleries.
const schema = z.object({
  BUILD_MAX_STEPS: z.coerce.number().int().min(1).max(50).default(8),
  BUILD_MAX_TOOL_CALLS: z.coerce.number().int().min(1).max(1000).default(150),
  BUILD_MAX_MINUTES: z.coerce.number().min(0.1).max(240).default(20),
});

export interface BuildBudgets {
  maxSteps: number;
  maxToolCalls: number;
  wallClockMs: number;
}

export function buildBudgets(env: Record<string, string | undefined> = process.env): BuildBudgets {
  const e = schema.parse({
    BUILD_MAX_STEPS: env.BUILD_MAX_STEPS || undefined,
    BUILD_MAX_TOOL_CALLS: env.BUILD_MAX_TOOL_CALLS || undefined,
    BUILD_MAX_MINUTES: env.BUILD_MAX_MINUTES || undefined,
  });
  return { maxSteps: e.BUILD_MAX_STEPS, maxToolCalls: e.BUILD_MAX_TOOL_CALLS, wallClockMs: Math.round(e.BUILD_MAX_MINUTES * 60_000) };
}
