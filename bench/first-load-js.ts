// First-load JavaScript of the home and gallery pages: every script the HTML references, summed as sent
// over the wire (raw and gzip), measured against the production build.
import { gzipSync } from "node:zlib";
import type { Figure } from "./support/figures";
import { buildGallery } from "./support/gallery";
import { startServer } from "./support/server";

async function scriptBytes(base: string, pagePath: string): Promise<{ raw: number; gzip: number }> {
  const html = await (await fetch(base + pagePath)).text();
  const srcs = new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!));
  let raw = 0;
  let gzip = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return { raw, gzip };
}

export async function run(): Promise<Figure[]> {
  const server = await startServer(3210);
  try {
    const home = await scriptBytes(server.url, "/");
    // A gallery page: make one through the app itself, then measure its HTML's scripts.
    const galleryPath = await buildGallery(server.url, "three Paris monuments", { waitReady: false });
    const gallery = await scriptBytes(server.url, galleryPath);
    return [
      // Target: ≤ 185 KiB (a minimal Next 16.4 + React 19.3 page with one client-side form is 171 KiB). The home
      // page's form ships no zod (lib/contracts/goal-length.ts) and its hall preview loads after it (next/dynamic).
      { name: "first_load_js_home_gzip", value: Math.round(home.gzip / 1024), unit: "KiB" },
      { name: "first_load_js_home_raw", value: Math.round(home.raw / 1024), unit: "KiB" },
      { name: "first_load_js_gallery_gzip", value: Math.round(gallery.gzip / 1024), unit: "KiB" },
      { name: "first_load_js_gallery_raw", value: Math.round(gallery.raw / 1024), unit: "KiB" },
    ];
  } finally {
    await server.stop();
  }
}
