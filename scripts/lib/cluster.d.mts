// Types for cluster.mjs, for the TypeScript that imports it (the benchmarks).
import type { ChildProcess } from "node:child_process";

export interface NodeProcess {
  name: string;
  port: number;
  child: ChildProcess;
  /** The last lines it printed, each prefixed with its name. */
  out: string[];
  url: string;
}

export interface SeenEvent {
  key: string;
  buildId: string;
  seq: number;
  type: string;
  /** When the event was written (its `at`), and when it arrived here, in ms since the epoch. */
  at: number;
  arrived: number;
}

export const started: ChildProcess[];
export function killAll(): void;
export function nextStart(name: string, port: number, env: Record<string, string>): NodeProcess;
/** Polls `fn` until it returns a truthy value (thrown errors count as "not yet"); throws after `timeoutMs`. */
export function waitFor<T>(what: string, fn: () => T | Promise<T>, timeoutMs?: number, everyMs?: number): Promise<NonNullable<T>>;
export function startSpacesProxy(
  targetPort: number,
  port: number,
): Promise<{
  /** Each queue join: its Space, when it arrived, and once known its event id and when the Space completed it. */
  joins: { space: string; at: number; body: string; eventId?: string; completedAt?: number }[];
  close(): Promise<void>;
}>;
export function actionId(name: string): string;
export function callAction(base: string, pathname: string, id: string, args: unknown[], cookie?: string): Promise<Response>;
export function actionResult(text: string): { ok: boolean; value?: unknown; error?: string } | null;
export function postGoal(base: string, goal: string): Promise<{ id: string; cookie: string | undefined }>;
export function watch(base: string, galleryId: string, watchId: string): { seen: SeenEvent[]; galleries: { at: number; index: number | undefined }[]; done: Promise<void> };
export function findOwnerWorker(owner: string, workers: NodeProcess[]): Promise<NodeProcess>;
