import { NextResponse } from "next/server";
import { getAssetStore } from "@/lib/assets/file-store";
import { getGalleryView } from "@/lib/db/view";
import { galleryGlb } from "@/lib/exports/gallery-glb";
import { downloadName } from "@/lib/exports/gallery-zip";
import { referencedFault } from "@/lib/errors/internal-fault";
import { UserError } from "@/lib/errors/user-error";
import { WorkerQueueFullError } from "@/lib/platform/worker-pool/pool";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** "Download as one model": the whole hall as one GLB (lib/exports/gallery-glb.ts). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(id)) return NextResponse.json({ error: "Not a gallery id." }, { status: 400 });
  const view = await getGalleryView(id);
  if (!view) return NextResponse.json({ error: "No gallery with this id." }, { status: 404 });
  try {
    const glb = await galleryGlb(view, getAssetStore(), request.signal);
    return new Response(glb as Uint8Array<ArrayBuffer>, {
      headers: {
        "Content-Type": "model/gltf-binary",
        "Content-Disposition": `attachment; filename="${downloadName(view.title, view.id, "glb")}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (err) {
    if (err instanceof UserError) return NextResponse.json({ error: err.message }, { status: 413 });
    // By name too: the process-wide pool may come from another route bundle's copy of the class.
    if (err instanceof WorkerQueueFullError || (err instanceof Error && err.name === "WorkerQueueFullError")) return NextResponse.json({ error: err.message }, { status: 503, headers: { "Retry-After": "5" } });
    return NextResponse.json({ error: referencedFault(err, "GLB export failed") }, { status: 500 });
  }
}
