import { test, expect, type Page } from "@playwright/test";
import { HomePage } from "./pages/home";
import { GalleryPage } from "./pages/gallery";

test.describe.configure({ mode: "serial" });

let galleryUrl = "";
let editUrl = "";

/** The shared gallery of this file, opened as its owner (each test has a fresh browser: the edit link signs it in). */
async function openGallery(page: Page): Promise<GalleryPage> {
  if (!galleryUrl) {
    const gallery = await new HomePage(page).startBuild("the Arc de Triomphe and the Luxor Obelisk");
    galleryUrl = page.url();
    await gallery.waitReady();
    editUrl = await gallery.editUrl();
    return gallery;
  }
  await page.goto(editUrl);
  await page.waitForURL(galleryUrl);
  const gallery = new GalleryPage(page);
  await gallery.waitReady();
  return gallery;
}

test("regenerate runs only that exhibit again and keeps the old version in its history", async ({ page }) => {
  const gallery = await openGallery(page);
  const before = await gallery.json();
  const [first, second] = before.exhibits;
  await gallery.button(first!.title, "Regenerate").click();
  await page.getByRole("button", { name: "Regenerate with a new seed" }).click();
  await expect.poll(async () => (await gallery.json()).exhibits[0]!.version, { timeout: 90_000 }).toBe(2);
  await gallery.waitReady();
  const after = await gallery.json();
  expect(after.exhibits[0]!.versions.map((v) => v.version)).toEqual([1, 2]);
  expect(after.exhibits[0]!.seed).not.toBe(first!.seed);
  expect(after.exhibits[0]!.modelUrl).not.toBe(first!.modelUrl);
  // The other exhibit was not touched.
  expect(after.exhibits[1]).toEqual(second);
});

test("swap re-models the picture with another image-to-3D Space, or picks an earlier version", async ({ page }) => {
  const gallery = await openGallery(page);
  const before = (await gallery.json()).exhibits[1]!;
  await gallery.button(before.title, "Swap").click();
  await page.getByRole("button", { name: "Model with built-in relief-3d" }).click();
  await expect.poll(async () => (await gallery.json()).exhibits[1]!.version, { timeout: 90_000 }).toBe(before.version + 1);
  const swapped = (await gallery.json()).exhibits[1]!;
  expect(swapped.imageUrl).toBe(before.imageUrl);
  expect(swapped.provenance.some((c) => c.space.includes("relief-3d"))).toBe(true);
  await expect(gallery.log).toContainText("relief-3d");

  // Back to the first version from the history.
  await gallery.button(before.title, "Swap").click();
  await page.getByRole("button", { name: `Use version ${before.version}` }).click();
  await expect.poll(async () => (await gallery.json()).exhibits[1]!.modelUrl).toBe(before.modelUrl);
});

test("move with the keyboard, then undo and redo", async ({ page }) => {
  const gallery = await openGallery(page);
  const title = (await gallery.json()).exhibits[0]!.title;
  const start = (await gallery.json()).exhibits[0]!.placement;
  await gallery.button(title, "Move").click();
  await gallery.stage.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(async () => (await gallery.json()).exhibits[0]!.placement, { timeout: 10_000 }).not.toEqual(start);
  const moved = (await gallery.json()).exhibits[0]!.placement;
  await page.getByRole("button", { name: "Move", exact: true }).first().click();

  await gallery.undo.click();
  await expect.poll(async () => (await gallery.json()).exhibits[0]!.placement).toEqual(start);
  await page.keyboard.press("Control+Shift+KeyZ");
  await expect.poll(async () => (await gallery.json()).exhibits[0]!.placement).toEqual(moved);
  await page.keyboard.press("Control+KeyZ");
  await expect.poll(async () => (await gallery.json()).exhibits[0]!.placement).toEqual(start);
  await gallery.redo.click();
  await expect.poll(async () => (await gallery.json()).exhibits[0]!.placement).toEqual(moved);
});

test("two tabs of one gallery stay consistent", async ({ page, context }) => {
  const a = await openGallery(page);
  const otherPage = await context.newPage();
  await otherPage.goto(galleryUrl);
  await expect(otherPage.getByRole("button", { name: "Regenerate", exact: true }).first()).toBeVisible();
  const b = new GalleryPage(otherPage);
  await b.waitReady();
  const order = await a.titles();
  await a.page.getByRole("button", { name: `Later in the hall: ${order[0]}` }).click();
  const swapped = [order[1], order[0], ...order.slice(2)];
  await expect.poll(() => a.titles()).toEqual(swapped);
  await expect.poll(() => b.titles(), { timeout: 10_000 }).toEqual(swapped);
  await otherPage.close();
});

test("reloading mid-build resumes the live log from where it was, and cancel keeps what is finished", async ({ page }) => {
  // Twelve exhibits through a 3D Space that works four at a time, each taking a few seconds: long enough to
  // reload and to cancel while some exhibits are finished and others are not.
  const gallery = await new HomePage(page).startBuild("twelve monuments of Paris");
  await expect(gallery.items()).toHaveCount(12, { timeout: 30_000 });
  await expect(gallery.status).toContainText("Building");
  await page.reload();
  const reloaded = new GalleryPage(page);
  // The replayed log holds the plan exactly once, and the build goes on streaming.
  await expect(reloaded.log).toContainText("Plan:");
  expect(await reloaded.log.getByText(/^Plan:/).count()).toBe(1);
  await expect(reloaded.items().filter({ hasText: "Ready" }).first()).toBeVisible({ timeout: 60_000 });

  await reloaded.cancel.click();
  await expect(reloaded.status).toContainText(/Build cancelled — \d+ of 12 exhibits kept/, { timeout: 30_000 });
  const json = await reloaded.json();
  const ready = json.exhibits.filter((e) => e.status === "ready");
  expect(ready.length).toBeGreaterThan(0);
  for (const e of json.exhibits.filter((x) => x.status !== "ready")) {
    expect(e.status).toBe("failed");
    expect(e.error).toContain("Cancelled");
  }
  for (const e of ready) expect((await page.request.get(e.modelUrl!)).ok()).toBe(true);
});

test("while a build streams, a move still commits", async ({ page }) => {
  const owner = await openGallery(page);
  const title = (await owner.json()).exhibits[0]!.title;
  const start = (await owner.json()).exhibits[0]!.placement;
  // A second build streams into this tab's live connection while we edit.
  const remakesLogged = () => owner.log.getByText(/Gallery ready — 1 of 1 exhibits/).count();
  // The log has replayed the last remake (the swap above) before we count.
  await expect.poll(remakesLogged, { timeout: 30_000 }).toBeGreaterThan(0);
  const remakesBefore = await remakesLogged();
  await owner.button((await owner.json()).exhibits[1]!.title, "Regenerate").click();
  await page.getByRole("button", { name: "Regenerate with a new seed" }).click();
  // The server's word that the remake is running (the page may be busy drawing the hall in software WebGL).
  await expect.poll(async () => (await owner.json()).build?.status, { timeout: 10_000 }).toBe("running");
  await owner.button(title, "Move").click();
  await owner.stage.focus();
  await page.keyboard.press("ArrowLeft");
  await expect.poll(async () => (await owner.json()).exhibits[0]!.placement, { timeout: 10_000 }).not.toEqual(start);
  // The move landed while the regeneration was still running.
  expect((await owner.json()).build?.status).toBe("running");
  await owner.waitReady();
  // …and the remake's own events reached this tab live: its log gained the remake's finish line.
  await expect.poll(remakesLogged, { timeout: 30_000 }).toBe(remakesBefore + 1);
});
