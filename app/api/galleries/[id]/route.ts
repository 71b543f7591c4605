import { NextResponse } from "next/server";
import { getGalleryView } from "@/lib/db/view";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Read-only JSON of a gallery: title, goal, exhibits with placements, asset URLs and provenance. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(id)) return NextResponse.json({ error: "Not a gallery id." }, { status: 400 });
  const view = await getGalleryView(id);
  if (!view) return NextResponse.json({ error: "No gallery with this id." }, { status: 404 });
  return NextResponse.json(view, { headers: { "Cache-Control": "no-store" } });
}

function refuse() {
  return NextResponse.json({ error: "This endpoint is read-only. Use the gallery page's edit link to change a gallery." }, { status: 405, headers: { Allow: "GET" } });
}

export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
