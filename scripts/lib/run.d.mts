// Types for run.mjs, for the TypeScript that imports it (the benchmarks).
import type { SpawnOptions } from "node:child_process";

/** Runs a command with inherited stdio and resolves to its exit code (never rejects). */
export function run(cmd: string, args: string[], opts?: Omit<SpawnOptions, "env"> & { env?: Record<string, string | undefined> }): Promise<number>;
