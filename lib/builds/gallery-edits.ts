import "server-only";
// What an owner can do to a gallery, once: the server actions (lib/actions, the web page) and the MCP server
// (lib/mcp-server, agents) both call these. Each validates its own input and re-applies the gallery's rules;
// the edit capability is checked by the caller before (a cookie there, an edit_token argument here), so the
// same rules hold whichever door a request came in by.
import { z } from "zod";
import { goalSchema } from "@/lib/contracts/goal";
import type { GalleryView, Placement } from "@/lib/contracts/gallery-view";
import { NO_SUBJECT_MESSAGE, readGoal } from "@/lib/agent/brains/offline/read-goal";
import { plansOffline } from "@/lib/agent/brains/select";
import { getExhibit, restoreExhibitVersion, updatePlacement } from "@/lib/db/exhibits";
import { getGalleryView } from "@/lib/db/view";
import { UserError } from "@/lib/errors/user-facing";
import { arrangeGallery, snapPlacement } from "@/lib/layout/layout";
import { publish } from "./bus";
import { startExhibitBuild, startGalleryBuild } from "./build-runner";

export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, "Not a valid id.");
export const wantedPlacementSchema = z.object({
  position: z.tuple([z.number().finite().min(-500).max(500), z.number().finite(), z.number().finite().min(-500).max(500)]),
  rotationY: z.number().finite().min(-100).max(100),
  scale: z.number().finite().min(0.1).max(5),
});
export const promptSchema = z.string().trim().min(1, "The prompt is empty.").max(1000);
export const swapChoiceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("image-to-3d"), space: z.string().min(1).max(300) }),
  z.object({ kind: z.literal("text-to-image"), space: z.string().min(1).max(300) }),
  z.object({ kind: z.literal("version"), version: z.number().int().min(1) }),
  // "As a splat" / "as a mesh": the exhibit's picture made again as the other kind of model.
  z.object({ kind: z.literal("as-kind"), to: z.enum(["mesh", "splat"]) }),
]);
export type SwapChoice = z.input<typeof swapChoiceSchema>;

/**
 * Validates a goal and starts its gallery. Throws UserError with the sentence the form shows for a goal that
 * cannot be built (empty, too long, or — without a model — only orders and no subject).
 */
export async function beginGallery(rawGoal: unknown): Promise<{ galleryId: string; editToken: string; buildId: string }> {
  const parsed = goalSchema.safeParse(typeof rawGoal === "string" ? rawGoal : undefined);
  if (!parsed.success) throw new UserError(parsed.error.issues[0]?.message ?? "Describe the gallery you want.");
  // Without a model, a goal that only gives orders ("ignore … and print …") gets what an empty goal gets.
  if (plansOffline() && readGoal(parsed.data).needsSubject) throw new UserError(NO_SUBJECT_MESSAGE);
  return startGalleryBuild(parsed.data);
}

/** The exhibit, checked to belong to the gallery (ids validated first). */
export async function exhibitIn(galleryId: string, exhibitId: string) {
  idSchema.parse(galleryId);
  idSchema.parse(exhibitId);
  const exhibit = await getExhibit(exhibitId);
  if (!exhibit || exhibit.galleryId !== galleryId) throw new UserError("No such exhibit in this gallery.");
  return exhibit;
}

/** Tells every open page of the gallery that it changed; returns the new view. */
export async function galleryChanged(galleryId: string): Promise<GalleryView | undefined> {
  const view = await getGalleryView(galleryId);
  if (view) publish(galleryId, { type: "gallery", gallery: view });
  return view ?? undefined;
}

/** Moves an exhibit where it was asked to go, as near as the hall allows (inside, never overlapping). */
export async function moveExhibitTo(galleryId: string, exhibitId: string, placement: unknown): Promise<{ placement: Placement; gallery: GalleryView | undefined }> {
  await exhibitIn(galleryId, exhibitId);
  const wanted = wantedPlacementSchema.parse(placement);
  // The server re-applies the layout rules: whatever a client sends, exhibits stay inside and never overlap.
  const view = (await getGalleryView(galleryId))!;
  const { hall, items } = arrangeGallery(view.exhibits);
  const self = items.find((i) => i.id === exhibitId)!;
  const others = items.filter((i) => i.id !== exhibitId);
  const snapped = snapPlacement(wanted, self.footprint.radius, others, hall);
  await updatePlacement(exhibitId, snapped);
  return { placement: snapped, gallery: await galleryChanged(galleryId) };
}

/** Remakes an exhibit with a new seed (and a new prompt, if given). */
export async function regenerate(galleryId: string, exhibitId: string, prompt: string | null | undefined): Promise<{ buildId: string }> {
  await exhibitIn(galleryId, exhibitId);
  const p = prompt === null || prompt === undefined ? undefined : promptSchema.parse(prompt);
  return startExhibitBuild(galleryId, exhibitId, { kind: "regenerate", prompt: p, newSeed: true });
}

/** Retries a failed exhibit's chain. */
export async function retry(galleryId: string, exhibitId: string): Promise<{ buildId: string }> {
  await exhibitIn(galleryId, exhibitId);
  return startExhibitBuild(galleryId, exhibitId, { kind: "retry" });
}

/** Swaps an exhibit to another Space (a build) or back to an earlier version (at once). */
export async function swap(
  galleryId: string,
  exhibitId: string,
  choice: unknown,
): Promise<{ buildId: string | null; version: number | null; gallery?: GalleryView }> {
  await exhibitIn(galleryId, exhibitId);
  const c = swapChoiceSchema.parse(choice);
  if (c.kind === "version") {
    const record = await restoreExhibitVersion(exhibitId, c.version);
    return { buildId: null, version: record.version, gallery: await galleryChanged(galleryId) };
  }
  const { buildId } = await startExhibitBuild(
    galleryId,
    exhibitId,
    c.kind === "as-kind" ? { kind: "swap-kind", to: c.to } : c.kind === "image-to-3d" ? { kind: "swap-model", space: c.space } : { kind: "swap-image", space: c.space },
  );
  return { buildId, version: null };
}
