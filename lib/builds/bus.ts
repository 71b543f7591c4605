import "server-only";
import { z } from "zod";
import type { BuildEvent } from "@/lib/contracts/build-events";
import type { GalleryView } from "@/lib/contracts/gallery-view";
import { usesPostgres } from "@/lib/db/connection";
import { eventPage } from "@/lib/db/events";
import { listen, signal } from "@/lib/db/signal";
import { getGalleryView } from "@/lib/db/view";
import { processSingleton } from "@/lib/platform/singleton";

/** What a gallery's watchers receive live: a build event, or the gallery's new state after an edit. */
export type LiveMessage = { type: "event"; event: BuildEvent } | { type: "gallery"; gallery: GalleryView };

type Listener = (message: LiveMessage) => void;

// Fan-out to this process's watchers, one registry per process (lib/platform/singleton.ts). In the embedded
// default that is all there is. With PostgreSQL, builds run in workers and edits land on any web node: a
// producer announces on the `vernissage_live` channel instead, and every web node with watchers of that gallery
// reads what changed from the database (the events table and the gallery view are the truth; the signal only
// says where to look) and fans it out here.
const registry = processSingleton("bus", () => new Map<string, Set<Listener>>());

const CHANNEL = "vernissage_live";
const signalSchema = z.union([
  z.object({ g: z.string(), b: z.string(), s: z.number().int().positive() }),
  z.object({ g: z.string(), t: z.literal("gallery") }),
]);

export function subscribe(galleryId: string, listener: Listener): () => void {
  if (usesPostgres()) void listenOnce();
  let set = registry.get(galleryId);
  if (!set) registry.set(galleryId, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) registry.delete(galleryId);
  };
}

/** Delivers to this process's watchers of the gallery. */
function fanOut(galleryId: string, message: LiveMessage): void {
  for (const listener of registry.get(galleryId) ?? []) {
    try {
      listener(message);
    } catch {
      // A watcher that fails must not stop the build or other watchers.
    }
  }
}

/** Tells the gallery's watchers (in every process, with PostgreSQL) about a new event or the gallery's new state. */
export function publish(galleryId: string, message: LiveMessage): void {
  if (!usesPostgres()) {
    fanOut(galleryId, message);
    return;
  }
  const payload = message.type === "event" ? { g: galleryId, b: message.event.buildId, s: message.event.seq } : { g: galleryId, t: "gallery" as const };
  signal(CHANNEL, JSON.stringify(payload)).catch((err: unknown) => console.warn(`vernissage: could not signal watchers: ${String(err)}`));
}

/**
 * Resolves once this process listens on the live channel (a web node, from its first watcher on). Exported for
 * the watch stream, which waits for it before replaying, so nothing written meanwhile falls between the two.
 */
export function listenOnce(): Promise<void> {
  const state = processSingleton("busListening", () => ({ ready: null as Promise<void> | null }));
  state.ready ??= listen(CHANNEL, onSignal, onReconnect).then(
    () => undefined,
    (err: unknown) => {
      state.ready = null;
      console.warn(`vernissage: live updates across processes unavailable for now: ${String(err)}`);
    },
  );
  return state.ready;
}

// One read per signal per process, whatever the number of its watchers; gallery views coalesced per gallery.
const galleryReads = new Map<string, { again: boolean }>();

function onSignal(payload: string): void {
  let parsed: z.infer<typeof signalSchema>;
  try {
    parsed = signalSchema.parse(JSON.parse(payload));
  } catch {
    return;
  }
  if (!registry.has(parsed.g)) return;
  if ("b" in parsed) {
    const { g, b, s } = parsed;
    eventPage(b, s - 1, 1)
      .then((page) => {
        const event = page.events[0];
        if (event && event.seq === s) fanOut(g, { type: "event", event });
      })
      .catch((err: unknown) => console.warn(`vernissage: could not read event ${b}#${s}: ${String(err)}`));
    return;
  }
  readGallery(parsed.g);
}

function readGallery(galleryId: string): void {
  const running = galleryReads.get(galleryId);
  if (running) {
    running.again = true;
    return;
  }
  const state = { again: false };
  galleryReads.set(galleryId, state);
  void (async () => {
    try {
      do {
        state.again = false;
        const view = await getGalleryView(galleryId);
        if (view) fanOut(galleryId, { type: "gallery", gallery: view });
      } while (state.again);
    } catch (err) {
      console.warn(`vernissage: could not read gallery ${galleryId}: ${String(err)}`);
    } finally {
      galleryReads.delete(galleryId);
    }
  })();
}

/** After a lost connection, signals may have been missed: every watched gallery is read again. */
function onReconnect(): void {
  for (const galleryId of registry.keys()) readGallery(galleryId);
}

export function watcherCount(galleryId: string): number {
  return registry.get(galleryId)?.size ?? 0;
}
