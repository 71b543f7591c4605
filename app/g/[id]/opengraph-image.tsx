import { ImageResponse } from "next/og";
import sharp from "sharp";
import { getAssetStore } from "@/lib/assets/file-store";
import { getGalleryView } from "@/lib/db/view";

export const runtime = "nodejs";
export const alt = "A Vernissage gallery";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

const THUMB = 260;

/** Link previews: the gallery's title over the pictures of its first exhibits. */
export default async function OpenGraphImage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const view = /^[A-Za-z0-9_-]{10,64}$/.test(id) ? await getGalleryView(id) : null;
  const store = getAssetStore();
  const pictures: string[] = [];
  for (const exhibit of view?.exhibits ?? []) {
    const sha = exhibit.imageUrl?.match(/([0-9a-f]{64})/)?.[1];
    const bytes = sha ? await store.get(sha) : null;
    if (!bytes) continue;
    // Small JPEG thumbnails keep the card quick to render and well under link-preview size limits.
    const thumb = await sharp(bytes).resize(THUMB, THUMB, { fit: "cover" }).jpeg({ quality: 80 }).toBuffer();
    pictures.push(`data:image/jpeg;base64,${thumb.toString("base64")}`);
    if (pictures.length === 4) break;
  }
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", background: "#1d1a16", color: "#f3ece0", padding: 56 }}>
        <div style={{ fontSize: 28, color: "#d9a441", letterSpacing: 4 }}>VERNISSAGE</div>
        <div style={{ fontSize: 60, marginTop: 12, lineHeight: 1.1, maxHeight: 140, overflow: "hidden" }}>{view?.title ?? "A 3D gallery"}</div>
        <div style={{ display: "flex", gap: 20, marginTop: "auto" }}>
          {pictures.map((src, i) => (
            <img key={i} src={src} width={THUMB} height={THUMB} style={{ borderRadius: 12, border: "2px solid #5a5045" }} alt="" />
          ))}
        </div>
      </div>
    ),
    size,
  );
}
