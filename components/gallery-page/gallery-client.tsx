"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useStore } from "zustand";
import {
  cancelBuild,
  getEditLink,
  moveExhibit,
  regenerateExhibit,
  remixGallery,
  reorderExhibits,
  retryExhibit,
  swapExhibit,
  type ActionResult,
} from "@/lib/actions/gallery-edits";
import type { ExhibitChangeType } from "@/lib/contracts/build-events";
import type { ExhibitView, GalleryView, Placement } from "@/lib/contracts/gallery-view";
import { createGalleryStore, type EditCommand } from "@/lib/live/gallery-store";
import { BuildLogPanel } from "./build-log";
import { RegenerateDialog, SwapDialog, type SpaceOption, type SwapChoice } from "./edit-dialogs";
import { ExhibitInfo } from "./exhibit-info";
import { ExhibitList } from "./exhibit-list";
import { GalleryStatus } from "./gallery-status";
import { SharePanel } from "./share-panel";
import { ToolboxPanel } from "./toolbox-panel";
import { UploadPanel } from "./upload-panel";
import { useLiveGallery } from "./use-live-gallery";
import styles from "./gallery-page.module.css";

const GalleryScene = dynamic(() => import("@/components/hall/gallery-scene").then((m) => m.GalleryScene), {
  ssr: false,
  loading: () => <p style={{ padding: "1rem" }}>Opening the hall…</p>,
});

interface Props {
  initial: GalleryView;
  isOwner: boolean;
  viewUrl: string;
  embedSnippet: string;
  spaces: { textToImage: SpaceOption[]; imageTo3d: SpaceOption[] };
  notice: string | null;
  /** Open straight into the guided tour (`?tour=1`, the share panel's tour link). */
  startTour?: boolean;
  /** "Add Space" can search the Hub for MCP Spaces (the server has HF_TOKEN). */
  hubSearch: boolean;
}

type Dialog = { kind: "regenerate" | "swap"; exhibitId: string } | null;

export function GalleryClient({ initial, isOwner, viewUrl, embedSnippet, spaces, notice, hubSearch, startTour = false }: Props) {
  const router = useRouter();
  // One store for the page's life: a refresh (new Space options) must not reset the log or the live stream.
  const [store] = useState(() => createGalleryStore(initial, startTour ? "tour" : "walk"));
  const gallery = useStore(store, (s) => s.gallery);
  const log = useStore(store, (s) => s.log);
  const selectedId = useStore(store, (s) => s.selectedId);
  const mode = useStore(store, (s) => s.mode);
  const movingId = useStore(store, (s) => s.movingId);
  const actionErrors = useStore(store, (s) => s.actionErrors);
  const canUndo = useStore(store, (s) => s.undo.length > 0);
  const canRedo = useStore(store, (s) => s.redo.length > 0);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [galleryError, setGalleryError] = useState<string | null>(notice);
  // Version changes the owner asked for, by exhibit: when the new version lands it becomes one undoable edit.
  const pendingVersions = useRef(new Map<string, { before: number; label: string }>());
  // Files dropped anywhere on the page are uploads (owner only).
  const pageRef = useRef<HTMLDivElement>(null);

  const onExhibit = useCallback(
    (exhibit: ExhibitView, type: ExhibitChangeType) => {
      const pending = pendingVersions.current.get(exhibit.id);
      if (!pending) return;
      if (type === "exhibit.ready" && exhibit.version !== pending.before) {
        store.getState().pushEdit({ kind: "version", exhibitId: exhibit.id, before: pending.before, after: exhibit.version, label: pending.label });
        pendingVersions.current.delete(exhibit.id);
        setBusy((b) => without(b, exhibit.id));
      } else if (type === "exhibit.failed") {
        pendingVersions.current.delete(exhibit.id);
        setBusy((b) => without(b, exhibit.id));
      }
    },
    [store],
  );
  useLiveGallery(initial.id, store, onExhibit);

  const selected = gallery.exhibits.find((e) => e.id === selectedId) ?? null;
  const titles = useMemo(() => Object.fromEntries(gallery.exhibits.map((e) => [e.key, e.title])), [gallery.exhibits]);
  const dialogExhibit = dialog ? gallery.exhibits.find((e) => e.id === dialog.exhibitId) ?? null : null;

  const report = useCallback(
    <T,>(key: string, result: ActionResult<T>): result is Extract<ActionResult<T>, { ok: true }> => {
      if (result.ok) {
        store.getState().setActionError(key, null);
        if (result.gallery) store.getState().setGallery(result.gallery);
        return true;
      }
      store.getState().setActionError(key, result.error);
      return false;
    },
    [store],
  );

  const applyMove = useCallback(
    async (exhibitId: string, placement: Placement, record: boolean) => {
      const before = store.getState().gallery.exhibits.find((e) => e.id === exhibitId)?.placement;
      const result = await moveExhibit(gallery.id, exhibitId, placement);
      if (report(exhibitId, result) && record && before) {
        store.getState().pushEdit({ kind: "move", exhibitId, before, after: result.value });
      }
    },
    [gallery.id, report, store],
  );

  const endMove = useCallback(() => store.getState().setMoving(null), [store]);

  const applyCommand = useCallback(
    async (command: EditCommand, direction: "undo" | "redo") => {
      switch (command.kind) {
        case "move":
          await applyMove(command.exhibitId, direction === "undo" ? command.before : command.after, false);
          break;
        case "version":
          report(
            command.exhibitId,
            await swapExhibit(gallery.id, command.exhibitId, { kind: "version", version: direction === "undo" ? command.before : command.after }),
          );
          break;
        case "reorder":
          report("", await reorderExhibits(gallery.id, direction === "undo" ? command.before : command.after));
          break;
      }
    },
    [applyMove, gallery.id, report],
  );

  const undo = useCallback(async () => {
    const command = store.getState().takeUndo();
    if (command) await applyCommand(command, "undo");
  }, [applyCommand, store]);
  const redo = useCallback(async () => {
    const command = store.getState().takeRedo();
    if (command) await applyCommand(command, "redo");
  }, [applyCommand, store]);

  useEffect(() => {
    if (!isOwner) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable)) return;
      if (!(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === "z" && !e.shiftKey) {
        e.preventDefault();
        void undo();
      } else if ((key === "z" && e.shiftKey) || key === "y") {
        e.preventDefault();
        void redo();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [isOwner, undo, redo]);

  const startVersionChange = (exhibit: ExhibitView, label: string) => {
    pendingVersions.current.set(exhibit.id, { before: exhibit.version, label });
    setBusy((b) => new Set(b).add(exhibit.id));
  };
  const endVersionChange = (exhibitId: string) => {
    pendingVersions.current.delete(exhibitId);
    setBusy((b) => without(b, exhibitId));
  };

  const actions = {
    onRegenerate: (exhibit: ExhibitView) => setDialog({ kind: "regenerate", exhibitId: exhibit.id }),
    onSwap: (exhibit: ExhibitView) => setDialog({ kind: "swap", exhibitId: exhibit.id }),
    onMove: (exhibit: ExhibitView) => {
      const next = store.getState().movingId === exhibit.id ? null : exhibit.id;
      store.getState().setMoving(next);
      if (next) store.getState().select(exhibit.id);
    },
    onRetry: async (exhibit: ExhibitView) => {
      startVersionChange(exhibit, "retry");
      if (!report(exhibit.id, await retryExhibit(gallery.id, exhibit.id))) endVersionChange(exhibit.id);
    },
    onShift: async (exhibit: ExhibitView, delta: -1 | 1) => {
      const before = store.getState().gallery.exhibits.map((e) => e.id);
      const index = before.indexOf(exhibit.id);
      const after = before.slice();
      after.splice(index, 1);
      after.splice(index + delta, 0, exhibit.id);
      if (report("", await reorderExhibits(gallery.id, after))) store.getState().pushEdit({ kind: "reorder", before, after });
    },
  };

  const regenerate = async (exhibit: ExhibitView, prompt: string) => {
    setDialog(null);
    startVersionChange(exhibit, "regenerate");
    if (!report(exhibit.id, await regenerateExhibit(gallery.id, exhibit.id, prompt === exhibit.prompt ? null : prompt))) endVersionChange(exhibit.id);
  };

  const swap = async (exhibit: ExhibitView, choice: SwapChoice) => {
    setDialog(null);
    if (choice.kind === "version") {
      const result = await swapExhibit(gallery.id, exhibit.id, { kind: "version", version: choice.version });
      if (report(exhibit.id, result)) {
        store.getState().pushEdit({ kind: "version", exhibitId: exhibit.id, before: exhibit.version, after: choice.version, label: "version" });
      }
      return;
    }
    startVersionChange(exhibit, "swap");
    const result = await swapExhibit(gallery.id, exhibit.id, choice);
    if (!report(exhibit.id, result)) endVersionChange(exhibit.id);
  };

  const liveStatus = (log.buildId ? log.status : null) ?? gallery.build?.status;
  const building = !log.finished && (liveStatus === "running" || liveStatus === "queued");

  return (
    <div className={styles.page} ref={pageRef}>
      <div className={styles.stage}>
        <div className={styles.overlay} role="toolbar" aria-label="View">
          <button type="button" aria-pressed={mode === "walk"} onClick={() => store.getState().setMode("walk")}>
            Walk
          </button>
          <button type="button" aria-pressed={mode === "inspect"} disabled={!selected} onClick={() => store.getState().setMode("inspect")}>
            Inspect
          </button>
          <button type="button" onClick={() => store.getState().setMode(mode === "tour" ? "walk" : "tour")}>
            {mode === "tour" ? "Stop tour" : "Start tour"}
          </button>
          {isOwner ? (
            <>
              <button type="button" onClick={() => void undo()} disabled={!canUndo} aria-keyshortcuts="Control+Z">
                Undo
              </button>
              <button type="button" onClick={() => void redo()} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z">
                Redo
              </button>
            </>
          ) : null}
        </div>
        <GalleryScene
          gallery={gallery}
          selectedId={selectedId}
          onSelect={(id) => store.getState().select(id)}
          mode={mode}
          onModeChange={(m) => store.getState().setMode(m)}
          editable={isOwner}
          moving={movingId}
          onMove={(id, placement) => void applyMove(id, placement, true)}
          onMoveEnd={endMove}
        />
        <p className={styles.hint}>
          {movingId ? "Drag the gizmo, or use the arrow keys and Q/E; Escape to finish." : "Click to look around · WASD or arrow keys to walk · Esc to release"}
        </p>
      </div>
      <aside className={styles.sidebar} aria-label="Gallery">
        <header className={styles.header}>
          <h1 className={styles.title}>{gallery.title}</h1>
          <p className={styles.goal}>“{gallery.goal}”</p>
          <p className={styles.links}>
            <a href={`/g/${gallery.id}/catalogue`}>Catalogue</a>
          </p>
          <div className={styles.toolbar}>
            <SharePanel
              galleryId={gallery.id}
              viewUrl={viewUrl}
              tourUrl={`${viewUrl}?tour=1`}
              embedSnippet={embedSnippet}
              loadEditUrl={
                isOwner
                  ? async () => {
                      const r = await getEditLink(gallery.id);
                      if (!r.ok) throw new Error(r.error);
                      return r.value;
                    }
                  : null
              }
            />
            {isOwner && building ? (
              <button type="button" onClick={async () => report("", await cancelBuild(gallery.id))}>
                Cancel
              </button>
            ) : null}
            {!isOwner ? (
              <button
                type="button"
                onClick={async () => {
                  const r = await remixGallery(gallery.id);
                  if (r.ok) router.push(r.value);
                  else setGalleryError(r.error);
                }}
              >
                Remix
              </button>
            ) : null}
          </div>
          {galleryError || actionErrors[""] ? (
            <p className="error-text" role="alert">
              {galleryError ?? actionErrors[""]}
            </p>
          ) : null}
          <GalleryStatus gallery={gallery} log={log} />
        </header>
        {dialog && dialogExhibit && isOwner ? (
          dialog.kind === "regenerate" ? (
            <RegenerateDialog exhibit={dialogExhibit} onSubmit={(p) => void regenerate(dialogExhibit, p)} onClose={() => setDialog(null)} />
          ) : (
            <SwapDialog exhibit={dialogExhibit} spaces={spaces} onChoose={(c) => void swap(dialogExhibit, c)} onClose={() => setDialog(null)} />
          )
        ) : null}
        {selected ? <ExhibitInfo exhibit={selected} onClose={() => store.getState().select(null)} /> : null}
        <ExhibitList
          exhibits={gallery.exhibits}
          selectedId={selectedId}
          movingId={movingId}
          isOwner={isOwner}
          busyIds={busy}
          errors={actionErrors}
          onSelect={(id) => store.getState().select(id)}
          actions={actions}
        />
        {isOwner ? <UploadPanel galleryId={gallery.id} dropTarget={pageRef} /> : null}
        {isOwner ? <ToolboxPanel galleryId={gallery.id} hubSearch={hubSearch} onChange={() => router.refresh()} /> : null}
        <BuildLogPanel log={log} titles={titles} />
      </aside>
    </div>
  );
}

function without(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  next.delete(id);
  return next;
}
