import "server-only";
import { appendEvent } from "@/lib/db/events";
import { publish } from "./bus";
import type { Emit } from "@/lib/contracts/build-events";

/** Persists each event with the build's next seq, then hands it to the gallery's live watchers. */
export function createRecorder(buildId: string, galleryId: string): { emit: Emit } {
  const emit: Emit = (event) => {
    const stored = appendEvent(buildId, event);
    publish(galleryId, { type: "event", event: stored });
  };
  return { emit };
}
