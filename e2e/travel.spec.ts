// Galleries that travel (issue 22): an owner's own pictures and models, the embed page in another site's frame,
// oEmbed, the zip that opens without Vernissage, the hall as one GLB, and the catalogue.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test, expect, type Page } from "@playwright/test";
import { unzipSync } from "fflate";
import { validateBytes } from "gltf-validator";
import sharp from "sharp";
import type { GalleryView } from "../lib/contracts/gallery-view";
import { makeZUpBoxGlb } from "../lib/models/testing/fixtures";
import { hugePngHeader, truncatedGlb } from "../lib/uploads/testing/bad-files";
import { SH_C0 } from "../lib/splats/cloud";
import { writeSplatPly } from "../lib/splats/ply";
import { yDownTower } from "../lib/splats/testing/fixtures";
import { HomePage } from "./pages/home";
import { GalleryPage } from "./pages/gallery";
import { EmbeddedGallery, ExportedViewer, UploadPanel } from "./pages/travel";
import { centreShare, distinctPixelShare, isJade, JADE } from "./support/pixels";
import { startStaticServer } from "./support/static-server";

// Each test may first build the shared gallery, then model an upload (the 3D Space answers in 2.5 s, one job at a
// time): generous on a busy 2-core machine.
test.describe.configure({ mode: "serial", timeout: 240_000 });

// Another site (a second loopback port) for the <iframe>, and a plain static host for the unzipped export.
const HOST_PORT = Number(process.env.E2E_PORT ?? 3100) + 1;
const STATIC_PORT = Number(process.env.E2E_PORT ?? 3100) + 2;

let galleryUrl = "";
let editUrl = "";

async function openAsOwner(page: Page): Promise<GalleryPage> {
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

/** A small splat tower (4000 Gaussians: SwiftShader draws a few frames a second), painted jade, a colour the hall
 * never shows, so its pixels can be told from the room's. */
function jadeTowerPly(): Uint8Array {
  const tower = yDownTower(4000);
  const dc = JADE.map((c) => (c - 0.5) / SH_C0);
  for (let i = 0; i < tower.opacities.length; i++) tower.colors.set(dc, i * 3);
  return writeSplatPly(tower);
}

/** A picture the way the image-to-3D Spaces like it: one subject, centred, on black. */
function discPng(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512"><rect width="512" height="512" fill="#000"/><circle cx="256" cy="256" r="170" fill="#d9a441"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

test("an uploaded PNG goes through the image-to-3D chain and appears ready, provenance 'uploaded'", async ({ page }) => {
  const gallery = await openAsOwner(page);
  const before = (await gallery.json()).exhibits.length;
  const upload = new UploadPanel(page);
  await upload.upload("golden_disc.png", await discPng(), "image/png");
  await expect(gallery.item("Golden disc")).toBeVisible({ timeout: 30_000 });
  // The build log follows the modelling like any build.
  await expect(gallery.log).toContainText(/Modelling|shape-3d/, { timeout: 30_000 });
  await expect(gallery.item("Golden disc")).toContainText("Ready", { timeout: 90_000 });
  const after = await gallery.json();
  expect(after.exhibits).toHaveLength(before + 1);
  const disc = after.exhibits.find((e) => e.title === "Golden disc")!;
  expect(disc).toMatchObject({ status: "ready", version: 1, kind: "mesh" });
  expect(disc.imageUrl).toMatch(/^\/assets\/[0-9a-f]{64}\.png$/);
  expect(disc.provenance[0]).toMatchObject({ capability: "upload", space: "uploaded", endpoint: "picture", inputs: { file: "golden_disc.png" } });
  expect(disc.provenance.some((c) => c.capability === "image-to-3d" && c.ok)).toBe(true);
});

test("a GLB dropped onto the page is validated, prepared and placed at once", async ({ page }) => {
  const gallery = await openAsOwner(page);
  const before = (await gallery.json()).exhibits.length;
  await new UploadPanel(page).drop("stone-tower.glb", await makeZUpBoxGlb([256, 256]), "model/gltf-binary");
  await expect(gallery.item("Stone tower")).toContainText("Ready", { timeout: 60_000 });
  const after = await gallery.json();
  expect(after.exhibits).toHaveLength(before + 1);
  const tower = after.exhibits.find((e) => e.title === "Stone tower")!;
  expect(tower).toMatchObject({ status: "ready", kind: "mesh", imageUrl: null });
  expect(tower.modelUrl).not.toBe(tower.originalModelUrl);
  expect(tower.provenance).toEqual([expect.objectContaining({ capability: "upload", endpoint: "model" })]);
});

test("a Gaussian splat (PLY) is validated, prepared to SPZ and placed", async ({ page }) => {
  const gallery = await openAsOwner(page);
  await new UploadPanel(page).upload("glass-tower.ply", jadeTowerPly());
  await expect(gallery.item("Glass tower")).toContainText("Ready", { timeout: 60_000 });
  const splat = (await gallery.json()).exhibits.find((e) => e.title === "Glass tower")!;
  expect(splat).toMatchObject({ status: "ready", kind: "splat" });
  expect(splat.modelUrl).toMatch(/\.spz$/);
  expect(splat.originalModelUrl).toMatch(/\.ply$/);
  expect(splat.provenance[0]).toMatchObject({ capability: "upload", endpoint: "splat" });
});

test("swap, undo, regenerate and move work on uploaded exhibits; a swapped picture keeps its 'uploaded' provenance", async ({ page }) => {
  const gallery = await openAsOwner(page);
  const byTitle = async (title: string) => (await gallery.json()).exhibits.find((e) => e.title === title)!;
  // Swap: the owner's picture modelled again by another image-to-3D Space.
  const disc = await byTitle("Golden disc");
  await gallery.button("Golden disc", "Swap").click();
  await page.getByRole("button", { name: "Model with built-in relief-3d" }).click();
  await expect.poll(async () => (await byTitle("Golden disc")).version, { timeout: 120_000 }).toBe(2);
  const swapped = await byTitle("Golden disc");
  expect(swapped.imageUrl).toBe(disc.imageUrl);
  expect(swapped.modelUrl).not.toBe(disc.modelUrl);
  expect(swapped.provenance[0]).toMatchObject({ capability: "upload", endpoint: "picture" });
  expect(swapped.provenance.some((c) => c.space.includes("relief-3d") && c.ok)).toBe(true);
  await gallery.waitReady();
  await gallery.undo.click();
  await expect.poll(async () => (await byTitle("Golden disc")).modelUrl).toBe(disc.modelUrl);

  // Regenerate on an uploaded model: drawn and modelled from its prompt, as any exhibit; the upload stays in its history.
  const tower = await byTitle("Stone tower");
  await gallery.button("Stone tower", "Regenerate").click();
  await page.getByRole("button", { name: "Regenerate with a new seed" }).click();
  await expect.poll(async () => (await byTitle("Stone tower")).version, { timeout: 120_000 }).toBe(2);
  expect((await byTitle("Stone tower")).imageUrl).toMatch(/^\/assets\//);
  await gallery.waitReady();
  await gallery.undo.click();
  await expect.poll(async () => (await byTitle("Stone tower")).modelUrl).toBe(tower.modelUrl);

  // Move, then undo.
  await gallery.button("Stone tower", "Move").click();
  await gallery.stage.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(async () => (await byTitle("Stone tower")).placement, { timeout: 10_000 }).not.toEqual(tower.placement);
  await page.keyboard.press("Escape");
  await gallery.undo.click();
  await expect.poll(async () => (await byTitle("Stone tower")).placement).toEqual(tower.placement);
});

test("a truncated GLB, a 30000×30000 picture header and a non-image are refused with a reason; nothing changes", async ({ page }) => {
  const gallery = await openAsOwner(page);
  const before = await gallery.json();
  const upload = new UploadPanel(page);
  const cases: [string, Uint8Array, RegExp][] = [
    ["broken.glb", await truncatedGlb(), /broken\.glb was not added: .*(GLB|glTF)/],
    ["bomb.png", hugePngHeader(30_000, 30_000), /bomb\.png was not added: .*30000×30000/],
    ["notes.txt", new TextEncoder().encode("These are my notes, not a picture."), /notes\.txt was not added: .*not a picture/],
  ];
  for (const [name, bytes, message] of cases) {
    await upload.upload(name, bytes);
    await expect(upload.alert).toHaveText(message, { timeout: 30_000 });
  }
  const after = await gallery.json();
  expect(after.exhibits).toEqual(before.exhibits);
  // The route answers each with a 4xx and a message, never a 500 (a client that is not our page included).
  const r = await page.request.post(`/api/galleries/${gallery.id}/exhibits?name=x.png`, { data: Buffer.from(hugePngHeader(30_000, 30_000)) });
  expect(r.status()).toBe(422);
  expect((await r.json()).error).toContain("30000×30000");
});

test("the embed page renders in an <iframe> on another origin with walk/tour controls and no edit controls, even for the owner", async ({ page }) => {
  const gallery = await openAsOwner(page); // this browser holds the owner's cookie
  const id = gallery.id;
  const origin = new URL(page.url()).origin;
  await expect(gallery.page.getByRole("button", { name: "Regenerate" }).first()).toBeVisible();
  const host = await startStaticServer(HOST_PORT, {
    files: { "/": `<!doctype html><title>My blog</title><h1>My blog</h1><iframe src="${origin}/g/${id}/embed" width="800" height="450" title="Gallery"></iframe>` },
  });
  try {
    await page.goto(`${host.origin}/`);
    const embed = new EmbeddedGallery(page);
    await expect(embed.canvas).toBeVisible({ timeout: 30_000 });
    await expect(embed.backLink).toHaveAttribute("href", `${origin}/g/${id}`);
    await expect.poll(() => distinctPixelShare(embed.canvas), { timeout: 30_000 }).toBeGreaterThan(0.05);
    for (const name of ["Regenerate", "Swap", "Move", "Undo", "Share", "Cancel"]) await expect(embed.button(name)).toHaveCount(0);
    await expect(embed.frame.getByLabel("Add your own work")).toHaveCount(0);
    await embed.button("Start tour").click();
    await expect(embed.button("Stop tour")).toBeVisible();
  } finally {
    await host.close();
  }
  // Only the embed page may be framed by other sites; the full page may not.
  const full = await page.request.get(`/g/${id}`);
  expect(full.headers()["content-security-policy"]).toContain("frame-ancestors 'self'");
  const framed = await page.request.get(`/g/${id}/embed`);
  expect(framed.headers()["content-security-policy"]).toContain("frame-ancestors *");
  // The server refuses an edit sent from the embed page, cookie or not.
  const fromEmbed = await page.request.post(`/api/galleries/${id}/exhibits?name=x.png`, {
    data: await discPng(),
    headers: { Referer: `${origin}/g/${id}/embed`, Origin: origin },
  });
  expect(fromEmbed.status()).toBe(403);
});

test("oEmbed answers gallery links, advertised on the gallery page", async ({ page }) => {
  const gallery = await openAsOwner(page);
  const link = page.locator('link[rel="alternate"][type="application/json+oembed"]');
  const href = await link.getAttribute("href");
  expect(href).toBeTruthy();
  const r = await page.request.get(href!);
  expect(r.status()).toBe(200);
  const body = await r.json();
  expect(body).toMatchObject({ version: "1.0", type: "rich", provider_name: "Vernissage", width: 800, height: 450 });
  expect(body.html).toContain(`/g/${gallery.id}/embed`);
  const small = await (await page.request.get(`/api/oembed?url=${encodeURIComponent(page.url())}&maxwidth=400`)).json();
  expect(small).toMatchObject({ width: 400, height: 225 });
  expect((await page.request.get(`/api/oembed?url=${encodeURIComponent(page.url())}&format=xml`)).status()).toBe(501);
  expect((await page.request.get(`/api/oembed?url=${encodeURIComponent(`https://example.com/g/${gallery.id}`)}`)).status()).toBe(400);
  expect((await page.request.get(`/api/oembed?url=${encodeURIComponent(new URL("/g/AAAAAAAAAAAAAAAAAAAAAA", page.url()).href)}`)).status()).toBe(404);
  // The Share panel gives the same snippet.
  await gallery.openShare();
  await expect(page.getByRole("textbox", { name: "Embed" })).toHaveValue(/^<iframe src="http:\/\/[^"]+\/g\/[^"]+\/embed"/);
});

test("the exported zip, unzipped and served by a plain static server (and from file://), renders every exhibit, splats included, with no requests to Vernissage", async ({ page, browser }) => {
  // Two visits, each waiting for Spark's first frames on SwiftShader: ~3.5 min on a busy 2-core machine.
  test.setTimeout(420_000);
  const gallery = await openAsOwner(page);
  const view: GalleryView = await gallery.json();
  const withModels = view.exhibits.filter((e) => e.modelUrl);
  expect(withModels.filter((e) => e.kind === "mesh").length).toBeGreaterThanOrEqual(3);
  const splat = withModels.find((e) => e.kind === "splat" && e.title === "Glass tower")!;
  expect(splat).toBeTruthy();
  await gallery.openShare();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download gallery" }).click()]);
  const zip = fs.readFileSync((await download.path())!);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vernissage-export-"));
  for (const [name, bytes] of Object.entries(unzipSync(zip))) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), bytes);
  }
  expect(fs.existsSync(path.join(dir, "gallery.json"))).toBe(true);
  for (const e of withModels) expect(fs.existsSync(path.join(dir, e.originalModelUrl!.slice(1)))).toBe(true);

  const host = await startStaticServer(STATIC_PORT, { root: dir });
  const visitor = await browser.newContext(); // no cookie, nothing cached
  const appOrigin = new URL(page.url()).origin;
  const toApp: string[] = [];
  await visitor.route(`${appOrigin}/**`, (route) => {
    toApp.push(route.request().url());
    return route.abort();
  });
  try {
    for (const url of [`${host.origin}/index.html`, `file://${path.join(dir, "index.html")}`]) {
      const p = await visitor.newPage();
      const requests: string[] = [];
      const errors: string[] = [];
      p.on("request", (r) => requests.push(r.url()));
      p.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      p.on("pageerror", (err) => errors.push(err.message));
      await p.goto(url);
      const viewer = new ExportedViewer(p);
      await viewer.waitAllShown(withModels.length);
      await expect(viewer.exhibits.filter({ has: p.locator('[data-status]:text("shown")') })).toHaveCount(withModels.length);
      expect(await distinctPixelShare(viewer.canvas)).toBeGreaterThan(0.05);
      // The splat, drawn by Spark from the zip's bytes: at its tour stop, jade pixels fill the middle of the view.
      await viewer.tourTo(splat.title);
      await viewer.waitFrames(3);
      await expect.poll(async () => centreShare(await viewer.canvas.screenshot(), isJade), { timeout: 30_000 }).toBeGreaterThan(0.01);
      expect(errors).toEqual([]);
      const base = url.startsWith("file:") ? "file://" : host.origin;
      expect(requests.filter((u) => !u.startsWith(base) && !u.startsWith("blob:") && !u.startsWith("data:"))).toEqual([]);
      await p.close();
    }
    expect(toApp).toEqual([]);
    expect(host.requests).toContain("/viewer.js");
  } finally {
    await visitor.close();
    await host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the single-GLB export passes the Khronos validator with one node per exhibit", async ({ page }) => {
  const gallery = await openAsOwner(page);
  const view = await gallery.json();
  const withModels = view.exhibits.filter((e) => e.modelUrl && e.kind === "mesh");
  await gallery.openShare();
  await expect(page.getByRole("link", { name: "Download as one model" })).toHaveAttribute("href", `/api/galleries/${gallery.id}/export.glb`);
  const r = await page.request.get(`/api/galleries/${gallery.id}/export.glb`);
  expect(r.status()).toBe(200);
  expect(r.headers()["content-type"]).toBe("model/gltf-binary");
  const glb = new Uint8Array(await r.body());
  const report = await validateBytes(glb, { maxIssues: 100 });
  expect(report.issues.messages.filter((m: { severity: number }) => m.severity === 0)).toEqual([]);
  expect(report.issues.numErrors).toBe(0);
  // The JSON chunk: one node per exhibit, tagged with its id.
  const dv = new DataView(glb.buffer, glb.byteOffset, glb.byteLength);
  const json = JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + dv.getUint32(12, true)))) as { nodes: { name?: string; extras?: { vernissage?: { exhibitId: string } } }[] };
  const exhibitNodes = json.nodes.filter((n) => n.extras?.vernissage);
  expect(exhibitNodes.map((n) => n.extras!.vernissage!.exhibitId).sort()).toEqual(withModels.map((e) => e.id).sort());
  expect(exhibitNodes.map((n) => n.name).sort()).toEqual(withModels.map((e) => e.title).sort());
});

test("the catalogue lists every exhibit with its picture, alt text and provenance, linked from the gallery page", async ({ page }) => {
  const gallery = await openAsOwner(page);
  const view = await gallery.json();
  await page.getByRole("link", { name: "Catalogue" }).click();
  await page.waitForURL(/\/catalogue$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(view.title);
  const items = page.getByRole("list", { name: "Catalogue" }).getByRole("listitem").filter({ has: page.getByRole("article") });
  await expect(items).toHaveCount(view.exhibits.length);
  const disc = view.exhibits.find((e) => e.title === "Golden disc")!;
  await expect(page.getByRole("img", { name: disc.prompt })).toHaveAttribute("src", disc.imageUrl!);
  for (const e of view.exhibits) await expect(page.getByRole("heading", { level: 2, name: new RegExp(e.title) })).toBeVisible();
  await expect(page.getByRole("article").filter({ hasText: "Golden disc" })).toContainText("uploaded picture “golden_disc.png”");
  await expect(page.getByRole("article").filter({ hasText: "Stone tower" })).toContainText("uploaded model");
});
