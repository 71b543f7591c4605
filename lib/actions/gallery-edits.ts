"use server";
// The gallery page's server actions. Each is a public POST endpoint: every input is validated here and
// every mutation checks the edit capability itself (a view link can never change anything).
import { z } from "zod";
import { requestOrigin } from "@/lib/platform/request-origin";
import { canEdit, editTokenFor, rememberEditToken, requireEdit, ForbiddenError } from "@/lib/auth/edit-capability";
import { UserError, userMessage } from "@/lib/errors/user-facing";
import { publish } from "@/lib/builds/bus";
import { cancelBuilds, startExhibitBuild } from "@/lib/builds/build-runner";
import { watchGallery as watch, type WatchMessage } from "@/lib/builds/watch";
import { getExhibit, reorderExhibits as reorder, restoreExhibitVersion, updatePlacement } from "@/lib/db/exhibits";
import { remixGallery as remix } from "@/lib/db/remix";
import { listGalleryTools, putGalleryTool, removeGalleryTool } from "@/lib/db/tools";
import { galleryTools } from "@/lib/builds/gallery-tools";
import type { DiscoveredTool } from "@/lib/space-client/discover";
import { getGalleryView } from "@/lib/db/view";
import { arrangeGallery, snapPlacement } from "@/lib/layout/layout";
import type { GalleryView, Placement } from "@/lib/contracts/gallery-view";

export type ActionResult<T = null> = { ok: true; value: T; gallery?: GalleryView } | { ok: false; error: string };

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, "Not a valid id.");
const placementSchema = z.object({
  position: z.tuple([z.number().finite().min(-500).max(500), z.number().finite(), z.number().finite().min(-500).max(500)]),
  rotationY: z.number().finite().min(-100).max(100),
  scale: z.number().finite().min(0.1).max(5),
});

function fail(err: unknown): { ok: false; error: string } {
  return { ok: false, error: userMessage(err) };
}

function changed(galleryId: string): GalleryView | undefined {
  const view = getGalleryView(galleryId);
  if (view) publish(galleryId, { type: "gallery", gallery: view });
  return view ?? undefined;
}

async function exhibitOf(galleryId: string, exhibitId: string) {
  idSchema.parse(galleryId);
  idSchema.parse(exhibitId);
  await requireEdit(galleryId);
  const exhibit = getExhibit(exhibitId);
  if (!exhibit || exhibit.galleryId !== galleryId) throw new UserError("No such exhibit in this gallery.");
  return exhibit;
}

/** Live updates: replays the latest build's events after `afterSeq`, then streams until the tab closes. */
export async function watchGallery(galleryId: string, cursor: { buildId: string | null; afterSeq: number }): Promise<AsyncIterable<WatchMessage>> {
  idSchema.parse(galleryId);
  const c = z.object({ buildId: z.string().max(64).nullable(), afterSeq: z.number().int().min(-1) }).parse(cursor);
  return watch(galleryId, c);
}

export async function getGallery(galleryId: string): Promise<GalleryView | null> {
  idSchema.parse(galleryId);
  return getGalleryView(galleryId);
}

export async function moveExhibit(galleryId: string, exhibitId: string, placement: Placement): Promise<ActionResult<Placement>> {
  try {
    await exhibitOf(galleryId, exhibitId);
    const wanted = placementSchema.parse(placement);
    // The server re-applies the layout rules: whatever a client sends, exhibits stay inside and never overlap.
    const view = getGalleryView(galleryId)!;
    const { hall, items } = arrangeGallery(view.exhibits);
    const self = items.find((i) => i.id === exhibitId)!;
    const others = items.filter((i) => i.id !== exhibitId);
    const snapped = snapPlacement(wanted, self.footprint.radius, others, hall);
    updatePlacement(exhibitId, snapped);
    return { ok: true, value: snapped, gallery: changed(galleryId) };
  } catch (err) {
    return fail(err);
  }
}

export async function reorderExhibits(galleryId: string, orderedIds: string[]): Promise<ActionResult> {
  try {
    idSchema.parse(galleryId);
    const ids = z.array(idSchema).max(100).parse(orderedIds);
    await requireEdit(galleryId);
    reorder(galleryId, ids);
    return { ok: true, value: null, gallery: changed(galleryId) };
  } catch (err) {
    return fail(err);
  }
}

export async function regenerateExhibit(galleryId: string, exhibitId: string, prompt: string | null): Promise<ActionResult<string>> {
  try {
    await exhibitOf(galleryId, exhibitId);
    const p = prompt === null ? undefined : z.string().trim().min(1, "The prompt is empty.").max(1000).parse(prompt);
    const { buildId } = startExhibitBuild(galleryId, exhibitId, { kind: "regenerate", prompt: p, newSeed: true });
    return { ok: true, value: buildId };
  } catch (err) {
    return fail(err);
  }
}

export async function retryExhibit(galleryId: string, exhibitId: string): Promise<ActionResult<string>> {
  try {
    await exhibitOf(galleryId, exhibitId);
    const { buildId } = startExhibitBuild(galleryId, exhibitId, { kind: "retry" });
    return { ok: true, value: buildId };
  } catch (err) {
    return fail(err);
  }
}

const swapSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("image-to-3d"), space: z.string().min(1).max(300) }),
  z.object({ kind: z.literal("text-to-image"), space: z.string().min(1).max(300) }),
  z.object({ kind: z.literal("version"), version: z.number().int().min(1) }),
  // "As a splat" / "as a mesh": the exhibit's picture made again as the other kind of model.
  z.object({ kind: z.literal("as-kind"), to: z.enum(["mesh", "splat"]) }),
]);

export async function swapExhibit(
  galleryId: string,
  exhibitId: string,
  choice: z.input<typeof swapSchema>,
): Promise<ActionResult<{ buildId: string | null; version: number | null }>> {
  try {
    await exhibitOf(galleryId, exhibitId);
    const c = swapSchema.parse(choice);
    if (c.kind === "version") {
      const record = restoreExhibitVersion(exhibitId, c.version);
      return { ok: true, value: { buildId: null, version: record.version }, gallery: changed(galleryId) };
    }
    const { buildId } = startExhibitBuild(
      galleryId,
      exhibitId,
      c.kind === "as-kind" ? { kind: "swap-kind", to: c.to } : c.kind === "image-to-3d" ? { kind: "swap-model", space: c.space } : { kind: "swap-image", space: c.space },
    );
    return { ok: true, value: { buildId, version: null } };
  } catch (err) {
    return fail(err);
  }
}

export async function cancelBuild(galleryId: string): Promise<ActionResult<number>> {
  try {
    idSchema.parse(galleryId);
    await requireEdit(galleryId);
    return { ok: true, value: cancelBuilds(galleryId) };
  } catch (err) {
    return fail(err);
  }
}

/** Copies a gallery into a new one the caller owns. Anyone who can view a gallery may remix it. */
export async function remixGallery(galleryId: string): Promise<ActionResult<string>> {
  try {
    idSchema.parse(galleryId);
    const created = remix(galleryId);
    if (!created) return { ok: false, error: "This gallery no longer exists." };
    await rememberEditToken(created.id, created.editToken);
    return { ok: true, value: `/g/${created.id}` };
  } catch (err) {
    return fail(err);
  }
}

/** The owner's edit link (the token itself lives in an httpOnly cookie, so only the server can write it out). */
export async function getEditLink(galleryId: string): Promise<ActionResult<string>> {
  try {
    idSchema.parse(galleryId);
    if (!(await canEdit(galleryId))) throw new ForbiddenError();
    const token = (await editTokenFor(galleryId))!;
    return { ok: true, value: `${new URL(`/g/${galleryId}/edit`, await requestOrigin()).href}?token=${encodeURIComponent(token)}` };
  } catch (err) {
    return fail(err);
  }
}

export interface ToolSummary {
  space: string;
  name: string;
  endpoint: string;
  signature: string;
  description: string;
}

function summarise(tool: DiscoveredTool): ToolSummary {
  return { space: tool.space, name: tool.name, endpoint: tool.endpoint, signature: tool.signature, description: tool.description };
}

export async function listSpaceTools(galleryId: string): Promise<ActionResult<ToolSummary[]>> {
  try {
    idSchema.parse(galleryId);
    return { ok: true, value: galleryTools(galleryId).map(summarise) };
  } catch (err) {
    return fail(err);
  }
}

/**
 * Adds a Space to the gallery's toolbox: read its API the way smolagents' Tool.from_space does, so the agent
 * can call it and the swap dialog can offer it. URLs must be public Hugging Face Space hosts (or allowed ones).
 */
export async function addSpaceTool(galleryId: string, ref: string, endpoint: string | null): Promise<ActionResult<ToolSummary>> {
  try {
    idSchema.parse(galleryId);
    const space = z.string().trim().min(3, "Enter a Space id (owner/name) or URL.").max(300).parse(ref);
    const ep = endpoint === null ? undefined : z.string().trim().max(100).parse(endpoint) || undefined;
    await requireEdit(galleryId);
    if (listGalleryTools(galleryId).length >= 12) throw new UserError("A gallery's toolbox holds at most 12 Spaces: remove one first.");
    const { getSpaceClient } = await import("@/lib/builds/space-client");
    // Our own Spaces typed under the address in the browser's bar are built-in, whatever name it uses for us.
    const appOrigins = [(await requestOrigin()).origin];
    const tool = await getSpaceClient().discover(space, { endpoint: ep, signal: AbortSignal.timeout(30_000), appOrigins });
    putGalleryTool(galleryId, tool.space, tool as unknown as Record<string, unknown>);
    return { ok: true, value: summarise(tool) };
  } catch (err) {
    return fail(err);
  }
}

export async function removeSpaceTool(galleryId: string, space: string): Promise<ActionResult> {
  try {
    idSchema.parse(galleryId);
    await requireEdit(galleryId);
    removeGalleryTool(galleryId, z.string().max(300).parse(space));
    return { ok: true, value: null };
  } catch (err) {
    return fail(err);
  }
}
