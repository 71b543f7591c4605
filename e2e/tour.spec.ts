import { test, expect, type Page } from "@playwright/test";
import { GalleryPage } from "./pages/gallery";
import { PageHealth } from "./pages/page-health";
import { seedGallery } from "./support/seeded-gallery";

// A gallery of four small box meshes with known plaques, seeded straight into the server's data (a build would
// only add minutes): the tour is what is tested here.
const EXHIBITS = [
  { title: "Obelisk of Luxor", description: "Granite from Thebes, in the Place de la Concorde since 1836." },
  { title: "Colonne Vendôme", description: "Bronze from cannon melted down after Austerlitz." },
  { title: "Tour Saint-Jacques", description: "All that is left of a church on the pilgrims' way." },
  { title: "Fontaine Stravinsky", description: "Sixteen moving sculptures beside the Centre Pompidou." },
];

let galleryId = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  ({ id: galleryId } = await seedGallery({
    title: "Paris, stone by stone",
    goal: "four monuments of Paris",
    exhibits: EXHIBITS.map((e) => ({ ...e, model: "glb" as const, height: 1.2 })),
  }));
});

/** Records every caption the tour shows, in order, as the page sees it (checked on each animation frame). */
async function recordCaptions(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __captions: { title: string; body: string }[] };
    w.__captions = [];
    let last = "";
    const tick = () => {
      const region = document.querySelector('[aria-label="Tour caption"]');
      const title = region?.querySelector("[data-tour-title]")?.textContent ?? "";
      const body = region?.querySelector("[data-tour-body]")?.textContent ?? "";
      if (title && `${title}|${body}` !== last) w.__captions.push({ title, body });
      last = title ? `${title}|${body}` : "";
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

const captions = (page: Page) => page.evaluate(() => (window as unknown as { __captions: { title: string; body: string }[] }).__captions);

async function openGallery(page: Page, query = ""): Promise<GalleryPage> {
  await page.goto(`/g/${galleryId}${query}`);
  const gallery = new GalleryPage(page);
  await expect.poll(() => gallery.camera(), { timeout: 30_000 }).not.toBeNull();
  return gallery;
}

test("the tour visits every exhibit in hall order, its caption is the plaque, and it hands back at the end", async ({ page }) => {
  test.setTimeout(180_000);
  const health = await PageHealth.watch(page);
  await recordCaptions(page);
  const gallery = await openGallery(page);
  const plaques = (await gallery.json()).exhibits.map((e) => ({ title: e.title, body: e.description }));
  expect(plaques.map((p) => p.title)).toEqual(EXHIBITS.map((e) => e.title));

  await gallery.viewButton("Start tour").click();
  await expect(gallery.viewButton("Stop tour")).toBeVisible();
  await expect(gallery.tourCaption).toContainText(EXHIBITS[0]!.title, { timeout: 60_000 });
  // Auto-advance all the way: the last stop's dwell ends the tour, and walking resumes where it stopped.
  await expect(gallery.viewButton("Start tour")).toBeVisible({ timeout: 150_000 });
  expect(await captions(page)).toEqual(plaques);
  expect(health.errors).toEqual([]);
  expect(await health.cspViolations()).toEqual([]);
});

test("by keyboard: Space pauses and resumes, → and ← change exhibit, Escape stops", async ({ page }) => {
  test.setTimeout(150_000);
  const gallery = await openGallery(page);
  await gallery.startPausedTour();
  await expect(gallery.resumeTour).toBeVisible();
  await gallery.tourTo(1);
  await expect(gallery.tourCaption).toContainText(EXHIBITS[1]!.title);

  // Paused at the stop: frames go by, the clock of its dwell does not.
  const paused = (await gallery.tour())!;
  await gallery.renderFrames(20);
  expect(await gallery.tour()).toMatchObject({ index: 1, paused: true, dwelt: paused.dwelt });

  await gallery.stage.press("ArrowRight");
  await expect(gallery.tourCaption).toContainText(EXHIBITS[2]!.title, { timeout: 60_000 });
  await expect(gallery.resumeTour).toBeVisible();
  await gallery.stage.press("ArrowLeft");
  await expect(gallery.tourCaption).toContainText(EXHIBITS[1]!.title, { timeout: 60_000 });

  // Resumed, it moves on by itself.
  await gallery.stage.press("Space");
  await expect(gallery.pauseTour).toBeVisible();
  await expect(gallery.tourCaption).toContainText(EXHIBITS[2]!.title, { timeout: 60_000 });

  // The buttons have names and work from the keyboard too (the tour may have moved on again meanwhile).
  await gallery.stage.press("Space");
  await expect(gallery.resumeTour).toBeVisible();
  await gallery.tourTo(1);
  await gallery.nextExhibit.focus();
  await page.keyboard.press("Enter");
  await expect(gallery.tourCaption).toContainText(EXHIBITS[2]!.title, { timeout: 60_000 });
  await expect(gallery.viewButton("Stop tour")).toBeVisible();

  await gallery.stage.press("Escape");
  await expect(gallery.viewButton("Start tour")).toBeVisible();
  await expect(gallery.tourCaption).toHaveCount(0);
});

test("by touch: a tap pauses, a swipe goes to the next exhibit, the buttons answer taps", async ({ browser }) => {
  test.setTimeout(150_000);
  const context = await browser.newContext({ hasTouch: true, viewport: { width: 1100, height: 720 } });
  const page = await context.newPage();
  const gallery = await openGallery(page);
  await gallery.viewButton("Start tour").tap();
  await expect.poll(() => gallery.tour()).not.toBeNull();

  // Real touches through the browser's input pipeline (pointerType "touch"), as a finger makes them.
  const cdp = await context.newCDPSession(page);
  const touch = (type: "touchStart" | "touchMove" | "touchEnd", x = 0, y = 0) =>
    cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x, y }] });
  const box = (await gallery.canvas.boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 3;

  // A tap on the hall pauses.
  await touch("touchStart", cx, cy);
  await touch("touchEnd");
  await expect(gallery.resumeTour).toBeVisible();
  await gallery.tourTo(1);

  // Swipe right to left: the next exhibit (still paused: it stays there).
  await touch("touchStart", cx + 150, cy);
  for (let i = 1; i <= 6; i++) await touch("touchMove", cx + 150 - i * 50, cy);
  await touch("touchEnd");
  await expect(gallery.tourCaption).toContainText(EXHIBITS[2]!.title, { timeout: 60_000 });
  await expect(gallery.resumeTour).toBeVisible();
  // And left to right: back.
  await touch("touchStart", cx - 150, cy);
  for (let i = 1; i <= 6; i++) await touch("touchMove", cx - 150 + i * 50, cy);
  await touch("touchEnd");
  await expect(gallery.tourCaption).toContainText(EXHIBITS[1]!.title, { timeout: 60_000 });

  await gallery.nextExhibit.tap();
  await expect(gallery.tourCaption).toContainText(EXHIBITS[2]!.title, { timeout: 60_000 });
  await gallery.previousExhibit.tap();
  await expect(gallery.tourCaption).toContainText(EXHIBITS[1]!.title, { timeout: 60_000 });
  // A tap on the hall resumes: the tour moves on by itself (and two stops remain before it ends).
  await touch("touchStart", cx, cy);
  await touch("touchEnd");
  await expect(gallery.pauseTour).toBeVisible();
  await expect(gallery.tourCaption).toContainText(EXHIBITS[2]!.title, { timeout: 60_000 });
  await gallery.viewButton("Stop tour").tap();
  await expect(gallery.viewButton("Start tour")).toBeVisible();
  await context.close();
});

test("/g/{id}?tour=1 opens straight into the tour, and the share panel offers that link", async ({ page }) => {
  const gallery = await openGallery(page, "?tour=1");
  await expect(gallery.viewButton("Stop tour")).toBeVisible();
  await expect.poll(() => gallery.tour(), { timeout: 60_000 }).toMatchObject({ arrived: true });
  await expect(gallery.tourCaption).toContainText(/Obelisk|Colonne|Tour Saint|Fontaine/);
  await gallery.openShare();
  await expect(gallery.tourLink).toHaveValue(new RegExp(`/g/${galleryId}\\?tour=1$`));
});

/** Camera positions, one per animation frame, from now on (the scene renders on animation frames). */
async function recordCamera(page: Page): Promise<() => Promise<number[][]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __poses: number[][]; __vernissage: { camera(): { position: number[] } } };
    w.__poses = [];
    const tick = () => {
      w.__poses.push(w.__vernissage.camera().position);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return () => page.evaluate(() => (window as unknown as { __poses: number[][] }).__poses);
}

/** Whether any recorded position lies well away from both ends of the move (in flight between them). */
function passedBetween(poses: number[][], from: number[], to: number[]): boolean {
  const d = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[2]! - b[2]!);
  return poses.some((p) => d(p, from) > 0.2 && d(p, to) > 0.2);
}

for (const reduced of [true, false]) {
  test(reduced ? "with reduced motion the tour cuts from stop to stop" : "without reduced motion the tour flies from stop to stop", async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ reducedMotion: reduced ? "reduce" : "no-preference" });
    const gallery = await openGallery(page);
    await gallery.startPausedTour();
    await gallery.tourTo(1);
    const from = (await gallery.camera())!.position;
    const poses = await recordCamera(page);
    await gallery.stage.press("ArrowRight");
    await expect.poll(() => gallery.tour(), { timeout: 60_000 }).toMatchObject({ index: 2, arrived: true });
    const to = (await gallery.camera())!.position;
    expect(Math.hypot(to[0]! - from[0]!, to[2]! - from[2]!)).toBeGreaterThan(0.5);
    expect(passedBetween(await poses(), from, to)).toBe(!reduced);
  });
}
