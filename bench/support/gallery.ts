// Creates a gallery the way a person does: the home page form, in a real browser.
import { launchBrowser } from "./browser";

export async function buildGallery(base: string, goal: string, opts: { waitReady: boolean; timeoutMs?: number }): Promise<string> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await page.getByRole("textbox", { name: "Goal" }).fill(goal);
    await page.getByRole("button", { name: "Build gallery" }).click();
    await page.waitForURL(/\/g\/[A-Za-z0-9_-]+$/, { timeout: 30_000 });
    if (opts.waitReady) await page.getByText("Gallery ready").waitFor({ timeout: opts.timeoutMs ?? 180_000 });
    return new URL(page.url()).pathname;
  } finally {
    await browser.close();
  }
}
