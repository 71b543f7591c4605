import "server-only";
// A gallery as an agent reads it: its status in one word, its exhibits with absolute model and picture URLs,
// and the last lines of the build log as a person would read them on the page (the page's own reducer,
// lib/live/build-log.ts, folds the events, so both tell the same story).
import type { GalleryView } from "@/lib/contracts/gallery-view";
import { latestBuild } from "@/lib/db/builds";
import { eventsSince } from "@/lib/db/events";
import { applyBuildEvent, emptyLog, type LogEntry } from "@/lib/live/build-log";

export const DEFAULT_LOG_LINES = 20;

export interface ExhibitSummary {
  exhibit_id: string;
  title: string;
  status: string;
  error: string | null;
  prompt: string;
  seed: number;
  version: number;
  kind: "mesh" | "splat";
  model_url: string | null;
  original_model_url: string | null;
  image_url: string | null;
  placement: { x: number; z: number; rotation_y: number; scale: number };
  versions: { version: number; model_url: string | null; created_at: string }[];
}

export interface GallerySummary {
  gallery_id: string;
  title: string;
  goal: string;
  /** building while a build runs; then the last build's outcome (ready, failed, cancelled, interrupted). */
  status: "building" | "ready" | "failed" | "cancelled" | "interrupted" | "new";
  build: { build_id: string; status: string } | null;
  view_url: string;
  exhibits: ExhibitSummary[];
  ready: number;
  failed: number;
  log: string[];
  [key: string]: unknown;
}

function absolute(origin: string, url: string | null): string | null {
  return url === null ? null : new URL(url, origin).href;
}

export function galleryStatus(view: GalleryView): GallerySummary["status"] {
  const s = view.build?.status;
  if (!s) return "new";
  if (s === "queued" || s === "running") return "building";
  return s === "succeeded" ? "ready" : s;
}

/** The build log's last `lines` lines as text, oldest first. */
export async function lastLogLines(galleryId: string, lines = DEFAULT_LOG_LINES): Promise<string[]> {
  const build = await latestBuild(galleryId);
  if (!build || lines <= 0) return [];
  let log = emptyLog;
  for (const event of await eventsSince(build.id)) log = applyBuildEvent(log, event);
  return log.entries
    .filter((e) => e.kind !== "thought" && e.kind !== "code")
    .slice(-lines)
    .map(logLine);
}

function logLine(e: LogEntry): string {
  if (e.kind !== "call") return e.text.length > 400 ? `${e.text.slice(0, 400)}…` : e.text;
  const bits = [`${e.tool}${e.exhibit ? ` for ${e.exhibit}` : ""}${e.space ? ` on ${e.space}` : ""}: ${e.status}`];
  if (e.status === "running" && e.progress !== null) bits.push(`${Math.round(e.progress * 100)}%`);
  if (e.progressText && e.status !== "done") bits.push(e.progressText);
  if (e.cached) bits.push("cached");
  if (e.durationMs !== null) bits.push(`${(e.durationMs / 1000).toFixed(1)} s`);
  bits.push(...e.notes);
  if (e.error) bits.push(e.error);
  return bits.join(" · ");
}

export async function summarise(view: GalleryView, origin: string, logLines = DEFAULT_LOG_LINES): Promise<GallerySummary> {
  const exhibits = view.exhibits.map(
    (e): ExhibitSummary => ({
      exhibit_id: e.id,
      title: e.title,
      status: e.status,
      error: e.error,
      prompt: e.prompt,
      seed: e.seed,
      version: e.version,
      kind: e.kind,
      model_url: absolute(origin, e.modelUrl),
      original_model_url: absolute(origin, e.originalModelUrl),
      image_url: absolute(origin, e.imageUrl),
      placement: { x: e.placement.position[0], z: e.placement.position[2], rotation_y: e.placement.rotationY, scale: e.placement.scale },
      versions: e.versions.map((v) => ({ version: v.version, model_url: absolute(origin, v.modelUrl), created_at: v.createdAt })),
    }),
  );
  return {
    gallery_id: view.id,
    title: view.title,
    goal: view.goal,
    status: galleryStatus(view),
    build: view.build ? { build_id: view.build.id, status: view.build.status } : null,
    view_url: new URL(`/g/${view.id}`, origin).href,
    exhibits,
    ready: exhibits.filter((e) => e.status === "ready").length,
    failed: exhibits.filter((e) => e.status === "failed").length,
    log: await lastLogLines(view.id, logLines),
  };
}

/** The text an agent without structured output reads: a few lines, then the JSON. */
export function summaryText(s: GallerySummary): string {
  const head = [
    `Gallery "${s.title}" (${s.gallery_id}) is ${s.status}: ${s.ready} of ${s.exhibits.length} exhibits ready${s.failed ? `, ${s.failed} failed` : ""}.`,
    `View: ${s.view_url}`,
    ...s.exhibits.map((e) => `- ${e.title} [${e.exhibit_id}] ${e.status}${e.model_url ? ` ${e.model_url}` : ""}${e.error ? ` — ${e.error}` : ""}`),
  ];
  return `${head.join("\n")}\n\n${JSON.stringify(s)}`;
}
