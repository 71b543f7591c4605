import "server-only";
import { latestBuild } from "@/lib/db/builds";
import { eventPage } from "@/lib/db/events";
import type { GalleryView } from "@/lib/contracts/gallery-view";
import { listenOnce, subscribe, type LiveMessage } from "./bus";
import { usesPostgres } from "@/lib/db/connection";
import type { BuildEvent } from "@/lib/contracts/build-events";

export type WatchMessage = { type: "event"; event: BuildEvent } | { type: "gallery"; gallery: GalleryView } | { type: "ping" };

export interface WatchCursor {
  /** The build the client has events of; null on first load. */
  buildId: string | null;
  /** The last seq it has of that build (0: none). */
  afterSeq: number;
}

// A quiet stream still sends a ping now and then, so proxies keep it open and a dead client is noticed.
const PING_MS = 15_000;
const REPLAY_PAGE = 500;

/**
 * A gallery's live feed: the latest build's persisted events after the cursor (a reload or a second tab catches
 * up from the log), then every new event and gallery change as it happens. Subscribes before replaying, so
 * nothing falls between the two; duplicates are dropped by seq. Ends when the consumer stops reading.
 */
export async function* watchGallery(galleryId: string, cursor: WatchCursor, signal?: AbortSignal): AsyncGenerator<WatchMessage> {
  const queue: LiveMessage[] = [];
  let wake: (() => void) | null = null;
  const unsubscribe = subscribe(galleryId, (message) => {
    queue.push(message);
    wake?.();
  });
  const seen = new Map<string, number>();
  const fresh = (event: BuildEvent) => {
    if (event.seq <= (seen.get(event.buildId) ?? 0)) return false;
    seen.set(event.buildId, event.seq);
    return true;
  };
  try {
    // With PostgreSQL, live news comes through the signal connection: listen before replaying.
    if (usesPostgres()) await listenOnce();
    const latest = await latestBuild(galleryId);
    if (latest) {
      let after = cursor.buildId === latest.id ? Math.max(0, cursor.afterSeq) : 0;
      seen.set(latest.id, after);
      for (;;) {
        const page = await eventPage(latest.id, after, REPLAY_PAGE);
        for (const event of page.events) if (fresh(event)) yield { type: "event", event };
        if (page.next === null) break;
        after = page.next;
      }
    }
    while (!signal?.aborted) {
      while (queue.length > 0) {
        const message = queue.shift()!;
        if (message.type === "event") {
          // A live event past a gap (a signal lost between processes, a reconnect): the log has what is missing.
          const { buildId, seq } = message.event;
          const last = seen.get(buildId) ?? 0;
          if (seq > last + 1) {
            for (let after = last; ; ) {
              const page = await eventPage(buildId, after, REPLAY_PAGE);
              for (const event of page.events) if (event.seq < seq && fresh(event)) yield { type: "event", event };
              if (page.next === null || page.next >= seq) break;
              after = page.next;
            }
          }
          if (!fresh(message.event)) continue;
        }
        yield message;
      }
      const timedOut = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(true), PING_MS);
        wake = () => {
          clearTimeout(timer);
          resolve(false);
        };
      });
      wake = null;
      if (timedOut && queue.length === 0) yield { type: "ping" };
    }
  } finally {
    unsubscribe();
  }
}
