import { expect, type Locator, type Page } from "@playwright/test";
import type { GalleryView } from "../../lib/contracts/gallery-view";

/** The running tour, from the scene's test probe (components/hall/scene-probe.tsx). */
export interface TourProbe {
  index: number;
  id: string | null;
  count: number;
  paused: boolean;
  arrived: boolean;
  dwelt: number;
}

/** The gallery page (/g/{id}) by its accessible names: the contract in shared/design/product.md. */
export class GalleryPage {
  readonly exhibits: Locator;
  readonly log: Locator;
  readonly status: Locator;
  readonly share: Locator;
  readonly viewLink: Locator;
  readonly editLink: Locator;
  readonly canvas: Locator;
  /** The focusable 3D view: arrow keys walk, or nudge the exhibit being moved. */
  readonly stage: Locator;
  readonly cancel: Locator;
  readonly remix: Locator;
  readonly undo: Locator;
  readonly redo: Locator;
  /** The View toolbar over the scene: Walk and Inspect (aria-pressed when on), and Start tour / Stop tour. */
  readonly view: Locator;
  /** The touch joystick (shown once the visitor has touched the screen). */
  readonly joystick: Locator;
  /** The selected exhibit's details. */
  readonly info: Locator;
  readonly tourLink: Locator;
  /** The live region naming the exhibit the tour shows. */
  readonly tourCaption: Locator;
  readonly pauseTour: Locator;
  readonly resumeTour: Locator;
  readonly nextExhibit: Locator;
  readonly previousExhibit: Locator;

  constructor(readonly page: Page) {
    this.exhibits = page.getByRole("list", { name: "Exhibits" });
    this.log = page.getByRole("log", { name: "Build log" });
    this.status = page.getByRole("status").filter({ hasText: /Gallery ready|Building|Planning|cancelled|failed|interrupted/ });
    this.share = page.getByRole("button", { name: "Share", exact: true });
    this.viewLink = page.getByRole("textbox", { name: "View link" });
    this.editLink = page.getByRole("textbox", { name: "Edit link" });
    this.canvas = page.locator("canvas").first();
    this.stage = page.locator("[data-gallery-stage]");
    this.cancel = page.getByRole("button", { name: "Cancel", exact: true });
    this.remix = page.getByRole("button", { name: "Remix", exact: true });
    this.undo = page.getByRole("button", { name: "Undo", exact: true });
    this.redo = page.getByRole("button", { name: "Redo", exact: true });
    this.view = page.getByRole("toolbar", { name: "View" });
    this.joystick = page.locator("[data-joystick]");
    this.info = page.locator('section[aria-labelledby="info-heading"]');
    this.tourLink = page.getByRole("textbox", { name: "Tour link" });
    this.tourCaption = page.getByRole("region", { name: "Tour caption" });
    this.pauseTour = page.getByRole("button", { name: "Pause tour", exact: true });
    this.resumeTour = page.getByRole("button", { name: "Resume tour", exact: true });
    this.nextExhibit = page.getByRole("button", { name: "Next exhibit", exact: true });
    this.previousExhibit = page.getByRole("button", { name: "Previous exhibit", exact: true });
  }

  viewButton(name: "Walk" | "Inspect" | "Start tour" | "Stop tour"): Locator {
    return this.view.getByRole("button", { name, exact: true });
  }

  /** Where the camera stands and looks, from the scene's test probe (null until the scene is up). */
  camera(): Promise<{ position: [number, number, number]; yaw: number; pitch: number } | null> {
    type Probe = { camera(): { position: [number, number, number]; yaw: number; pitch: number } };
    return this.page.evaluate(() => (window as unknown as { __vernissage?: Probe }).__vernissage?.camera() ?? null);
  }

  /** The running tour (null when not touring). */
  tour(): Promise<TourProbe | null> {
    type Probe = { tour(): TourProbe | null };
    return this.page.evaluate(() => (window as unknown as { __vernissage?: Probe }).__vernissage?.tour() ?? null);
  }

  /**
   * Starts the tour and pauses it at once, so it goes only where the keys send it. (On a loaded machine software
   * WebGL can hold the page's thread for seconds: the tour may be at any stop by the time the key lands.)
   */
  async startPausedTour(): Promise<void> {
    // A short tour can even end before the key lands: then start it again.
    for (let attempt = 1; ; attempt++) {
      await this.viewButton("Start tour").click();
      await expect.poll(() => this.tour()).not.toBeNull();
      await this.stage.press("Space");
      let state = false as boolean | "ended";
      await expect
        .poll(async () => {
          const tour = await this.tour();
          state = tour ? tour.paused : "ended";
          return state;
        })
        .not.toBe(false);
      if (state === true) return;
      if (attempt === 3) throw new Error("the tour ended three times before it could be paused");
      await expect(this.viewButton("Start tour")).toBeVisible();
    }
  }

  /** Steers a paused tour to stop `index` with the arrow keys and waits until it has arrived there. */
  async tourTo(index: number): Promise<void> {
    for (let at = (await this.tour())!.index; at !== index; at += at < index ? 1 : -1) {
      await this.stage.press(at < index ? "ArrowRight" : "ArrowLeft");
    }
    await expect.poll(() => this.tour(), { timeout: 60_000 }).toMatchObject({ index, arrived: true });
  }

  /** Renders `n` more frames of the scene (a wait counted in frames, not time). */
  async renderFrames(n: number): Promise<void> {
    type Probe = { renderFrames(n: number): Promise<void> };
    await this.page.evaluate((k) => (window as unknown as { __vernissage: Probe }).__vernissage.renderFrames(k), n);
  }

  get id(): string {
    const m = /\/g\/([A-Za-z0-9_-]+)/.exec(this.page.url());
    if (!m) throw new Error(`not a gallery page: ${this.page.url()}`);
    return m[1]!;
  }

  item(title: string | RegExp): Locator {
    return this.exhibits.getByRole("listitem").filter({ hasText: title });
  }

  items(): Locator {
    return this.exhibits.getByRole("listitem");
  }

  button(title: string | RegExp, name: "Regenerate" | "Swap" | "Move" | "Retry"): Locator {
    return this.item(title).getByRole("button", { name, exact: true });
  }

  async waitReady(timeout = 120_000): Promise<void> {
    await expect(this.status).toHaveText(/Gallery ready/, { timeout });
  }

  /** Exhibit titles in list (hall) order. */
  async titles(): Promise<string[]> {
    return this.items().evaluateAll((items) => items.map((li) => li.querySelector("button")?.textContent?.trim() ?? ""));
  }

  /** The gallery as the read-only JSON API serves it. */
  async json(): Promise<GalleryView> {
    const r = await this.page.request.get(`/api/galleries/${this.id}`);
    expect(r.ok()).toBe(true);
    return (await r.json()) as GalleryView;
  }

  /** The owner's edit link (opens the gallery with edit rights in any browser). */
  async editUrl(): Promise<string> {
    await this.openShare();
    await expect(this.editLink).toBeVisible();
    return this.editLink.inputValue();
  }

  async openShare(): Promise<void> {
    if ((await this.share.getAttribute("aria-expanded")) !== "true") await this.share.click();
    await expect(this.viewLink).toBeVisible();
  }
}
