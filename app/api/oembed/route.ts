import { NextResponse } from "next/server";
import { getGalleryView } from "@/lib/db/view";
import { oembedResponse, parseOembedRequest } from "@/lib/exports/oembed";
import { requestOrigin } from "@/lib/platform/request-origin";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** oEmbed for gallery links: GET /api/oembed?url=…[&maxwidth=…&maxheight=…&format=json]. */
export async function GET(request: Request) {
  const origin = (await requestOrigin()).origin;
  const parsed = parseOembedRequest(new URL(request.url).searchParams, origin);
  if (!parsed.ok) return NextResponse.json({ error: parsed.error }, { status: parsed.status });
  const view = await getGalleryView(parsed.galleryId);
  if (!view) return NextResponse.json({ error: "No gallery with this id." }, { status: 404 });
  return NextResponse.json(oembedResponse({ origin, galleryId: view.id, title: view.title, maxWidth: parsed.maxWidth, maxHeight: parsed.maxHeight }), {
    headers: { "Cache-Control": "public, max-age=300" },
  });
}
