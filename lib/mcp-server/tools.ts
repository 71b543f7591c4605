import "server-only";
// Vernissage's MCP tools: what the gallery page lets a person do, offered to agents. Each tool calls the same
// functions as the server actions (lib/builds/gallery-edits.ts), so the rules are the same ones: a goal is
// validated the same way, an edit needs the gallery's edit token (here an `edit_token` argument; a view link
// or a gallery id grants nothing), moves are snapped inside the hall. Arguments are snake_case with
// descriptions; every result carries structuredContent and the same facts as text; every refusal is a tool
// error (isError) with a sentence an agent can act on.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult, ServerNotification, ServerRequest } from "@modelcontextprotocol/sdk/types.js";
import type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
import { z } from "zod";
import { ForbiddenError, requireEditToken } from "@/lib/auth/edit-capability";
import { beginGallery, exhibitIn, idSchema, moveExhibitTo, regenerate, swap } from "@/lib/builds/gallery-edits";
import { getGalleryView } from "@/lib/db/view";
import { UserError, userMessage } from "@/lib/errors/user-facing";
import { waitForGalleryBuilds } from "./build-progress";
import { DEFAULT_LOG_LINES, summarise, summaryText, type GallerySummary } from "./gallery-summary";

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

const MAX_WAIT_S = 600;
const DEFAULT_WAIT_S = 120;

const galleryId = z.string().max(100).describe("The gallery's id, as create_gallery returned it (also the last part of its /g/<id> link).");
const exhibitId = z.string().max(100).describe("The exhibit's id (exhibit_id in get_gallery's exhibits).");
const editToken = z
  .string()
  .max(200)
  .describe("The gallery's edit token, as create_gallery returned it (also the token=… of its edit link). Required for every change.");
const wait = z
  .boolean()
  .optional()
  .describe(
    "Wait for the build to end before answering, sending progress notifications if you passed a progressToken (send one, or raise your client's request timeout: a build takes minutes). Default false: answer at once.",
  );
const timeoutSeconds = z
  .number()
  .int()
  .min(1)
  .max(MAX_WAIT_S)
  .optional()
  .describe(`How long to wait at most, in seconds (default ${DEFAULT_WAIT_S}, at most ${MAX_WAIT_S}). The build carries on after the wait ends.`);

export interface ToolHost {
  /** The origin the request came in at: links are absolute on it. */
  origin: string;
}

function refused(message: string): CallToolResult {
  return { isError: true, content: [{ type: "text", text: message }] };
}

function ok(structured: Record<string, unknown>, text: string): CallToolResult {
  return { structuredContent: structured, content: [{ type: "text", text }] };
}

const EDIT_REFUSED =
  "Refused: edit_token is missing or is not this gallery's edit token. Only the edit token create_gallery returned (or the token=… of the gallery's edit link) can change it; a view link grants nothing.";

/** Runs a tool body, turning every failure into a tool error with a sentence (never a stack or a 500). */
async function guarded(body: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof ForbiddenError) return refused(EDIT_REFUSED);
    return refused(userMessage(err));
  }
}

/** Ids well-formed, then the capability, then the exhibit: a wrong token learns nothing about the gallery. */
async function authorise(gallery: string, exhibit: string | null, token: string | undefined): Promise<void> {
  idSchema.parse(gallery);
  if (exhibit !== null) idSchema.parse(exhibit);
  await requireEditToken(gallery, token);
  if (exhibit !== null) await exhibitIn(gallery, exhibit);
}

async function summaryOf(host: ToolHost, id: string, logLines = DEFAULT_LOG_LINES): Promise<GallerySummary> {
  idSchema.parse(id);
  const view = await getGalleryView(id);
  if (!view) throw new UserError(`No gallery with id ${id}.`);
  return await summarise(view, host.origin, logLines);
}

/** Waits (when asked) with progress notifications to the caller's progressToken. */
async function waited(host: ToolHost, id: string, seconds: number | undefined, extra: Extra): Promise<{ summary: GallerySummary; finished: boolean; timed_out: boolean }> {
  const token = extra._meta?.progressToken;
  const outcome = await waitForGalleryBuilds(id, {
    timeoutMs: (seconds ?? DEFAULT_WAIT_S) * 1000,
    signal: extra.signal,
    ...(token === undefined
      ? {}
      : {
          onProgress: (r) =>
            void extra.sendNotification({ method: "notifications/progress", params: { progressToken: token, progress: r.progress, message: r.message } }).catch(() => undefined),
        }),
  });
  return { summary: await summaryOf(host, id), finished: outcome.finished, timed_out: outcome.timedOut };
}

export function registerGalleryTools(server: McpServer, host: ToolHost): void {
  server.registerTool(
    "create_gallery",
    {
      title: "Create a gallery",
      description:
        "Starts building a walkable 3D gallery from a goal (e.g. \"a gallery of Kyoto temples\"): an agent plans the exhibits, draws each one and turns it into a 3D model with Gradio Spaces. Answers at once with the gallery's id, its view link (anyone may look) and its edit link and edit_token (keep them: every change needs the token). The build runs on; follow it with wait_for_gallery or get_gallery, or pass wait=true.",
      inputSchema: {
        goal: z.string().max(2000).describe("What the gallery should show, in a sentence, in any language (e.g. \"Kyoto temples\", \"five famous bridges\")."),
        wait,
        timeout_seconds: timeoutSeconds,
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    },
    (args, extra) =>
      guarded(async () => {
        const started = await beginGallery(args.goal);
        const links = {
          gallery_id: started.galleryId,
          build_id: started.buildId,
          view_url: new URL(`/g/${started.galleryId}`, host.origin).href,
          edit_url: `${new URL(`/g/${started.galleryId}/edit`, host.origin).href}?token=${encodeURIComponent(started.editToken)}`,
          edit_token: started.editToken,
          api_url: new URL(`/api/galleries/${started.galleryId}`, host.origin).href,
        };
        const text = `Started gallery ${links.gallery_id}.\nView: ${links.view_url}\nEdit: ${links.edit_url}\nedit_token: ${links.edit_token} (needed for regenerate_exhibit, swap_exhibit, move_exhibit)`;
        if (!args.wait) return ok({ ...links, status: "building" }, text);
        const w = await waited(host, started.galleryId, args.timeout_seconds, extra);
        return ok({ ...w.summary, ...links, finished: w.finished, timed_out: w.timed_out }, `${text}\n\n${summaryText(w.summary)}`);
      }),
  );

  server.registerTool(
    "get_gallery",
    {
      title: "Read a gallery",
      description:
        "The gallery now: its status (building, ready, failed, cancelled), its exhibits with their status, prompt, placement and model URLs (GLB, or SPZ for splats), and the last lines of its build log. Needs no token.",
      inputSchema: {
        gallery_id: galleryId,
        log_lines: z.number().int().min(0).max(200).optional().describe(`How many of the build log's last lines to include (default ${DEFAULT_LOG_LINES}).`),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) =>
      guarded(async () => {
        const s = await summaryOf(host, args.gallery_id, args.log_lines ?? DEFAULT_LOG_LINES);
        return ok(s, summaryText(s));
      }),
  );

  server.registerTool(
    "wait_for_gallery",
    {
      title: "Wait for a gallery's build",
      description:
        "Waits until no build of the gallery is running (or the time runs out), sending a progress notification for each step (plan, each Space call's progress, each exhibit ready or failed) when you pass a progressToken; then answers like get_gallery, plus finished and timed_out.",
      inputSchema: { gallery_id: galleryId, timeout_seconds: timeoutSeconds },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args, extra) =>
      guarded(async () => {
        await summaryOf(host, args.gallery_id, 0); // refuses an unknown gallery before waiting
        const w = await waited(host, args.gallery_id, args.timeout_seconds, extra);
        return ok({ ...w.summary, finished: w.finished, timed_out: w.timed_out }, `${w.finished ? "Finished." : "Still building."}\n${summaryText(w.summary)}`);
      }),
  );

  server.registerTool(
    "regenerate_exhibit",
    {
      title: "Regenerate an exhibit",
      description: "Makes an exhibit again with a new seed, and a new prompt if you give one (a new version; earlier ones stay and swap_exhibit can restore them). Needs the edit token.",
      inputSchema: {
        gallery_id: galleryId,
        exhibit_id: exhibitId,
        edit_token: editToken.optional(),
        prompt: z.string().max(1000).optional().describe("A new prompt for the exhibit's picture; omitted: the same prompt with a new seed."),
        wait,
        timeout_seconds: timeoutSeconds,
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    },
    (args, extra) =>
      guarded(async () => {
        await authorise(args.gallery_id, args.exhibit_id, args.edit_token);
        const { buildId } = await regenerate(args.gallery_id, args.exhibit_id, args.prompt ?? null);
        const text = `Regenerating exhibit ${args.exhibit_id} (build ${buildId}).`;
        if (!args.wait) return ok({ gallery_id: args.gallery_id, exhibit_id: args.exhibit_id, build_id: buildId, status: "building" }, text);
        const w = await waited(host, args.gallery_id, args.timeout_seconds, extra);
        return ok({ ...w.summary, exhibit_id: args.exhibit_id, build_id: buildId, finished: w.finished, timed_out: w.timed_out }, `${text}\n${summaryText(w.summary)}`);
      }),
  );

  server.registerTool(
    "swap_exhibit",
    {
      title: "Swap an exhibit's Space, kind or version",
      description:
        "Give exactly one of: version (restores an earlier version of the exhibit, at once); space with capability (remakes it with another Space: image-to-3d keeps the picture and makes a new model; text-to-image draws a new picture and then a new model); as_kind (remakes the exhibit's picture as a Gaussian splat or as a mesh). space is a built-in Space (sketch-image, ink-image, shape-3d, relief-3d), a Hugging Face Space id (owner/name) or a Space URL. Needs the edit token.",
      inputSchema: {
        gallery_id: galleryId,
        exhibit_id: exhibitId,
        edit_token: editToken.optional(),
        version: z.number().int().min(1).optional().describe("An earlier version to show again (versions in get_gallery's exhibit)."),
        space: z.string().max(300).optional().describe("The Space to remake the exhibit with."),
        capability: z.enum(["image-to-3d", "text-to-image"]).optional().describe("What the Space does; default image-to-3d."),
        as_kind: z.enum(["splat", "mesh"]).optional().describe("Remake the exhibit as a Gaussian splat or as a mesh, from its picture."),
        wait,
        timeout_seconds: timeoutSeconds,
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    },
    (args, extra) =>
      guarded(async () => {
        await authorise(args.gallery_id, args.exhibit_id, args.edit_token);
        const given = [args.version, args.space, args.as_kind].filter((v) => v !== undefined).length;
        if (given !== 1) return refused("Give exactly one of version (an earlier version to restore), space (a Space to remake the exhibit with) or as_kind (splat or mesh).");
        const choice =
          args.version !== undefined
            ? { kind: "version" as const, version: args.version }
            : args.as_kind !== undefined
              ? { kind: "as-kind" as const, to: args.as_kind }
              : { kind: args.capability ?? ("image-to-3d" as const), space: args.space! };
        const done = await swap(args.gallery_id, args.exhibit_id, choice);
        const base = { gallery_id: args.gallery_id, exhibit_id: args.exhibit_id, build_id: done.buildId, version: done.version };
        const text = done.version !== null ? `Exhibit ${args.exhibit_id} shows version ${done.version} again.` : `Remaking exhibit ${args.exhibit_id} ${args.as_kind ? `as a ${args.as_kind}` : `with ${args.space}`} (build ${done.buildId}).`;
        if (!args.wait || done.buildId === null) return ok({ ...base, status: done.buildId ? "building" : "done" }, text);
        const w = await waited(host, args.gallery_id, args.timeout_seconds, extra);
        return ok({ ...w.summary, ...base, finished: w.finished, timed_out: w.timed_out }, `${text}\n${summaryText(w.summary)}`);
      }),
  );

  server.registerTool(
    "move_exhibit",
    {
      title: "Move an exhibit",
      description:
        "Moves an exhibit on the hall's floor (metres; the hall is centred on x = 0 and runs along z). The position is snapped the way the page snaps it: inside the hall, never overlapping another exhibit. Needs the edit token.",
      inputSchema: {
        gallery_id: galleryId,
        exhibit_id: exhibitId,
        edit_token: editToken.optional(),
        x: z.number().min(-500).max(500).describe("Across the hall, metres."),
        z: z.number().min(-500).max(500).describe("Along the hall, metres."),
        rotation_y: z.number().min(-100).max(100).optional().describe("Turn about the vertical axis, radians; default: unchanged."),
        scale: z.number().min(0.1).max(5).optional().describe("Size factor (0.1–5); default: unchanged."),
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    (args) =>
      guarded(async () => {
        await authorise(args.gallery_id, args.exhibit_id, args.edit_token);
        const current = (await exhibitIn(args.gallery_id, args.exhibit_id)).placement;
        const moved = await moveExhibitTo(args.gallery_id, args.exhibit_id, {
          position: [args.x, current.position[1], args.z],
          rotationY: args.rotation_y ?? current.rotationY,
          scale: args.scale ?? current.scale,
        });
        const p = moved.placement;
        const placement = { x: p.position[0], z: p.position[2], rotation_y: p.rotationY, scale: p.scale };
        return ok(
          { gallery_id: args.gallery_id, exhibit_id: args.exhibit_id, placement, snapped: p.position[0] !== args.x || p.position[2] !== args.z },
          `Exhibit ${args.exhibit_id} is at x=${placement.x.toFixed(2)}, z=${placement.z.toFixed(2)}, rotation ${placement.rotation_y.toFixed(2)} rad, scale ${placement.scale}.`,
        );
      }),
  );
}
