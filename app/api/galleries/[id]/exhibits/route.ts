import { NextResponse } from "next/server";
import { canEdit, framedEditProblem } from "@/lib/auth/edit-capability";
import { getAssetStore } from "@/lib/assets/file-store";
import { getGallery } from "@/lib/db/galleries";
import { referencedFault } from "@/lib/errors/internal-fault";
import { UserError } from "@/lib/errors/user-error";
import { WorkerQueueFullError } from "@/lib/platform/worker-pool/pool";
import { acceptUpload, MAX_UPLOAD_BYTES } from "@/lib/uploads/accept-upload";
import { readUpload, UploadRefusedError } from "@/lib/uploads/read-upload";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const ID = /^[A-Za-z0-9_-]{10,64}$/;

/**
 * POST /api/galleries/{id}/exhibits: an owner adds an exhibit from their own file, sent as the raw body (a
 * picture is modelled by an exhibit build; a GLB is validated, prepared and placed). `?name=` carries the file's
 * name (its title). A route handler, not a server action: actions cap bodies at 1 MB, and this one streams the
 * body against its own cap. The edit capability is checked from the cookie as every action checks it, and the
 * request must come from our own page, not a frame or another site. Every refusal is a 4xx with a sentence.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    if (!ID.test(id)) throw new UploadRefusedError(400, "Not a gallery id.");
    const h = request.headers;
    // A cross-site page cannot post here with the owner's cookie (SameSite=Lax); a same-site one (another port,
    // another subdomain) could, so the browser's own Origin / Sec-Fetch-Site must say it is our page.
    const origin = h.get("origin");
    const site = h.get("sec-fetch-site");
    if ((origin && origin !== new URL(request.url).origin && origin !== forwardedOrigin(h)) || (site && site !== "same-origin")) {
      throw new UploadRefusedError(403, "Files can only be added from the gallery's own page.");
    }
    const framed = framedEditProblem(h);
    if (framed) throw new UploadRefusedError(403, framed);
    if (!await getGallery(id)) return NextResponse.json({ error: "No gallery with this id." }, { status: 404 });
    if (!(await canEdit(id))) throw new UploadRefusedError(403, "This link can only view the gallery. Open its edit link to add your own work.");
    const bytes = await readUpload(request.body, MAX_UPLOAD_BYTES, h.get("content-length"));
    const name = new URL(request.url).searchParams.get("name");
    const accepted = await acceptUpload({ galleryId: id, fileName: name, bytes, assets: getAssetStore(), signal: request.signal });
    return NextResponse.json(accepted, { status: 201 });
  } catch (err) {
    if (err instanceof UploadRefusedError) return NextResponse.json({ error: err.message }, { status: err.status });
    // The exhibit could not be started (another build is changing it): a conflict, in the runner's words.
    if (err instanceof UserError) return NextResponse.json({ error: err.message }, { status: 409 });
    // By name too: the process-wide pool may come from another route bundle's copy of the class.
    if (err instanceof WorkerQueueFullError || (err instanceof Error && err.name === "WorkerQueueFullError")) return NextResponse.json({ error: err.message }, { status: 503, headers: { "Retry-After": "5" } });
    return NextResponse.json({ error: referencedFault(err, "upload failed") }, { status: 500 });
  }
}

function forwardedOrigin(h: Headers): string | null {
  const host = h.get("x-forwarded-host") ?? h.get("host");
  if (!host) return null;
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${proto}://${host}`;
}
