// Issue 23's UI loose ends, proven in a real browser against the production build: Escape finishes moving an
// exhibit (as the hint over the hall says), the build log's plan line names the plan and its exhibits, and
// neither the server nor the gallery page logs warnings the app can avoid (metadataBase, three's deprecations).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test, expect } from "@playwright/test";
import { GalleryPage } from "./pages/gallery";
import { HomePage } from "./pages/home";
import { PageHealth, sceneProbe } from "./pages/page-health";
import { AppServer, freePort } from "./support/app-server";

test.describe("a gallery page", () => {
  // One gallery for these tests, built in beforeAll: each test stands alone (a failure reruns it, not the rest).
  let galleryUrl = "";
  let editUrl = "";
  /** Console warnings of the gallery page while it built and showed its models. */
  let warnings: string[] = [];

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    try {
      const page = await context.newPage();
      const health = await PageHealth.watch(page);
      const gallery = await new HomePage(page).startBuild("the Arc de Triomphe and the Luxor Obelisk");
      await gallery.waitReady();
      // Every model on screen before the console is read: the scene, its loaders and its clock have all run.
      await expect.poll(async () => (await sceneProbe(page))?.ready, { timeout: 60_000 }).toBe(2);
      expect(health.errors).toEqual([]);
      warnings = health.warnings;
      galleryUrl = page.url();
      editUrl = await gallery.editUrl();
    } finally {
      await context.close();
    }
  });

  test("the build log's plan line names the plan and each planned exhibit", async ({ page }) => {
    await page.goto(galleryUrl);
    const gallery = new GalleryPage(page);
    const view = await gallery.json();
    const titles = view.exhibits.map((e) => e.title);
    expect(titles).toHaveLength(2);
    // The log replays the build's events on load: its plan line, in words.
    await expect(gallery.log.getByText(/^Plan:/)).toHaveText(`Plan: “${view.title}” — 2 exhibits: ${titles.join(", ")}.`);
  });

  test("the gallery page's preview image (og:image) is on the address it was asked at, not Next's localhost fallback", async ({ page }) => {
    await page.goto(galleryUrl);
    const image = await page.locator('meta[property="og:image"]').getAttribute("content");
    expect(image).toMatch(new RegExp(`^${new URL(galleryUrl).origin}/g/[A-Za-z0-9_-]+/opengraph-image`));
  });

  test("three.js logs no deprecation warnings on the gallery page", async () => {
    // Known and left alone (no filter hides it): @react-three/fiber 9.8 builds a THREE.Clock into every root's
    // store, and three 0.187 deprecates Clock in favour of Timer. This test starts passing (and so fails as
    // "expected to fail") once fiber stops doing that: then drop this line.
    test.fail(true, "@react-three/fiber 9.8 constructs a deprecated THREE.Clock in its store");
    expect(warnings.filter((w) => /^THREE\..*deprecated/i.test(w))).toEqual([]);
  });

  test("Escape finishes moving: the Move button is released, the move stays and undoes as one edit", async ({ page }) => {
    await page.goto(editUrl);
    await page.waitForURL(galleryUrl);
    const gallery = new GalleryPage(page);
    await gallery.waitReady();
    const first = (await gallery.json()).exhibits[0]!;
    const placement = async () => (await gallery.json()).exhibits[0]!.placement;
    const move = gallery.button(first.title, "Move");

    // From the hall: nudge with the arrows, then Escape.
    await move.click();
    await expect(move).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByText(/Escape to finish/)).toBeVisible();
    await gallery.stage.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(placement, { timeout: 10_000 }).not.toEqual(first.placement);
    const moved = await placement();
    await page.keyboard.press("Escape");
    await expect(move).toHaveAttribute("aria-pressed", "false");
    await expect(page.getByText(/Escape to finish/)).toHaveCount(0);
    // The arrows walk again instead of nudging the exhibit (a nudge would be saved within a second).
    await page.keyboard.press("ArrowRight");
    await page.waitForTimeout(1000);
    expect(await placement()).toEqual(moved);
    await gallery.undo.click();
    await expect.poll(placement).toEqual(first.placement);

    // From the sidebar (the focus is still on the Move button): Escape releases it too.
    await move.click();
    await expect(move).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("Escape");
    await expect(move).toHaveAttribute("aria-pressed", "false");
  });
});

test.describe("the server's own output", () => {
  // The form without JavaScript (a plain POST to its server action): nothing here needs the 3D scene.
  test.use({ javaScriptEnabled: false });

  test("serving a gallery page prints no metadataBase warning", async ({ page }) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vernissage-loose-ends-"));
    const server = new AppServer(await freePort(), { DATA_DIR: dataDir, AGENT_PLANNER: "offline", HF_TOKEN: "", AGENT_ENDPOINT_URL: "" });
    try {
      await server.start();
      await page.goto(`${server.origin}/`);
      const home = new HomePage(page);
      await home.goal.fill("the Pantheon and the Trevi Fountain");
      await home.build.click();
      await page.waitForURL(/\/g\/[A-Za-z0-9_-]+$/);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(server.currentOutput).not.toContain("metadataBase");
      const image = await page.locator('meta[property="og:image"]').getAttribute("content");
      expect(image?.startsWith(`${server.origin}/g/`)).toBe(true);
    } finally {
      await server.kill("SIGTERM");
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
