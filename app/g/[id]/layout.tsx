import type { Metadata } from "next";
import { requestOrigin } from "@/lib/platform/request-origin";

// The gallery's preview image (opengraph-image.tsx, in this folder) needs an absolute URL: on this request's
// origin, not Next's localhost guess (and its warning). Set on this layout rather than the page so that every
// answer under /g/{id} carries it, a missing gallery's not-found page too (the server's warm-up asks for one at
// start); not on the root layout, where reading the request would make the static home page dynamic.
export async function generateMetadata(): Promise<Metadata> {
  return { metadataBase: await requestOrigin() };
}

export default function GalleryLayout({ children }: { children: React.ReactNode }) {
  return children;
}
