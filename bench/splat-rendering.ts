// Splats in the browser. Two galleries are seeded from one generated 3DGS splat — one showing the original `.ply`,
// one the served `.spz` — and the same exhibit is rendered by Spark in the hall in headless Chromium (WebGL by
// SwiftShader) from the same camera (Inspect's fixed pose in front of the exhibit); the PSNR between the two frames
// is taken over the middle of the view, where the exhibit stands. Then a 12-exhibit splat gallery's share link is
// opened cold: the time until the first splat exhibit is visible (its first frame in the renderer's sort), until
// all are, and the frame rate once they are.
//
// The served `.spz` is the product's own preparation of the original `.ply` (lib/splats: validated, pruned, turned
// upright, framed, SPZ v3 — the model worker's validate-and-prepare-splat task, run in-process by the seeder), so
// the PSNR and the served/original ratio are of what a build serves. The pipeline's other figures (the splat
// Space's time) are `npm run bench -- splats`.
import { gzipSync } from "node:zlib";
import sharp from "sharp";
import { JADE } from "../e2e/support/pixels";
import { seedGallery } from "../e2e/support/seeded-gallery";
import type { Figure } from "./support/figures";
import { launchBrowser } from "./support/browser";
import { startServer } from "./support/server";

type ProbedWindow = {
  __vernissage?: {
    readyCount(): number;
    expectedCount(): number;
    failedCount(): number;
    renderFrames(n: number): Promise<void>;
    measureFps(ms?: number): Promise<number>;
    tour(): { index: number; arrived: boolean; paused: boolean } | null;
  };
  __firstSplatAt?: number;
  __allSplatsAt?: number;
};

/** Gaussians in the PSNR splat: enough surface detail for quantisation to show, few enough for software WebGL,
 * and under software WebGL's LoD threshold (20k), so both are drawn whole and only the encoding differs. */
const PSNR_GAUSSIANS = 12_000;
const GALLERY_EXHIBITS = 12;
const GALLERY_GAUSSIANS = 4_000;

/** PSNR (dB) over the central `fraction` of two same-sized screenshots (RGB, 8 bits). */
async function psnr(a: Buffer, b: Buffer, fraction = 0.5): Promise<number> {
  const [ra, rb] = await Promise.all([a, b].map((x) => sharp(x).removeAlpha().raw().toBuffer({ resolveWithObject: true })));
  const { width, height } = ra!.info;
  const x0 = Math.floor((width * (1 - fraction)) / 2);
  const y0 = Math.floor((height * (1 - fraction)) / 2);
  let sum = 0;
  let n = 0;
  for (let y = y0; y < height - y0; y++) {
    for (let x = x0; x < width - x0; x++) {
      for (let c = 0; c < 3; c++) {
        const i = (y * width + x) * 3 + c;
        const d = ra!.data[i]! - rb!.data[i]!;
        sum += d * d;
        n++;
      }
    }
  }
  const mse = sum / n;
  return mse === 0 ? 99 : 10 * Math.log10((255 * 255) / mse);
}

export async function run(): Promise<Figure[]> {
  const server = await startServer(3230);
  const browser = await launchBrowser({ webgl: true });
  try {
    const exhibit = { title: "Obelisk", description: "A splat.", count: PSNR_GAUSSIANS };
    const original = await seedGallery({ title: "Original", goal: "psnr", exhibits: [{ ...exhibit, model: "ply" }] }, server.dataDir);
    const served = await seedGallery({ title: "Served", goal: "psnr", exhibits: [{ ...exhibit, model: "prepared" }] }, server.dataDir);

    const bytes = async (id: string) => {
      const view = (await (await fetch(`${server.url}/api/galleries/${id}`)).json()) as { exhibits: { modelUrl: string; originalModelUrl: string }[] };
      const e = view.exhibits[0]!;
      const size = async (u: string) => (await (await fetch(server.url + u)).arrayBuffer()).byteLength;
      return { model: await size(e.modelUrl), original: await size(e.originalModelUrl) };
    };
    // Both as the app serves them: the served gallery's model and its original (the plain .ply, 17 floats a
    // Gaussian, as image-to-splat Spaces write it; the same bytes the original gallery shows).
    const servedBytes = await bytes(served.id);

    // Each gallery in its own fresh page, the exhibit selected and inspected: Inspect puts the camera at a fixed
    // pose in front of it (no timing involved), the same in both galleries (same layout, same exhibit).
    // `withoutModel`: the splat's request is held and never answered, so the plinth stands empty: the frame the
    // figure must differ from, or the two frames compared could both be blank.
    const frame = async (id: string, withoutModel = false) => {
      const context = await browser.newContext({ viewport: { width: 1024, height: 640 } });
      if (withoutModel) await context.route(/\/assets\/[0-9a-f]{64}\.(spz|ply|png|jpg|webp)$/, () => undefined);
      const page = await context.newPage();
      await page.goto(`${server.url}/g/${id}`);
      if (withoutModel) await page.waitForFunction(() => (window as unknown as ProbedWindow).__vernissage !== undefined, undefined, { timeout: 300_000, polling: 250 });
      else await page.waitForFunction(() => (window as unknown as ProbedWindow).__vernissage?.readyCount() === 1, undefined, { timeout: 300_000, polling: 250 });
      await page.getByRole("list", { name: "Exhibits" }).getByRole("button", { name: exhibit.title }).click();
      await page.getByRole("toolbar", { name: "View" }).getByRole("button", { name: "Inspect", exact: true }).click();
      // Frames for Spark to re-sort for the new viewpoint (its worker), then the picture.
      await page.evaluate(() => (window as unknown as ProbedWindow).__vernissage!.renderFrames(12));
      const png = await page.locator("canvas").first().screenshot();
      await context.close();
      return png;
    };
    const originalFrame = await frame(original.id);
    const psnrDb = await psnr(originalFrame, await frame(served.id));
    const emptyDb = await psnr(originalFrame, await frame(original.id, true));
    // The splat must change the picture a great deal more than serving it does, or the figure measured nothing.
    if (emptyDb > psnrDb - 10) throw new Error(`the splat frames look like the empty plinth (${emptyDb.toFixed(1)} dB against it, ${psnrDb.toFixed(1)} dB between original and served)`);

    // The share link of a 12-exhibit splat gallery, opened cold.
    const gallery = await seedGallery(
      {
        title: "Twelve splats",
        goal: "twelve monuments of Paris as Gaussian splats",
        exhibits: Array.from({ length: GALLERY_EXHIBITS }, (_, i) => ({ title: `Splat ${i + 1}`, description: "A splat.", model: "spz" as const, count: GALLERY_GAUSSIANS, color: JADE })),
      },
      server.dataDir,
    );
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    let sparkGzip = 0;
    page.on("response", async (r) => {
      if (r.request().resourceType() !== "script") return;
      const body = await r.body().catch(() => null);
      if (body && body.includes("sortSplats32")) sparkGzip += gzipSync(body).length;
    });
    await page.goto(`${server.url}/g/${gallery.id}`, { waitUntil: "commit" });
    await page.waitForFunction(
      (n) => {
        const w = window as unknown as ProbedWindow;
        const v = w.__vernissage;
        if (!v) return false;
        if (v.readyCount() >= 1) w.__firstSplatAt ??= performance.now();
        if (v.readyCount() + v.failedCount() < n) return false;
        w.__allSplatsAt ??= performance.now();
        return true;
      },
      GALLERY_EXHIBITS,
      { polling: "raf", timeout: 300_000 },
    );
    const timing = await page.evaluate(() => {
      const w = window as unknown as ProbedWindow;
      return { first: w.__firstSplatAt!, all: w.__allSplatsAt!, failed: w.__vernissage!.failedCount() };
    });
    // Ten seconds: on a busy software renderer a frame can take several.
    const fps = await page.evaluate(() => (window as unknown as ProbedWindow).__vernissage!.measureFps(10_000));
    await context.close();

    return [
      // Goal ≥ 35 dB: the served splat looks like the original.
      { name: "splat_psnr_served_vs_original", value: Math.round(psnrDb * 10) / 10, unit: "dB" },
      { name: "splat_psnr_original_vs_empty_plinth", value: Math.round(emptyDb * 10) / 10, unit: "dB" },
      // Goal ≤ 0.2: the product's SPZ against the .ply a Space writes.
      { name: "splat_served_original_ratio", value: Math.round((servedBytes.model / servedBytes.original) * 1000) / 1000, unit: "served/original" },
      { name: "splat_share_link_first_visible", value: Math.round(timing.first), unit: "ms" },
      { name: "splat_share_link_all_visible", value: Math.round(timing.all), unit: "ms" },
      { name: "splat_share_link_failed", value: timing.failed, unit: "exhibits" },
      // Software WebGL on a shared CPU: a floor, not what a GPU does.
      { name: "splat_gallery_fps_12x4k", value: Math.round(fps * 100) / 100, unit: "fps" },
      // Loaded only by galleries with a splat (never in first-load JS).
      { name: "splat_spark_chunk_gzip", value: Math.round(sparkGzip / 1024), unit: "KiB" },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
