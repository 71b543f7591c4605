import { test, expect } from "@playwright/test";
import { HomePage } from "./pages/home";
import { GalleryPage } from "./pages/gallery";
import { distinctPixelShare, imageDifference } from "./support/pixels";

test.describe.configure({ mode: "serial" });

let galleryUrl = "";
let editUrl = "";

test("a goal becomes a gallery: the plan, each Space call and each exhibit appear live", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  const gallery = await new HomePage(page).startBuild("Eiffel Tower, Louvre and Sacré-Cœur at night");
  galleryUrl = page.url();

  // The plan arrives first: three exhibits, named.
  await expect(gallery.items()).toHaveCount(3, { timeout: 30_000 });
  await expect(gallery.log).toContainText("Plan:");
  await gallery.waitReady();
  for (const title of ["Eiffel Tower", "Louvre", "Sacré-Cœur"]) await expect(gallery.item(title)).toContainText("Ready");
  // Each Space call shows in the log with where it ran and how long it took.
  await expect(gallery.log).toContainText("on builtin:sketch-image");
  await expect(gallery.log).toContainText("on builtin:shape-3d");
  await expect(gallery.log).toContainText(/done in \d+\.\d s/);

  // Every exhibit's model really rendered in the hall.
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __vernissage?: { readyCount(): number } }).__vernissage?.readyCount() ?? -1), { timeout: 60_000 })
    .toBe(3);
  await expect.poll(() => distinctPixelShare(gallery.canvas)).toBeGreaterThan(0.2);

  editUrl = await gallery.editUrl();
  const json = await gallery.json();
  expect(json.exhibits.map((e) => e.status)).toEqual(["ready", "ready", "ready"]);
  for (const e of json.exhibits) {
    expect(e.modelUrl).toMatch(/^\/assets\/[0-9a-f]{64}\.glb$/);
    expect(e.provenance.map((c) => c.capability)).toEqual(expect.arrayContaining(["text-to-image", "image-to-3d"]));
    const model = await page.request.get(e.modelUrl!);
    expect(model.headers()["cache-control"]).toContain("immutable");
    expect(model.headers()["content-type"]).toBe("model/gltf-binary");
  }
  expect(errors).toEqual([]);
});

test("walking with the keyboard changes the view", async ({ page }) => {
  test.skip(!galleryUrl, "needs the gallery built by the previous test");
  await page.goto(galleryUrl);
  const gallery = new GalleryPage(page);
  await gallery.waitReady();
  // Software WebGL on a busy machine: the first frame with every model can take a while.
  await expect.poll(() => distinctPixelShare(gallery.canvas), { timeout: 60_000 }).toBeGreaterThan(0.2);
  const before = await gallery.canvas.screenshot();
  await gallery.canvas.focus();
  await page.keyboard.down("ArrowUp");
  await page.waitForTimeout(1200);
  await page.keyboard.up("ArrowUp");
  await page.keyboard.down("ArrowLeft");
  await page.waitForTimeout(600);
  await page.keyboard.up("ArrowLeft");
  await expect.poll(async () => imageDifference(before, await gallery.canvas.screenshot()), { timeout: 10_000 }).toBeGreaterThan(4);
});

const distance = (a: { position: number[] }, b: { position: number[] }) => Math.hypot(...a.position.map((v, i) => v - b.position[i]!));

test("the guided tour glides to an exhibit and opens it; inspect frames the selected one; a key hands control back", async ({ page }) => {
  test.skip(!galleryUrl, "needs the gallery built by the previous test");
  // Flights, arrival and hand-back are frames of software WebGL: on a busy machine a frame can take seconds.
  test.setTimeout(120_000);
  await page.goto(galleryUrl);
  const gallery = new GalleryPage(page);
  await gallery.waitReady();
  await expect.poll(() => gallery.camera(), { timeout: 30_000 }).not.toBeNull();
  const start = (await gallery.camera())!;
  await expect(gallery.info).toBeHidden();

  await gallery.viewButton("Start tour").click();
  await expect(gallery.viewButton("Stop tour")).toBeVisible();
  // Arriving at its first stop, the tour selects that exhibit: its details open beside the hall.
  await expect(gallery.info).toBeVisible({ timeout: 60_000 });
  const stop = (await gallery.camera())!;
  expect(distance(stop, start)).toBeGreaterThan(0.5);
  // Any key on the gallery hands control back, standing where the tour had reached.
  await gallery.stage.press("Shift");
  await expect(gallery.viewButton("Walk")).toHaveAttribute("aria-pressed", "true");

  // Inspect circles the selected exhibit from a vantage point of its own, and Walk returns to walking.
  const walking = (await gallery.camera())!;
  await gallery.viewButton("Inspect").click();
  await expect(gallery.viewButton("Inspect")).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => distance((await gallery.camera())!, walking), { timeout: 30_000 }).toBeGreaterThan(0.3);
  await gallery.viewButton("Walk").click();
  await expect(gallery.viewButton("Walk")).toHaveAttribute("aria-pressed", "true");
});

test("on a touch screen, the joystick walks and a drag looks around", async ({ browser }) => {
  test.skip(!galleryUrl, "needs the gallery built by the previous test");
  const context = await browser.newContext({ hasTouch: true, viewport: { width: 1100, height: 720 } });
  const page = await context.newPage();
  await page.goto(galleryUrl);
  const gallery = new GalleryPage(page);
  await gallery.waitReady();
  await expect.poll(() => gallery.camera(), { timeout: 30_000 }).not.toBeNull();
  // Real touches through the browser's input pipeline (pointerType "touch"), as a finger makes them.
  const cdp = await context.newCDPSession(page);
  const touch = (type: "touchStart" | "touchMove" | "touchEnd", x = 0, y = 0) =>
    cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x, y }] });
  const box = (await gallery.canvas.boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;

  // A first touch on the hall switches the gallery to touch controls.
  await touch("touchStart", cx, cy);
  await touch("touchEnd");
  await expect(gallery.joystick).toBeVisible();

  // Drag to look: the view turns, the visitor stays put.
  const before = (await gallery.camera())!;
  await touch("touchStart", cx, cy);
  for (let i = 1; i <= 8; i++) await touch("touchMove", cx - i * 25, cy);
  await touch("touchEnd");
  await expect.poll(async () => Math.abs((await gallery.camera())!.yaw - before.yaw), { timeout: 10_000 }).toBeGreaterThan(0.05);

  // Push the joystick forward and hold: the visitor walks.
  const turned = (await gallery.camera())!;
  const stick = (await gallery.joystick.boundingBox())!;
  const sx = stick.x + stick.width / 2;
  const sy = stick.y + stick.height / 2;
  await touch("touchStart", sx, sy);
  await touch("touchMove", sx, sy - stick.height / 2);
  await expect.poll(async () => distance((await gallery.camera())!, turned), { timeout: 15_000 }).toBeGreaterThan(0.3);
  await touch("touchEnd");
  await context.close();
});

test("the view link shows the same gallery read-only, and a visitor can remix it", async ({ page, browser }) => {
  test.skip(!galleryUrl, "needs the gallery built by the previous test");
  await page.goto(editUrl);
  await page.waitForURL(galleryUrl);
  const owner = new GalleryPage(page);
  await owner.waitReady();
  await owner.openShare();
  await expect(owner.editLink).toBeVisible();
  const viewUrl = await owner.viewLink.inputValue();
  expect(viewUrl).toBe(galleryUrl);
  expect(await owner.editLink.inputValue()).toBe(editUrl);
  expect(editUrl).not.toBe(viewUrl);
  const ownerTitles = await owner.titles();

  const visitorContext = await browser.newContext();
  const visitorPage = await visitorContext.newPage();
  await visitorPage.goto(viewUrl);
  const visitor = new GalleryPage(visitorPage);
  await visitor.waitReady();
  expect(await visitor.titles()).toEqual(ownerTitles);
  for (const name of ["Regenerate", "Swap", "Move"] as const) await expect(visitor.exhibits.getByRole("button", { name, exact: true })).toHaveCount(0);
  await visitor.openShare();
  await expect(visitor.editLink).toHaveCount(0);
  // The read-only JSON refuses writes.
  expect((await visitorPage.request.post(`/api/galleries/${visitor.id}`, { data: {} })).status()).toBe(405);

  // Remix: a copy the visitor owns, with the same exhibits.
  const viewedId = visitor.id;
  await visitor.remix.click();
  const viewPath = new URL(viewUrl).pathname;
  await visitorPage.waitForURL((url) => /^\/g\/[A-Za-z0-9_-]+$/.test(url.pathname) && url.pathname !== viewPath, { timeout: 30_000 });
  const remix = new GalleryPage(visitorPage);
  expect(remix.id).not.toBe(viewedId);
  await expect(remix.items()).toHaveCount(ownerTitles.length);
  await expect(remix.exhibits.getByRole("button", { name: "Regenerate", exact: true }).first()).toBeVisible();

  // The edit link gives a fresh browser the owner's controls.
  const second = await browser.newContext();
  const secondPage = await second.newPage();
  await secondPage.goto(editUrl);
  await secondPage.waitForURL(galleryUrl);
  await expect(new GalleryPage(secondPage).exhibits.getByRole("button", { name: "Regenerate", exact: true }).first()).toBeVisible();
  await visitorContext.close();
  await second.close();
});

test("a bad goal gets a clear error next to the field and starts nothing", async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await home.goal.fill("   ");
  await home.build.click();
  await expect(home.error).toContainText("Describe the gallery");
  await expect(page).toHaveURL(/\/$/);
});

test("a shared link has an Open Graph preview image of the gallery", async ({ page }) => {
  test.skip(!galleryUrl, "needs the gallery built by the first test");
  const html = await (await page.request.get(galleryUrl)).text();
  const og = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
  expect(og).toBeTruthy();
  const image = await page.request.get(new URL(og!.replace(/&amp;/g, "&"), galleryUrl).pathname + new URL(og!.replace(/&amp;/g, "&"), galleryUrl).search);
  expect(image.ok()).toBe(true);
  expect(image.headers()["content-type"]).toBe("image/png");
  expect((await image.body()).length).toBeGreaterThan(10_000);
});
