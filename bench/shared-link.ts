// A shared link, opened cold: a 12-exhibit gallery is built through the home page, then its view link is opened
// in a fresh headless Chromium context (empty cache, no owner cookie; WebGL by SwiftShader). Measured: bytes
// over the wire (encoded, headers included) and requests until the network settles, the time from navigation
// until every exhibit's model is in the scene (window.__vernissage), and the draw calls of the rendered view.
import type { CDPSession } from "@playwright/test";
import type { Figure } from "./support/figures";
import { launchBrowser } from "./support/browser";
import { buildGallery, waitForBuild } from "./support/gallery";
import { startServer } from "./support/server";

const EXHIBITS = 12;

/** The part of window.__vernissage (components/hall/scene-probe.tsx) read here. */
interface Probe {
  drawCalls(): number;
  triangles(): number;
  readyCount(): number;
  expectedCount(): number;
  failedCount(): number;
  measureFps(ms?: number): Promise<number>;
}
type ProbedWindow = { __vernissage?: Probe; __benchReadyAt?: number };
const GOAL = "twelve monuments of Paris";

function countTraffic(cdp: CDPSession) {
  const t = { requests: 0, bytes: 0 };
  cdp.on("Network.requestWillBeSent", (e: { request: { url: string } }) => {
    if (/^https?:/.test(e.request.url)) t.requests++;
  });
  cdp.on("Network.loadingFinished", (e: { encodedDataLength: number }) => {
    t.bytes += e.encodedDataLength;
  });
  cdp.on("Network.loadingFailed", () => undefined);
  return t;
}

export async function run(): Promise<Figure[]> {
  const server = await startServer(3220);
  try {
    const galleryPath = await buildGallery(server.url, GOAL, { waitReady: false });
    const view = await waitForBuild(server.url, galleryPath.split("/").pop()!, 300_000);
    const ready = view.exhibits.filter((e) => e.status === "ready").length;
    if (ready !== EXHIBITS) throw new Error(`"${GOAL}" gave ${ready} ready exhibits of ${view.exhibits.length}, not ${EXHIBITS}`);

    const browser = await launchBrowser({ webgl: true });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: false });
      const traffic = countTraffic(cdp);

      await page.goto(server.url + galleryPath, { waitUntil: "commit" });
      // Time from navigation start, read in the page when first seen (polled every animation frame).
      await page.waitForFunction(
        (n) => {
          const w = window as unknown as ProbedWindow;
          const v = w.__vernissage;
          if (!v || v.expectedCount() < n || v.readyCount() + v.failedCount() < v.expectedCount()) return false;
          w.__benchReadyAt ??= performance.now();
          return true;
        },
        EXHIBITS,
        { polling: "raf", timeout: 180_000 },
      );
      const readyMs = await page.evaluate(() => (window as unknown as ProbedWindow).__benchReadyAt!);
      const failed = await page.evaluate(() => (window as unknown as ProbedWindow).__vernissage!.failedCount());
      await page.waitForLoadState("networkidle", { timeout: 30_000 }).catch(() => undefined);
      // The scene renders on demand: render for a moment so the last frame has every model in it.
      await page.evaluate(() => (window as unknown as ProbedWindow).__vernissage!.measureFps(500));
      const drawCalls = await page.evaluate(() => (window as unknown as ProbedWindow).__vernissage!.drawCalls());
      const triangles = await page.evaluate(() => (window as unknown as ProbedWindow).__vernissage!.triangles());
      await context.close();
      return [
        { name: "shared_link_bytes", value: Math.round(traffic.bytes / 1024), unit: "KiB" },
        { name: "shared_link_requests", value: traffic.requests, unit: "requests" },
        { name: "shared_link_all_exhibits_rendered", value: Math.round(readyMs), unit: "ms" },
        { name: "shared_link_exhibits_failed", value: failed, unit: "exhibits" },
        // target ≤ 3 per exhibit + 20 = 56
        { name: "shared_link_draw_calls", value: drawCalls, unit: "calls" },
        { name: "shared_link_triangles", value: triangles, unit: "triangles" },
      ];
    } finally {
      await browser.close();
    }
  } finally {
    await server.stop();
  }
}
