"use client";
// The gallery page's client state: the gallery as last seen, the build log, selection and view mode, and the
// undo/redo history of the owner's edits. One store per page; events and refreshed views update it in place.
import { createStore } from "zustand/vanilla";
import type { BuildEvent } from "@/lib/contracts/build-events";
import type { ExhibitView, GalleryView, Placement } from "@/lib/contracts/gallery-view";
import { applyBuildEvent, emptyLog, type BuildLog } from "./build-log";

export type ViewMode = "walk" | "inspect" | "tour";

/** An edit the owner made, with what undoes and redoes it. */
export type EditCommand =
  | { kind: "move"; exhibitId: string; before: Placement; after: Placement }
  | { kind: "version"; exhibitId: string; before: number; after: number; label: string }
  | { kind: "reorder"; before: string[]; after: string[] };

export interface GalleryState {
  gallery: GalleryView;
  log: BuildLog;
  selectedId: string | null;
  mode: ViewMode;
  movingId: string | null;
  /** Errors of the owner's actions, keyed by exhibit id ("" for the gallery), shown next to what failed. */
  actionErrors: Record<string, string>;
  undo: EditCommand[];
  redo: EditCommand[];
  setGallery(gallery: GalleryView): void;
  patchExhibit(exhibit: ExhibitView): void;
  applyEvents(events: BuildEvent[]): void;
  resetLog(): void;
  select(id: string | null): void;
  setMode(mode: ViewMode): void;
  setMoving(id: string | null): void;
  setActionError(key: string, message: string | null): void;
  pushEdit(command: EditCommand): void;
  takeUndo(): EditCommand | null;
  takeRedo(): EditCommand | null;
}

/** `mode`: how the page opens (`/g/{id}?tour=1` opens straight into the tour). */
export function createGalleryStore(initial: GalleryView, mode: ViewMode = "walk") {
  return createStore<GalleryState>()((set, get) => ({
    gallery: initial,
    log: emptyLog,
    selectedId: null,
    mode,
    movingId: null,
    actionErrors: {},
    undo: [],
    redo: [],
    setGallery: (gallery) => set({ gallery }),
    patchExhibit: (exhibit) =>
      set((s) => {
        const exists = s.gallery.exhibits.some((e) => e.id === exhibit.id);
        const exhibits = exists
          ? s.gallery.exhibits.map((e) => (e.id === exhibit.id ? exhibit : e))
          : [...s.gallery.exhibits, exhibit].sort((a, b) => a.order - b.order);
        return { gallery: { ...s.gallery, exhibits } };
      }),
    applyEvents: (events) => set((s) => ({ log: events.reduce(applyBuildEvent, s.log) })),
    resetLog: () => set({ log: emptyLog }),
    select: (id) => set((s) => ({ selectedId: id, mode: id === null && s.mode === "inspect" ? "walk" : s.mode })),
    setMode: (mode) => set({ mode }),
    setMoving: (id) => set({ movingId: id }),
    setActionError: (key, message) =>
      set((s) => {
        const actionErrors = { ...s.actionErrors };
        if (message) actionErrors[key] = message;
        else delete actionErrors[key];
        return { actionErrors };
      }),
    pushEdit: (command) => set((s) => ({ undo: [...s.undo.slice(-99), command], redo: [] })),
    takeUndo: () => {
      const command = get().undo.at(-1) ?? null;
      if (command) set((s) => ({ undo: s.undo.slice(0, -1), redo: [...s.redo, command] }));
      return command;
    },
    takeRedo: () => {
      const command = get().redo.at(-1) ?? null;
      if (command) set((s) => ({ redo: s.redo.slice(0, -1), undo: [...s.undo, command] }));
      return command;
    },
  }));
}

export type GalleryStore = ReturnType<typeof createGalleryStore>;
