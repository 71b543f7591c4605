import "server-only";
import { getExhibitView } from "@/lib/db/view";
import type { ExhibitRecord } from "@/lib/db/exhibits";
import type { ExhibitView } from "@/lib/contracts/gallery-view";
import type { Emit, ExhibitChangeType } from "@/lib/contracts/build-events";

/** Tells watchers about an exhibit's new state, as the same ExhibitView the JSON API serves. */
export interface ExhibitNotifier {
  updated(record: ExhibitRecord): Promise<void>;
  ready(record: ExhibitRecord): Promise<void>;
  failed(record: ExhibitRecord): Promise<void>;
}

export async function exhibitView(galleryId: string, exhibitId: string): Promise<ExhibitView | null> {
  return getExhibitView(galleryId, exhibitId);
}

export function createExhibitNotifier(galleryId: string, emit: Emit): ExhibitNotifier {
  const send = async (type: ExhibitChangeType, record: ExhibitRecord) => {
    const exhibit = await exhibitView(galleryId, record.id);
    if (!exhibit) return;
    emit({ type, payload: { exhibit, key: record.key, title: record.title, error: record.error } });
  };
  return {
    updated: (r) => send("exhibit.updated", r),
    ready: (r) => send("exhibit.ready", r),
    failed: (r) => send("exhibit.failed", r),
  };
}
