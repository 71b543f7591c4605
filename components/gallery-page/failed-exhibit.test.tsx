// A failed exhibit keeps the picture it was drawn with (when every image-to-3D Space failed, the drawing is
// all there is): the exhibits list and the info panel show it, named for the exhibit, beside the Retry button.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ExhibitView } from "@/lib/contracts/gallery-view";
import { ExhibitInfo } from "./exhibit-info";
import { ExhibitList, type ExhibitActions } from "./exhibit-list";

function exhibit(over: Partial<ExhibitView>): ExhibitView {
  return {
    key: "eiffel",
    title: "Eiffel Tower",
    prompt: "the Eiffel Tower, isolated",
    description: "Iron lattice tower.",
    seed: 7,
    id: "ex1",
    status: "ready",
    error: null,
    order: 0,
    placement: { position: [0, 0, 0], rotationY: 0, scale: 1 },
    height: 2,
    version: 1,
    provenance: [],
    kind: "mesh",
    modelUrl: null,
    originalModelUrl: null,
    imageUrl: null,
    versions: [],
    ...over,
  };
}

const failed = exhibit({
  status: "failed",
  error: "Every image-to-3D Space failed.",
  imageUrl: "/assets/" + "a".repeat(64) + ".png",
});

const noop: ExhibitActions = { onRegenerate() {}, onSwap() {}, onMove() {}, onRetry() {}, onShift() {} };

function list(exhibits: ExhibitView[], isOwner = true): string {
  return renderToStaticMarkup(
    <ExhibitList exhibits={exhibits} selectedId={null} movingId={null} isOwner={isOwner} busyIds={new Set()} errors={{}} onSelect={() => {}} actions={noop} />,
  );
}

/** The <img> elements of some markup, as { src, alt }. */
function images(html: string): { src: string; alt: string | null }[] {
  return [...html.matchAll(/<img\b([^>]*)>/g)].map((m) => ({
    src: /\bsrc="([^"]*)"/.exec(m[1]!)?.[1] ?? "",
    alt: /\balt="([^"]*)"/.exec(m[1]!)?.[1] ?? null,
  }));
}

describe("a failed exhibit with a picture", () => {
  it("shows its picture in the exhibits list, named for the exhibit, with the Retry button", () => {
    const html = list([failed]);
    expect(images(html)).toEqual([{ src: failed.imageUrl, alt: "Picture of Eiffel Tower" }]);
    expect(html).toMatch(/<button[^>]*>Retry<\/button>/);
    expect(html).toContain("Every image-to-3D Space failed.");
  });

  it("shows the picture to visitors too (without the owner's buttons)", () => {
    const html = list([failed], false);
    expect(images(html)).toEqual([{ src: failed.imageUrl, alt: "Picture of Eiffel Tower" }]);
    expect(html).not.toContain(">Retry<");
  });

  it("shows its picture in the info panel", () => {
    const html = renderToStaticMarkup(<ExhibitInfo exhibit={failed} onClose={() => {}} />);
    expect(images(html)).toEqual([{ src: failed.imageUrl, alt: "Picture of Eiffel Tower" }]);
  });

  it("a ready exhibit stands in the hall: the list shows no thumbnail for it, and nothing shows without a picture", () => {
    expect(images(list([exhibit({ imageUrl: failed.imageUrl, modelUrl: "/assets/m.glb" })]))).toEqual([]);
    expect(images(list([exhibit({ status: "failed", error: "The picture could not be drawn." })]))).toEqual([]);
  });
});
