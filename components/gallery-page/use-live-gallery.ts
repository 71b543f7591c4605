"use client";

import { useEffect } from "react";
import { watchGallery } from "@/lib/actions/gallery-edits";
import type { BuildEvent, ExhibitChangeType } from "@/lib/contracts/build-events";
import type { ExhibitView } from "@/lib/contracts/gallery-view";
import type { GalleryStore } from "@/lib/live/gallery-store";

/**
 * Follows a gallery live over one server-action stream per tab. The stream is read outside any React
 * transition (reading it inside one would hold back every other update until it ends) and reconnects with
 * the last seq it saw, so a dropped connection or a server restart loses nothing.
 */
export function useLiveGallery(galleryId: string, store: GalleryStore, onExhibit?: (exhibit: ExhibitView, type: ExhibitChangeType) => void) {
  useEffect(() => {
    let stopped = false;
    let attempt = 0;
    const run = async () => {
      while (!stopped) {
        try {
          const { log } = store.getState();
          const cursor = { buildId: log.buildId, afterSeq: log.buildId ? (log.lastSeq[log.buildId] ?? 0) : 0 };
          const stream = await watchGallery(galleryId, cursor);
          attempt = 0;
          const batch: BuildEvent[] = [];
          for await (const message of stream) {
            if (stopped) break;
            if (message.type === "gallery") {
              store.getState().setGallery(message.gallery);
            } else if (message.type === "event") {
              // Already checked by the server (against the contract when written, and again when read back),
              // and typed end to end through the server action: parsing it again here would put zod in the
              // page's first load for nothing. A tab of an older build cannot call a newer server's action.
              const event = message.event;
              batch.push(event);
              switch (event.type) {
                case "exhibit.updated":
                case "exhibit.ready":
                case "exhibit.failed":
                  store.getState().patchExhibit(event.payload.exhibit);
                  onExhibit?.(event.payload.exhibit, event.type);
                  break;
                default:
                  break;
              }
              store.getState().applyEvents(batch.splice(0));
            }
          }
        } catch {
          // Dropped or refused: fall through to the backoff and reconnect from the last seq seen.
        }
        if (stopped) break;
        attempt++;
        await new Promise((r) => setTimeout(r, Math.min(10_000, 500 * 2 ** Math.min(attempt, 5))));
      }
    };
    void run();
    return () => {
      stopped = true;
    };
  }, [galleryId, store, onExhibit]);
}
