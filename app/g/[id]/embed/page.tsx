import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EmbedClient } from "@/components/gallery-page/embed-client";
import { getGalleryView } from "@/lib/db/view";
import { requestOrigin } from "@/lib/platform/request-origin";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const ID = /^[A-Za-z0-9_-]{10,64}$/;

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const view = ID.test(id) ? await getGalleryView(id) : null;
  // The embed is a view of the gallery page, not a page of its own for search engines.
  return { title: view ? view.title : "Gallery not found", robots: { index: false } };
}

/**
 * /g/{id}/embed: the hall alone, for other sites' <iframe>s (the only page any site may frame: lib/security). It
 * never reads the edit capability, so it renders the same for the owner and for anyone else.
 */
export default async function EmbedPage({ params, searchParams }: Params) {
  const { id } = await params;
  if (!ID.test(id)) notFound();
  const view = await getGalleryView(id);
  if (!view) notFound();
  const sp = await searchParams;
  return <EmbedClient initial={view} fullUrl={new URL(`/g/${id}`, await requestOrigin()).href} startInTour={sp.tour === "1"} />;
}
