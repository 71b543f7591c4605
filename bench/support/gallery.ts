// Creates a gallery the way a person does: the home page form, in a real browser. With `waitReady`, waits
// (through the read-only JSON API, so the page's 3D scene need not render) until its build has ended.
import type { GalleryView } from "@/lib/contracts/gallery-view";
import { launchBrowser } from "./browser";

export async function buildGallery(base: string, goal: string, opts: { waitReady: boolean; timeoutMs?: number }): Promise<string> {
  const browser = await launchBrowser();
  let pathname: string;
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await page.getByRole("textbox", { name: "Goal" }).fill(goal);
    // Generous: on a loaded machine the server action (which starts the build) can take tens of seconds.
    await page.getByRole("button", { name: "Build gallery" }).click({ timeout: 180_000 });
    await page.waitForURL(/\/g\/[A-Za-z0-9_-]+$/, { timeout: 180_000 });
    pathname = new URL(page.url()).pathname;
  } finally {
    await browser.close();
  }
  if (opts.waitReady) await waitForBuild(base, pathname.split("/").pop()!, opts.timeoutMs ?? 180_000);
  return pathname;
}

/** Polls GET /api/galleries/{id} until the gallery's build has ended; returns the view. */
export async function waitForBuild(base: string, id: string, timeoutMs: number): Promise<GalleryView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = (await (await fetch(`${base}/api/galleries/${id}`)).json()) as GalleryView;
    if (view.build && !["queued", "running"].includes(view.build.status)) return view;
    if (Date.now() > deadline) throw new Error(`gallery ${id}: the build did not end within ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
