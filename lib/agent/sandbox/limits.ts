// The sandbox's resource limits, with defaults sized for agent steps that mostly await slow Space calls.

export interface SandboxLimits {
  /** Cap on the instance's whole wasm linear memory (heap, stack, QuickJS internals). */
  memoryMiB: number;
  /** QuickJS stack limit. Above ~256 KiB a recursion bomb overflows Node's own stack first (spec). */
  stackKiB: number;
  /** CPU time allowed per entry into the guest; re-armed on each entry, so awaiting tools is free. */
  cpuSliceMs: number;
  /** Wall-clock limit for one step, tool calls included. */
  stepTimeoutMs: number;
  /** Captured console output kept per step (the rest is counted, not kept). */
  maxLogChars: number;
  /** One console.log call is cut to this length inside the guest, before it crosses to the host. */
  maxLogLineChars: number;
  /** The rendered last value / returned value. */
  maxValueChars: number;
  /** One persisted variable's JSON (or function source). Larger ones are not carried over a reset. */
  maxPersistedVarChars: number;
  /** All persisted variables together. */
  maxPersistedTotalChars: number;
}

export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = {
  memoryMiB: 64,
  stackKiB: 256,
  cpuSliceMs: 2_000,
  stepTimeoutMs: 10 * 60_000,
  maxLogChars: 6_000,
  maxLogLineChars: 2_000,
  maxValueChars: 2_000,
  maxPersistedVarChars: 256 * 1024,
  maxPersistedTotalChars: 2 * 1024 * 1024,
};

export function resolveLimits(partial?: Partial<SandboxLimits>): SandboxLimits {
  const limits = { ...DEFAULT_SANDBOX_LIMITS, ...partial };
  // The stack limit is a safety property, not a preference: never let a caller raise it past the spec's bound.
  limits.stackKiB = Math.min(Math.max(limits.stackKiB, 32), 256);
  limits.memoryMiB = Math.max(limits.memoryMiB, 16);
  return limits;
}
