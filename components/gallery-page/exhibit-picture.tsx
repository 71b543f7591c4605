import type { ExhibitView } from "@/lib/contracts/gallery-view";

/** The picture an exhibit was drawn with, named for the exhibit (the same words in the list and the panel). */
export function ExhibitPicture({ exhibit, className }: { exhibit: ExhibitView; className?: string }) {
  if (!exhibit.imageUrl) return null;
  // A plain <img>: assets are immutable same-origin PNGs of a known small size, nothing for next/image to do.
  // eslint-disable-next-line @next/next/no-img-element
  return <img className={className} src={exhibit.imageUrl} alt={`Picture of ${exhibit.title}`} loading="lazy" decoding="async" />;
}
