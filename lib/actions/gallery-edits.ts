"use server";
// The gallery page's server actions. Each is a public POST endpoint: every input is validated here and
// every mutation checks the edit capability itself (a view link can never change anything).
import { z } from "zod";
import { requestOrigin } from "@/lib/platform/request-origin";
import { canEdit, editTokenFor, rememberEditToken, requireEdit, ForbiddenError } from "@/lib/auth/edit-capability";
import { UserError, userMessage } from "@/lib/errors/user-facing";
import { cancelBuilds } from "@/lib/builds/build-runner";
import { galleryChanged, idSchema, moveExhibitTo, regenerate, retry, swap, type SwapChoice } from "@/lib/builds/gallery-edits";
import { watchGallery as watch, type WatchMessage } from "@/lib/builds/watch";
import { reorderExhibits as reorder } from "@/lib/db/exhibits";
import { remixGallery as remix } from "@/lib/db/remix";
import { listGalleryTools, putGalleryTool, removeGalleryTool } from "@/lib/db/tools";
import { galleryTools } from "@/lib/builds/gallery-tools";
import type { DiscoveredTool } from "@/lib/space-client/discover";
import { findMcpSpaces, type FoundSpace } from "@/lib/space-client/mcp/hub-search";
import { getGalleryView } from "@/lib/db/view";
import type { GalleryView, Placement } from "@/lib/contracts/gallery-view";

export type ActionResult<T = null> = { ok: true; value: T; gallery?: GalleryView } | { ok: false; error: string };

function fail(err: unknown): { ok: false; error: string } {
  return { ok: false, error: userMessage(err) };
}

/** Ids first, then the edit capability, then (in gallery-edits.ts) whether the exhibit is in the gallery. */
async function editable(galleryId: string, exhibitId: string): Promise<void> {
  idSchema.parse(galleryId);
  idSchema.parse(exhibitId);
  await requireEdit(galleryId);
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
    await editable(galleryId, exhibitId);
    const moved = await moveExhibitTo(galleryId, exhibitId, placement);
    return { ok: true, value: moved.placement, gallery: moved.gallery };
  } catch (err) {
    return fail(err);
  }
}

export async function reorderExhibits(galleryId: string, orderedIds: string[]): Promise<ActionResult> {
  try {
    idSchema.parse(galleryId);
    const ids = z.array(idSchema).max(100).parse(orderedIds);
    await requireEdit(galleryId);
    await reorder(galleryId, ids);
    return { ok: true, value: null, gallery: await galleryChanged(galleryId) };
  } catch (err) {
    return fail(err);
  }
}

export async function regenerateExhibit(galleryId: string, exhibitId: string, prompt: string | null): Promise<ActionResult<string>> {
  try {
    await editable(galleryId, exhibitId);
    return { ok: true, value: (await regenerate(galleryId, exhibitId, prompt)).buildId };
  } catch (err) {
    return fail(err);
  }
}

export async function retryExhibit(galleryId: string, exhibitId: string): Promise<ActionResult<string>> {
  try {
    await editable(galleryId, exhibitId);
    return { ok: true, value: (await retry(galleryId, exhibitId)).buildId };
  } catch (err) {
    return fail(err);
  }
}

export async function swapExhibit(
  galleryId: string,
  exhibitId: string,
  choice: SwapChoice,
): Promise<ActionResult<{ buildId: string | null; version: number | null }>> {
  try {
    await editable(galleryId, exhibitId);
    const { gallery, ...value } = await swap(galleryId, exhibitId, choice);
    return { ok: true, value, ...(gallery ? { gallery } : {}) };
  } catch (err) {
    return fail(err);
  }
}

export async function cancelBuild(galleryId: string): Promise<ActionResult<number>> {
  try {
    idSchema.parse(galleryId);
    await requireEdit(galleryId);
    return { ok: true, value: await cancelBuilds(galleryId) };
  } catch (err) {
    return fail(err);
  }
}

/** Copies a gallery into a new one the caller owns. Anyone who can view a gallery may remix it. */
export async function remixGallery(galleryId: string): Promise<ActionResult<string>> {
  try {
    idSchema.parse(galleryId);
    const created = await remix(galleryId);
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
  /** Called over the Space's MCP server (else the Gradio API). */
  mcp: boolean;
}

function summarise(tool: DiscoveredTool): ToolSummary {
  return { space: tool.space, name: tool.name, endpoint: tool.endpoint, signature: tool.signature, description: tool.description, mcp: Boolean(tool.mcp) };
}

export async function listSpaceTools(galleryId: string): Promise<ActionResult<ToolSummary[]>> {
  try {
    idSchema.parse(galleryId);
    return { ok: true, value: (await galleryTools(galleryId)).map(summarise) };
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
    if ((await listGalleryTools(galleryId)).length >= 12) throw new UserError("A gallery's toolbox holds at most 12 Spaces: remove one first.");
    const { getSpaceClient } = await import("@/lib/builds/space-client");
    // Our own Spaces typed under the address in the browser's bar are built-in, whatever name it uses for us.
    const appOrigins = [(await requestOrigin()).origin];
    const tool = await getSpaceClient().discover(space, { endpoint: ep, signal: AbortSignal.timeout(30_000), appOrigins });
    await putGalleryTool(galleryId, tool.space, tool as unknown as Record<string, unknown>);
    return { ok: true, value: summarise(tool) };
  } catch (err) {
    return fail(err);
  }
}

/**
 * Finds MCP-enabled Spaces for "Add Space" through the Hub's MCP server (dynamic_space find), with this
 * server's HF_TOKEN: owners only, so a view link cannot spend the token.
 */
export async function findSpaces(galleryId: string, query: string): Promise<ActionResult<FoundSpace[]>> {
  try {
    idSchema.parse(galleryId);
    const q = z.string().trim().min(2, "Type a few words to search for.").max(200, "Keep the search under 200 characters.").parse(query);
    await requireEdit(galleryId);
    const { getSpaceClient } = await import("@/lib/builds/space-client");
    const token = getSpaceClient().config.token;
    if (!token) throw new UserError("Searching the Hub for MCP Spaces needs a Hugging Face token on this server.");
    return { ok: true, value: await findMcpSpaces(q, { token, signal: AbortSignal.timeout(15_000) }) };
  } catch (err) {
    return fail(err);
  }
}

export async function removeSpaceTool(galleryId: string, space: string): Promise<ActionResult> {
  try {
    idSchema.parse(galleryId);
    await requireEdit(galleryId);
    await removeGalleryTool(galleryId, z.string().max(300).parse(space));
    return { ok: true, value: null };
  } catch (err) {
    return fail(err);
  }
}
