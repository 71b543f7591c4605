import "server-only";
import type { BuildEvent } from "@/lib/contracts/build-events";
import type { GalleryView } from "@/lib/contracts/gallery-view";
import { processSingleton } from "@/lib/platform/singleton";

/** What a gallery's watchers receive live: a build event, or the gallery's new state after an edit. */
export type LiveMessage = { type: "event"; event: BuildEvent } | { type: "gallery"; gallery: GalleryView };

type Listener = (message: LiveMessage) => void;

// In-process fan-out, one registry per process (lib/platform/singleton.ts).
// A deployment with separate workers would put a broker (Postgres LISTEN/NOTIFY, Redis) behind this interface.
const registry = processSingleton("bus", () => new Map<string, Set<Listener>>());

export function subscribe(galleryId: string, listener: Listener): () => void {
  let set = registry.get(galleryId);
  if (!set) registry.set(galleryId, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) registry.delete(galleryId);
  };
}

export function publish(galleryId: string, message: LiveMessage): void {
  for (const listener of registry.get(galleryId) ?? []) {
    try {
      listener(message);
    } catch {
      // A watcher that fails must not stop the build or other watchers.
    }
  }
}

export function watcherCount(galleryId: string): number {
  return registry.get(galleryId)?.size ?? 0;
}
