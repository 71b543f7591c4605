import { unzipSync, strFromU8 } from "fflate";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { ExhibitView, GalleryView } from "@/lib/contracts/gallery-view";
import { assetUrl } from "@/lib/contracts/asset-store";
import { makeZUpBoxGlb } from "@/lib/models/testing/fixtures";
import { MemoryAssetStore } from "@/lib/space-client/testing/memory";
import { downloadName, galleryZipStream } from "./gallery-zip";
import { embedSize, iframeSnippet, oembedResponse, parseOembedRequest } from "./oembed";

const ORIGIN = "http://127.0.0.1:3123";
const ID = "AbCdEfGhIjKlMnOpQrStUv";

describe("oEmbed", () => {
  const parse = (q: string) => parseOembedRequest(new URLSearchParams(q), ORIGIN);

  it("answers this site's gallery links (page, embed or catalogue), with size limits", () => {
    for (const path of [`/g/${ID}`, `/g/${ID}/`, `/g/${ID}/embed`, `/g/${ID}/catalogue`]) {
      expect(parse(`url=${encodeURIComponent(ORIGIN + path)}`)).toEqual({ ok: true, galleryId: ID, maxWidth: null, maxHeight: null, format: "json" });
    }
    expect(parse(`url=${encodeURIComponent(`${ORIGIN}/g/${ID}?tour=1`)}&maxwidth=400&maxheight=300&format=json`)).toMatchObject({ ok: true, maxWidth: 400, maxHeight: 300 });
  });

  it("refuses foreign, malformed and non-gallery URLs with a 400, and XML with a 501", () => {
    expect(parse(`url=${encodeURIComponent(`https://evil.example/g/${ID}`)}`)).toMatchObject({ ok: false, status: 400 });
    expect(parse(`url=${encodeURIComponent(`http://127.0.0.1:9999/g/${ID}`)}`)).toMatchObject({ ok: false, status: 400 });
    expect(parse("url=not%20a%20url")).toMatchObject({ ok: false, status: 400 });
    expect(parse("")).toMatchObject({ ok: false, status: 400 });
    expect(parse(`url=${encodeURIComponent(`${ORIGIN}/g/short`)}`)).toMatchObject({ ok: false, status: 400 });
    expect(parse(`url=${encodeURIComponent(`${ORIGIN}/api/galleries/${ID}`)}`)).toMatchObject({ ok: false, status: 400 });
    expect(parse(`url=${encodeURIComponent(`${ORIGIN}/g/${ID}`)}&maxwidth=-3`)).toMatchObject({ ok: false, status: 400 });
    expect(parse(`url=${encodeURIComponent(`${ORIGIN}/g/${ID}`)}&format=xml`)).toMatchObject({ ok: false, status: 501 });
    expect(parse(`url=${encodeURIComponent(`${ORIGIN}/g/${ID}`)}&format=yaml`)).toMatchObject({ ok: false, status: 400 });
  });

  it("fits the 16:9 frame inside maxwidth/maxheight and writes a rich response with an escaped iframe", () => {
    expect(embedSize(null, null)).toEqual({ width: 800, height: 450 });
    expect(embedSize(400, null)).toEqual({ width: 400, height: 225 });
    expect(embedSize(800, 300)).toEqual({ width: 533, height: 300 });
    const r = oembedResponse({ origin: ORIGIN, galleryId: ID, title: 'Cats & "dogs" <3', maxWidth: 640, maxHeight: null });
    expect(r).toMatchObject({ version: "1.0", type: "rich", width: 640, height: 360, provider_name: "Vernissage", provider_url: `${ORIGIN}/` });
    expect(r.html).toContain(`src="${ORIGIN}/g/${ID}/embed"`);
    expect(r.html).toContain('title="Cats &amp; &quot;dogs&quot; &lt;3"');
    expect(iframeSnippet("https://x/\"><script>", "t")).not.toContain("<script>");
  });
});

function exhibit(id: string, over: Partial<ExhibitView>): ExhibitView {
  return {
    id,
    key: id,
    title: id,
    description: "",
    prompt: "",
    seed: 1,
    status: "ready",
    error: null,
    order: 0,
    placement: { position: [0, 0, 0], rotationY: 0, scale: 1 },
    height: 1.6,
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

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const c of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(c);
  return new Uint8Array(Buffer.concat(chunks));
}

describe("galleryZipStream", () => {
  it("holds the viewer, the data scripts, gallery.json with relative URLs, and every served model, picture and original", async () => {
    const assets = new MemoryAssetStore();
    const model = await assets.put(await makeZUpBoxGlb([64, 64]), "model/gltf-binary");
    const original = await assets.put(await makeZUpBoxGlb([96, 96]), "model/gltf-binary");
    const picture = await assets.put(await sharp({ create: { width: 64, height: 64, channels: 3, background: "#123" } }).png().toBuffer(), "image/png");
    const view: GalleryView = {
      id: ID,
      title: "Two <things>",
      goal: "two things",
      theme: "",
      createdAt: "2026-12-04T00:00:00.000Z",
      build: null,
      exhibits: [
        exhibit("a", { order: 0, title: "A", prompt: "a red vase", modelUrl: assetUrl(model), originalModelUrl: assetUrl(original), imageUrl: assetUrl(picture) }),
        exhibit("b", { order: 1, title: "B", status: "failed", version: 0 }),
      ],
    };
    const zip = await readAll(galleryZipStream({ view, assets, viewerJs: "/* viewer */" }));
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(
      [
        "index.html",
        "viewer.js",
        "data/gallery.js",
        "gallery.json",
        `assets/${model.sha256}.glb`,
        `assets/${original.sha256}.glb`,
        `assets/${picture.sha256}.png`,
        `models/${model.sha256}.js`,
      ].sort(),
    );
    const html = strFromU8(files["index.html"]!);
    expect(html).toContain("<title>Two &lt;things&gt; · Vernissage</title>");
    expect(html).toContain(`<script src="models/${model.sha256}.js"></script>`);
    expect(html).toContain(`alt="a red vase"`);
    expect(html).not.toMatch(/https?:\/\//); // nothing from any server, ours or a CDN
    const json = JSON.parse(strFromU8(files["gallery.json"]!)) as GalleryView;
    expect(json.exhibits[0]!.modelUrl).toBe(`assets/${model.sha256}.glb`);
    const script = strFromU8(files[`models/${model.sha256}.js`]!);
    const base64 = /= "([A-Za-z0-9+/=]+)";/.exec(script)![1]!;
    expect(Buffer.from(base64, "base64").equals((await assets.get(model.sha256))!)).toBe(true);
    const data = strFromU8(files["data/gallery.js"]!);
    expect(data).toMatch(/^window\.VERNISSAGE_GALLERY = /);
    const gallery = JSON.parse(data.replace(/^window\.VERNISSAGE_GALLERY = /, "").replace(/;\n$/, "")) as { exhibits: { model: string | null; position: number[] }[] };
    expect(gallery.exhibits.map((e) => e.model)).toEqual([model.sha256, null]);
    expect(gallery.exhibits[0]!.position).not.toEqual([0, 0, 0]); // the automatic layout's slot, as the hall shows it
  });

  it("gives a splat exhibit's served SPZ a model script too, for the viewer's Spark to draw", async () => {
    const assets = new MemoryAssetStore();
    const spz = await assets.put(new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3, 4]), "application/x-spz");
    const view: GalleryView = {
      id: ID,
      title: "Splat",
      goal: "a splat",
      theme: "",
      createdAt: "2026-12-04T00:00:00.000Z",
      build: null,
      exhibits: [exhibit("s", { kind: "splat", modelUrl: assetUrl(spz) })],
    };
    const files = unzipSync(await readAll(galleryZipStream({ view, assets, viewerJs: "" })));
    expect(Object.keys(files)).toContain(`assets/${spz.sha256}.spz`);
    expect(strFromU8(files["index.html"]!)).toContain(`<script src="models/${spz.sha256}.js"></script>`);
    const base64 = /= "([A-Za-z0-9+/=]+)";/.exec(strFromU8(files[`models/${spz.sha256}.js`]!))![1]!;
    expect(Buffer.from(base64, "base64").equals((await assets.get(spz.sha256))!)).toBe(true);
  });

  it("names downloads after the gallery", () => {
    expect(downloadName("Les Halles: “café” & co", ID, "zip")).toBe(`les-halles-cafe-co-${ID.slice(0, 8)}.zip`);
    expect(downloadName("???", ID, "glb")).toBe(`gallery-${ID.slice(0, 8)}.glb`);
  });
});
