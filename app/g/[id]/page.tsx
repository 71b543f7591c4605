import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GalleryClient } from "@/components/gallery-page/gallery-client";
import { canEdit } from "@/lib/auth/edit-capability";
import { getGalleryView } from "@/lib/db/view";
import { hubSearchAvailable, spaceOptions } from "@/lib/builds/space-options";
import { requestOrigin } from "@/lib/platform/request-origin";
import { iframeSnippet } from "@/lib/exports/oembed";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const ID = /^[A-Za-z0-9_-]{10,64}$/;

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const view = ID.test(id) ? await getGalleryView(id) : null;
  if (!view) return { title: "Gallery not found" };
  const description = `A 3D gallery built from “${view.goal}”: ${view.exhibits.map((e) => e.title).join(", ")}.`.slice(0, 300);
  // metadataBase (for the preview image's absolute URL) comes from ./layout.tsx.
  // The oEmbed discovery link: tools that speak oEmbed turn a pasted gallery link into the embedded hall.
  const self = new URL(`/g/${id}`, await requestOrigin()).href;
  const oembed = `/api/oembed?url=${encodeURIComponent(self)}&format=json`;
  return {
    title: view.title,
    description,
    openGraph: { title: view.title, description, type: "website" },
    alternates: { types: { "application/json+oembed": [{ url: oembed, title: view.title }] } },
  };
}

export default async function GalleryPage({ params, searchParams }: Params) {
  const { id } = await params;
  if (!ID.test(id)) notFound();
  const view = await getGalleryView(id);
  if (!view) notFound();
  const isOwner = await canEdit(id);
  const origin = await requestOrigin();
  const sp = await searchParams;
  const notice = sp.edit === "invalid" ? "That edit link is not valid for this gallery: you can view it, or remix it into your own." : null;
  return (
    <GalleryClient
      initial={view}
      isOwner={isOwner}
      viewUrl={new URL(`/g/${id}`, origin).href}
      embedSnippet={iframeSnippet(new URL(`/g/${id}/embed`, origin).href, view.title)}
      spaces={isOwner ? await spaceOptions(id) : { textToImage: [], imageTo3d: [] }}
      notice={notice}
      startTour={sp.tour === "1"}
      hubSearch={isOwner && hubSearchAvailable()}
    />
  );
}
