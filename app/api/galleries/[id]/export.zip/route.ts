import { readFile } from "node:fs/promises";
import path from "node:path";
import { NextResponse } from "next/server";
import { getAssetStore } from "@/lib/assets/file-store";
import { getGalleryView } from "@/lib/db/view";
import { downloadName, galleryZipStream } from "@/lib/exports/gallery-zip";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Where scripts/build-viewer.mjs writes the exported viewer's bundle (run by npm run build / start / e2e). */
const VIEWER_BUNDLE = path.join(process.cwd(), ".viewer", "viewer.js");

/** "Download gallery": the gallery as a zip that opens anywhere (lib/exports/gallery-zip.ts). Anyone who can view it may. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(id)) return NextResponse.json({ error: "Not a gallery id." }, { status: 400 });
  const view = await getGalleryView(id);
  if (!view) return NextResponse.json({ error: "No gallery with this id." }, { status: 404 });
  let viewerJs: Buffer;
  try {
    viewerJs = await readFile(VIEWER_BUNDLE);
  } catch {
    console.error(`vernissage: ${VIEWER_BUNDLE} is missing: run \`npm run build\` (it bundles the export viewer)`);
    return NextResponse.json({ error: "Exports are not available on this server right now (its viewer was not built)." }, { status: 503 });
  }
  return new Response(galleryZipStream({ view, assets: getAssetStore(), viewerJs }), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${downloadName(view.title, view.id, "zip")}"`,
      "Cache-Control": "no-store",
    },
  });
}
