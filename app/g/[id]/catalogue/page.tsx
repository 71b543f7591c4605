import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Catalogue } from "@/components/gallery-page/catalogue";
import { getGalleryView } from "@/lib/db/view";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

const ID = /^[A-Za-z0-9_-]{10,64}$/;

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const view = ID.test(id) ? await getGalleryView(id) : null;
  return { title: view ? `${view.title} — catalogue` : "Gallery not found" };
}

/** /g/{id}/catalogue: the accessible twin of the 3D hall (every exhibit as text, with its picture and provenance). */
export default async function CataloguePage({ params }: Params) {
  const { id } = await params;
  if (!ID.test(id)) notFound();
  const view = await getGalleryView(id);
  if (!view) notFound();
  return <Catalogue gallery={view} />;
}
