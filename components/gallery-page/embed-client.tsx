"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { useStore } from "zustand";
import type { GalleryView } from "@/lib/contracts/gallery-view";
import { createGalleryStore } from "@/lib/live/gallery-store";
import { useLiveGallery } from "./use-live-gallery";
import styles from "./embed.module.css";

const GalleryScene = dynamic(() => import("@/components/hall/gallery-scene").then((m) => m.GalleryScene), {
  ssr: false,
  loading: () => <p style={{ padding: "1rem" }}>Opening the hall…</p>,
});

interface Props {
  initial: GalleryView;
  /** The full gallery page, opened in a new tab from the frame. */
  fullUrl: string;
  startInTour: boolean;
}

/**
 * The hall alone, filling its frame: walk and tour controls over the canvas (the scene's own overlay), the title
 * and a link back to the full page. It has no edit controls whatever the visitor's cookies say: the embed page
 * never asks for the edit capability, and the server refuses edits sent from it (lib/auth/edit-capability.ts).
 */
export function EmbedClient({ initial, fullUrl, startInTour }: Props) {
  const [store] = useState(() => {
    const s = createGalleryStore(initial);
    if (startInTour) s.getState().setMode("tour");
    return s;
  });
  const gallery = useStore(store, (s) => s.gallery);
  const selectedId = useStore(store, (s) => s.selectedId);
  const mode = useStore(store, (s) => s.mode);
  useLiveGallery(initial.id, store);
  return (
    <main className={styles.embed}>
      <div className={styles.bar}>
        <span className={styles.title}>{gallery.title}</span>
        <a href={fullUrl} target="_blank" rel="noopener">
          Open in Vernissage
        </a>
      </div>
      <div className={styles.stage}>
        <GalleryScene
          gallery={gallery}
          selectedId={selectedId}
          onSelect={(id) => store.getState().select(id)}
          mode={mode}
          onModeChange={(m) => store.getState().setMode(m)}
          overlay
        />
      </div>
    </main>
  );
}
